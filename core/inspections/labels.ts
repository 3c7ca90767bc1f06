/** zh-CN labels and code tables of inspections (SPEC §8). */
export const PLAN_TYPES = ['routine', 'special', 'complaint', 'dragnet', 'double_random', 'joint'] as const;
export type PlanType = (typeof PLAN_TYPES)[number];
export const PLAN_TYPE_LABELS: Record<PlanType, string> = {
  routine: '日常检查',
  special: '专项检查',
  complaint: '投诉驱动检查',
  dragnet: '拉网式排查',
  double_random: '双随机抽查',
  joint: '联合检查',
};
export const INSPECTION_MODES = ['announced', 'unannounced', 'covert'] as const;
export type InspectionMode = (typeof INSPECTION_MODES)[number];
export const INSPECTION_MODE_LABELS: Record<InspectionMode, string> = {
  announced: '事先告知',
  unannounced: '四不两直',
  covert: '暗访',
};
export const FINDING_RESULTS = ['compliant', 'problem'] as const;
export type FindingResult = (typeof FINDING_RESULTS)[number];
export const FINDING_RESULT_LABELS: Record<FindingResult, string> = { compliant: '符合', problem: '存在问题' };
