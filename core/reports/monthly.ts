/**
 * The monthly summary form (附件2 of the district plan, S3 §四(四)): its fourteen rows, the
 * kind of each figure, and the month arithmetic. Pure; the rules that count each row live in
 * server/modules/reports/monthly.rows.ts and are described in docs/reports.md.
 */

/**
 * `stock` rows (1–3) are a state at the end of the month: the form prints one figure, which the
 * API reports as both `month` and `cumulative`. `flow` rows count what happened in the month and
 * since the campaign started.
 */
export type RowKind = 'stock' | 'flow';

export interface MonthlyRowDef {
  no: number;
  label: string;
  kind: RowKind;
}

export const MONTHLY_ROWS: readonly MonthlyRowDef[] = [
  { no: 1, label: '专业化物业管理小区数（个）', kind: 'stock' },
  { no: 2, label: '公示物业服务收费信息小区数（个）', kind: 'stock' },
  { no: 3, label: '未公示物业服务收费信息小区数（个）', kind: 'stock' },
  { no: 4, label: '新增公示物业服务收费信息小区数（个）', kind: 'flow' },
  { no: 5, label: '查处问题小区数(其中，查处未公示物业服务收费信息小区数）', kind: 'flow' },
  { no: 6, label: '开展检查和执法行动数（次）', kind: 'flow' },
  { no: 7, label: '出动检查和执法人员数（次）', kind: 'flow' },
  { no: 8, label: '处罚物业服务企业数（个）', kind: 'flow' },
  { no: 9, label: '公开曝光案例数（个）', kind: 'flow' },
  { no: 10, label: '发放政策法规宣传册数（份）', kind: 'flow' },
  { no: 11, label: '受理群众投诉举报数（件）', kind: 'flow' },
  { no: 12, label: '签订承诺书企业数（个）', kind: 'flow' },
  { no: 13, label: '城市选树“美好家园”项目数（个）（活动结束时填报）', kind: 'flow' },
  { no: 14, label: '小区为群众办实事数（件）', kind: 'flow' },
];

export const MONTH_RE = /^\d{4}-(0[1-9]|1[0-2])$/;

/** First and last day of a month 'YYYY-MM'. */
export function monthRange(month: string): { from: string; to: string } {
  const y = Number(month.slice(0, 4));
  const m = Number(month.slice(5, 7));
  const last = new Date(Date.UTC(y, m, 0)).getUTCDate();
  return { from: `${month}-01`, to: `${month}-${String(last).padStart(2, '0')}` };
}

/** The 累积 window: from the campaign start (or the month's start when later) to the month's end. */
export function cumulativeRange(month: string, campaignStart: string | null): { from: string; to: string } {
  const { from, to } = monthRange(month);
  if (!campaignStart) return { from, to };
  return { from: campaignStart < from ? campaignStart : from, to };
}

/** 'YYYY-MM' of the month before `month`. */
export function previousMonth(month: string): string {
  const y = Number(month.slice(0, 4));
  const m = Number(month.slice(5, 7));
  return m === 1 ? `${y - 1}-12` : `${y}-${String(m - 1).padStart(2, '0')}`;
}

/** A figure, or `null` for a row whose source is not available (the form says 尚无数据来源, never 0). */
export interface RowFigures {
  no: number;
  label: string;
  month: number | null;
  cumulative: number | null;
  available: boolean;
  note?: string;
}

/** Sum of the entries' rows, row by row; a row is available only when every entry has it. */
export function sumRows(entries: readonly (readonly RowFigures[])[]): RowFigures[] {
  return MONTHLY_ROWS.map((def) => {
    const rows = entries.map((e) => e.find((r) => r.no === def.no));
    const available = rows.length > 0 ? rows.every((r) => r?.available) : true;
    const add = (k: 'month' | 'cumulative') => (available ? rows.reduce((s, r) => s + (r?.[k] ?? 0), 0) : null);
    const notes = rows.map((r) => r?.note).filter(Boolean);
    return { no: def.no, label: def.label, month: add('month'), cumulative: add('cumulative'), available, ...(available ? {} : { note: NO_SOURCE }), ...(available && def.no === 5 && notes.length ? { note: sumNote(rows) } : {}) };
  });
}

export const NO_SOURCE = '尚无数据来源';

/** Row 5 carries its 其中 figure as `其中未公示：n/m` (month/cumulative); summed entry-wise. */
function sumNote(rows: readonly (RowFigures | undefined)[]): string {
  let a = 0;
  let b = 0;
  for (const r of rows) {
    const m = /其中未公示：(\d+)\/(\d+)/.exec(r?.note ?? '');
    if (m) {
      a += Number(m[1]);
      b += Number(m[2]);
    }
  }
  return `其中未公示：${a}/${b}`;
}

// ── Workflow ────────────────────────────────────────────────────────────────────────────────

export const REPORT_STATUSES = ['draft', 'submitted', 'returned', 'accepted'] as const;
export type ReportStatus = (typeof REPORT_STATUSES)[number];
export const REPORT_STATUS_LABELS: Record<ReportStatus, string> = { draft: '填报中', submitted: '已报送', returned: '已退回', accepted: '已审核通过' };
export type ReportAction = 'submit' | 'return' | 'accept';

const TRANSITIONS: Record<ReportAction, { from: readonly ReportStatus[]; to: ReportStatus }> = {
  submit: { from: ['draft', 'returned'], to: 'submitted' },
  return: { from: ['submitted'], to: 'returned' },
  accept: { from: ['submitted'], to: 'accepted' },
};

/** The status after `action`, or null when the action is not allowed from `status`. */
export function nextStatus(status: ReportStatus, action: ReportAction): ReportStatus | null {
  const t = TRANSITIONS[action];
  return t.from.includes(status) ? t.to : null;
}

/** Submitted and accepted reports show their frozen snapshot; drafts and returned ones compute live. */
export function isFrozen(status: ReportStatus): boolean {
  return status === 'submitted' || status === 'accepted';
}

/** On time = submitted on or before the due date (China date). */
export function isOnTime(submittedOn: string, dueOn: string): boolean {
  return submittedOn <= dueOn;
}
