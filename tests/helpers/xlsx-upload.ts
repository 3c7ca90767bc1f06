import { randomBytes } from 'node:crypto';
import ExcelJS from 'exceljs';

/** An xlsx built in code: the first array is row 1 (the header). Extra sheets optional. */
export async function xlsxOf(rows: unknown[][], opts: { sheetName?: string; before?: Array<{ name: string; rows: unknown[][] }> } = {}): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  for (const s of opts.before ?? []) wb.addWorksheet(s.name).addRows(s.rows);
  const sheet = wb.addWorksheet(opts.sheetName ?? 'Sheet1');
  for (const r of rows) sheet.addRow(r);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

/** Reads a whole xlsx (small files in tests): sheet name → rows of cell values (1-based columns dropped). */
export async function readXlsx(buf: Buffer): Promise<Map<string, unknown[][]>> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(buf as unknown as ArrayBuffer);
  const out = new Map<string, unknown[][]>();
  wb.eachSheet((sheet) => {
    const rows: unknown[][] = [];
    sheet.eachRow((row) => rows.push((row.values as unknown[]).slice(1)));
    out.set(sheet.name, rows);
  });
  return out;
}

/** A multipart/form-data body for app.inject with one or more files under `field`. */
export function multipart(files: Array<{ name: string; data: Buffer; type?: string }>, field = 'file') {
  const boundary = `----wy${randomBytes(8).toString('hex')}`;
  const parts: Buffer[] = [];
  for (const f of files) {
    parts.push(
      Buffer.from(
        `--${boundary}\r\nContent-Disposition: form-data; name="${field}"; filename="${f.name}"\r\nContent-Type: ${f.type ?? 'application/octet-stream'}\r\n\r\n`,
      ),
      f.data,
      Buffer.from('\r\n'),
    );
  }
  parts.push(Buffer.from(`--${boundary}--\r\n`));
  return { payload: Buffer.concat(parts), headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } };
}

/** A tiny valid PNG (1×1). */
export const PNG_1PX = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==',
  'base64',
);
