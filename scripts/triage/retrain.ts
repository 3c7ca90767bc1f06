/**
 * Retraining from staff corrections (issue 12), run by an administrator (or a scheduler):
 *
 *   npm run triage:retrain              # train a candidate; replace the model only if it is no worse
 *   npm run triage:retrain -- --dry-run # report only
 *
 * 1. Reads every lead whose triage a person corrected (triage_corrections; the lead's current
 *    category, departments and urgency are the final labels) from the configured database.
 * 2. Adds them to the corpus (tests/fixtures/triage/corrections.jsonl, one group per lead) and
 *    trains a candidate with the same deterministic pipeline as `npm run triage:train`.
 * 3. Scores the current and the candidate model on the project's hold-out; a candidate that is
 *    worse on category, lead department or urgent recall is refused and nothing is written.
 * 4. Otherwise writes core/triage/triage-model.json.gz and corrections.jsonl; commit both and
 *    restart the server (the model version is recorded on each new lead).
 */
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { inArray } from 'drizzle-orm';
import { migrateDatabase, openDatabase } from '../../server/db/client.js';
import { complaints, triageCorrections } from '../../server/db/schema/index.js';
import { loadEnv } from '../../server/env.js';
import { buildCorpus, CORRECTIONS_PATH, HOLDOUT_PATH, type LabelledLead, loadJsonl, type Register } from './corpus.js';
import { gate } from './gate.js';
import { readTriageModelFile, writeTriageModelFile } from '../../server/modules/complaints/triage-model.js';
import { MODEL_PATH, trainModel } from './train.js';

const REGISTER_OF: Record<string, Register> = { web: 'web', letter: 'letter', hotline_12345: 'hotline', phone: 'hotline', open311: 'web' };

const { values } = parseArgs({ options: { 'dry-run': { type: 'boolean', default: false } } });
const env = loadEnv();
const database = await openDatabase(env.DATABASE_URL ? { databaseUrl: env.DATABASE_URL } : { dataDir: join(env.DATA_DIR, 'pglite') });
await migrateDatabase(database);
const corrected = await database.db.selectDistinct({ id: triageCorrections.complaintId }).from(triageCorrections);
const rows = corrected.length
  ? await database.db
      .select({ id: complaints.id, channel: complaints.channel, text: complaints.description, category: complaints.category, lead: complaints.leadDepartment, co: complaints.coDepartments, urgent: complaints.urgent })
      .from(complaints)
      .where(inArray(
        complaints.id,
        corrected.map((c) => c.id),
      ))
  : [];
await database.close();
const fresh: LabelledLead[] = rows
  .map((r) => ({ id: `corr-${r.id}`, register: REGISTER_OF[r.channel] ?? 'web', text: r.text, category: r.category, leadDepartment: r.lead, coDepartments: r.co, urgent: r.urgent }))
  .sort((a, b) => (a.id < b.id ? -1 : 1));
const previous = (() => {
  try {
    return loadJsonl(CORRECTIONS_PATH);
  } catch {
    return [];
  }
})();
const merged = new Map(previous.map((l) => [l.id, l]));
for (const l of fresh) merged.set(l.id, l);
const corrections = [...merged.values()].sort((a, b) => (a.id < b.id ? -1 : 1));
console.log(`${fresh.length} corrected leads in the database, ${corrections.length} corrections in all`);

const previousText = (() => {
  try {
    return readFileSync(CORRECTIONS_PATH, 'utf8');
  } catch {
    return null;
  }
})();
const correctionsText = corrections.map((l) => JSON.stringify(l)).join('\n') + (corrections.length ? '\n' : '');
writeFileSync(CORRECTIONS_PATH, correctionsText); // buildCorpus reads it
const corpus = buildCorpus();
const { file: candidate } = trainModel(corpus);
const current = readTriageModelFile();
const verdict = gate(current, candidate, loadJsonl(HOLDOUT_PATH));
const fmt = (s: { category: number; lead: number; urgentRecall: number }) => `category ${(s.category * 100).toFixed(1)}%, lead ${(s.lead * 100).toFixed(1)}%, urgent recall ${(s.urgentRecall * 100).toFixed(1)}%`;
console.log(`current   ${current.version}: ${fmt(verdict.current)}`);
console.log(`candidate ${candidate.version}: ${fmt(verdict.candidate)}`);
if (!verdict.accept || values['dry-run']) {
  if (previousText === null) rmSync(CORRECTIONS_PATH, { force: true });
  else writeFileSync(CORRECTIONS_PATH, previousText);
  console.log(verdict.accept ? 'dry run: nothing written' : `REFUSED: ${verdict.reasons.join('; ')}`);
  process.exit(verdict.accept ? 0 : 1);
}
writeTriageModelFile(candidate);
console.log(`accepted: wrote ${MODEL_PATH} (${candidate.version}) and ${CORRECTIONS_PATH}; rebuild the corpus file with npm run triage:corpus, commit, and restart the server`);
