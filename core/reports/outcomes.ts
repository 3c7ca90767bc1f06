/** Outcome records (SPEC §12): the types of practical deeds (为群众办实事). */
export const DEED_TYPES = ['parking', 'charging', 'greening', 'stairwell', 'repair', 'other'] as const;
export type DeedType = (typeof DEED_TYPES)[number];
export const DEED_TYPE_LABELS: Record<DeedType, string> = {
  parking: '增设停车位',
  charging: '电动自行车充电设施',
  greening: '绿化提升',
  stairwell: '楼道清理',
  repair: '设施维修',
  other: '其他',
};
