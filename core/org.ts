/** Region levels and organisation-unit types (SPEC §2). */
export const REGION_LEVELS = ['province', 'city', 'district', 'street', 'community'] as const;
export type RegionLevel = (typeof REGION_LEVELS)[number];

export const REGION_LEVEL_LABELS: Record<RegionLevel, string> = {
  province: '省',
  city: '市州',
  district: '区县/功能区',
  street: '街道/乡镇',
  community: '社区',
};

/** A child is exactly one level below its parent. */
export function childLevelOf(level: RegionLevel): RegionLevel | null {
  const i = REGION_LEVELS.indexOf(level);
  return REGION_LEVELS[i + 1] ?? null;
}

/** Campaign department types: the vocabulary of routing and of the triage contract. */
export const DEPARTMENT_TYPES = ['housing', 'market', 'police', 'civil', 'credit'] as const;
export type DepartmentType = (typeof DEPARTMENT_TYPES)[number];

export const ORG_UNIT_TYPES = [
  'rule_of_law_office',
  'housing',
  'credit',
  'police',
  'civil',
  'market',
  'street_office',
  'community_committee',
  'platform',
] as const;
export type OrgUnitType = (typeof ORG_UNIT_TYPES)[number];

export const ORG_UNIT_TYPE_LABELS: Record<OrgUnitType, string> = {
  rule_of_law_office: '依法治办',
  housing: '建设（房管）局',
  credit: '发改（经发）局',
  police: '公安分局',
  civil: '民政/城乡工作办事处',
  market: '市场监管局',
  street_office: '街道办事处',
  community_committee: '社区居委会',
  platform: '平台运维',
};

export const DEPARTMENT_TYPE_LABELS: Record<DepartmentType | 'none', string> = {
  housing: '房管',
  market: '市场监管',
  police: '公安',
  civil: '民政/城乡工作办',
  credit: '发改/经发（信用）',
  none: '不属于专项整治部门',
};

export function isDepartmentType(t: string): t is DepartmentType {
  return (DEPARTMENT_TYPES as readonly string[]).includes(t);
}
