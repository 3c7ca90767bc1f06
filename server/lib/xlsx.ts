import { PassThrough, Readable } from 'node:stream';
import { StringDecoder } from 'node:string_decoder';
import { createInflateRaw } from 'node:zlib';
import ExcelJS from 'exceljs';
import { type ZipEntry, zipEntries } from './files.js';

/**
 * Table-shaped xlsx in and out, with exceljs only (never the `xlsx` package: unfixed CVEs on
 * reading untrusted files); columns are found by header text in row 1, in any order.
 *
 * Reading streams the rows (`readTable`): the upload is already in memory (a few MB), so its zip
 * entries are inflated here chunk by chunk, in the order the parse needs — rels, workbook.xml,
 * styles (date formats), shared strings, then the sheets in workbook order — and handed to the
 * parsers of exceljs' streaming WorkbookReader; only the kept cell values stay in memory, never a
 * workbook model (the full loader cost ~300 MB of heap for 60,000 rows of a 3.7 MB file). exceljs'
 * own streaming entry point (unzipper) is not used: it ended the zip iteration early now and then
 * when a worksheet was stored ahead of the shared strings or workbook.xml, failing the read or
 * dropping the shared strings silently, and it decodes each chunk on its own (a Chinese character
 * cut between chunks is garbled). The sizes declared by the central directory are checked first
 * and the bytes actually inflated are counted too, so a huge or malicious file is refused.
 * Differences from the full loader, all in rare cells: a hyperlink cell reads as its text, a formula
 * with a boolean result as 1/0 (the yes/no columns take both), inline rich text keeps its last run.
 * Writing (exports) streams as well.
 */

export interface ColumnSpec<K extends string = string> {
  key: K;
  /** Header text written to templates and exports, and matched on import. */
  header: string;
  /** Other header texts accepted on import (offices name columns differently). */
  aliases?: readonly string[];
  required?: boolean;
  /** Column width in characters for templates and exports. */
  width?: number;
  /** Text-formatted column ('@'), so Excel keeps long codes and leading zeros. */
  text?: boolean;
  /** Explanation for the 说明 sheet of the template. */
  note?: string;
}

/** Header comparison ignores spaces, full-width forms, '*' markers and a trailing (unit) part. */
export function normalizeHeader(value: string): string {
  return value
    .replace(/[\uFF01-\uFF5E]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0))
    .replace(/[\s\u3000*]+/g, '')
    .replace(/\([^()]*\)$/, '')
    .toLowerCase();
}

/** The text a person sees in a cell (rich text, formulas, hyperlinks, dates folded to strings). */
export function cellText(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return value.trim();
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : '';
  if (typeof value === 'boolean') return value ? '是' : '否';
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  if (typeof value === 'object') {
    const v = value as { richText?: Array<{ text: string }>; result?: unknown; text?: unknown; error?: string };
    if (Array.isArray(v.richText)) return v.richText.map((r) => r.text).join('').trim();
    if ('result' in v) return cellText(v.result);
    if ('text' in v) return cellText(v.text);
    if (v.error) return '';
  }
  return String(value).trim();
}

/** The underlying value of a formula cell, else the value itself. */
export function cellRaw(value: unknown): unknown {
  if (value && typeof value === 'object' && 'result' in (value as object)) return (value as { result: unknown }).result;
  return value;
}

export interface HeaderMatch<K extends string> {
  /** Column key → 1-based column index. */
  index: Map<K, number>;
  missing: ColumnSpec<K>[];
  /** Header texts that appear more than once. */
  duplicates: string[];
  /** Header texts no column accepts (ignored on import). */
  ignored: string[];
}

export function matchHeaders<K extends string>(headerCells: unknown[], columns: readonly ColumnSpec<K>[]): HeaderMatch<K> {
  const lookup = new Map<string, K>();
  for (const c of columns) for (const h of [c.header, ...(c.aliases ?? [])]) lookup.set(normalizeHeader(h), c.key);
  const index = new Map<K, number>();
  const duplicates: string[] = [];
  const ignored: string[] = [];
  for (let i = 0; i < headerCells.length; i++) {
    const text = cellText(headerCells[i]);
    if (!text) continue;
    const key = lookup.get(normalizeHeader(text));
    if (!key) ignored.push(text);
    else if (index.has(key)) duplicates.push(text);
    else index.set(key, i);
  }
  const missing = columns.filter((c) => c.required && !index.has(c.key));
  return { index, missing, duplicates, ignored };
}

/** Upper bound of data rows read from one sheet (a guard against decompression bombs). */
export const MAX_TABLE_ROWS = 100_000;

export interface TableRow<K extends string> {
  /** Row number as Excel shows it (header = 1). */
  row: number;
  cells: Record<K, unknown>;
}

export interface ReadTableResult<K extends string> {
  /** False when no sheet has the required headers in row 1. */
  found: boolean;
  /** True when the sheet had more data rows than `maxRows`; reading stopped there. */
  tooManyRows: boolean;
  header: HeaderMatch<K> | null;
  /** 1-based column index → column letter, for cell references in error reports. */
  columnLetter: (key: K) => string;
  rows: TableRow<K>[];
}

/**
 * Reads the first worksheet whose row 1 holds the required headers (a template's 说明 sheet and
 * other sheets are skipped). Blank rows are skipped. `onRows` is called every 1000 rows.
 */
export async function readTable<K extends string>(
  buffer: Buffer,
  columns: readonly ColumnSpec<K>[],
  onRows?: (count: number) => void,
  maxRows = MAX_TABLE_ROWS,
): Promise<ReadTableResult<K>> {
  const entries = zipEntries(buffer);
  const unpacked = entries.reduce((sum, e) => sum + e.size, 0);
  if (unpacked > MAX_UNPACKED_BYTES) throw new WorkbookTooLargeError(unpacked);
  const zip = new ZipParts(buffer, entries);
  let sheets: Array<{ path: string }>;
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(Readable.from([]), {
    sharedStrings: 'cache',
    hyperlinks: 'ignore',
    styles: 'cache', // number formats: a date cell reads as a Date, as with the full loader
    worksheets: 'emit',
    entries: 'ignore',
  }) as unknown as WorkbookReaderInternals;
  try {
    // The parts every sheet needs, in this order whatever the order of the zip.
    await reader._parseRels(zip.open('xl/_rels/workbook.xml.rels', true));
    await reader._parseWorkbook(zip.open('xl/workbook.xml', true));
    if (zip.has('xl/styles.xml')) await reader._parseStyles(zip.open('xl/styles.xml'));
    if (zip.has('xl/sharedStrings.xml')) for await (const _ of reader._parseSharedStrings(zip.open('xl/sharedStrings.xml'))) void _;
    const rels = new Map((reader.workbookRels ?? []).map((r) => [r.Id, r.Target]));
    sheets = (reader.model?.sheets ?? []).map((sheet) => {
      const target = rels.get(sheet.rId) ?? '';
      return { path: target.startsWith('/') ? target.slice(1) : `xl/${target.replace(/^\.\//, '')}` };
    });
  } catch (err) {
    if (err instanceof WorkbookTooLargeError) throw err;
    throw new UnreadableWorkbookError(err);
  }

  let best: HeaderMatch<K> | null = null;
  for (const { path } of sheets) {
    if (!zip.has(path)) continue;
    const part = zip.open(path);
    const [{ value: sheetReader }] = [...reader._parseWorksheet(part, '0')];
    let header: HeaderMatch<K> | null = null;
    const rows: TableRow<K>[] = [];
    let tooManyRows = false;
    try {
      for await (const row of sheetReader) {
        if (!header) {
          // Row 1 is the header; a sheet whose first row is further down has none.
          header = matchHeaders(row.number === 1 && row.cellCount ? ((row.values as unknown[]) ?? []) : [], columns);
          if (!best || header.index.size > best.index.size) best = header;
          if (header.missing.length > 0 || header.index.size === 0) break;
          if (row.number === 1) continue;
        }
        const values = (row.values as unknown[]) ?? [];
        const cells = {} as Record<K, unknown>;
        let blank = true;
        for (const [key, col] of header.index) {
          const value = values[col];
          // A text is a slice of the parser's chunk: a copy lets the chunk go (held rows cost half).
          cells[key] = typeof value === 'string' && value.length >= 13 ? own(value) : value;
          if (cellText(value) !== '') blank = false;
        }
        if (blank) continue;
        if (rows.length >= maxRows) {
          tooManyRows = true;
          break;
        }
        rows.push({ row: row.number, cells });
        if (onRows && rows.length % 1000 === 0) onRows(rows.length);
      }
    } catch (err) {
      if (err instanceof WorkbookTooLargeError) throw err;
      throw new UnreadableWorkbookError(err);
    } finally {
      part.destroy();
    }
    if (!header) {
      // An empty sheet: no row 1.
      header = matchHeaders([], columns);
      if (!best || header.index.size > best.index.size) best = header;
    }
    if (header.missing.length > 0 || header.index.size === 0) continue;
    return { found: true, tooManyRows, header, columnLetter: letterOf(header), rows };
  }
  return { found: false, tooManyRows: false, header: best, columnLetter: letterOf(best), rows: [] };
}

/** A flat copy of a string (V8 keeps substrings of 13+ characters as views of their parent). */
function own(text: string): string {
  return Buffer.from(text, 'utf8').toString('utf8');
}

/** The parts of exceljs' streaming WorkbookReader that readTable drives itself (exceljs 4.4). */
interface WorkbookReaderInternals {
  _parseRels(part: Readable): Promise<void>;
  _parseWorkbook(part: Readable): Promise<void>;
  _parseStyles(part: Readable): Promise<void>;
  _parseSharedStrings(part: Readable): AsyncGenerator<unknown>;
  _parseWorksheet(part: Readable, sheetNo: string): Generator<{ eventType: string; value: AsyncIterable<ExcelJS.Row> }>;
  workbookRels?: Array<{ Id: string; Target: string }>;
  model?: { sheets?: Array<{ rId: string; name: string }> };
}

/**
 * Entries of a zip held in memory, each opened as a stream of text: inflated chunk by chunk,
 * decoded as UTF-8 across chunk boundaries (exceljs decodes each chunk on its own, which breaks a
 * Chinese character cut in two), and cut off when the entries inflated so far pass
 * MAX_UNPACKED_BYTES whatever sizes the central directory declared.
 */
class ZipParts {
  private readonly byName: Map<string, ZipEntry>;
  private inflated = 0;

  constructor(
    private readonly buffer: Buffer,
    entries: ZipEntry[],
  ) {
    this.byName = new Map(entries.map((e) => [e.name, e]));
  }

  has(name: string): boolean {
    return this.byName.has(name);
  }

  open(name: string, required = false): Readable {
    const entry = this.byName.get(name);
    if (!entry) {
      if (required) throw new Error(`${name} not found`);
      return Readable.from([]);
    }
    return Readable.from(this.chunks(entry), { objectMode: false, encoding: 'utf8' });
  }

  private async *chunks(entry: ZipEntry): AsyncGenerator<string> {
    const { buffer } = this;
    const at = entry.offset;
    if (at + 30 > buffer.length || buffer.readUInt32LE(at) !== 0x04034b50) throw new Error(`bad local header for ${entry.name}`);
    const start = at + 30 + buffer.readUInt16LE(at + 26) + buffer.readUInt16LE(at + 28);
    const data = buffer.subarray(start, start + entry.compressedSize);
    const decoder = new StringDecoder('utf8');
    const count = (n: number) => {
      this.inflated += n;
      if (this.inflated > MAX_UNPACKED_BYTES) throw new WorkbookTooLargeError(this.inflated);
    };
    if (entry.method === 0) {
      count(data.length);
      yield decoder.write(data);
    } else if (entry.method === 8) {
      const inflate = createInflateRaw({ chunkSize: 64 * 1024 });
      inflate.end(data);
      try {
        for await (const chunk of inflate as AsyncIterable<Buffer>) {
          count(chunk.length);
          const text = decoder.write(chunk);
          if (text) yield text;
        }
      } finally {
        inflate.destroy();
      }
    } else {
      throw new Error(`unsupported compression method ${entry.method} for ${entry.name}`);
    }
    const rest = decoder.end();
    if (rest) yield rest;
  }
}

function letterOf<K extends string>(header: HeaderMatch<K> | null): (key: K) => string {
  const letters = new Map<K, string>();
  if (header) for (const [key, col] of header.index) letters.set(key, columnLetter(col));
  return (key) => letters.get(key) ?? '';
}

/**
 * Largest workbook (decompressed) an import opens: a 100,000-row 12345 export with long texts is
 * well below it; a zip bomb or a file far beyond what an import takes is refused before parsing.
 */
export const MAX_UNPACKED_BYTES = 400 * 1024 * 1024;

/** The upload is not a workbook exceljs can read (another zip, .xls renamed, encrypted, truncated). */
export class UnreadableWorkbookError extends Error {
  constructor(cause: unknown) {
    super(`unreadable workbook: ${(cause as Error)?.message ?? cause}`, { cause });
  }
}

/** The workbook would decompress to more than MAX_UNPACKED_BYTES. */
export class WorkbookTooLargeError extends Error {
  constructor(readonly unpackedBytes: number) {
    super(`workbook too large when decompressed: ${unpackedBytes} bytes`);
  }
}

export function columnLetter(index1: number): string {
  let n = index1;
  let s = '';
  while (n > 0) {
    const m = (n - 1) % 26;
    s = String.fromCharCode(65 + m) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}

const HEADER_FILL: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFDDEBF7' } };
const THIN: ExcelJS.Borders = {
  top: { style: 'thin' },
  left: { style: 'thin' },
  bottom: { style: 'thin' },
  right: { style: 'thin' },
} as ExcelJS.Borders;

function setupColumns(sheet: ExcelJS.Worksheet, columns: readonly ColumnSpec[]) {
  sheet.columns = columns.map((c) => ({
    key: c.key,
    header: c.header,
    width: c.width ?? Math.max(12, c.header.length * 2 + 4),
    style: c.text ? { numFmt: '@' } : {},
  }));
}

/** Header row frozen while scrolling (set at creation: streaming sheets cannot change views later). */
const FROZEN_HEADER: Partial<ExcelJS.AddWorksheetOptions> = { views: [{ state: 'frozen', ySplit: 1 }] };

function styleHeader(row: ExcelJS.Row) {
  row.font = { bold: true };
  row.alignment = { vertical: 'middle', horizontal: 'center', wrapText: true };
  row.eachCell((cell) => {
    cell.fill = HEADER_FILL;
    cell.border = THIN;
  });
  row.height = 22;
}

/**
 * An import template: the data sheet (headers, one example row, text-formatted code columns,
 * yes/no lists) and a 说明 sheet listing every column, whether it is required and what it takes.
 */
export async function buildTemplate(opts: {
  sheetName: string;
  columns: readonly ColumnSpec[];
  example: Record<string, string | number | null>;
  notes: readonly string[];
  choices?: Record<string, readonly string[]>;
}): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = '物业服务专项整治监督平台';
  const sheet = wb.addWorksheet(opts.sheetName, FROZEN_HEADER);
  setupColumns(sheet, opts.columns);
  styleHeader(sheet.getRow(1));
  sheet.addRow(opts.example);
  for (const [key, list] of Object.entries(opts.choices ?? {})) {
    const col = opts.columns.findIndex((c) => c.key === key) + 1;
    if (col < 1) continue;
    const letter = columnLetter(col);
    (sheet as unknown as { dataValidations: { add(range: string, v: ExcelJS.DataValidation): void } }).dataValidations.add(`${letter}2:${letter}100000`, {
      type: 'list',
      allowBlank: true,
      formulae: [`"${list.join(',')}"`],
    });
  }
  const help = wb.addWorksheet('说明', FROZEN_HEADER);
  help.columns = [
    { header: '列名', key: 'header', width: 26 },
    { header: '是否必填', key: 'required', width: 10 },
    { header: '填写说明', key: 'note', width: 90 },
  ];
  styleHeader(help.getRow(1));
  for (const c of opts.columns) {
    const row = help.addRow({ header: c.header, required: c.required ? '必填' : '选填', note: c.note ?? '' });
    row.alignment = { wrapText: true, vertical: 'top' };
  }
  help.addRow({});
  for (const line of opts.notes) help.addRow({ header: '', required: '', note: line }).alignment = { wrapText: true };
  return Buffer.from(await wb.xlsx.writeBuffer());
}

export interface TableWriter {
  /** The stream to send as the HTTP response body. */
  stream: PassThrough;
  addRow(values: Record<string, string | number | null>): void;
  finish(): Promise<void>;
  fail(err: unknown): void;
}

/** A streaming single-sheet table (header row styled and frozen), for exports of any size. */
export function streamTable(sheetName: string, columns: readonly ColumnSpec[]): TableWriter {
  const stream = new PassThrough();
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ stream, useStyles: true, useSharedStrings: false });
  wb.creator = '物业服务专项整治监督平台';
  const sheet = wb.addWorksheet(sheetName, FROZEN_HEADER);
  setupColumns(sheet, columns);
  const header = sheet.getRow(1);
  styleHeader(header);
  header.commit();
  return {
    stream,
    addRow(values) {
      sheet.addRow(values).commit();
    },
    async finish() {
      sheet.commit();
      await wb.commit();
    },
    fail(err) {
      stream.destroy(err instanceof Error ? err : new Error(String(err)));
    },
  };
}
