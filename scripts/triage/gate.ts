/**
 * The retraining gate (issue 12): a candidate model replaces the current one only if it scores
 * at least as well on the project's hold-out (tests/fixtures/triage/holdout.jsonl, never trained
 * on) — category accuracy, lead-department accuracy and urgent recall each no worse.
 */
import { loadTriageModel, type TriageModelFile, triageWithModel } from '../../core/triage/model.js';
import type { LabelledLead } from './corpus.js';

export interface HoldoutScore {
  category: number;
  lead: number;
  urgentRecall: number;
}

export function scoreOn(file: TriageModelFile, leads: LabelledLead[]): HoldoutScore {
  const model = loadTriageModel(file);
  let cat = 0;
  let lead = 0;
  let up = 0;
  let ut = 0;
  for (const l of leads) {
    const r = triageWithModel(model, l.text);
    if (r.category === l.category) cat++;
    if (r.leadDepartment === l.leadDepartment) lead++;
    if (l.urgent) {
      ut++;
      if (r.urgent) up++;
    }
  }
  return { category: cat / leads.length, lead: lead / leads.length, urgentRecall: ut ? up / ut : 1 };
}

export function gate(current: TriageModelFile, candidate: TriageModelFile, holdout: LabelledLead[]): { accept: boolean; current: HoldoutScore; candidate: HoldoutScore; reasons: string[] } {
  const a = scoreOn(current, holdout);
  const b = scoreOn(candidate, holdout);
  const reasons: string[] = [];
  if (b.category < a.category) reasons.push(`category ${(b.category * 100).toFixed(1)}% < ${(a.category * 100).toFixed(1)}%`);
  if (b.lead < a.lead) reasons.push(`lead department ${(b.lead * 100).toFixed(1)}% < ${(a.lead * 100).toFixed(1)}%`);
  if (b.urgentRecall < a.urgentRecall) reasons.push(`urgent recall ${(b.urgentRecall * 100).toFixed(1)}% < ${(a.urgentRecall * 100).toFixed(1)}%`);
  return { accept: reasons.length === 0, current: a, candidate: b, reasons };
}
