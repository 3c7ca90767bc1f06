/**
 * Evaluates the rule-based triage engine (core/triage) against the hand-labelled development set
 * (and the held-out set, when present) and writes docs/triage-accuracy.md.
 *
 *   npx tsx scripts/triage-eval.ts            # print the report and rewrite docs/triage-accuracy.md
 *   npx tsx scripts/triage-eval.ts --errors   # also list every disagreement (for tuning)
 *   npx tsx scripts/triage-eval.ts --no-write # print only
 *
 * Labels are never changed to fit the engine; disagreements are reported as they are.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { FOCUS_CATEGORY_LABELS, type FocusCategory, type TriageResult, triage } from '../core/triage/triage.js';

export interface LabelledLead {
  id: string;
  register: 'hotline' | 'web' | 'letter' | 'wechat';
  text: string;
  category: FocusCategory;
  leadDepartment: string;
  coDepartments: string[];
  urgent: boolean;
}

export interface EvalReport {
  name: string;
  n: number;
  categoryAcc: number;
  leadAcc: number;
  urgentAcc: number;
  coExactAcc: number;
  allExactAcc: number;
  urgentPrecision: number;
  urgentRecall: number;
  /** confusion[gold][predicted] */
  confusion: number[][];
  perCategory: { category: number; n: number; recall: number; precision: number }[];
  perRegister: { register: string; n: number; categoryAcc: number; leadAcc: number }[];
  meanMs: number;
  p99Ms: number;
  maxMs: number;
  errors: { lead: LabelledLead; got: TriageResult }[];
}

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');

export function loadLeads(path: string): LabelledLead[] {
  return readFileSync(path, 'utf8')
    .split('\n')
    .filter((l) => l.trim())
    .map((l) => JSON.parse(l) as LabelledLead);
}

const sameSet = (a: string[], b: string[]) => a.length === b.length && a.every((x) => b.includes(x));
const pct = (x: number) => `${(x * 100).toFixed(1)}%`;

export function evaluate(name: string, leads: LabelledLead[], timingRepeats = 20): EvalReport {
  const confusion = Array.from({ length: 7 }, () => Array<number>(7).fill(0));
  let cat = 0;
  let lead = 0;
  let urg = 0;
  let co = 0;
  let all = 0;
  let tp = 0;
  let fp = 0;
  let fn = 0;
  const errors: EvalReport['errors'] = [];
  const byRegister = new Map<string, { n: number; cat: number; lead: number }>();
  for (const l of leads) {
    const got = triage(l.text);
    confusion[l.category][got.category]++;
    const okCat = got.category === l.category;
    const okLead = got.leadDepartment === l.leadDepartment;
    const okUrg = got.urgent === l.urgent;
    const okCo = sameSet(got.coDepartments, l.coDepartments);
    if (okCat) cat++;
    if (okLead) lead++;
    if (okUrg) urg++;
    if (okCo) co++;
    if (okCat && okLead && okUrg && okCo) all++;
    else errors.push({ lead: l, got });
    if (got.urgent && l.urgent) tp++;
    if (got.urgent && !l.urgent) fp++;
    if (!got.urgent && l.urgent) fn++;
    const r = byRegister.get(l.register) ?? { n: 0, cat: 0, lead: 0 };
    r.n++;
    if (okCat) r.cat++;
    if (okLead) r.lead++;
    byRegister.set(l.register, r);
  }

  // Timing: warm up, then time each lead over several repeats and keep the per-lead mean.
  for (const l of leads) triage(l.text);
  const times: number[] = [];
  for (const l of leads) {
    const t0 = performance.now();
    for (let i = 0; i < timingRepeats; i++) triage(l.text);
    times.push((performance.now() - t0) / timingRepeats);
  }
  times.sort((a, b) => a - b);
  const n = leads.length;
  const perCategory = [0, 1, 2, 3, 4, 5, 6].map((c) => {
    const gold = confusion[c].reduce((a, b) => a + b, 0);
    const predicted = confusion.reduce((a, row) => a + row[c], 0);
    return { category: c, n: gold, recall: gold ? confusion[c][c] / gold : 0, precision: predicted ? confusion[c][c] / predicted : 0 };
  });
  return {
    name,
    n,
    categoryAcc: cat / n,
    leadAcc: lead / n,
    urgentAcc: urg / n,
    coExactAcc: co / n,
    allExactAcc: all / n,
    urgentPrecision: tp + fp ? tp / (tp + fp) : 1,
    urgentRecall: tp + fn ? tp / (tp + fn) : 1,
    confusion,
    perCategory,
    perRegister: [...byRegister.entries()].map(([register, r]) => ({ register, n: r.n, categoryAcc: r.cat / r.n, leadAcc: r.lead / r.n })),
    meanMs: times.reduce((a, b) => a + b, 0) / n,
    p99Ms: times[Math.min(n - 1, Math.ceil(n * 0.99) - 1)],
    maxMs: times[n - 1],
    errors,
  };
}

function printReport(r: EvalReport, showErrors: boolean): void {
  console.log(`\n== ${r.name}: ${r.n} leads ==`);
  console.log(`category accuracy        ${pct(r.categoryAcc)}`);
  console.log(`lead department accuracy ${pct(r.leadAcc)}`);
  console.log(`urgent accuracy          ${pct(r.urgentAcc)}  (precision ${pct(r.urgentPrecision)}, recall ${pct(r.urgentRecall)})`);
  console.log(`co-departments exact     ${pct(r.coExactAcc)}`);
  console.log(`all four exact           ${pct(r.allExactAcc)}`);
  console.log(`time per lead            mean ${r.meanMs.toFixed(3)} ms, p99 ${r.p99Ms.toFixed(3)} ms, max ${r.maxMs.toFixed(3)} ms`);
  console.log('\nconfusion (rows = gold, columns = predicted 0..6)');
  console.log(`gold   ${[0, 1, 2, 3, 4, 5, 6].map((c) => String(c).padStart(4)).join('')}   recall  precision`);
  for (const pc of r.perCategory) {
    console.log(`${String(pc.category).padStart(4)}   ${r.confusion[pc.category].map((x) => String(x).padStart(4)).join('')}   ${pct(pc.recall).padStart(6)}  ${pct(pc.precision).padStart(6)}`);
  }
  console.log('\nby register');
  for (const pr of r.perRegister) console.log(`  ${pr.register.padEnd(8)} n=${String(pr.n).padStart(3)}  category ${pct(pr.categoryAcc)}  lead ${pct(pr.leadAcc)}`);
  if (showErrors) {
    console.log('\ndisagreements (gold → got)');
    for (const { lead: l, got } of r.errors) {
      const diff: string[] = [];
      if (got.category !== l.category) diff.push(`cat ${l.category}→${got.category}`);
      if (got.leadDepartment !== l.leadDepartment) diff.push(`lead ${l.leadDepartment}→${got.leadDepartment}`);
      if (!sameSet(got.coDepartments, l.coDepartments)) diff.push(`co [${l.coDepartments}]→[${got.coDepartments}]`);
      if (got.urgent !== l.urgent) diff.push(`urgent ${l.urgent}→${got.urgent}`);
      console.log(`- ${l.id} ${diff.join('; ')}\n    ${l.text}\n    cues: ${got.cues.map((c) => `${c.kind}:${c.label}=${c.matched}`).join(' | ')}\n    scores: ${JSON.stringify(got.scores)}`);
    }
  }
}

function markdownSection(r: EvalReport): string {
  const rows = [
    ['focus category (0–6)', pct(r.categoryAcc)],
    ['lead department', pct(r.leadAcc)],
    ['urgent flag', `${pct(r.urgentAcc)} (precision ${pct(r.urgentPrecision)}, recall ${pct(r.urgentRecall)})`],
    ['co-departments, exact set', pct(r.coExactAcc)],
    ['all four exact', pct(r.allExactAcc)],
    ['time per lead', `mean ${r.meanMs.toFixed(3)} ms, p99 ${r.p99Ms.toFixed(3)} ms`],
  ];
  const confusion = [
    `| gold \\ predicted | ${[0, 1, 2, 3, 4, 5, 6].join(' | ')} | n | recall | precision |`,
    `|---|${'---|'.repeat(7)}---|---|---|`,
    ...r.perCategory.map((pc) => `| ${pc.category} ${FOCUS_CATEGORY_LABELS[pc.category as FocusCategory]} | ${r.confusion[pc.category].join(' | ')} | ${pc.n} | ${pct(pc.recall)} | ${pct(pc.precision)} |`),
  ];
  return [
    `### ${r.name} (${r.n} leads)`,
    '',
    '| measure | result |',
    '|---|---|',
    ...rows.map(([a, b]) => `| ${a} | ${b} |`),
    '',
    'Confusion of the focus category:',
    '',
    ...confusion,
    '',
    `By register: ${r.perRegister.map((p) => `${p.register} ${pct(p.categoryAcc)} category / ${pct(p.leadAcc)} lead (n=${p.n})`).join('; ')}.`,
    '',
  ].join('\n');
}

function main(): void {
  const args = new Set(process.argv.slice(2));
  const devPath = resolve(root, 'tests/fixtures/triage/devset.jsonl');
  const holdoutPath = resolve(root, 'tests/fixtures/triage/holdout.jsonl');
  const reports = [evaluate('Development set', loadLeads(devPath))];
  if (existsSync(holdoutPath)) reports.push(evaluate('Held-out set', loadLeads(holdoutPath)));
  for (const r of reports) printReport(r, args.has('--errors'));
  if (args.has('--no-write')) return;
  const docPath = resolve(root, 'docs/triage-accuracy.md');
  const template = existsSync(docPath) ? readFileSync(docPath, 'utf8') : '';
  const begin = '<!-- triage-eval:begin -->';
  const end = '<!-- triage-eval:end -->';
  const generated = `${begin}\n_Generated by \`npx tsx scripts/triage-eval.ts\` on Node ${process.version}._\n\n${reports.map(markdownSection).join('\n')}${end}`;
  const doc = template.includes(begin) && template.includes(end)
    ? template.slice(0, template.indexOf(begin)) + generated + template.slice(template.indexOf(end) + end.length)
    : `# Triage engine accuracy\n\n${generated}\n`;
  writeFileSync(docPath, doc);
  console.log(`\nwrote ${docPath}`);
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) main();
