/**
 * Company obligations (SPEC §6–§7): 承诺书, the 附件1 self-inspection and hotline spot checks.
 * Pure rules and labels shared by server and web.
 */

export const COMMITMENT_STATUSES = ['issued', 'signed'] as const;
export type CommitmentStatus = (typeof COMMITMENT_STATUSES)[number];
export const COMMITMENT_STATUS_LABELS: Record<CommitmentStatus, string> = { issued: '待签署', signed: '已签署' };

export const SELF_INSPECTION_STATUSES = ['draft', 'confirmed', 'filed', 'accepted', 'returned'] as const;
export type SelfInspectionStatus = (typeof SELF_INSPECTION_STATUSES)[number];
export const SELF_INSPECTION_STATUS_LABELS: Record<SelfInspectionStatus, string> = {
  draft: '填报中',
  confirmed: '已确认（待备案）',
  filed: '已备案待审核',
  accepted: '已通过',
  returned: '已退回',
};

export type SelfInspectionAction = 'edit' | 'confirm' | 'file' | 'accept' | 'return';
/** Which action each state allows; the company edits/confirms/files, the district accepts/returns. */
const TRANSITIONS: Record<SelfInspectionStatus, Partial<Record<SelfInspectionAction, SelfInspectionStatus>>> = {
  draft: { edit: 'draft', confirm: 'confirmed' },
  confirmed: { edit: 'draft', file: 'filed' },
  filed: { accept: 'accepted', return: 'returned' },
  accepted: {},
  returned: { edit: 'draft', confirm: 'confirmed' },
};
export const COMPANY_ACTIONS: readonly SelfInspectionAction[] = ['edit', 'confirm', 'file'];
export const DISTRICT_ACTIONS: readonly SelfInspectionAction[] = ['accept', 'return'];

export function nextSelfInspectionStatus(from: SelfInspectionStatus, action: SelfInspectionAction): SelfInspectionStatus | null {
  return TRANSITIONS[from][action] ?? null;
}

export function allowedSelfInspectionActions(status: SelfInspectionStatus, side: 'company' | 'district' | 'none'): SelfInspectionAction[] {
  const mine = side === 'company' ? COMPANY_ACTIONS : side === 'district' ? DISTRICT_ACTIONS : [];
  return mine.filter((a) => TRANSITIONS[status][a] !== undefined);
}

/** "无", "没有", "-" and blanks mean nothing was found for the focus item. */
export function normaliseProblemText(value: string | null | undefined): string | null {
  const text = (value ?? '').trim();
  if (!text) return null;
  if (/^(无|没有|暂无|无问题|未发现问题?|none|-|—|\/)$/i.test(text)) return null;
  return text;
}

/** Days before the filing due date from which a form not yet filed is "due soon". */
export const FILING_DUE_SOON_DAYS = 3;

export function dueFlags(dueOn: string | null, today: string): { dueSoon: boolean; overdue: boolean } {
  if (!dueOn) return { dueSoon: false, overdue: false };
  if (today > dueOn) return { dueSoon: false, overdue: true };
  const due = Date.parse(`${dueOn}T00:00:00Z`);
  const now = Date.parse(`${today}T00:00:00Z`);
  return { dueSoon: (due - now) / 86_400_000 <= FILING_DUE_SOON_DAYS, overdue: false };
}

export const HOTLINE_RESULTS = ['answered', 'no_answer', 'busy', 'fax', 'redirected', 'refused', 'invalid'] as const;
export type HotlineResult = (typeof HOTLINE_RESULTS)[number];
export const HOTLINE_RESULT_LABELS: Record<HotlineResult, string> = {
  answered: '正常接听并受理',
  no_answer: '无人接听',
  busy: '占线',
  fax: '自动转传真',
  redirected: '要求改拨其他号码',
  refused: '拒绝受理物业投诉',
  invalid: '号码无效（空号/停机）',
};
export function hotlinePassed(result: HotlineResult): boolean {
  return result === 'answered';
}
/** A failed check is dialled again within this many calendar days. */
export const HOTLINE_RECHECK_DAYS = 7;
/** The ledger problem a failed check opens is due this many calendar days after the check. */
export const HOTLINE_PROBLEM_DAYS = 10;

export function addDays(date: string, days: number): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

/** Passed ÷ checked, four decimals; null when nothing was checked. */
export function complianceRate(checked: number, passed: number): number | null {
  return checked === 0 ? null : Math.round((passed / checked) * 10_000) / 10_000;
}

/**
 * The commitment letter's text (承诺书 "合法经营、规范收费"), citing the campaign's focus items.
 * Rendered once when issued; what the company signs is frozen.
 */
export function renderCommitmentText(input: {
  campaignTitle: string;
  enterpriseName: string;
  projectName: string;
  focusItems: readonly { seq: number; text: string }[];
}): string {
  const items = input.focusItems.map((f) => `${f.seq}. 不发生${f.text.replace(/[。；;]$/, '')}。`).join('\n');
  return [
    '合法经营、规范收费承诺书',
    '',
    `为落实“${input.campaignTitle}”，本企业（${input.enterpriseName}）就所服务的物业项目“${input.projectName}”郑重承诺：`,
    '一、严格遵守《中华人民共和国民法典》《物业管理条例》《湖北省物业服务和管理条例》等法律法规，依法依约提供物业服务，合法经营、规范收费。',
    '二、对照专项整治重点，做到：',
    items,
    '三、在住宅小区显著位置公示收费项目、收费标准、投诉电话等信息，接受业主和社会监督。',
    '四、如违反上述承诺，自愿接受主管部门依法依规处理，并记入企业信用记录。',
  ].join('\n');
}
