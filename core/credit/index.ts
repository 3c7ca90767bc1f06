/**
 * Enterprise credit scoring (SPEC §11). Pure functions and the default rule; the server stores the
 * rule in `credit_rules` (editable with credit:manage) and snapshots points and validity on each
 * event when it is recorded, so changing the rule later does not rewrite history.
 *
 * Score = base + Σ points of events that are valid on the day (occurredOn ≤ day ≤ validUntil)
 * and not annulled by an upheld objection. Grade from the thresholds, highest first.
 */
import { ENFORCEMENT_TYPES, ENFORCEMENT_TYPE_LABELS } from '../enforcement/index.js';

/** Every enforcement action type scores (its own event type), plus conduct that is not an action. */
export const CREDIT_EVENT_TYPES = [...ENFORCEMENT_TYPES, 'repeat_offence', 'broken_commitment', 'good_conduct', 'model_project'] as const;
export type CreditEventType = (typeof CREDIT_EVENT_TYPES)[number];

export const CREDIT_EVENT_LABELS: Record<CreditEventType, string> = {
  ...ENFORCEMENT_TYPE_LABELS,
  repeat_offence: '屡改屡犯',
  broken_commitment: '违反承诺',
  good_conduct: '良好行为',
  model_project: '“美好家园”示范项目',
};

/** Event types staff may record by hand (the others come from enforcement actions and the ledger). */
export const MANUAL_CREDIT_EVENT_TYPES: readonly CreditEventType[] = ['good_conduct', 'model_project', 'broken_commitment', 'repeat_offence'];

export const CREDIT_GRADES = ['AAA', 'AA', 'A', 'B', 'C'] as const;
export type CreditGrade = (typeof CREDIT_GRADES)[number];

export const OBJECTION_STATES = ['none', 'pending', 'upheld', 'rejected'] as const;
export type ObjectionState = (typeof OBJECTION_STATES)[number];

export interface CreditRuleItem {
  /** Negative = deduction, positive = addition. */
  points: number;
  /** How long the event counts, in months from the day it occurred. */
  validityMonths: number;
}

export interface CreditRule {
  base: number;
  items: Partial<Record<CreditEventType, CreditRuleItem>>;
  /** Minimum score per grade (AAA…B); a score below every threshold is graded C. */
  grades: { grade: Exclude<CreditGrade, 'C'>; minScore: number }[];
}

export const DEFAULT_CREDIT_RULE: CreditRule = {
  base: 100,
  items: {
    interview: { points: -2, validityMonths: 12 },
    rectification_order: { points: -5, validityMonths: 12 },
    warning_letter: { points: 0, validityMonths: 12 },
    warning: { points: -10, validityMonths: 24 },
    fine: { points: -20, validityMonths: 36 },
    confiscation: { points: -20, validityMonths: 36 },
    police_penalty: { points: -20, validityMonths: 36 },
    criminal_referral: { points: -40, validityMonths: 36 },
    repeat_offence: { points: -10, validityMonths: 24 },
    broken_commitment: { points: -10, validityMonths: 24 },
    good_conduct: { points: 5, validityMonths: 12 },
    model_project: { points: 10, validityMonths: 24 },
  },
  grades: [
    { grade: 'AAA', minScore: 110 },
    { grade: 'AA', minScore: 100 },
    { grade: 'A', minScore: 90 },
    { grade: 'B', minScore: 75 },
  ],
};

/** Problems with a rule, keyed by field path; empty when the rule is usable. */
export function creditRuleProblems(rule: CreditRule): Record<string, string> {
  const problems: Record<string, string> = {};
  if (!Number.isInteger(rule.base) || rule.base < 0 || rule.base > 1000) problems.base = '基础分应为 0–1000 的整数';
  for (const [type, item] of Object.entries(rule.items)) {
    if (!(CREDIT_EVENT_TYPES as readonly string[]).includes(type)) problems[`items.${type}`] = `未知的信用事件类型：${type}`;
    else if (!item || !Number.isInteger(item.points) || Math.abs(item.points) > 1000) problems[`items.${type}.points`] = '分值应为 -1000 到 1000 的整数';
    else if (!Number.isInteger(item.validityMonths) || item.validityMonths < 1 || item.validityMonths > 120)
      problems[`items.${type}.validityMonths`] = '有效期应为 1–120 个月';
  }
  const seen = new Set<string>();
  let last = Number.POSITIVE_INFINITY;
  rule.grades.forEach((g, i) => {
    if (seen.has(g.grade)) problems[`grades.${i}.grade`] = `等级 ${g.grade} 重复`;
    seen.add(g.grade);
    if (!(g.minScore < last)) problems[`grades.${i}.minScore`] = '等级门槛须从高到低严格递减';
    last = g.minScore;
  });
  rule.grades.forEach((g, i) => {
    if (!Number.isInteger(g.minScore)) problems[`grades.${i}.minScore`] = '门槛应为整数';
  });
  return problems;
}

/** The grade for a score: the first threshold (highest first) the score reaches; else C. */
export function gradeFor(rule: CreditRule, score: number): CreditGrade {
  const sorted = [...rule.grades].sort((a, b) => b.minScore - a.minScore);
  for (const g of sorted) if (score >= g.minScore) return g.grade;
  return 'C';
}

/** 'YYYY-MM-DD' plus n calendar months, clamped to the month's last day (2026-01-31 + 1 → 2026-02-28). */
export function addMonths(date: string, months: number): string {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const total = y * 12 + (m - 1) + months;
  const ny = Math.floor(total / 12);
  const nm = (total % 12) + 1;
  const last = new Date(Date.UTC(ny, nm, 0)).getUTCDate();
  return `${String(ny).padStart(4, '0')}-${String(nm).padStart(2, '0')}-${String(Math.min(d, last)).padStart(2, '0')}`;
}

/** Last day an event counts: the day before the same date `validityMonths` later. */
export function validUntil(occurredOn: string, validityMonths: number): string {
  const end = new Date(`${addMonths(occurredOn, validityMonths)}T00:00:00Z`);
  end.setUTCDate(end.getUTCDate() - 1);
  return end.toISOString().slice(0, 10);
}

export interface ScoredEvent {
  points: number;
  occurredOn: string;
  validUntil: string;
  objectionStatus: ObjectionState | string;
}

/** Whether an event counts on `day`: inside its validity and not annulled by an upheld objection. */
export function eventCounts(e: ScoredEvent, day: string): boolean {
  return e.objectionStatus !== 'upheld' && e.occurredOn <= day && day <= e.validUntil;
}

export function creditScore(rule: CreditRule, events: readonly ScoredEvent[], day: string): { score: number; grade: CreditGrade } {
  const score = events.reduce((sum, e) => (eventCounts(e, day) ? sum + e.points : sum), rule.base);
  return { score, grade: gradeFor(rule, score) };
}
