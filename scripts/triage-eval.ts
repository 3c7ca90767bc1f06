/**
 * Honest evaluation of the learned triage model (issue 12).
 *
 *   npm run triage:eval                # CV + hold-outs; rewrites the generated part of docs/triage-accuracy.md
 *   npm run triage:eval -- --no-write  # print only
 *   npm run triage:eval -- --no-cv     # skip the cross-validation (hold-outs only, fast)
 *   npm run triage:eval -- --no-blind  # leave out the blind hold-out (use while developing: never tune on it)
 *
 * 1. Stratified, grouped 5-fold cross-validation on tests/fixtures/triage/corpus.jsonl: each fold's model
 *    is trained on the other four; all variants of a hand-written lead stay in one fold. The
 *    decisions use the calibration of the shipped model (fitted on these same out-of-fold
 *    predictions, so the calibration figures of the CV are in-sample for the 4 calibration numbers).
 * 2. The project's own hold-out, tests/fixtures/triage/holdout.jsonl (125 leads, never trained on),
 *    scored with the shipped model core/triage/triage-model.json.gz.
 * 3. The coordinator's blind hold-out, tests/fixtures/triage/blind-holdout.jsonl, when present:
 *    scored with the shipped model, aggregate figures only — its items are never printed.
 * 4. The second blind hold-out, tests/fixtures/triage/blind-holdout-2.jsonl (round two), the same way.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { FOCUS_CATEGORY_SHORT_LABELS, type FocusCategory } from '../core/categories.js';
import { decide, LEAD_CLASSES, loadTriageModel, type TriageModelFile, triageWithModel } from '../core/triage/model.js';
import { triage } from '../core/triage/triage.js';
import { BLIND_HOLDOUT_2_PATH, BLIND_HOLDOUT_PATH, HOLDOUT_PATH, type LabelledLead, loadCorpus, loadJsonl, root } from './triage/corpus.js';
import { readTriageModelFile } from '../server/modules/complaints/triage-model.js';
import { MODEL_PATH, trainModel } from './triage/train.js';

export interface Prediction {
  category: number;
  leadDepartment: string;
  coDepartments: string[];
  urgent: boolean;
  confidence: number;
  needsHuman: boolean;
}

export interface EvalReport {
  name: string;
  n: number;
  categoryAcc: number;
  leadAcc: number;
  coExactAcc: number;
  urgentRecall: number;
  urgentPositives: number;
  falseAlarms: number;
  falseAlarmRate: number;
  confusion: number[][];
  perCategory: { category: number; n: number; recall: number; precision: number }[];
  perDepartment: { dept: string; n: number; recall: number; precision: number }[];
  perRegister: { register: string; n: number; categoryAcc: number; leadAcc: number }[];
  calibration: { from: number; to: number; n: number; meanConfidence: number; bothRight: number }[];
  ece: number;
  humanShare: number;
  autoRoutedAcc: number;
}

const sameSet = (a: string[], b: string[]) => a.length === b.length && a.every((x) => b.includes(x));
const pct = (x: number) => `${(x * 100).toFixed(1)}%`;

export function evaluate(name: string, leads: LabelledLead[], preds: Prediction[]): EvalReport {
  const confusion = Array.from({ length: 7 }, () => Array<number>(7).fill(0));
  const deptConf = new Map<string, { gold: number; pred: number; ok: number }>(LEAD_CLASSES.map((d) => [d, { gold: 0, pred: 0, ok: 0 }]));
  let cat = 0;
  let lead = 0;
  let co = 0;
  let tp = 0;
  let fn = 0;
  let fp = 0;
  let negatives = 0;
  let human = 0;
  let autoOk = 0;
  const byRegister = new Map<string, { n: number; cat: number; lead: number }>();
  const bins = Array.from({ length: 5 }, (_, i) => ({ from: i * 0.2, to: (i + 1) * 0.2, n: 0, conf: 0, ok: 0 }));
  leads.forEach((l, i) => {
    const p = preds[i];
    confusion[l.category][p.category]++;
    const okCat = p.category === l.category;
    const okLead = p.leadDepartment === l.leadDepartment;
    if (okCat) cat++;
    if (okLead) lead++;
    if (sameSet(p.coDepartments, l.coDepartments)) co++;
    const g = deptConf.get(l.leadDepartment);
    if (g) g.gold++;
    const pd = deptConf.get(p.leadDepartment);
    if (pd) pd.pred++;
    if (okLead && g) g.ok++;
    if (l.urgent) {
      if (p.urgent) tp++;
      else fn++;
    } else {
      negatives++;
      if (p.urgent) fp++;
    }
    if (p.needsHuman) human++;
    else if (okCat && okLead) autoOk++;
    const b = bins[Math.min(4, Math.floor(p.confidence * 5))];
    b.n++;
    b.conf += p.confidence;
    if (okCat && okLead) b.ok++;
    const r = byRegister.get(l.register) ?? { n: 0, cat: 0, lead: 0 };
    r.n++;
    if (okCat) r.cat++;
    if (okLead) r.lead++;
    byRegister.set(l.register, r);
  });
  const n = leads.length;
  const calibration = bins.map((b) => ({ from: b.from, to: b.to, n: b.n, meanConfidence: b.n ? b.conf / b.n : 0, bothRight: b.n ? b.ok / b.n : 0 }));
  return {
    name,
    n,
    categoryAcc: cat / n,
    leadAcc: lead / n,
    coExactAcc: co / n,
    urgentRecall: tp + fn ? tp / (tp + fn) : 1,
    urgentPositives: tp + fn,
    falseAlarms: fp,
    falseAlarmRate: negatives ? fp / negatives : 0,
    confusion,
    perCategory: [0, 1, 2, 3, 4, 5, 6].map((c) => {
      const gold = confusion[c].reduce((a, b) => a + b, 0);
      const predicted = confusion.reduce((a, row) => a + row[c], 0);
      return { category: c, n: gold, recall: gold ? confusion[c][c] / gold : 0, precision: predicted ? confusion[c][c] / predicted : 0 };
    }),
    perDepartment: [...deptConf.entries()].map(([dept, d]) => ({ dept, n: d.gold, recall: d.gold ? d.ok / d.gold : 0, precision: d.pred ? d.ok / d.pred : 0 })),
    perRegister: [...byRegister.entries()].sort().map(([register, r]) => ({ register, n: r.n, categoryAcc: r.cat / r.n, leadAcc: r.lead / r.n })),
    calibration,
    ece: calibration.reduce((s, b) => s + (b.n / n) * Math.abs(b.meanConfidence - b.bothRight), 0),
    humanShare: human / n,
    autoRoutedAcc: n - human ? autoOk / (n - human) : 1,
  };
}

export function printReport(r: EvalReport): void {
  console.log(`\n== ${r.name}: ${r.n} leads ==`);
  console.log(`category accuracy        ${pct(r.categoryAcc)}`);
  console.log(`lead department accuracy ${pct(r.leadAcc)}`);
  console.log(`urgent recall            ${pct(r.urgentRecall)} of ${r.urgentPositives}; false alarms ${r.falseAlarms} (${pct(r.falseAlarmRate)} of non-urgent)`);
  console.log(`co-departments exact     ${pct(r.coExactAcc)}`);
  console.log(`needs a human decision   ${pct(r.humanShare)}; auto-routed leads right (category and lead) ${pct(r.autoRoutedAcc)}`);
  console.log('\nconfusion (rows = gold, columns = predicted 0..6)');
  console.log(`gold   ${[0, 1, 2, 3, 4, 5, 6].map((c) => String(c).padStart(5)).join('')}   recall  precision`);
  for (const pc of r.perCategory) console.log(`${String(pc.category).padStart(4)}   ${r.confusion[pc.category].map((x) => String(x).padStart(5)).join('')}   ${pct(pc.recall).padStart(6)}  ${pct(pc.precision).padStart(6)}`);
  console.log('\nlead department          n   recall  precision');
  for (const d of r.perDepartment) console.log(`  ${d.dept.padEnd(10)} ${String(d.n).padStart(8)}   ${pct(d.recall).padStart(6)}  ${pct(d.precision).padStart(6)}`);
  console.log(`\ncalibration (confidence bin: n, mean confidence, category and lead both right); ECE ${r.ece.toFixed(3)}`);
  for (const b of r.calibration) console.log(`  ${b.from.toFixed(1)}–${b.to.toFixed(1)}  n=${String(b.n).padStart(5)}  conf ${b.meanConfidence.toFixed(3)}  right ${pct(b.bothRight)}`);
  console.log('\nby register');
  for (const p of r.perRegister) console.log(`  ${p.register.padEnd(8)} n=${String(p.n).padStart(5)}  category ${pct(p.categoryAcc)}  lead ${pct(p.leadAcc)}`);
}

function markdownSection(r: EvalReport): string {
  return [
    `### ${r.name} (${r.n} leads)`,
    '',
    '| measure | result |',
    '|---|---|',
    `| focus category (0–6) | ${pct(r.categoryAcc)} |`,
    `| lead department | ${pct(r.leadAcc)} |`,
    `| urgent recall | ${pct(r.urgentRecall)} of ${r.urgentPositives} urgent; ${r.falseAlarms} false alarms (${pct(r.falseAlarmRate)} of non-urgent) |`,
    `| co-departments, exact set | ${pct(r.coExactAcc)} |`,
    `| marked for a human decision | ${pct(r.humanShare)} (auto-routed right: ${pct(r.autoRoutedAcc)}) |`,
    `| calibration error (ECE, 5 bins) | ${r.ece.toFixed(3)} |`,
    '',
    `| gold \\ predicted | ${[0, 1, 2, 3, 4, 5, 6].join(' | ')} | n | recall | precision |`,
    `|---|${'---|'.repeat(7)}---|---|---|`,
    ...r.perCategory.map((pc) => `| ${pc.category} ${FOCUS_CATEGORY_SHORT_LABELS[pc.category as FocusCategory]} | ${r.confusion[pc.category].join(' | ')} | ${pc.n} | ${pct(pc.recall)} | ${pct(pc.precision)} |`),
    '',
    `Lead department (recall / precision): ${r.perDepartment.map((d) => `${d.dept} ${pct(d.recall)} / ${pct(d.precision)} (n=${d.n})`).join('; ')}.`,
    '',
    `Calibration (bin: n, mean confidence → share with category and lead right): ${r.calibration.map((b) => `${b.from.toFixed(1)}–${b.to.toFixed(1)}: ${b.n}, ${b.meanConfidence.toFixed(2)} → ${pct(b.bothRight)}`).join('; ')}.`,
    '',
    `By register: ${r.perRegister.map((p) => `${p.register} ${pct(p.categoryAcc)} / ${pct(p.leadAcc)} (n=${p.n})`).join('; ')}.`,
    '',
  ].join('\n');
}

export function loadShippedModel(path = MODEL_PATH): TriageModelFile {
  return readTriageModelFile(path);
}

export function predictAll(file: TriageModelFile, leads: LabelledLead[]): Prediction[] {
  const model = loadTriageModel(file);
  return leads.map((l) => triageWithModel(model, l.text));
}

function rulePredictions(leads: LabelledLead[]): Prediction[] {
  return leads.map((l) => ({ ...triage(l.text), confidence: 1, needsHuman: false }));
}

function main(): void {
  const args = new Set(process.argv.slice(2));
  const file = loadShippedModel();
  const reports: EvalReport[] = [];
  if (!args.has('--no-cv')) {
    const corpus = loadCorpus();
    const { oof } = trainModel(corpus);
    const preds = oof.map((z) => {
      const d = decide(file, z);
      return { ...d, needsHuman: d.confidence < file.thresholds.human };
    });
    reports.push(evaluate('Cross-validation, 5 folds grouped by hand-written lead (all corpus leads)', corpus, preds));
    const originals = corpus.map((l, i) => ({ l, p: preds[i] })).filter((x) => x.l.group === x.l.id);
    reports.push(evaluate('Cross-validation, hand-written leads only (no variants)', originals.map((x) => x.l), originals.map((x) => x.p)));
  }
  const holdout = loadJsonl(HOLDOUT_PATH);
  reports.push(evaluate(`Project hold-out (holdout.jsonl), shipped model ${file.version}`, holdout, predictAll(file, holdout)));
  reports.push(evaluate('Project hold-out (holdout.jsonl), rule engine alone (baseline)', holdout, rulePredictions(holdout)));
  if (existsSync(BLIND_HOLDOUT_PATH) && !args.has('--no-blind')) {
    const blind = loadJsonl(BLIND_HOLDOUT_PATH);
    reports.push(evaluate(`Blind hold-out (blind-holdout.jsonl), shipped model ${file.version}`, blind, predictAll(file, blind)));
    reports.push(evaluate('Blind hold-out (blind-holdout.jsonl), rule engine alone (baseline)', blind, rulePredictions(blind)));
  } else console.log('\n(no tests/fixtures/triage/blind-holdout.jsonl yet)');
  if (existsSync(BLIND_HOLDOUT_2_PATH) && !args.has('--no-blind')) {
    const blind2 = loadJsonl(BLIND_HOLDOUT_2_PATH);
    reports.push(evaluate(`Second blind hold-out (blind-holdout-2.jsonl), shipped model ${file.version}`, blind2, predictAll(file, blind2)));
    reports.push(evaluate('Second blind hold-out (blind-holdout-2.jsonl), rule engine alone (baseline)', blind2, rulePredictions(blind2)));
  }
  for (const r of reports) printReport(r);
  if (args.has('--no-write')) return;
  const docPath = resolve(root, 'docs/triage-accuracy.md');
  const template = existsSync(docPath) ? readFileSync(docPath, 'utf8') : '';
  const begin = '<!-- triage-eval:begin -->';
  const end = '<!-- triage-eval:end -->';
  const generated = `${begin}\n_Generated by \`npm run triage:eval\` on Node ${process.version}, model ${file.version}._\n\n${reports.map(markdownSection).join('\n')}${end}`;
  const doc =
    template.includes(begin) && template.includes(end)
      ? template.slice(0, template.indexOf(begin)) + generated + template.slice(template.indexOf(end) + end.length)
      : `# Triage accuracy\n\n${generated}\n`;
  writeFileSync(docPath, doc);
  console.log(`\nwrote ${docPath}`);
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) main();
