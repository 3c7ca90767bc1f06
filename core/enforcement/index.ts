/**
 * Enforcement actions (SPEC §10): types, document titles and number abbreviations, the input rules
 * that do not need the database, the document number format and Chinese-numeral dates.
 *
 * Document numbers (文号): `<issuing unit short name><type abbreviation>〔<year>〕<n>号`, e.g.
 * 东湖房责改〔2026〕12号. n comes from ONE sequence per issuing org unit per year (shared by all
 * types, so a unit's numbers for a year are 1..N with no gaps); the year is the year of the act.
 */

export const ENFORCEMENT_TYPES = [
  'interview',
  'rectification_order',
  'warning_letter',
  'warning',
  'fine',
  'confiscation',
  'police_penalty',
  'criminal_referral',
] as const;
export type EnforcementType = (typeof ENFORCEMENT_TYPES)[number];

export const ENFORCEMENT_TYPE_LABELS: Record<EnforcementType, string> = {
  interview: '约谈',
  rectification_order: '责令整改',
  warning_letter: '提醒告诫',
  warning: '警告',
  fine: '罚款',
  confiscation: '没收违法所得',
  police_penalty: '治安管理处罚',
  criminal_referral: '移送司法机关',
};

/** Title printed on the document. */
export const ENFORCEMENT_DOCUMENT_TITLES: Record<EnforcementType, string> = {
  interview: '约谈通知书',
  rectification_order: '责令整改通知书',
  warning_letter: '提醒告诫书',
  warning: '行政处罚决定书',
  fine: '行政处罚决定书',
  confiscation: '行政处罚决定书',
  police_penalty: '治安管理处罚决定书',
  criminal_referral: '涉嫌犯罪案件移送书',
};

/** Abbreviation in the document number (东湖房**责改**〔2026〕12号). */
export const ENFORCEMENT_ABBREVIATIONS: Record<EnforcementType, string> = {
  interview: '约谈',
  rectification_order: '责改',
  warning_letter: '告诫',
  warning: '罚决',
  fine: '罚决',
  confiscation: '罚决',
  police_penalty: '行罚决',
  criminal_referral: '移送',
};

/** Penalty decisions (行政处罚决定): published (双公示) within 7 working days of the decision. */
export const PENALTY_TYPES: readonly EnforcementType[] = ['warning', 'fine', 'confiscation', 'police_penalty'];
export const PUBLICATION_WORKING_DAYS = 7;

export function isPenalty(type: EnforcementType): boolean {
  return PENALTY_TYPES.includes(type);
}

/** Amount (yuan): required, optional or forbidden per type. */
export const AMOUNT_RULE: Record<EnforcementType, 'required' | 'optional' | 'forbidden'> = {
  interview: 'forbidden',
  rectification_order: 'forbidden',
  warning_letter: 'forbidden',
  warning: 'forbidden',
  fine: 'required',
  confiscation: 'required',
  police_penalty: 'optional',
  criminal_referral: 'optional',
};

/** Rectification period in working days: required for orders, optional for warning letters. */
export const DEADLINE_RULE: Record<EnforcementType, 'required' | 'optional' | 'forbidden'> = {
  interview: 'forbidden',
  rectification_order: 'required',
  warning_letter: 'optional',
  warning: 'forbidden',
  fine: 'forbidden',
  confiscation: 'forbidden',
  police_penalty: 'forbidden',
  criminal_referral: 'forbidden',
};

/** Types that must cite at least one provision (a penalty without a legal basis is void). */
export const LEGAL_BASIS_REQUIRED: readonly EnforcementType[] = PENALTY_TYPES;

/** Only a public-security unit imposes 治安管理处罚. */
export const REQUIRED_UNIT_TYPE: Partial<Record<EnforcementType, string>> = { police_penalty: 'police' };

export interface ActionRuleInput {
  type: EnforcementType;
  amount?: number | null;
  deadlineDays?: number | null;
  legalBasisIds?: readonly number[] | null;
}

/** Rectification period of an order that names none (working days; SPEC §5's close-within default). */
export const DEFAULT_RECTIFICATION_WORKING_DAYS = 15;

/**
 * The input as stored: a value the type does not use (an amount on an interview, a period on a
 * fine) is dropped, and an order without a period gets the default one. The web form shows only
 * the fields of the chosen type; API clients need not know the per-type rules to be accepted.
 */
export function normaliseActionInput<T extends ActionRuleInput>(input: T): T {
  const amount = AMOUNT_RULE[input.type] === 'forbidden' ? null : (input.amount ?? null);
  let deadlineDays = DEADLINE_RULE[input.type] === 'forbidden' ? null : (input.deadlineDays ?? null);
  if (deadlineDays === null && DEADLINE_RULE[input.type] === 'required') deadlineDays = DEFAULT_RECTIFICATION_WORKING_DAYS;
  return { ...input, amount, deadlineDays };
}

/**
 * Field problems of the type-dependent rules (amount, deadline, legal basis) of a normalised input
 * (normaliseActionInput: values the type does not use are already gone, an order has a period);
 * empty when fine.
 */
export function actionRuleProblems(input: ActionRuleInput): Record<string, string> {
  const problems: Record<string, string> = {};
  const label = ENFORCEMENT_TYPE_LABELS[input.type];
  const amount = input.amount ?? null;
  const amountRule = AMOUNT_RULE[input.type];
  if (amountRule === 'required' && (amount === null || !(amount > 0))) problems.amount = `${label}须填写金额（元，大于 0）`;
  if (amount !== null && amount > 0 && Math.round(amount * 100) !== amount * 100) problems.amount = '金额最多保留两位小数';
  const days = input.deadlineDays ?? null;
  if (days !== null && (!Number.isInteger(days) || days < 1 || days > 180)) problems.deadlineDays = '整改期限应为 1–180 个工作日';
  if (LEGAL_BASIS_REQUIRED.includes(input.type) && !(input.legalBasisIds && input.legalBasisIds.length > 0))
    problems.legalBasisIds = `${label}须引用至少一条法律依据`;
  return problems;
}

export function formatDocumentNumber(unitShortName: string, type: EnforcementType, year: number, seq: number): string {
  return `${unitShortName}${ENFORCEMENT_ABBREVIATIONS[type]}〔${year}〕${seq}号`;
}

const DIGITS = ['〇', '一', '二', '三', '四', '五', '六', '七', '八', '九'];

function smallNumber(n: number): string {
  if (n < 10) return DIGITS[n] as string;
  const tens = Math.floor(n / 10);
  const ones = n % 10;
  return `${tens === 1 ? '' : DIGITS[tens]}十${ones === 0 ? '' : DIGITS[ones]}`;
}

/** 2026-11-21 → 二〇二六年十一月二十一日 (year digit by digit, month and day as numbers). */
export function chineseDate(iso: string): string {
  const [y, m, d] = iso.split('-') as [string, string, string];
  const year = [...y].map((c) => DIGITS[Number(c)]).join('');
  return `${year}年${smallNumber(Number(m))}月${smallNumber(Number(d))}日`;
}

/** 12345.5 → 壹万贰仟叁佰肆拾伍元伍角 (大写金额 for penalty decisions). */
export function amountInWords(amount: number): string {
  const digits = '零壹贰叁肆伍陆柒捌玖';
  const units = ['', '拾', '佰', '仟'];
  const big = ['', '万', '亿', '兆'];
  const fen = Math.round(amount * 100);
  let yuan = Math.floor(fen / 100);
  const jiao = Math.floor((fen % 100) / 10);
  const f = fen % 10;
  let out = '';
  if (yuan === 0) out = '零';
  let group = 0;
  let needZero = false;
  while (yuan > 0) {
    const part = yuan % 10000;
    let s = '';
    let zero = false;
    for (let i = 0, p = part; i < 4 && p > 0; i++, p = Math.floor(p / 10)) {
      const dgt = p % 10;
      if (dgt === 0) zero = s !== '';
      else {
        s = `${digits[dgt]}${units[i]}${zero ? '零' : ''}${s}`;
        zero = false;
      }
    }
    if (part > 0) out = `${s}${big[group]}${needZero ? '零' : ''}${out}`;
    needZero = part > 0 && part < 1000;
    yuan = Math.floor(yuan / 10000);
    group++;
  }
  out += '元';
  if (jiao === 0 && f === 0) return `${out}整`;
  if (jiao > 0) out += `${digits[jiao]}角`;
  else out += '零';
  if (f > 0) out += `${digits[f]}分`;
  return out;
}
