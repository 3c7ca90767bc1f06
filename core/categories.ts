/**
 * The six focus categories of the campaign (S3 §二), 0 = none of them. One source for every
 * label: the long form names the problem as the plan words it; the short form fits a table cell.
 */
export type FocusCategory = 0 | 1 | 2 | 3 | 4 | 5 | 6;

export const FOCUS_CATEGORIES: readonly FocusCategory[] = [1, 2, 3, 4, 5, 6, 0];

export const FOCUS_CATEGORY_LABELS: Record<FocusCategory, string> = {
  0: '其他（不属六类整治重点）',
  1: '以欠费或不配合管理为由断水断电断气断暖',
  2: '擅自利用共用部位经营；未劝阻制止报告违法违规行为',
  3: '泄露业主信息、勾结业委会、骚扰恐吓打击报复',
  4: '擅自撤离停止服务；合同终止后拒不撤离交接',
  5: '未按规定公示收费、公共收益、投诉电话、维保信息',
  6: '擅自提高收费标准、转供电加价等不合理收费',
};

export const FOCUS_CATEGORY_SHORT_LABELS: Record<FocusCategory, string> = {
  0: '其他',
  1: '断水断电断气断暖',
  2: '占用共用部位经营',
  3: '泄露信息/骚扰报复',
  4: '擅自撤离/拒不交接',
  5: '未按规定公示',
  6: '不合理收费',
};

/** "3. 泄露信息/骚扰报复" (short) or "3. 泄露业主信息、…" (long); category 0 has no number. */
export function focusCategoryLabel(category: number | null | undefined, form: 'short' | 'long' = 'short'): string {
  if (category === null || category === undefined) return '—';
  const labels = form === 'short' ? FOCUS_CATEGORY_SHORT_LABELS : FOCUS_CATEGORY_LABELS;
  const label = labels[category as FocusCategory];
  if (label === undefined) return String(category);
  return category === 0 ? label : `${category}. ${label}`;
}
