import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { xlsxOf } from '../../tests/helpers/xlsx-upload.js';
import { zipEntries } from './files.js';
import { cellRaw, cellText, MAX_UNPACKED_BYTES, readTable, WorkbookTooLargeError } from './xlsx.js';

const COLUMNS = [
  { key: 'name', header: '项目名称', required: true },
  { key: 'code', header: '物业服务企业统一社会信用代码' },
  { key: 'households', header: '户数' },
] as const;

const fileOf = (i: number) =>
  xlsxOf([
    ['项目名称', '地址', '所属区划代码', '物业服务企业统一社会信用代码', '户数'],
    ['换物业测试小区', '磨山路 9 号', '420100-DH-02-01', `91420100MA4K${String(i).padStart(6, '0')}`, 500],
    ['无物业测试小区', '磨山路 10 号', '420100-DH-02-01', '', 80],
  ]);

describe('readTable', () => {
  it('reads every file completely: exceljs’ streaming reader dropped zip entries now and then (CI flake)', async () => {
    // The streaming reader failed about 1 read in 150 on files like these (worksheet stored before
    // workbook.xml and the shared strings); 300 reads in a row must all come back whole.
    for (let i = 0; i < 300; i++) {
      const table = await readTable(await fileOf(i), COLUMNS);
      expect(table.found).toBe(true);
      expect(table.rows.map((r) => [r.row, r.cells.name, r.cells.households])).toEqual([
        [2, '换物业测试小区', 500],
        [3, '无物业测试小区', 80],
      ]);
      expect(table.rows[0].cells.code).toBe(`91420100MA4K${String(i).padStart(6, '0')}`);
    }
  }, 60_000);

  it('refuses a workbook that would decompress beyond the limit before parsing it', async () => {
    const buf = Buffer.from(await fileOf(1));
    // Declare a huge uncompressed size for the first central-directory entry.
    const eocd = buf.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
    const cd = buf.readUInt32LE(eocd + 16);
    buf.writeUInt32LE(MAX_UNPACKED_BYTES + 1, cd + 24);
    expect(zipEntries(buf)[0].size).toBe(MAX_UNPACKED_BYTES + 1);
    await expect(readTable(buf, COLUMNS)).rejects.toBeInstanceOf(WorkbookTooLargeError);
  });

  it('reads cells as the full loader did: shared and rich text, formulas, dates, hyperlinks, blank rows, later sheets', async () => {
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet('说明').addRows([['列名', '说明'], ['项目名称', '必填']]);
    const sheet = wb.addWorksheet('数据');
    sheet.addRow(['户数', '项目名称 *', '物业服务企业统一社会信用代码']);
    sheet.addRow([{ formula: '100+20', result: 120 }, { richText: [{ text: '湖光' }, { text: '小区', font: { bold: true } }] }, { text: '91420100MA4K000001', hyperlink: 'https://example.org' }]);
    sheet.addRow([]);
    sheet.addRow([null, '   ', null]);
    sheet.getCell('A5').value = new Date(Date.UTC(2024, 1, 29));
    sheet.getCell('A5').numFmt = 'yyyy-mm-dd';
    sheet.getCell('B5').value = '长'.repeat(200_000); // a sheet part of several inflate chunks, cut inside characters
    sheet.getCell('C5').value = { formula: 'B1', result: '文本结果' };
    const buf = Buffer.from(await wb.xlsx.writeBuffer());
    const table = await readTable(buf, COLUMNS);
    expect(table.found).toBe(true);
    expect(table.columnLetter('households')).toBe('A');
    expect(table.rows.map((r) => r.row)).toEqual([2, 5]);
    const [a, b] = table.rows;
    expect(cellRaw(a.cells.households)).toBe(120);
    expect(cellText(a.cells.name)).toBe('湖光小区');
    expect(cellText(a.cells.code)).toBe('91420100MA4K000001');
    expect(cellText(b.cells.households)).toBe('2024-02-29');
    expect(cellText(b.cells.name)).toBe('长'.repeat(200_000));
    expect(cellText(b.cells.code)).toBe('文本结果');
  });

  it('finds no table and says which required column is missing', async () => {
    const table = await readTable(await xlsxOf([['地址', '户数'], ['磨山路', 1]]), COLUMNS);
    expect(table.found).toBe(false);
    expect(table.header?.missing.map((c) => c.header)).toEqual(['项目名称']);
    expect(table.rows).toEqual([]);
  });

  it('stops at the row limit and says so', async () => {
    const rows = Array.from({ length: 12 }, (_, i) => [`小区${i}`, '', i]);
    const table = await readTable(await xlsxOf([['项目名称', '物业服务企业统一社会信用代码', '户数'], ...rows]), COLUMNS, undefined, 10);
    expect(table.tooManyRows).toBe(true);
    expect(table.rows).toHaveLength(10);
  });

  it('refuses a file that is not a workbook as unreadable', async () => {
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet('a').addRow(['项目名称']);
    const buf = Buffer.from(await wb.xlsx.writeBuffer());
    const part = zipEntries(buf).find((e) => e.name === 'xl/workbook.xml')!;
    buf.fill(0xff, part.offset + 60, part.offset + 60 + Math.min(40, part.compressedSize - 30)); // corrupt its deflate data
    await expect(readTable(buf, COLUMNS)).rejects.toThrow(/unreadable workbook/);
  });
});
