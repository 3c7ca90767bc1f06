/*
 * 屡改屡犯 (SPEC §9, issue 5): a problem is a repeat offence when the same enterprise had a
 * problem of the same category (category ≠ 0, "other" is too broad to compare) opened within the
 * previous 12 months — i.e. opened on or after the same calendar day one year earlier.
 * A repeat suggests the next step on the enforcement ladder.
 */

export const ENFORCEMENT_LADDER = ['interview', 'rectification_order', 'warning_letter', 'warning', 'fine'] as const;
export type LadderStep = (typeof ENFORCEMENT_LADDER)[number];

export const LADDER_LABELS: Record<LadderStep, string> = {
  interview: '约谈',
  rectification_order: '责令整改通知书',
  warning_letter: '提醒告诫书',
  warning: '警告',
  fine: '罚款',
};

export const REPEAT_WINDOW_MONTHS = 12;

export function isComparableCategory(category: number): boolean {
  return category !== 0;
}

/** The first day of the 12-month look-back window ending on `openedOn` (29 Feb → 28 Feb). */
export function repeatWindowStart(openedOn: string, months = REPEAT_WINDOW_MONTHS): string {
  const [y, m, d] = openedOn.split('-').map(Number) as [number, number, number];
  const total = y * 12 + (m - 1) - months;
  const year = Math.floor(total / 12);
  const month = (total % 12) + 1;
  const lastDay = new Date(Date.UTC(year, month, 0)).getUTCDate();
  const day = Math.min(d, lastDay);
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/** Whether a prior problem opened on `priorOpenedOn` falls in the window of one opened on `openedOn`. */
export function withinRepeatWindow(priorOpenedOn: string, openedOn: string): boolean {
  return priorOpenedOn >= repeatWindowStart(openedOn) && priorOpenedOn <= openedOn;
}

/**
 * The next step on the ladder: one step above the highest ladder action already taken against the
 * enterprise, and at least as far up as the number of earlier repeats (the 1st repeat → 约谈, 2nd →
 * 责令整改, …), capped at 罚款. `priorProblems` counts earlier problems of the same category in the
 * window (≥ 1 for a repeat); `takenSteps` lists ladder actions already taken (any order, others ignored).
 */
export function suggestNextStep(priorProblems: number, takenSteps: readonly string[] = []): LadderStep {
  const highest = takenSteps.reduce((max, t) => Math.max(max, ENFORCEMENT_LADDER.indexOf(t as LadderStep)), -1);
  const byCount = Math.max(priorProblems - 1, 0);
  const idx = Math.min(Math.max(highest + 1, byCount), ENFORCEMENT_LADDER.length - 1);
  return ENFORCEMENT_LADDER[idx] as LadderStep;
}
