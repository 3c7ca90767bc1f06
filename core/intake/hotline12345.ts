import { isPhoneNumber } from '../validation.js';

/**
 * 12345 hotline work-order exports (SPEC §5 "Interchange"). The city platforms' export
 * layouts differ in column names, so every field has a synonym list; a layout none of them
 * matches is imported with a hand-made mapping {field: their header}. Pure: the server reads
 * the xlsx (server/lib/xlsx.ts) and hands the cells here.
 */

export type HotlineField =
  | 'externalRef'
  | 'source'
  | 'cityRef'
  | 'subject'
  | 'content'
  | 'handlingUnit'
  | 'contactName'
  | 'contactPhone'
  | 'majorCategory'
  | 'minorCategory'
  | 'receivedAt'
  | 'dispatchedAt'
  | 'promisedAt'
  | 'upstreamStatus'
  | 'address'
  | 'projectName';

export interface HotlineFieldSpec {
  key: HotlineField;
  /** The header written to our template (the most common 12345 export header). */
  header: string;
  /** Other export headers recognised without a mapping. */
  aliases: readonly string[];
  required?: boolean;
  width?: number;
  text?: boolean;
  note: string;
}

/** The synonym table. Order = template column order. */
export const HOTLINE_FIELDS: readonly HotlineFieldSpec[] = [
  { key: 'externalRef', header: '办件编号', aliases: ['工单编号', '工单号', '办件号', '受理编号', '受理号', '事项编号', '热线工单号', '12345工单编号'], required: true, text: true, width: 22, note: '必填。12345 平台的办件（工单）编号；重复导入同一编号只更新，不会重复登记。' },
  { key: 'source', header: '办件来源', aliases: ['来源', '来源渠道', '受理渠道', '工单来源', '诉求渠道'], width: 12, note: '选填，如 电话、网络、微信。' },
  { key: 'cityRef', header: '市级编号', aliases: ['市级工单编号', '市平台编号', '市级办件编号', '上级编号'], text: true, width: 20, note: '选填，市级平台的编号。' },
  { key: 'subject', header: '诉求主题', aliases: ['工单标题', '标题', '主题', '诉求标题', '事项标题'], width: 24, note: '选填，最多 200 字；登记时放在诉求内容前。' },
  { key: 'content', header: '诉求内容', aliases: ['工单内容', '来电内容', '反映内容', '诉求描述', '问题描述', '事项内容', '内容'], required: true, width: 60, note: '必填，2–4000 字。' },
  { key: 'handlingUnit', header: '办理单位', aliases: ['承办单位', '责任单位', '处置单位', '交办单位', '主办单位'], width: 20, note: '选填，12345 平台派发的单位（仅记录，派单以本平台为准）。' },
  { key: 'contactName', header: '诉求人', aliases: ['来电人', '来电人姓名', '联系人', '反映人', '诉求人姓名', '市民姓名', '姓名'], width: 10, note: '选填，最多 50 字；加密保存，企业用户不可见。' },
  { key: 'contactPhone', header: '诉求人电话', aliases: ['联系电话', '来电号码', '来电电话', '来电人电话', '诉求人联系电话', '联系方式', '电话'], text: true, width: 16, note: '选填，手机或固话；加密保存。已脱敏的号码（含 *）不保存。' },
  { key: 'majorCategory', header: '事项大类', aliases: ['问题大类', '一级分类', '诉求大类', '业务大类'], width: 14, note: '选填（仅记录；整治类别由本平台分拣）。' },
  { key: 'minorCategory', header: '事项小类', aliases: ['问题小类', '二级分类', '诉求小类', '业务小类'], width: 14, note: '选填（仅记录）。' },
  { key: 'receivedAt', header: '受理时间', aliases: ['来电时间', '登记时间', '创建时间', '诉求时间', '接件时间'], width: 20, note: '选填，如 2026-03-02 09:30；缺省取派发时间。' },
  { key: 'dispatchedAt', header: '派发时间', aliases: ['交办时间', '派单时间', '转办时间', '下派时间'], width: 20, note: '选填，如 2026-03-02 10:00。' },
  { key: 'promisedAt', header: '承诺完成时间', aliases: ['办结时限', '办理时限', '要求完成时间', '截止时间', '承诺办结时间', '到期时间'], width: 20, note: '选填，12345 平台的办结时限（仅记录；本平台时限按工作日另行计算）。' },
  { key: 'upstreamStatus', header: '办件状态', aliases: ['工单状态', '办理状态', '状态', '处理状态'], width: 12, note: '选填，12345 平台上的状态（仅记录）。' },
  { key: 'address', header: '事发地址', aliases: ['地址', '诉求地址', '事件地址', '问题地址', '发生地址', '详细地址'], width: 30, note: '选填，最多 200 字。' },
  { key: 'projectName', header: '小区名称', aliases: ['项目名称', '小区', '物业项目', '涉及小区'], width: 20, note: '选填。与辖区内已登记项目名称一致时，线索归入该项目及其所在区划。' },
];

export const HOTLINE_FIELD_KEYS: readonly HotlineField[] = HOTLINE_FIELDS.map((f) => f.key);

/** Header comparison: full-width → half-width, no spaces or '*' markers, no trailing (…), lower case. */
export function normaliseHeader(value: string): string {
  return value
    .replace(/[\uFF01-\uFF5E]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0))
    .replace(/[\s\u3000*]+/g, '')
    .replace(/\([^()]*\)$/, '')
    .toLowerCase();
}

export type HeaderMapping = Partial<Record<HotlineField, string>>;

export interface MappingProblem {
  field: string;
  message: string;
}

/** Checks a hand-made mapping {field: their header}: known fields, non-empty headers, no header used twice. */
export function checkMapping(mapping: unknown): { ok: true; mapping: HeaderMapping } | { ok: false; problems: MappingProblem[] } {
  if (!mapping || typeof mapping !== 'object' || Array.isArray(mapping)) {
    return { ok: false, problems: [{ field: 'mapping', message: '列对应关系应为 JSON 对象，如 {"externalRef":"流水号","content":"内容"}' }] };
  }
  const problems: MappingProblem[] = [];
  const out: HeaderMapping = {};
  const used = new Map<string, string>();
  for (const [field, header] of Object.entries(mapping)) {
    if (!(HOTLINE_FIELD_KEYS as readonly string[]).includes(field)) {
      problems.push({ field, message: `未知字段「${field}」，可用字段：${HOTLINE_FIELD_KEYS.join('、')}` });
      continue;
    }
    if (typeof header !== 'string' || !header.trim() || header.length > 100) {
      problems.push({ field, message: `字段「${field}」对应的表头应为 1–100 个字的文字` });
      continue;
    }
    const n = normaliseHeader(header);
    const other = used.get(n);
    if (other) problems.push({ field, message: `表头「${header}」同时对应了「${other}」和「${field}」，一列只能对应一个字段` });
    used.set(n, field);
    out[field as HotlineField] = header.trim();
  }
  return problems.length ? { ok: false, problems } : { ok: true, mapping: out };
}

/**
 * The column specs to read a file with: for a mapped field only its mapped header; otherwise the
 * standard header and its synonyms (a header the mapping claims is removed from the synonyms).
 */
export function columnSpecsFor(mapping: HeaderMapping = {}): HotlineFieldSpec[] {
  const claimed = new Set(Object.values(mapping).map((h) => normaliseHeader(h as string)));
  return HOTLINE_FIELDS.map((f) => {
    const mapped = mapping[f.key];
    if (mapped) return { ...f, header: mapped, aliases: [] };
    const names = [f.header, ...f.aliases].filter((h) => !claimed.has(normaliseHeader(h)));
    return { ...f, header: names[0] ?? `\u0000${f.key}`, aliases: names.slice(1) };
  });
}

export interface HeaderRecognition {
  /** field → 0-based position in the header row. */
  index: Map<HotlineField, number>;
  missing: HotlineField[];
  unknown: string[];
  duplicates: string[];
}

/** Which column holds which field, from the header row texts. */
export function recogniseHeaders(headers: readonly string[], mapping: HeaderMapping = {}): HeaderRecognition {
  const lookup = new Map<string, HotlineField>();
  for (const spec of columnSpecsFor(mapping)) for (const h of [spec.header, ...spec.aliases]) lookup.set(normaliseHeader(h), spec.key);
  const index = new Map<HotlineField, number>();
  const unknown: string[] = [];
  const duplicates: string[] = [];
  headers.forEach((h, i) => {
    if (!h?.trim()) return;
    const key = lookup.get(normaliseHeader(h));
    if (!key) unknown.push(h);
    else if (index.has(key)) duplicates.push(h);
    else index.set(key, i);
  });
  const missing = HOTLINE_FIELDS.filter((f) => f.required && !index.has(f.key)).map((f) => f.key);
  return { index, missing, unknown, duplicates };
}

// -----------------------------------------------------------------------------------------------
// Cell values
// -----------------------------------------------------------------------------------------------

const CHINA_OFFSET_MS = 8 * 3600 * 1000;

/**
 * A date-time as written in an export, in China time (UTC+8, no daylight saving):
 * "2026-03-02 09:30[:00]", "2026/3/2 9:30", "2026年3月2日 9时30分", "2026-03-02", or an Excel
 * date cell (exceljs gives a Date whose UTC fields are the wall-clock time shown in Excel).
 * Returns the instant, null for blank, or 'bad'.
 */
export function parseChinaDateTime(raw: unknown): Date | null | 'bad' {
  if (raw === null || raw === undefined || raw === '') return null;
  if (raw instanceof Date) {
    if (Number.isNaN(raw.getTime())) return 'bad';
    return new Date(raw.getTime() - CHINA_OFFSET_MS);
  }
  if (typeof raw === 'number') {
    // Excel serial date (days since 1899-12-30), when a date column arrives as a number.
    if (!Number.isFinite(raw) || raw < 20000 || raw > 80000) return 'bad';
    return new Date(Math.round((raw - 25569) * 86400 * 1000) - CHINA_OFFSET_MS);
  }
  const text = String(raw).trim();
  if (!text) return null;
  const m = /^(\d{4})[-/.年](\d{1,2})[-/.月](\d{1,2})日?(?:[ T]+(\d{1,2})[:时](\d{1,2})分?(?:[:](\d{1,2})秒?)?)?$/.exec(text);
  if (!m) return 'bad';
  const [y, mo, d, h = '0', mi = '0', s = '0'] = m.slice(1);
  const nums = [y, mo, d, h, mi, s].map(Number);
  if (nums[1] < 1 || nums[1] > 12 || nums[2] < 1 || nums[2] > 31 || nums[3] > 23 || nums[4] > 59 || nums[5] > 59) return 'bad';
  const utc = Date.UTC(nums[0], nums[1] - 1, nums[2], nums[3], nums[4], nums[5]);
  const check = new Date(utc);
  if (check.getUTCDate() !== nums[2] || check.getUTCMonth() !== nums[1] - 1) return 'bad';
  return new Date(utc - CHINA_OFFSET_MS);
}

export interface HotlineRowInput {
  /** Cell text per field ('' when blank or the column is absent). */
  text: Partial<Record<HotlineField, string>>;
  /** Raw cell values (Date, number, string) for date and number checks. */
  raw: Partial<Record<HotlineField, unknown>>;
}

export interface HotlineRecord {
  externalRef: string;
  source: string | null;
  cityRef: string | null;
  subject: string | null;
  content: string;
  /** What the lead's description becomes: 【subject】content. */
  description: string;
  handlingUnit: string | null;
  contactName: string | null;
  contactPhone: string | null;
  majorCategory: string | null;
  minorCategory: string | null;
  receivedAt: Date | null;
  dispatchedAt: Date | null;
  promisedAt: Date | null;
  upstreamStatus: string | null;
  address: string | null;
  projectName: string | null;
}

/**
 * A problem with one cell. Messages say which column is wrong and how to fix it; they never
 * repeat the complainant's name or phone (the caller stores row errors with the import job).
 */
export interface RowIssue {
  field: HotlineField;
  message: string;
}

const MAX_SAFE_DIGITS = 15;

/** Validates one data row. Errors stop the import; warnings are reported and the row still imports. */
export function parseHotlineRow(input: HotlineRowInput): { record: HotlineRecord; errors: RowIssue[]; warnings: RowIssue[] } {
  const errors: RowIssue[] = [];
  const warnings: RowIssue[] = [];
  const t = (k: HotlineField) => (input.text[k] ?? '').trim();
  const opt = (k: HotlineField, max: number, label: string) => {
    const v = t(k);
    if (!v) return null;
    if (v.length > max) errors.push({ field: k, message: `${label}不超过 ${max} 个字` });
    return v;
  };

  const externalRef = t('externalRef');
  const rawRef = input.raw.externalRef;
  if (!externalRef) errors.push({ field: 'externalRef', message: '办件编号不能为空' });
  else if (typeof rawRef === 'number' && (!Number.isSafeInteger(rawRef) || externalRef.replace(/\D/g, '').length > MAX_SAFE_DIGITS)) {
    errors.push({ field: 'externalRef', message: '办件编号被 Excel 存成了数字，末几位可能已丢失：请把该列设为“文本”格式后重新导出或填写' });
  } else if (externalRef.length > 64 || !/^[0-9A-Za-z_\-/.]+$/.test(externalRef)) {
    errors.push({ field: 'externalRef', message: `办件编号「${externalRef.slice(0, 70)}」格式不对：应为不超过 64 位的字母、数字或 - _ / .` });
  }

  const subject = opt('subject', 200, '诉求主题');
  const content = t('content');
  if (!content) errors.push({ field: 'content', message: '诉求内容不能为空' });
  else if (content.length < 2 || content.length > 4000) errors.push({ field: 'content', message: '诉求内容应为 2–4000 个字' });
  const description = subject && content && !content.startsWith(subject) ? `【${subject}】${content}` : content;

  const contactName = opt('contactName', 50, '诉求人');
  let contactPhone: string | null = t('contactPhone') || null;
  if (contactPhone) {
    const phone = contactPhone.replace(/\s/g, '');
    if (/[*＊]/.test(phone)) {
      warnings.push({ field: 'contactPhone', message: '号码已脱敏（含 *），不保存联系电话' });
      contactPhone = null;
    } else if (!isPhoneNumber(phone)) {
      // Never echo the value: row errors are kept in import_jobs.errors (even on a dry run).
      errors.push({ field: 'contactPhone', message: '诉求人电话格式不正确：应为 11 位手机号或带区号的固定电话（如 027-85551234），请核对后重新导入' });
    } else contactPhone = phone;
  }

  const date = (k: HotlineField, label: string): Date | null => {
    const v = parseChinaDateTime(input.raw[k] instanceof Date || typeof input.raw[k] === 'number' ? input.raw[k] : t(k));
    if (v === 'bad') {
      errors.push({ field: k, message: `${label}「${t(k).slice(0, 30)}」无法识别，请写成 2026-03-02 09:30 这样的格式` });
      return null;
    }
    return v;
  };
  const receivedAt = date('receivedAt', '受理时间');
  const dispatchedAt = date('dispatchedAt', '派发时间');
  const promisedAt = date('promisedAt', '承诺完成时间');
  if (promisedAt && (receivedAt ?? dispatchedAt) && promisedAt < (receivedAt ?? dispatchedAt)!) {
    warnings.push({ field: 'promisedAt', message: '承诺完成时间早于受理（派发）时间，请核对' });
  }

  return {
    record: {
      externalRef,
      source: opt('source', 50, '办件来源'),
      cityRef: opt('cityRef', 64, '市级编号'),
      subject,
      content,
      description,
      handlingUnit: opt('handlingUnit', 100, '办理单位'),
      contactName,
      contactPhone,
      majorCategory: opt('majorCategory', 50, '事项大类'),
      minorCategory: opt('minorCategory', 50, '事项小类'),
      receivedAt,
      dispatchedAt,
      promisedAt,
      upstreamStatus: opt('upstreamStatus', 30, '办件状态'),
      address: opt('address', 200, '事发地址'),
      projectName: opt('projectName', 100, '小区名称'),
    },
    errors,
    warnings,
  };
}
