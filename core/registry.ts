/**
 * Registry vocabulary (SPEC §3): enterprise statuses, practitioner roles, and the fee-disclosure
 * items S3 §二.5 requires every residential project to post prominently, with the rule that
 * derives "fully disclosed since" from them. Pure: shared by server, seeds and web.
 */

export const ENTERPRISE_STATUSES = ['active', 'suspended', 'deregistered'] as const;
export type EnterpriseStatus = (typeof ENTERPRISE_STATUSES)[number];
export const ENTERPRISE_STATUS_LABELS: Record<EnterpriseStatus, string> = {
  active: '正常经营',
  suspended: '暂停经营',
  deregistered: '已注销',
};

export const PRACTITIONER_ROLES = ['project_manager', 'manager', 'customer_service', 'engineer', 'security', 'cleaning', 'other'] as const;
export type PractitionerRole = (typeof PRACTITIONER_ROLES)[number];
export const PRACTITIONER_ROLE_LABELS: Record<PractitionerRole, string> = {
  project_manager: '项目经理',
  manager: '企业负责人',
  customer_service: '客服人员',
  engineer: '工程维修人员',
  security: '秩序维护人员',
  cleaning: '保洁绿化人员',
  other: '其他',
};

/**
 * S3 §二.5: 物业服务、停车及其他有偿服务的收费项目、收费标准、收费方式和投诉电话、公共收益收支、
 * 特种设备维保单位及联系方式. `pricing` marks the items whose absence is a 明码标价 matter
 * (market regulation leads, SPEC §5 rule 4); the rest belong to housing.
 */
export const DISCLOSURE_ITEMS = [
  'service_content',
  'fee_items_standards',
  'charging_method',
  'parking_paid_services',
  'complaint_phone',
  'public_revenue',
  'special_equipment_maintenance',
] as const;
export type DisclosureItem = (typeof DISCLOSURE_ITEMS)[number];

export const DISCLOSURE_ITEM_INFO: Record<DisclosureItem, { label: string; pricing: boolean }> = {
  service_content: { label: '物业服务内容', pricing: false },
  fee_items_standards: { label: '收费项目及收费标准', pricing: true },
  charging_method: { label: '收费方式', pricing: true },
  parking_paid_services: { label: '停车及其他有偿服务收费', pricing: true },
  complaint_phone: { label: '投诉电话', pricing: false },
  public_revenue: { label: '公共收益收支情况', pricing: false },
  special_equipment_maintenance: { label: '特种设备维保单位及联系方式', pricing: false },
};

export const DISCLOSURE_STATUSES = ['missing', 'posted', 'verified'] as const;
export type DisclosureStatus = (typeof DISCLOSURE_STATUSES)[number];
export const DISCLOSURE_STATUS_LABELS: Record<DisclosureStatus, string> = {
  missing: '未公示',
  posted: '已公示',
  verified: '已核实',
};


export interface DisclosureState {
  item: string;
  status: DisclosureStatus;
  /** YYYY-MM-DD the item was posted on site; required when posted or verified. */
  postedOn: string | null;
}

/**
 * A project has disclosed when every required item is posted or verified; it has been fully
 * disclosed since the date the last missing item was posted (the latest postedOn). Any item
 * missing (or never recorded) → null. Idempotent: the same items always give the same date,
 * so it can be recomputed after every change instead of being patched incrementally.
 */
export function deriveFullyDisclosedSince(items: readonly DisclosureState[]): string | null {
  let latest: string | null = null;
  for (const required of DISCLOSURE_ITEMS) {
    const state = items.find((i) => i.item === required);
    if (!state || state.status === 'missing' || !state.postedOn) return null;
    if (latest === null || state.postedOn > latest) latest = state.postedOn;
  }
  return latest;
}

/**
 * The stored "fully disclosed since" after a change, given the stored value and the items now:
 *  - not every item posted/verified → null (the project is no longer fully disclosed);
 *  - becoming complete → the date the last missing item was posted (latest postedOn);
 *  - already complete → kept, so re-posting one item later (a new phone number) does not move
 *    the date the project became complete; it only moves earlier when posted dates are corrected
 *    to before it.
 */
export function nextFullyDisclosedSince(current: string | null, items: readonly DisclosureState[]): string | null {
  const completedOn = deriveFullyDisclosedSince(items);
  if (completedOn === null) return null;
  if (current === null) return completedOn;
  return current < completedOn ? current : completedOn;
}
