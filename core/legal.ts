/** Legal-provision library vocabulary (SPEC §4; domain-facts §1), shared by server and web. */
export const ACT_LEVELS = ['law', 'administrative_regulation', 'local_regulation', 'departmental_rule', 'local_rule', 'normative_document'] as const;
export type ActLevel = (typeof ACT_LEVELS)[number];

export const ACT_LEVEL_LABELS: Record<ActLevel, string> = {
  law: '法律',
  administrative_regulation: '行政法规',
  local_regulation: '地方性法规',
  departmental_rule: '部门规章',
  local_rule: '地方政府规章',
  normative_document: '规范性文件',
};

/** ✅ text seen directly · ◐ partly verified · ❓ not verified (check the official text before citing). */
export const CONFIDENCE_LEVELS = ['✅', '◐', '❓'] as const;
export type Confidence = (typeof CONFIDENCE_LEVELS)[number];

export const CONFIDENCE_LABELS: Record<Confidence, string> = {
  '✅': '已核对原文',
  '◐': '部分核实',
  '❓': '未核实，引用前须核对官方文本',
};

/** True when a provision with these dates is in force on `date` (all 'YYYY-MM-DD'). */
export function inForceOn(p: { effectiveFrom: string; effectiveTo: string | null }, date: string): boolean {
  return p.effectiveFrom <= date && (p.effectiveTo === null || date <= p.effectiveTo);
}
