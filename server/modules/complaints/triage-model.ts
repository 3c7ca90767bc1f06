/**
 * The triage model the server uses (issue 12): core/triage/triage-model.json, written by
 * `npm run triage:train` (or accepted by `npm run triage:retrain`), loaded once on first use.
 * The pure engine is core/triage/model.ts; this file only reads the model file.
 */
import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadTriageModel, type ModelTriageResult, type TriageModel, type TriageModelFile, triageWithModel } from '../../../core/triage/model.js';
import type { ResponsibilityRules } from '../../../core/triage/triage.js';

export const TRIAGE_MODEL_PATH = resolve(dirname(fileURLToPath(import.meta.url)), '../../../core/triage/triage-model.json');

let loaded: TriageModel | null = null;

export function triageModel(): TriageModel {
  loaded ??= loadTriageModel(JSON.parse(readFileSync(TRIAGE_MODEL_PATH, 'utf8')) as TriageModelFile);
  return loaded;
}

/** The proposal for one lead: category, departments, urgency, cues, confidence, model version. */
export function proposeTriage(text: string, rules: ResponsibilityRules): ModelTriageResult {
  return triageWithModel(triageModel(), text, rules);
}
