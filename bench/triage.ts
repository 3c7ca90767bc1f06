/**
 * Benchmark: triage latency per lead (issue 4 asks for "well under 10 ms per lead").
 *   npx tsx bench/triage.ts [rounds=20]
 * Runs the engine over every hand-labelled complaint (dev + holdout) `rounds` times after a
 * warm-up and prints mean, p50, p99 and max per lead.
 */
import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { triage } from '../core/triage/triage.js';

const ROUNDS = Number(process.argv[2] ?? 20);
const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const texts = ['devset.jsonl', 'holdout.jsonl'].flatMap((f) =>
  readFileSync(resolve(root, 'tests/fixtures/triage', f), 'utf8')
    .split('\n')
    .filter((l) => l.trim())
    .map((l) => (JSON.parse(l) as { text: string }).text),
);

for (const t of texts) triage(t); // warm-up (JIT, lexicon compilation)

const samples: number[] = [];
for (let r = 0; r < ROUNDS; r++) {
  for (const t of texts) {
    const start = process.hrtime.bigint();
    triage(t);
    samples.push(Number(process.hrtime.bigint() - start) / 1e6);
  }
}
samples.sort((a, b) => a - b);
const pct = (p: number) => samples[Math.min(samples.length - 1, Math.floor((p / 100) * samples.length))].toFixed(3);
const mean = (samples.reduce((s, x) => s + x, 0) / samples.length).toFixed(3);
console.log(
  `triage: ${texts.length} leads × ${ROUNDS} rounds — mean ${mean} ms, p50 ${pct(50)} ms, p99 ${pct(99)} ms, max ${samples.at(-1)?.toFixed(3)} ms per lead`,
);
