/**
 * The triage model the server uses (issue 12): core/triage/triage-model.json.gz, written by
 * `npm run triage:train` (or accepted by `npm run triage:retrain`), loaded once on first use.
 * The pure engine is core/triage/model.ts; this file only reads the model file.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gunzipSync, gzipSync } from 'node:zlib';
import { loadTriageModel, type ModelTriageResult, type TriageModel, type TriageModelFile, triageWithModel } from '../../../core/triage/model.js';
import type { ResponsibilityRules } from '../../../core/triage/triage.js';

export const TRIAGE_MODEL_PATH = resolve(dirname(fileURLToPath(import.meta.url)), '../../../core/triage/triage-model.json.gz');

/** The model file is stored gzipped (7 MB of JSON, 4.4 MB compressed); this is its only reader and writer. */
export function readTriageModelFile(path = TRIAGE_MODEL_PATH): TriageModelFile {
  return JSON.parse(gunzipSync(readFileSync(path)).toString('utf8')) as TriageModelFile;
}

export function writeTriageModelFile(file: TriageModelFile, path = TRIAGE_MODEL_PATH): void {
  writeFileSync(path, gzipSync(`${JSON.stringify(file)}\n`, { level: 9 }));
}

let loaded: TriageModel | null = null;

export function triageModel(): TriageModel {
  loaded ??= loadTriageModel(readTriageModelFile());
  return loaded;
}

/** The proposal for one lead: category, departments, urgency, cues, confidence, model version. */
export function proposeTriage(text: string, rules: ResponsibilityRules): ModelTriageResult {
  return triageWithModel(triageModel(), text, rules);
}
