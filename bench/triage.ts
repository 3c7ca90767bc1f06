/**
 * Benchmark: triage latency per lead and model load time (issue 12: ≤ 2 ms per lead in
 * process, model load ≤ 1 s).
 *   npx tsx bench/triage.ts [rounds=20]
 * Loads core/triage/triage-model.json.gz (read + gunzip + parse + decode), then runs the learned model (which
 * also runs the rule engine for its cues) over every labelled complaint of the corpus and the
 * project hold-out `rounds` times after a warm-up, and prints mean, p50, p99 and max per lead.
 */
import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { readTriageModelFile } from '../server/modules/complaints/triage-model.js';
import { loadTriageModel, triageWithModel } from '../core/triage/model.js';
import { triage } from '../core/triage/triage.js';

const ROUNDS = Number(process.argv[2] ?? 20);
const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');

const loadStart = process.hrtime.bigint();
const model = loadTriageModel(readTriageModelFile());
const loadMs = Number(process.hrtime.bigint() - loadStart) / 1e6;

const texts = ['corpus.jsonl', 'holdout.jsonl'].flatMap((f) =>
  readFileSync(resolve(root, 'tests/fixtures/triage', f), 'utf8')
    .split('\n')
    .filter((l) => l.trim())
    .map((l) => (JSON.parse(l) as { text: string }).text),
);

function measure(name: string, fn: (t: string) => unknown): { mean: number; p50: number; p99: number } {
  for (const t of texts) fn(t); // warm-up (JIT, lexicon compilation)
  const samples: number[] = [];
  for (let r = 0; r < ROUNDS; r++) {
    for (const t of texts) {
      const start = process.hrtime.bigint();
      fn(t);
      samples.push(Number(process.hrtime.bigint() - start) / 1e6);
    }
  }
  samples.sort((a, b) => a - b);
  const pct = (p: number) => samples[Math.min(samples.length - 1, Math.floor((p / 100) * samples.length))].toFixed(3);
  const mean = (samples.reduce((s, x) => s + x, 0) / samples.length).toFixed(3);
  console.log(`${name}: ${texts.length} leads × ${ROUNDS} rounds — mean ${mean} ms, p50 ${pct(50)} ms, p99 ${pct(99)} ms, max ${samples.at(-1)?.toFixed(3)} ms per lead`);
  return { mean: Number(mean), p50: Number(pct(50)), p99: Number(pct(99)) };
}

console.log(`triage model ${model.file.version}: ${model.file.features.length} features, loaded in ${loadMs.toFixed(0)} ms`);
const learned = measure('triage (learned model + lexicon cues)', (t) => triageWithModel(model, t));
measure('triage (rule engine alone)', (t) => triage(t));
// One machine-readable line for bench/run.ts.
console.log(`BENCH_JSON ${JSON.stringify({ leads: texts.length, rounds: ROUNDS, loadMs: Math.round(loadMs), ...learned })}`);
