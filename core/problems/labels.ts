/** zh-CN labels for the problem ledger (问题清单 / 整改台账). */

export const PROBLEM_SOURCES = ['complaint', 'inspection', 'self_inspection', 'spot_check', 'supervision', 'hotline_check'] as const;
export type ProblemSource = (typeof PROBLEM_SOURCES)[number];
/** Sources a staff user may open directly (a complaint's problem comes from the complaints module). */
export const STAFF_CREATABLE_SOURCES = ['inspection', 'self_inspection', 'spot_check', 'supervision'] as const;

export const PROBLEM_SOURCE_LABELS: Record<ProblemSource, string> = {
  complaint: '投诉举报',
  inspection: '执法检查',
  self_inspection: '企业自查',
  spot_check: '热线抽查',
  hotline_check: '热线电话抽查',
  supervision: '督导检查',
};

/** `withdrawn` (已撤销): terminal, reached only when the company's objection (异议) is upheld. */
export const PROBLEM_STATUSES = ['open', 'rectifying', 'submitted', 'closed', 'withdrawn'] as const;
export type ProblemStatus = (typeof PROBLEM_STATUSES)[number];

export const PROBLEM_STATUS_LABELS: Record<ProblemStatus, string> = {
  open: '待整改',
  rectifying: '整改中',
  submitted: '已报送待回头看',
  closed: '已销号',
  withdrawn: '已撤销',
};

export const REVIEW_METHODS = ['on_site', 'documents'] as const;
export type ReviewMethod = (typeof REVIEW_METHODS)[number];
export const REVIEW_METHOD_LABELS: Record<ReviewMethod, string> = { on_site: '现场复查', documents: '资料复查' };

export const REVIEW_RESULTS = ['pass', 'fail'] as const;
export type ReviewResult = (typeof REVIEW_RESULTS)[number];
export const REVIEW_RESULT_LABELS: Record<ReviewResult, string> = { pass: '通过', fail: '不通过' };

export const PROBLEM_ACTION_LABELS = {
  open: '立项',
  start: '开始整改',
  submit: '报送整改情况',
  review: '回头看复查',
  close: '销号',
  rework: '返工',
  extension_request: '申请延期',
  extension_decision: '延期审批',
  supervise: '挂牌督办',
  objection: '提出异议',
  objection_decision: '异议处理',
  attachment: '上传附件',
} as const;
export type ProblemEventAction = keyof typeof PROBLEM_ACTION_LABELS;

export const OPINION_STATUSES = ['open', 'responded'] as const;
export type OpinionStatus = (typeof OPINION_STATUSES)[number];
export const OPINION_STATUS_LABELS: Record<OpinionStatus, string> = { open: '待答复', responded: '已答复' };
