import ExcelJS from 'exceljs';
import { normaliseProblemText } from '../../../core/obligations/index.js';
import { zipEntries } from '../../lib/files.js';
import { MAX_UNPACKED_BYTES, cellRaw, cellText } from '../../lib/xlsx.js';

/**
 * 附件1 专项整治自查表, cell for cell as the district plan prints it:
 *   A1 附件1 · A2:E2 title · row 3 header line (物业项目 / 物业公司名称（盖章）/ 填报日期) ·
 *   row 4 the five column heads · rows 5–10 one per focus item, all bordered, wrapped,
 *   A4 landscape, fitted to one page wide, row 4 repeated on every printed page.
 */

export const FORM_TITLE = '专项整治自查表';
export const FORM_HEADERS = ['序号', '整改重点', '问题描述', '整改责任人及联系方式', '整改完成期限'] as const;
const WIDTHS = [6, 52, 40, 24, 14];
const FIRST_ITEM_ROW = 5;
const FONT = 'SimSun';

export interface FormSheet {
  projectName: string;
  enterpriseName: string;
  /** YYYY-MM-DD, or null for a blank form (prints 年 月 日). */
  reportDate: string | null;
  confirmation: string | null;
  items: { seq: number; text: string; problem: string | null; responsiblePerson: string | null; contact: string | null; deadline: string | null }[];
}

function chineseDate(date: string | null): string {
  if (!date) return '    年    月    日';
  const [y, m, d] = date.split('-').map(Number);
  return `${y}年${m}月${d}日`;
}

const thin = { style: 'thin' as const };
const border = { top: thin, left: thin, bottom: thin, right: thin };

export function addFormSheet(wb: ExcelJS.Workbook, name: string, form: FormSheet): ExcelJS.Worksheet {
  const ws = wb.addWorksheet(name, {
    pageSetup: {
      paperSize: 9,
      orientation: 'landscape',
      fitToPage: true,
      fitToWidth: 1,
      fitToHeight: 0,
      horizontalCentered: true,
      margins: { left: 0.6, right: 0.6, top: 0.8, bottom: 0.8, header: 0.3, footer: 0.3 },
      printTitlesRow: '4:4',
    },
  });
  ws.columns = WIDTHS.map((width) => ({ width }));
  ws.getCell('A1').value = '附件1';
  ws.getCell('A1').font = { name: '黑体', size: 12 };
  ws.mergeCells('A2:E2');
  const title = ws.getCell('A2');
  title.value = FORM_TITLE;
  title.font = { name: '方正小标宋简体', size: 20, bold: true };
  title.alignment = { horizontal: 'center', vertical: 'middle' };
  ws.getRow(2).height = 36;
  ws.mergeCells('A3:B3');
  ws.getCell('A3').value = `物业项目：${form.projectName}`;
  ws.getCell('C3').value = `物业公司名称（盖章）：${form.enterpriseName}`;
  ws.mergeCells('D3:E3');
  ws.getCell('D3').value = `填报日期：${chineseDate(form.reportDate)}`;
  for (const c of ['A3', 'C3', 'D3']) {
    ws.getCell(c).font = { name: FONT, size: 12 };
    ws.getCell(c).alignment = { vertical: 'middle', wrapText: true };
  }
  ws.getRow(3).height = 28;
  const head = ws.getRow(4);
  FORM_HEADERS.forEach((h, i) => {
    const cell = head.getCell(i + 1);
    cell.value = h;
    cell.font = { name: '黑体', size: 12 };
    cell.alignment = { horizontal: 'center', vertical: 'middle', wrapText: true };
    cell.border = border;
  });
  head.height = 36;
  form.items.forEach((item, i) => {
    const row = ws.getRow(FIRST_ITEM_ROW + i);
    const contact = [item.responsiblePerson, item.contact].filter(Boolean).join(' ');
    const values = [item.seq, item.text, item.problem ?? (form.reportDate ? '无' : ''), contact, item.deadline ? chineseDate(item.deadline) : ''];
    values.forEach((v, c) => {
      const cell = row.getCell(c + 1);
      cell.value = v;
      cell.font = { name: FONT, size: 11 };
      cell.alignment = { horizontal: c === 0 || c === 4 ? 'center' : 'left', vertical: 'middle', wrapText: true };
      cell.border = border;
    });
    row.height = 72;
  });
  if (form.confirmation) ws.headerFooter.oddFooter = `&L${form.confirmation}&R第 &P 页 共 &N 页`;
  return ws;
}

export async function buildWorkbook(sheets: { name: string; form: FormSheet }[]): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = '物业服务专项整治监督平台';
  const used = new Set<string>();
  for (const s of sheets) {
    // Sheet names: ≤ 31 chars, no []:*?/\ , unique.
    let name = s.name.replace(/[[\]:*?/\\]/g, '').slice(0, 28) || '自查表';
    for (let n = 2; used.has(name); n++) name = `${name.slice(0, 26)}-${n}`;
    used.add(name);
    addFormSheet(wb, name, s.form);
  }
  if (!sheets.length) wb.addWorksheet('自查表');
  return Buffer.from(await wb.xlsx.writeBuffer());
}

export interface ParsedRow {
  row: number;
  seq: number;
  problem: string | null;
  responsiblePerson: string | null;
  contact: string | null;
  deadline: string | null;
}
export interface ParseResult {
  projectName: string | null;
  rows: ParsedRow[];
  errors: { row: number; field: string; message: string }[];
}

const norm = (s: string) => s.replace(/[\s\u3000]+/g, '');

/** "2026年12月31日", "2026-12-31", "2026/12/31" or an Excel date → YYYY-MM-DD; null when unreadable. */
export function parseDeadline(value: unknown): string | null {
  const raw = cellRaw(value);
  if (raw instanceof Date) return raw.toISOString().slice(0, 10);
  // A date typed into a cell without a date format arrives as its Excel serial number.
  if (typeof raw === 'number' && Number.isInteger(raw) && raw > 20_000 && raw < 80_000) {
    return new Date(Date.UTC(1899, 11, 30) + raw * 86_400_000).toISOString().slice(0, 10);
  }
  const text = cellText(value);
  const m = /^(\d{4})\s*[年\-/.]\s*(\d{1,2})\s*[月\-/.]\s*(\d{1,2})\s*日?$/.exec(text);
  if (!m) return null;
  const iso = `${m[1]}-${m[2]?.padStart(2, '0')}-${m[3]?.padStart(2, '0')}`;
  const d = new Date(`${iso}T00:00:00Z`);
  return Number.isNaN(d.getTime()) || d.toISOString().slice(0, 10) !== iso ? null : iso;
}

/** "张三 13900000001" / "张三，13900000001" → person and contact (the last phone-like part). */
export function splitContact(text: string): { person: string | null; contact: string | null } {
  const t = text.trim();
  if (!t) return { person: null, contact: null };
  const m = /^(.*?)[\s,，、:：/（(]*((?:\+?86)?[\d\-－ ]{7,20})\)?）?$/.exec(t);
  if (m?.[2]) return { person: m[1]?.trim() || null, contact: m[2].replace(/\s/g, '') };
  return { person: t, contact: null };
}

/**
 * Reads a filled 附件1: recognised by its layout (a sheet whose row-4 heads are the five columns),
 * each focus-item row checked against the expected wording. Errors name the row as Excel shows it.
 */
export async function parseForm(buffer: Buffer, focus: readonly { seq: number; text: string }[]): Promise<ParseResult> {
  const errors: ParseResult['errors'] = [];
  let unpacked = 0;
  try {
    unpacked = zipEntries(buffer).reduce((s, e) => s + e.size, 0);
  } catch {
    return { projectName: null, rows: [], errors: [{ row: 0, field: 'file', message: '无法读取文件，请上传 .xlsx 格式的自查表' }] };
  }
  if (unpacked > MAX_UNPACKED_BYTES) return { projectName: null, rows: [], errors: [{ row: 0, field: 'file', message: '文件过大' }] };
  const wb = new ExcelJS.Workbook();
  try {
    await wb.xlsx.load(buffer as unknown as ArrayBuffer);
  } catch {
    return { projectName: null, rows: [], errors: [{ row: 0, field: 'file', message: '无法读取文件，请上传 .xlsx 格式的自查表' }] };
  }
  const sheet = wb.worksheets.find((ws) => {
    const heads = FORM_HEADERS.map((_, i) => norm(cellText(ws.getRow(4).getCell(i + 1).value)));
    return heads.every((h, i) => h === norm(FORM_HEADERS[i] as string)) && norm(cellText(ws.getCell('A2').value)).includes(FORM_TITLE);
  });
  if (!sheet) {
    return {
      projectName: null,
      rows: [],
      errors: [{ row: 0, field: 'file', message: '未识别为附件1专项整治自查表：第2行应为标题“专项整治自查表”，第4行应为 序号/整改重点/问题描述/整改责任人及联系方式/整改完成期限' }],
    };
  }
  const projectCell = cellText(sheet.getCell('A3').value);
  const projectName = /物业项目[:：]\s*(.*)$/.exec(projectCell)?.[1]?.trim() || null;
  const rows: ParsedRow[] = [];
  const bySeq = new Map(focus.map((f) => [f.seq, f]));
  const seen = new Set<number>();
  for (let r = FIRST_ITEM_ROW; r <= Math.max(sheet.rowCount, FIRST_ITEM_ROW + focus.length - 1); r++) {
    const row = sheet.getRow(r);
    const cells = [1, 2, 3, 4, 5].map((c) => row.getCell(c).value);
    if (cells.every((v) => cellText(v) === '')) continue;
    const seq = Number(cellText(cells[0]));
    const f = bySeq.get(seq);
    if (!Number.isInteger(seq) || !f) {
      errors.push({ row: r, field: '序号', message: `第 ${r} 行序号“${cellText(cells[0])}”不是本表的整改重点序号（1–${focus.length}）` });
      continue;
    }
    if (seen.has(seq)) errors.push({ row: r, field: '序号', message: `第 ${r} 行序号 ${seq} 重复` });
    seen.add(seq);
    if (norm(cellText(cells[1])) !== norm(f.text)) errors.push({ row: r, field: '整改重点', message: `第 ${r} 行整改重点与本专项行动第 ${seq} 项的表述不一致，请勿修改整改重点列` });
    const problem = normaliseProblemText(cellText(cells[2]));
    const { person, contact } = splitContact(cellText(cells[3]));
    const deadlineText = cellText(cells[4]);
    const deadline = deadlineText ? parseDeadline(cells[4]) : null;
    if (deadlineText && !deadline) errors.push({ row: r, field: '整改完成期限', message: `第 ${r} 行整改完成期限“${deadlineText}”不是有效日期（如 2026年12月31日）` });
    if (problem) {
      if (!person) errors.push({ row: r, field: '整改责任人及联系方式', message: `第 ${r} 行填报了问题，请填写整改责任人` });
      else if (!contact) errors.push({ row: r, field: '整改责任人及联系方式', message: `第 ${r} 行请在责任人后填写联系电话（如 张三 13900000001）` });
      if (!deadlineText) errors.push({ row: r, field: '整改完成期限', message: `第 ${r} 行填报了问题，请填写整改完成期限` });
    }
    rows.push({ row: r, seq, problem, responsiblePerson: problem ? person : null, contact: problem ? contact : null, deadline: problem ? deadline : null });
  }
  const missing = focus.filter((f) => !seen.has(f.seq)).map((f) => f.seq);
  if (missing.length) errors.push({ row: 0, field: '序号', message: `缺少第 ${missing.join('、')} 项整改重点（没有问题的请填“无”）` });
  return { projectName, rows, errors };
}
