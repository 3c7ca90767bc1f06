import ExcelJS from 'exceljs';
import type { MonthlyReport, RowOut } from './monthly.service.js';

/*
 * The 附件2 form exactly as the district plan prints it: "附件2", the title, the month line, the
 * 区（盖章）/汇总人/联系方式 line, the 序号/内容/数量 header, rows 1–3 with one merged figure, the
 * 专项整治工作开展以来 / 本月 / 累积 sub-header, rows 4–14, and the 典型案例 / 经验做法 rows — all
 * bordered. Cities and provinces get a second sheet with one 本月/累积 column pair per sub-region.
 */

const BODY_FONT: Partial<ExcelJS.Font> = { name: '仿宋_GB2312', size: 12 };
const BOLD_FONT: Partial<ExcelJS.Font> = { name: '黑体', size: 12 };
const TITLE_FONT: Partial<ExcelJS.Font> = { name: '方正小标宋简体', size: 20 };
const THIN: Partial<ExcelJS.Borders> = { top: { style: 'thin' }, left: { style: 'thin' }, bottom: { style: 'thin' }, right: { style: 'thin' } };
const CENTER: Partial<ExcelJS.Alignment> = { horizontal: 'center', vertical: 'middle', wrapText: true };
const LEFT: Partial<ExcelJS.Alignment> = { horizontal: 'left', vertical: 'middle', wrapText: true };

export const FORM_WIDTHS = [8, 50, 14, 14];

function monthTitle(month: string): string {
  return `（${Number(month.slice(0, 4))}年${Number(month.slice(5, 7))}月）`;
}

function figure(row: RowOut | undefined, k: 'month' | 'cumulative'): string | number {
  if (!row) return '';
  if (!row.available) return '尚无数据来源';
  return row[k] ?? 0;
}

function box(sheet: ExcelJS.Worksheet, range: string) {
  const [a, b] = range.split(':');
  const s = sheet.getCell(a);
  const e = sheet.getCell(b ?? a);
  for (let r = Number(s.row); r <= Number(e.row); r++) {
    for (let c = Number(s.col); c <= Number(e.col); c++) sheet.getCell(r, c).border = THIN;
  }
}

function put(sheet: ExcelJS.Worksheet, addr: string, value: string | number, opts: { font?: Partial<ExcelJS.Font>; align?: Partial<ExcelJS.Alignment> } = {}) {
  const cell = sheet.getCell(addr);
  cell.value = value;
  cell.font = opts.font ?? BODY_FONT;
  cell.alignment = opts.align ?? CENTER;
}

function formSheet(wb: ExcelJS.Workbook, report: MonthlyReport) {
  const sheet = wb.addWorksheet('月度工作汇总表', {
    pageSetup: { paperSize: 9, orientation: 'portrait', fitToPage: true, fitToWidth: 1, fitToHeight: 0, horizontalCentered: true, margins: { left: 0.6, right: 0.6, top: 0.8, bottom: 0.8, header: 0.3, footer: 0.3 } },
  });
  sheet.columns = FORM_WIDTHS.map((width) => ({ width }));
  put(sheet, 'A1', '附件2', { font: BOLD_FONT, align: LEFT });
  sheet.mergeCells('A2:D2');
  put(sheet, 'A2', '专项整治月度工作汇总表', { font: TITLE_FONT });
  sheet.getRow(2).height = 36;
  sheet.mergeCells('A3:D3');
  put(sheet, 'A3', monthTitle(report.month));
  sheet.mergeCells('A4:D4');
  put(sheet, 'A4', `${report.regionName}（盖章）    汇总人：${report.compiler ?? ''}    联系方式：${report.contactPhone ?? ''}`, { align: LEFT });
  sheet.getRow(4).height = 24;

  put(sheet, 'A5', '序号', { font: BOLD_FONT });
  put(sheet, 'B5', '内容', { font: BOLD_FONT });
  sheet.mergeCells('C5:D5');
  put(sheet, 'C5', '数量', { font: BOLD_FONT });
  box(sheet, 'A5:D5');

  let r = 6;
  const byNo = new Map(report.rows.map((x) => [x.no, x]));
  for (const no of [1, 2, 3]) {
    const row = byNo.get(no);
    put(sheet, `A${r}`, no);
    put(sheet, `B${r}`, row?.label ?? '', { align: LEFT });
    sheet.mergeCells(`C${r}:D${r}`);
    put(sheet, `C${r}`, figure(row, 'month'));
    box(sheet, `A${r}:D${r}`);
    r++;
  }
  sheet.mergeCells(`A${r}:B${r}`);
  put(sheet, `A${r}`, '专项整治工作开展以来', { font: BOLD_FONT });
  put(sheet, `C${r}`, '本月', { font: BOLD_FONT });
  put(sheet, `D${r}`, '累积', { font: BOLD_FONT });
  box(sheet, `A${r}:D${r}`);
  r++;
  for (let no = 4; no <= 14; no++) {
    const row = byNo.get(no);
    put(sheet, `A${r}`, no);
    put(sheet, `B${r}`, row?.label ?? '', { align: LEFT });
    put(sheet, `C${r}`, figure(row, 'month'));
    put(sheet, `D${r}`, figure(row, 'cumulative'));
    if (row?.note && row.available) sheet.getCell(`C${r}`).note = row.note;
    box(sheet, `A${r}:D${r}`);
    r++;
  }
  put(sheet, `A${r}`, '项   目', { font: BOLD_FONT });
  sheet.mergeCells(`B${r}:D${r}`);
  put(sheet, `B${r}`, '详 细 描 述', { font: BOLD_FONT });
  box(sheet, `A${r}:D${r}`);
  r++;
  for (const [label, text] of [
    ['典型案例\n和事例', report.typicalCases],
    ['专项整治\n经验做法', report.experience],
  ] as const) {
    put(sheet, `A${r}`, label);
    sheet.mergeCells(`B${r}:D${r}`);
    put(sheet, `B${r}`, `${text || ''}\n（内容可另附）`, { align: { ...LEFT, vertical: 'top' } });
    sheet.getRow(r).height = Math.max(90, 18 * (1 + Math.ceil((text || '').length / 40)));
    box(sheet, `A${r}:D${r}`);
    r++;
  }
  return sheet;
}

function rollUpSheet(wb: ExcelJS.Workbook, report: MonthlyReport) {
  const sheet = wb.addWorksheet('分区汇总', { pageSetup: { paperSize: 9, orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0 } });
  const entries = [...report.subRegions.map((s) => ({ name: s.regionName, rows: s.rows })), { name: '合计', rows: report.rows }];
  sheet.columns = [{ width: 6 }, { width: 40 }, ...entries.flatMap(() => [{ width: 10 }, { width: 10 }])];
  const last = 2 + entries.length * 2;
  sheet.mergeCells(1, 1, 1, last);
  put(sheet, 'A1', `专项整治月度工作汇总表（分区汇总）${monthTitle(report.month)}`, { font: { ...TITLE_FONT, size: 16 } });
  sheet.mergeCells(2, 1, 2, last);
  put(sheet, 'A2', `${report.regionName}（盖章）    汇总人：${report.compiler ?? ''}    联系方式：${report.contactPhone ?? ''}`, { align: LEFT });
  sheet.mergeCells('A3:A4');
  put(sheet, 'A3', '序号', { font: BOLD_FONT });
  sheet.mergeCells('B3:B4');
  put(sheet, 'B3', '内容', { font: BOLD_FONT });
  entries.forEach((e, i) => {
    const c = 3 + i * 2;
    sheet.mergeCells(3, c, 3, c + 1);
    Object.assign(sheet.getCell(3, c), { value: e.name, font: BOLD_FONT, alignment: CENTER });
    Object.assign(sheet.getCell(4, c), { value: '本月', font: BOLD_FONT, alignment: CENTER });
    Object.assign(sheet.getCell(4, c + 1), { value: '累积', font: BOLD_FONT, alignment: CENTER });
  });
  for (let no = 1; no <= 14; no++) {
    const r = 4 + no;
    const def = report.rows.find((x) => x.no === no);
    Object.assign(sheet.getCell(r, 1), { value: no, font: BODY_FONT, alignment: CENTER });
    Object.assign(sheet.getCell(r, 2), { value: def?.label ?? '', font: BODY_FONT, alignment: LEFT });
    entries.forEach((e, i) => {
      const row = e.rows.find((x) => x.no === no);
      Object.assign(sheet.getCell(r, 3 + i * 2), { value: figure(row, 'month'), font: BODY_FONT, alignment: CENTER });
      Object.assign(sheet.getCell(r, 4 + i * 2), { value: figure(row, 'cumulative'), font: BODY_FONT, alignment: CENTER });
    });
  }
  for (let r = 3; r <= 18; r++) for (let c = 1; c <= last; c++) sheet.getCell(r, c).border = THIN;
  sheet.views = [{ state: 'frozen', xSplit: 2, ySplit: 4 }];
}

/** The 附件2 workbook; with sub-regions also the roll-up sheet (one column pair per sub-region, then 合计). */
export async function monthlyWorkbook(report: MonthlyReport): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = '物业服务专项整治监督平台';
  formSheet(wb, report);
  if (report.subRegions.length) rollUpSheet(wb, report);
  return Buffer.from(await wb.xlsx.writeBuffer());
}
