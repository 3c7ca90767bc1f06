import { validateUscc } from '../uscc.js';

/**
 * Automatic redaction of residents' personal data in free text (typical cases for publication,
 * problem descriptions derived from complaints). It finds and replaces:
 *   - 18-digit resident ID numbers (checksum-aware, see `idNumberKind`), also 15-digit old ones after an ID cue;
 *   - mobile numbers (+86 optional, spaces/dashes allowed) and landlines with an area code or after a phone cue;
 *   - room numbers: 3栋2单元501室, 3号楼2单元501, 5-2-301, 二单元502室, 1801室 (a building alone stays);
 *   - e-mail addresses, WeChat ids (after 微信/微信号/wx/vx) and QQ numbers (after QQ/扣扣);
 *   - personal names after cue words (业主/住户/投诉人/举报人/居民/来电人/联系人/姓名 …) and before
 *     先生/女士, as a common surname + 1–2 characters → 张某 / 张先生.
 * Company names, street addresses without room numbers and anonymised forms (张某, 王先生) stay.
 * The result is a suggestion: a person checks it before publication (the redactionChecked flag).
 */

export type RedactionKind = 'id_number' | 'mobile' | 'landline' | 'email' | 'wechat' | 'qq' | 'room' | 'name';

export interface RedactionFinding {
  kind: RedactionKind;
  original: string;
  replacement: string;
  /** Offset of `original` in the input text. */
  index: number;
}

export interface RedactionResult {
  text: string;
  findings: RedactionFinding[];
}

const ID_WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const ID_CHECK = '10X98765432';

/** The GB 11643 check character for the first 17 digits. */
export function idCheckChar(first17: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += Number(first17[i]) * (ID_WEIGHTS[i] as number);
  return ID_CHECK[sum % 11] as string;
}

function validDate(y: number, m: number, d: number): boolean {
  if (m < 1 || m > 12 || d < 1) return false;
  return d <= new Date(Date.UTC(y, m, 0)).getUTCDate();
}

/**
 * 'valid': an 18-character resident ID (province code 11–91, birth date 1900–2099) with a correct
 * check character; 'suspect': that structure but a wrong check character (a typo still identifies a
 * person, so it is redacted too) unless it is a valid 统一社会信用代码; null: not an ID number.
 */
export function idNumberKind(value: string): 'valid' | 'suspect' | null {
  const v = value.toUpperCase();
  if (!/^\d{17}[\dX]$/.test(v)) return null;
  const province = Number(v.slice(0, 2));
  const y = Number(v.slice(6, 10));
  const structure = province >= 11 && province <= 91 && y >= 1900 && y <= 2099 && validDate(y, Number(v.slice(10, 12)), Number(v.slice(12, 14)));
  if (!structure) return null;
  if (idCheckChar(v.slice(0, 17)) === v[17]) return 'valid';
  // A company's 统一社会信用代码 that happens to be all digits is not a person's ID.
  return validateUscc(v).ok ? null : 'suspect';
}

/** Common Chinese surnames (single and compound), enough to anchor names next to cue words. */
const COMPOUND_SURNAMES = ['欧阳', '司马', '上官', '诸葛', '东方', '皇甫', '尉迟', '公孙', '慕容', '长孙', '宇文', '司徒', '夏侯', '令狐'];
const SURNAMES = new Set(
  [
    ...'王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖萧田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付傅方白邹孟熊秦邱江尹薛闫阎段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤常温康施文牛樊葛邢安齐易乔伍庞颜倪庄聂章鲁岳翟殷詹申欧耿关兰焦俞左柳甘祝包宁尚符舒阮柯纪梅童凌毕单季裴霍涂成苗谷盛曲翁冉骆蓝路游辛靳管柴蒙鲍华喻祁蒲房滕屈饶解牟艾尤阳时穆农司卓古吉缪简车项连芦麦褚娄窦戚岑景党宫费卜冷晏席卫米柏宗瞿桂全佟应臧闵苟邬边卞姬师和仇栾隋商刁沙荣巫寇桑郎甄丛仲虞敖巩明佘池查麻苑迟邝',
  ],
);

/** Words that follow a cue word but are not a name (业主大会, 住户家中, 业主方面 …). */
const NOT_A_NAME = /^(委员会|大会|方面|代表|们|共有|权益|利益|自治|群|信息|车辆|家中|家里|家|户|门|房|楼|人数|反映|投诉|举报|称|表示|要求|认为|联系|电话|手机|姓名|所|均|都|也|及|和|与|多次|曾|已|于|在|向|对|被|将|因|等|的|一家|一户|夫妇|本人)/;

/** Characters/words that end a name (业主张三反映… → 张三). */
const NAME_STOP = /^(反映|称|说|投诉|举报|表示|家|等|于|在|向|的|因|来电|致电|女士|先生|和|与|及|同|被|将|对|发现|要求|认为|拨打|通过|多次|曾|已|也|都|夫妇|一家|户|居住|入住|购买|缴纳|拒|遭|后|时|把|让|到|从|是|为|所|经|系|之|因为|名下|本人|某)/;

const NAME_CUES = ['业主', '住户', '投诉人', '举报人', '反映人', '来电人', '来访人', '信访人', '居民', '租户', '房东', '联系人', '姓名', '名叫', '受害人', '户主'];
const CUE_RE = new RegExp(`(${NAME_CUES.join('|')})[：:\\s]*`, 'g');

const HAN = /\p{Script=Han}/u;

/** Reads a name starting at `pos` (surname + 1–2 characters), or null. */
function readName(text: string, pos: number): string | null {
  const rest = text.slice(pos);
  if (NOT_A_NAME.test(rest)) return null;
  const compound = COMPOUND_SURNAMES.find((s) => rest.startsWith(s));
  const surname = compound ?? (SURNAMES.has(rest[0] ?? '') ? (rest[0] as string) : null);
  if (!surname) return null;
  let name = surname;
  for (let i = 0; i < 2; i++) {
    const at = rest.slice(name.length);
    const ch = at[0];
    if (!ch || !HAN.test(ch) || NAME_STOP.test(at)) break;
    name += ch;
  }
  if (name === surname) return null; // surname alone (张某 / 王先生 are already anonymous)
  return name;
}

interface Span {
  start: number;
  end: number;
  kind: RedactionKind;
  replacement: string;
}

const CN_DIGIT = '0-9０-９一二三四五六七八九十〇零两';

function roomSpans(text: string): Span[] {
  const spans: Span[] = [];
  const n = `[${CN_DIGIT}]+`;
  const patterns = [
    // 3栋2单元501室, 3号楼2单元5层501, 12幢1801室, 3栋501室
    new RegExp(`${n}(?:栋|幢|号楼|座)(?:${n}单元)?(?:${n}(?:层|楼))?${n}(?:室|号房|房|号)?`, 'g'),
    // 2单元501室
    new RegExp(`${n}单元(?:${n}(?:层|楼))?${n}(?:室|号房|房|号)?`, 'g'),
    // 5-2-301 / 5-2-301室
    /(?<![\d-])\d{1,3}-\d{1,2}-\d{2,4}(?:室|号)?(?![\d-])/g,
    // 1801室 / 501房
    new RegExp(`(?<![${CN_DIGIT}])[${CN_DIGIT}]{3,4}(?:室|房)(?!间)`, 'g'),
  ];
  for (const re of patterns) {
    for (const m of text.matchAll(re)) {
      const original = m[0];
      // A building alone ("3栋") must not match: the first pattern needs a room part.
      if (/^[^栋幢楼座]+(栋|幢|号楼|座)$/.test(original)) continue;
      spans.push({ start: m.index, end: m.index + original.length, kind: 'room', replacement: '某室' });
    }
  }
  return spans;
}

function idSpans(text: string): Span[] {
  const spans: Span[] = [];
  for (const m of text.matchAll(/(?<![0-9A-Za-z])\d{17}[\dXx](?![0-9A-Za-z])/g)) {
    if (idNumberKind(m[0])) spans.push({ start: m.index, end: m.index + 18, kind: 'id_number', replacement: '[身份证号已隐去]' });
  }
  for (const m of text.matchAll(/(身份证(?:号码|号)?|证件号(?:码)?)[：:\s]*(\d{15})(?!\d)/g)) {
    const start = m.index + m[0].length - 15;
    spans.push({ start, end: start + 15, kind: 'id_number', replacement: '[身份证号已隐去]' });
  }
  return spans;
}

function phoneSpans(text: string): Span[] {
  const spans: Span[] = [];
  for (const m of text.matchAll(/(?<![\d])(?:(?:\+|00)?86[-\s]?)?1[3-9]\d[-\s]?\d{4}[-\s]?\d{4}(?!\d)/g)) {
    spans.push({ start: m.index, end: m.index + m[0].length, kind: 'mobile', replacement: '[手机号码已隐去]' });
  }
  // Landline with area code: 027-59900001, 027 5990 0001, (027)59900001, 02759900001.
  for (const m of text.matchAll(/(?<![\d])(?:[(（]0\d{2,3}[)）]|0\d{2,3}[-\s]?)\d{3,4}[-\s]?\d{4}(?:-\d{1,6})?(?!\d)/g)) {
    spans.push({ start: m.index, end: m.index + m[0].length, kind: 'landline', replacement: '[电话号码已隐去]' });
  }
  // 7–8 digits after a phone cue: 电话59900001.
  for (const m of text.matchAll(/(电话|座机|固话|联系方式|号码)[：:\s为是]*(\d{7,8})(?!\d)/g)) {
    const digits = m[2] as string;
    const start = m.index + m[0].length - digits.length;
    spans.push({ start, end: start + digits.length, kind: 'landline', replacement: '[电话号码已隐去]' });
  }
  return spans;
}

/**
 * Online contact handles: any e-mail address; a WeChat id (6–20 characters, starting with a letter,
 * or a phone number) after 微信/微信号/wx/vx/weixin; a QQ number (5–11 digits) after QQ/扣扣/企鹅号.
 */
function handleSpans(text: string): Span[] {
  const spans: Span[] = [];
  for (const m of text.matchAll(/(?<![A-Za-z0-9._%+-])[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}(?![A-Za-z0-9-])/g)) {
    spans.push({ start: m.index, end: m.index + m[0].length, kind: 'email', replacement: '[电子邮箱已隐去]' });
  }
  for (const m of text.matchAll(/(微信号?|weixin|wechat|wx|vx|v信)(?:号|账号|ID|id)?[：:\s为是]*([A-Za-z][-_A-Za-z0-9]{5,19}|1[3-9]\d{9})(?![-_A-Za-z0-9])/gi)) {
    const id = m[2] as string;
    const start = m.index + m[0].length - id.length;
    spans.push({ start, end: start + id.length, kind: 'wechat', replacement: '[微信号已隐去]' });
  }
  for (const m of text.matchAll(/(QQ|扣扣|企鹅号)(?:号码|号)?[：:\s为是]*([1-9]\d{4,10})(?!\d)/gi)) {
    const id = m[2] as string;
    const start = m.index + m[0].length - id.length;
    spans.push({ start, end: start + id.length, kind: 'qq', replacement: '[QQ号已隐去]' });
  }
  return spans;
}

function nameSpans(text: string): Span[] {
  const spans: Span[] = [];
  for (const m of text.matchAll(CUE_RE)) {
    const pos = m.index + m[0].length;
    const name = readName(text, pos);
    if (name) spans.push({ start: pos, end: pos + name.length, kind: 'name', replacement: `${surnameOf(name)}某` });
  }
  // 张三先生 / 李四女士 / 王小明阿姨 → 张先生
  for (const m of text.matchAll(/(\p{Script=Han}{2,4}?)(先生|女士|阿姨|大爷|师傅)/gu)) {
    const candidate = m[1] as string;
    // Try the last 2 and 3 characters before the title as surname + given name.
    for (const len of [3, 2]) {
      if (candidate.length < len) continue;
      const name = candidate.slice(-len);
      if (FUNCTION_CHARS.includes(name[0] as string)) continue;
      const surname = surnameOf(name);
      if (!surname || name.length - surname.length < 1 || name.includes('某')) continue;
      const start = m.index + candidate.length - len;
      spans.push({ start, end: start + name.length, kind: 'name', replacement: surname });
      break;
    }
  }
  return spans;
}

/** Characters that are surnames but far more often function words right before a name (和李四女士). */
const FUNCTION_CHARS = '和与及同向对给让的是为被将把找叫请在于有位名经时应成明常';

function surnameOf(name: string): string {
  const compound = COMPOUND_SURNAMES.find((s) => name.startsWith(s));
  if (compound) return compound;
  return SURNAMES.has(name[0] ?? '') ? (name[0] as string) : '';
}

const COMPANY_SUFFIX = /^\p{Script=Han}{0,20}?(?:有限责任公司|股份有限公司|有限公司|公司|集团|物业服务中心|管理处)/u;

/** A "name" that is really the start of a company name (业主方圆物业有限公司 → 方圆 is not a person). */
function startsCompanyName(text: string, s: Span): boolean {
  const after = text.slice(s.end);
  if (NAME_STOP.test(after)) return false;
  return COMPANY_SUFFIX.test(text.slice(s.start));
}

export interface RedactionOptions {
  /** Exact strings never to redact (e.g. the enterprise's name, the project's address). */
  keep?: readonly string[];
  /** Names known to be residents' (e.g. the decrypted complainant name): redacted wherever they occur. */
  knownNames?: readonly string[];
}

function knownNameSpans(text: string, names: readonly string[]): Span[] {
  const spans: Span[] = [];
  for (const raw of names) {
    const name = raw?.trim();
    if (!name || [...name].length < 2) continue;
    const surname = surnameOf(name) || (name[0] as string);
    for (let i = text.indexOf(name); i >= 0; i = text.indexOf(name, i + name.length)) {
      spans.push({ start: i, end: i + name.length, kind: 'name', replacement: `${surname}某` });
    }
  }
  return spans;
}

/** Finds residents' personal data in `text` and returns the redacted text with every finding. */
export function redactPersonalData(text: string, options: RedactionOptions = {}): RedactionResult {
  if (!text) return { text: text ?? '', findings: [] };
  const kept: [number, number][] = [];
  for (const k of options.keep ?? []) {
    if (!k) continue;
    for (let i = text.indexOf(k); i >= 0; i = text.indexOf(k, i + k.length)) kept.push([i, i + k.length]);
  }
  const isKept = (s: Span) => kept.some(([a, b]) => s.start < b && a < s.end);
  const isCompany = (s: Span) => s.kind === 'name' && startsCompanyName(text, s);

  // Priority: ID numbers, then phones, rooms, names; longer spans first within a kind; no overlaps.
  const cued = nameSpans(text).filter((s) => !isCompany(s) && !isKept(s));
  // A name found next to a cue word is redacted everywhere else in the text too (张三联系电话…).
  const foundNames = cued.map((s) => text.slice(s.start, s.end)).filter((n) => [...n].length >= 2);
  const known = knownNameSpans(text, [...(options.knownNames ?? []), ...foundNames]);
  const candidates = [...idSpans(text), ...handleSpans(text), ...phoneSpans(text), ...roomSpans(text), ...cued, ...known].filter((s) => !isKept(s));
  const chosen: Span[] = [];
  for (const s of candidates.sort((a, b) => priority(a) - priority(b) || b.end - b.start - (a.end - a.start) || a.start - b.start)) {
    if (chosen.some((c) => s.start < c.end && c.start < s.end)) continue;
    chosen.push(s);
  }
  chosen.sort((a, b) => a.start - b.start);
  let out = '';
  let at = 0;
  const findings: RedactionFinding[] = [];
  for (const s of chosen) {
    out += text.slice(at, s.start) + s.replacement;
    findings.push({ kind: s.kind, original: text.slice(s.start, s.end), replacement: s.replacement, index: s.start });
    at = s.end;
  }
  out += text.slice(at);
  return { text: out, findings };
}

function priority(s: Span): number {
  return { id_number: 0, email: 1, wechat: 1, qq: 1, mobile: 2, landline: 3, room: 4, name: 5 }[s.kind];
}
