/**
 * The learned triage model (issue 12): a linear model over character n-grams (1–3) of the
 * normalised text plus the rule engine's findings (category, department, urgency and cue labels
 * from ./lexicon.ts) as features, with one softmax head per decision:
 *   category (0–6), lead department (6 values), urgency (yes/no) and one yes/no head per
 *   co-department. Trained by scripts/triage/train.ts; the model is data (a JSON object) that
 *   the caller loads and passes in, so this module stays pure (no I/O, no globals mutated).
 *
 * Guarantees: deterministic; `leadDepartment` never in `coDepartments`; confidence in [0, 1]
 * (Platt-calibrated probability that category and lead department are both right, fitted on
 * out-of-fold predictions); cues come from the lexicon and are verbatim substrings of the input.
 */
import type { FocusCategory } from '../categories.js';
import type { DepartmentType } from '../org.js';
import { normaliseText } from './normalise.js';
import { DEFAULT_RESPONSIBILITY_RULES, type LeadDepartment, type ResponsibilityRules, type TriageCue, type TriageResult, triage } from './triage.js';

export const LEAD_CLASSES = ['housing', 'market', 'police', 'civil', 'credit', 'none'] as const;
export const CO_CLASSES = ['housing', 'market', 'police', 'civil', 'credit'] as const;

/** Output heads, in the order of the weight matrix columns. */
export const HEADS: readonly { name: string; size: number }[] = [
  { name: 'category', size: 7 },
  { name: 'lead', size: 6 },
  { name: 'urgent', size: 2 },
  ...CO_CLASSES.map((d) => ({ name: `co:${d}`, size: 2 })),
];
export const OUTPUTS = HEADS.reduce((s, h) => s + h.size, 0);
export const HEAD_OFFSET: Record<string, number> = Object.fromEntries(
  HEADS.map((h, i) => [h.name, HEADS.slice(0, i).reduce((s, x) => s + x.size, 0)]),
);

/** The model file (core/triage/triage-model.json.gz). */
export interface TriageModelFile {
  format: 1;
  featureSet: FeatureSet;
  /** Content hash of the trained weights, e.g. "tm-3f9a1c2b7d". */
  version: string;
  trainedOn: { leads: number; groups: number; sha256: string };
  features: string[];
  /** Int16 weights, features × OUTPUTS row-major, little-endian, base64; weight = q × scale. */
  weights: string;
  scale: number;
  bias: number[];
  /** Softmax temperatures fitted on out-of-fold predictions. */
  temperature: { category: number; lead: number };
  /** Platt scaling of min(p_category, p_lead) → P(category and lead both right). */
  platt: { a: number; b: number };
  thresholds: { urgent: number; co: number; human: number };
}

export interface TriageModel {
  file: TriageModelFile;
  index: Map<string, number>;
  weights: Float32Array;
}

export interface ModelTriageResult extends TriageResult {
  confidence: number;
  /** Below the model's human threshold: a person decides before the lead is routed. */
  needsHuman: boolean;
  modelVersion: string;
  probabilities: { category: number[]; lead: number[]; urgent: number };
}

function decodeBase64(s: string): Uint8Array {
  const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
  const lookup = new Uint8Array(128);
  for (let i = 0; i < alphabet.length; i++) lookup[alphabet.charCodeAt(i)] = i;
  const clean = s.replace(/=+$/, '');
  const out = new Uint8Array(Math.floor((clean.length * 3) / 4));
  let o = 0;
  for (let i = 0; i < clean.length; i += 4) {
    const a = lookup[clean.charCodeAt(i)];
    const b = lookup[clean.charCodeAt(i + 1)];
    const c = i + 2 < clean.length ? lookup[clean.charCodeAt(i + 2)] : 0;
    const d = i + 3 < clean.length ? lookup[clean.charCodeAt(i + 3)] : 0;
    const n = (a << 18) | (b << 12) | (c << 6) | d;
    if (o < out.length) out[o++] = (n >> 16) & 255;
    if (o < out.length) out[o++] = (n >> 8) & 255;
    if (o < out.length) out[o++] = n & 255;
  }
  return out;
}

export function loadTriageModel(file: TriageModelFile): TriageModel {
  const bytes = decodeBase64(file.weights);
  const weights = new Float32Array(file.features.length * OUTPUTS);
  for (let i = 0; i < weights.length; i++) {
    let q = bytes[2 * i] | (bytes[2 * i + 1] << 8);
    if (q >= 32768) q -= 65536;
    weights[i] = q * file.scale;
  }
  const index = new Map<string, number>();
  for (let i = 0; i < file.features.length; i++) index.set(file.features[i], i);
  return { file, index, weights };
}

/** Feature strings of a text: character 1–3-grams of the normalised text and the rule engine's findings. */
export type FeatureSet = 'ngrams' | 'ngrams+cues' | 'ngrams+cues+dept' | 'ngrams+rules';

export function featuresOf(text: string, rules: TriageResult = triage(text), set: FeatureSet = 'ngrams+rules'): string[] {
  const chars = [...normaliseText(text)];
  const feats = new Set<string>();
  for (let i = 0; i < chars.length; i++) {
    const c1 = chars[i];
    if (c1 !== ' ') feats.add(c1);
    if (i + 1 < chars.length) {
      const c2 = c1 + chars[i + 1];
      feats.add(c2);
      if (i + 2 < chars.length) feats.add(c2 + chars[i + 2]);
    }
  }
  if (set === 'ngrams+rules') {
    feats.add(`\u0001rc${rules.category}`);
    feats.add(`\u0001rl${rules.leadDepartment}`);
    feats.add(`\u0001rc${rules.category}l${rules.leadDepartment}`);
    if (rules.urgent) feats.add('\u0001ru');
    for (const d of rules.coDepartments) feats.add(`\u0001ro${d}`);
  }
  if (set === 'ngrams+cues+dept' && rules.leadDepartment !== 'housing' && rules.leadDepartment !== 'none') feats.add(`\u0001rl${rules.leadDepartment}`);
  if (set !== 'ngrams') for (const cue of rules.cues) feats.add(`\u0001q${cue.kind}:${cue.label}`);
  const len = chars.length;
  feats.add(`\u0001len${len < 20 ? 0 : len < 50 ? 1 : len < 120 ? 2 : 3}`);
  feats.add('\u0001bias');
  return [...feats];
}

export function softmax(logits: ArrayLike<number>, from: number, size: number, temperature = 1): number[] {
  let max = -Infinity;
  for (let k = 0; k < size; k++) max = Math.max(max, logits[from + k] / temperature);
  const out: number[] = [];
  let sum = 0;
  for (let k = 0; k < size; k++) {
    const e = Math.exp(logits[from + k] / temperature - max);
    out.push(e);
    sum += e;
  }
  return out.map((e) => e / sum);
}

/** Raw logits of every head for a feature list (unknown features are ignored). */
export function logitsOf(model: Pick<TriageModel, 'index' | 'weights'> & { bias: ArrayLike<number> }, feats: string[]): Float64Array {
  const out = new Float64Array(OUTPUTS);
  for (let o = 0; o < OUTPUTS; o++) out[o] = model.bias[o];
  const norm = 1 / Math.sqrt(feats.length);
  for (const f of feats) {
    const i = model.index.get(f);
    if (i === undefined) continue;
    const row = i * OUTPUTS;
    for (let o = 0; o < OUTPUTS; o++) out[o] += model.weights[row + o] * norm;
  }
  return out;
}

const argmax = (xs: number[]) => xs.reduce((best, x, i) => (x > xs[best] ? i : best), 0);

export interface Decision {
  category: FocusCategory;
  leadDepartment: LeadDepartment;
  coDepartments: DepartmentType[];
  urgent: boolean;
  confidence: number;
  probabilities: { category: number[]; lead: number[]; urgent: number };
}

/** Turns logits into decisions with the model's temperatures, thresholds and calibration. */
export function decide(file: Pick<TriageModelFile, 'temperature' | 'platt' | 'thresholds'>, logits: ArrayLike<number>): Decision {
  const pc = softmax(logits, HEAD_OFFSET.category, 7, file.temperature.category);
  const pl = softmax(logits, HEAD_OFFSET.lead, 6, file.temperature.lead);
  const pu = softmax(logits, HEAD_OFFSET.urgent, 2)[1];
  const category = argmax(pc) as FocusCategory;
  const leadDepartment = LEAD_CLASSES[argmax(pl)];
  const coDepartments = CO_CLASSES.filter((d) => d !== leadDepartment && softmax(logits, HEAD_OFFSET[`co:${d}`], 2)[1] >= file.thresholds.co);
  const raw = Math.min(pc[category], pl[argmax(pl)]);
  const x = Math.log(Math.max(1e-6, raw) / Math.max(1e-6, 1 - raw));
  const confidence = 1 / (1 + Math.exp(-(file.platt.a * x + file.platt.b)));
  return { category, leadDepartment, coDepartments, urgent: pu >= file.thresholds.urgent, confidence, probabilities: { category: pc, lead: pl, urgent: pu } };
}

const shapeOf = (r: ResponsibilityRules) =>
  JSON.stringify([r.violenceLead, r.creditRequestLead, r.committeeWrongdoingLead, [1, 2, 3, 4, 6].map((c) => r.byCategory[c as 1]), r.disclosure.feeItems, r.disclosure.other, r.other.serviceQuality, r.other.governance]);
const DEFAULT_SHAPE = shapeOf(DEFAULT_RESPONSIBILITY_RULES);
function isDefaultRules(rules: ResponsibilityRules): boolean {
  return rules === DEFAULT_RESPONSIBILITY_RULES || shapeOf(rules) === DEFAULT_SHAPE;
}

/**
 * Maps the model's departments (learned under the default SPEC §5 matrix) onto a campaign's
 * edited responsibility matrix. The identity under DEFAULT_RESPONSIBILITY_RULES.
 */
export function underRules(category: FocusCategory, dept: DepartmentType, rules: ResponsibilityRules): DepartmentType {
  if (isDefaultRules(rules)) return dept;
  switch (dept) {
    case 'police':
      return rules.violenceLead;
    case 'credit':
      return rules.creditRequestLead;
    case 'civil':
      return category === 0 ? rules.other.governance : rules.committeeWrongdoingLead;
    default:
      if (category === 0) return rules.other.serviceQuality;
      if (category === 5) return dept === 'market' ? rules.disclosure.feeItems : rules.disclosure.other;
      return rules.byCategory[category];
  }
}

/** Propose category, departments, urgency, cues and a calibrated confidence for one lead. */
export function triageWithModel(model: TriageModel, text: string, rules: ResponsibilityRules = DEFAULT_RESPONSIBILITY_RULES): ModelTriageResult {
  const lexical = triage(text, DEFAULT_RESPONSIBILITY_RULES);
  const logits = logitsOf({ index: model.index, weights: model.weights, bias: model.file.bias }, featuresOf(text, lexical, model.file.featureSet));
  const d = decide(model.file, logits);
  const lead: LeadDepartment = d.leadDepartment === 'none' ? 'none' : underRules(d.category, d.leadDepartment, rules);
  const co = [...new Set(d.coDepartments.map((c) => underRules(d.category, c, rules)))].filter((c) => c !== lead);
  // Cues shown to staff: the lexicon's findings (its proposal may differ from the model's).
  const cues: TriageCue[] = lexical.cues;
  return {
    category: d.category,
    leadDepartment: lead,
    coDepartments: co,
    urgent: d.urgent,
    cues,
    confidence: Math.round(d.confidence * 1000) / 1000,
    needsHuman: d.confidence < model.file.thresholds.human,
    modelVersion: model.file.version,
    probabilities: d.probabilities,
  };
}
