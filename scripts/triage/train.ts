/**
 * Trains the triage model (core/triage/model.ts) and writes core/triage/triage-model.json.gz.
 *
 *   npm run triage:train        # 5-fold grouped CV for calibration, then the final model
 *
 * Deterministic: no randomness except a seeded PRNG, a fixed iteration order and quantised
 * weights, so the same corpus gives the same file byte for byte (a unit test checks this).
 * Training is our own multinomial logistic regression (AdaGrad, L2) in TypeScript — see
 * docs/decisions/009-learned-triage-model.md for why no package is used.
 */
import { createHash } from 'node:crypto';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { CO_CLASSES, decide, type FeatureSet, featuresOf, HEAD_OFFSET, HEADS, LEAD_CLASSES, logitsOf, OUTPUTS, softmax, type TriageModelFile } from '../../core/triage/model.js';
import { TRIAGE_MODEL_PATH, writeTriageModelFile } from '../../server/modules/complaints/triage-model.js';
import { type LabelledLead, loadCorpus, rng, } from './corpus.js';

export { TRIAGE_MODEL_PATH as MODEL_PATH } from '../../server/modules/complaints/triage-model.js';

export interface TrainOptions {
  epochs: number;
  lr: number;
  l2: number;
  minCount: number;
  seed: number;
  featureSet: FeatureSet;
  /** Weight each lead-department class by √(mean class size / class size) in the loss. */
  balance?: boolean;
}
export const DEFAULT_OPTIONS: TrainOptions = { epochs: 12, lr: 0.4, l2: 1e-6, minCount: 2, seed: 12, featureSet: 'ngrams+cues', balance: true };

export interface Example {
  lead: LabelledLead;
  feats: string[];
  /** Class index per head, in HEADS order. */
  y: number[];
}

export function targetsOf(l: LabelledLead): number[] {
  const lead = LEAD_CLASSES.indexOf(l.leadDepartment as (typeof LEAD_CLASSES)[number]);
  if (lead < 0) throw new Error(`${l.id}: unknown lead department ${l.leadDepartment}`);
  return [l.category, lead, l.urgent ? 1 : 0, ...CO_CLASSES.map((d) => (l.coDepartments.includes(d) ? 1 : 0))];
}

export function toExamples(leads: LabelledLead[], set: FeatureSet = DEFAULT_OPTIONS.featureSet): Example[] {
  return leads.map((lead) => ({ lead, feats: featuresOf(lead.text, undefined, set), y: targetsOf(lead) }));
}

export interface Trained {
  features: string[];
  index: Map<string, number>;
  weights: Float32Array;
  bias: Float64Array;
}

export function train(examples: Example[], opt: TrainOptions = DEFAULT_OPTIONS): Trained {
  const df = new Map<string, number>();
  for (const e of examples) for (const f of e.feats) df.set(f, (df.get(f) ?? 0) + 1);
  const features = [...df.entries()]
    .filter(([f, n]) => n >= opt.minCount || f.startsWith('\u0001'))
    .map(([f]) => f)
    .sort();
  const index = new Map(features.map((f, i) => [f, i]));
  const W = new Float64Array(features.length * OUTPUTS);
  const G = new Float64Array(features.length * OUTPUTS);
  const bias = new Float64Array(OUTPUTS);
  const GB = new Float64Array(OUTPUTS);
  const rows = examples.map((e) => ({ idx: e.feats.map((f) => index.get(f)).filter((i): i is number => i !== undefined), norm: 1 / Math.sqrt(e.feats.length), y: e.y }));
  const order = rows.map((_, i) => i);
  const leadHead = HEADS.findIndex((h) => h.name === 'lead');
  const leadCounts = new Array(HEADS[leadHead].size).fill(0);
  for (const e of examples) leadCounts[e.y[leadHead]]++;
  const leadWeight = leadCounts.map((c) => (opt.balance && c ? Math.sqrt(examples.length / leadCounts.length / c) : 1));
  const logits = new Float64Array(OUTPUTS);
  const grad = new Float64Array(OUTPUTS);
  for (let epoch = 0; epoch < opt.epochs; epoch++) {
    const r = rng(opt.seed * 1000 + epoch);
    for (let i = order.length - 1; i > 0; i--) {
      const j = Math.floor(r() * (i + 1));
      [order[i], order[j]] = [order[j], order[i]];
    }
    for (const k of order) {
      const row = rows[k];
      for (let o = 0; o < OUTPUTS; o++) logits[o] = bias[o];
      for (const f of row.idx) {
        const base = f * OUTPUTS;
        for (let o = 0; o < OUTPUTS; o++) logits[o] += W[base + o] * row.norm;
      }
      HEADS.forEach((h, hi) => {
        const off = HEAD_OFFSET[h.name];
        const p = softmax(logits, off, h.size);
        const w = hi === leadHead ? leadWeight[row.y[hi]] : 1;
        for (let c = 0; c < h.size; c++) grad[off + c] = w * (p[c] - (row.y[hi] === c ? 1 : 0));
      });
      for (let o = 0; o < OUTPUTS; o++) {
        GB[o] += grad[o] * grad[o];
        bias[o] -= (opt.lr * grad[o]) / Math.sqrt(GB[o] + 1e-8);
      }
      for (const f of row.idx) {
        const base = f * OUTPUTS;
        for (let o = 0; o < OUTPUTS; o++) {
          const g = grad[o] * row.norm + opt.l2 * W[base + o];
          G[base + o] += g * g;
          W[base + o] -= (opt.lr * g) / Math.sqrt(G[base + o] + 1e-8);
        }
      }
    }
  }
  return { features, index, weights: Float32Array.from(W), bias };
}

/** Stratified (by category) k-fold over groups: all variants of a hand-written lead share a fold. */
export function foldsOf(leads: LabelledLead[], k: number): number[] {
  const groups = new Map<string, number>();
  for (const l of leads) if (!groups.has(l.group ?? l.id)) groups.set(l.group ?? l.id, l.category);
  const h = (s: string) => createHash('sha256').update(s).digest().readUInt32BE(0);
  const sorted = [...groups.entries()].sort((a, b) => a[1] - b[1] || h(a[0]) - h(b[0]) || (a[0] < b[0] ? -1 : 1));
  const foldOf = new Map(sorted.map(([g], i) => [g, i % k]));
  return leads.map((l) => foldOf.get(l.group ?? l.id) as number);
}

/** Out-of-fold logits for every lead. */
export function crossValidate(examples: Example[], k = 5, opt: TrainOptions = DEFAULT_OPTIONS): { logits: Float64Array[]; fold: number[] } {
  const fold = foldsOf(
    examples.map((e) => e.lead),
    k,
  );
  const logits: Float64Array[] = new Array(examples.length);
  for (let f = 0; f < k; f++) {
    const model = train(
      examples.filter((_, i) => fold[i] !== f),
      opt,
    );
    examples.forEach((e, i) => {
      if (fold[i] === f) logits[i] = logitsOf(model, e.feats);
    });
  }
  return { logits, fold };
}

const logit = (p: number) => Math.log(Math.max(1e-6, p) / Math.max(1e-6, 1 - p));

/** Temperatures, Platt scaling and thresholds, fitted on out-of-fold predictions only. */
export function calibrate(examples: Example[], oof: Float64Array[]): Pick<TriageModelFile, 'temperature' | 'platt' | 'thresholds'> {
  const nll = (head: 'category' | 'lead', size: number, hi: number, t: number) =>
    oof.reduce((s, z, i) => s - Math.log(Math.max(1e-9, softmax(z, HEAD_OFFSET[head], size, t)[examples[i].y[hi]])), 0);
  const grid = Array.from({ length: 40 }, (_, i) => 0.3 + i * 0.1);
  const best = (head: 'category' | 'lead', size: number, hi: number) => grid.reduce((b, t) => (nll(head, size, hi, t) < nll(head, size, hi, b) ? t : b), 1);
  const temperature = { category: Math.round(best('category', 7, 0) * 10) / 10, lead: Math.round(best('lead', 6, 1) * 10) / 10 };
  // Urgent: the highest threshold that keeps out-of-fold recall ≥ 0.985 (a margin over 0.95: unseen writing is less certain than the CV).
  const pu = oof.map((z) => softmax(z, HEAD_OFFSET.urgent, 2)[1]);
  const positives = pu.filter((_, i) => examples[i].y[2] === 1).sort((a, b) => b - a);
  const urgent = Math.floor(positives[Math.max(0, Math.ceil(positives.length * 0.985) - 1)] * 1000) / 1000;
  // Platt scaling of min(p_cat, p_lead) against "category and lead both right".
  const base = { temperature, platt: { a: 1, b: 0 }, thresholds: { urgent, co: 0.5, human: 0 } };
  const pts = oof.map((z, i) => {
    const d = decide(base, z);
    const raw = Math.min(Math.max(...d.probabilities.category), Math.max(...d.probabilities.lead));
    const ok = d.category === examples[i].y[0] && LEAD_CLASSES.indexOf(d.leadDepartment) === examples[i].y[1] ? 1 : 0;
    return { x: logit(raw), ok };
  });
  let a = 1;
  let b = 0;
  for (let it = 0; it < 500; it++) {
    let ga = 0;
    let gb = 0;
    for (const p of pts) {
      const q = 1 / (1 + Math.exp(-(a * p.x + b)));
      ga += (q - p.ok) * p.x;
      gb += q - p.ok;
    }
    a -= (0.5 * ga) / pts.length;
    b -= (0.5 * gb) / pts.length;
  }
  const platt = { a: Math.round(a * 1e4) / 1e4, b: Math.round(b * 1e4) / 1e4 };
  // Human threshold: the lowest confidence at which auto-routed leads are ≥ 97% right (category and lead).
  const conf = pts.map((p) => ({ c: 1 / (1 + Math.exp(-(platt.a * p.x + platt.b))), ok: p.ok })).sort((x, y) => y.c - x.c);
  let human = 1;
  let okSum = 0;
  conf.forEach((p, i) => {
    okSum += p.ok;
    if (okSum / (i + 1) >= 0.97) human = p.c;
  });
  return { temperature, platt, thresholds: { urgent, co: 0.5, human: Math.round(human * 1000) / 1000 } };
}

export function encodeModel(trained: Trained, cal: Pick<TriageModelFile, 'temperature' | 'platt' | 'thresholds'>, leads: LabelledLead[], featureSet: FeatureSet): TriageModelFile {
  let max = 0;
  for (const w of trained.weights) max = Math.max(max, Math.abs(w));
  const scale = max / 32767 || 1;
  const buf = Buffer.alloc(trained.weights.length * 2);
  for (let i = 0; i < trained.weights.length; i++) buf.writeInt16LE(Math.round(trained.weights[i] / scale), i * 2);
  const weights = buf.toString('base64');
  const bias = [...trained.bias].map((b) => Math.round(b * 1e6) / 1e6);
  const sha256 = createHash('sha256').update(leads.map((l) => JSON.stringify(l)).join('\n')).digest('hex');
  const content = { featureSet, features: trained.features, weights, scale, bias, ...cal };
  const version = `tm-${createHash('sha256').update(JSON.stringify(content)).digest('hex').slice(0, 10)}`;
  return {
    format: 1,
    version,
    trainedOn: { leads: leads.length, groups: new Set(leads.map((l) => l.group ?? l.id)).size, sha256 },
    ...content,
  };
}

/** The whole pipeline: CV for calibration, then the final model on every lead. */
export function trainModel(leads: LabelledLead[], opt: TrainOptions = DEFAULT_OPTIONS): { file: TriageModelFile; oof: Float64Array[]; examples: Example[]; fold: number[] } {
  const examples = toExamples(leads, opt.featureSet);
  const { logits: oof, fold } = crossValidate(examples, 5, opt);
  const cal = calibrate(examples, oof);
  const trained = train(examples, opt);
  return { file: encodeModel(trained, cal, leads, opt.featureSet), oof, examples, fold };
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const t0 = performance.now();
  const leads = loadCorpus();
  const { file } = trainModel(leads);
  writeTriageModelFile(file);
  console.log(`wrote ${TRIAGE_MODEL_PATH}: ${file.version}, ${file.features.length} features, ${leads.length} leads, ${((performance.now() - t0) / 1000).toFixed(1)} s`);
  console.log(`calibration: ${JSON.stringify({ temperature: file.temperature, platt: file.platt, thresholds: file.thresholds })}`);
}
