/**
 * The learned triage model (issue 12). These tests can fail: they check that training is
 * deterministic, that the shipped model was trained on the committed corpus, that it meets
 * floors on the project's hold-out (never trained on), the contract of each proposal, and that
 * the retraining gate refuses a worse model.
 */
import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { gate, scoreOn } from '../../scripts/triage/gate.js';
import { HOLDOUT_PATH, loadCorpus, loadJsonl } from '../../scripts/triage/corpus.js';
import { calibrate, DEFAULT_OPTIONS, encodeModel, MODEL_PATH, toExamples, train } from '../../scripts/triage/train.js';
import { readTriageModelFile } from '../../server/modules/complaints/triage-model.js';
import { loadTriageModel, triageWithModel } from './model.js';
import { DEFAULT_RESPONSIBILITY_RULES, type ResponsibilityRules } from './triage.js';

const shipped = readTriageModelFile(MODEL_PATH);
const model = loadTriageModel(shipped);
const holdout = loadJsonl(HOLDOUT_PATH);
const corpus = loadCorpus();

describe('training', () => {
  it('is deterministic: the same leads give the same model file, byte for byte', () => {
    const leads = corpus.filter((_, i) => i % 12 === 0);
    const opt = { ...DEFAULT_OPTIONS, epochs: 3 };
    const once = () => {
      const examples = toExamples(leads, opt.featureSet);
      const trained = train(examples, opt);
      return JSON.stringify(encodeModel(trained, calibrate(examples, examples.map(() => new Float64Array(25))), leads, opt.featureSet));
    };
    expect(once()).toBe(once());
  });

  it('the shipped model was trained on the committed corpus (run npm run triage:train after changing it)', () => {
    const sha256 = createHash('sha256')
      .update(corpus.map((l) => JSON.stringify(l)).join('\n'))
      .digest('hex');
    expect(shipped.trainedOn).toEqual({ leads: corpus.length, groups: new Set(corpus.map((l) => l.group ?? l.id)).size, sha256 });
    expect(corpus.length).toBeGreaterThanOrEqual(3000);
  });
});

describe('the shipped model', () => {
  it('meets the floors on the project hold-out (125 leads, never trained on)', () => {
    const s = scoreOn(shipped, holdout);
    expect(s.category).toBeGreaterThanOrEqual(0.93);
    expect(s.lead).toBeGreaterThanOrEqual(0.92);
    expect(s.urgentRecall).toBeGreaterThanOrEqual(0.95);
  });

  it('keeps the contract: confidence in [0, 1], lead not among co-departments, verbatim cues, version', () => {
    for (const l of holdout) {
      const r = triageWithModel(model, l.text);
      expect(r.confidence).toBeGreaterThanOrEqual(0);
      expect(r.confidence).toBeLessThanOrEqual(1);
      expect(r.coDepartments).not.toContain(r.leadDepartment);
      expect(r.needsHuman).toBe(r.confidence < shipped.thresholds.human);
      expect(r.modelVersion).toBe(shipped.version);
      for (const c of r.cues) expect(l.text).toContain(c.matched);
    }
  });

  it('recognises traditional characters and typos like their plain forms', () => {
    const plain = triageWithModel(model, '物业以我家欠物业费为由把电停了，家里老人要用制氧机');
    const trad = triageWithModel(model, '物業以我家欠物業費為由把電停了，家裡老人要用制氧機');
    expect(trad.category).toBe(plain.category);
    expect(trad.leadDepartment).toBe(plain.leadDepartment);
    expect(plain.category).toBe(1);
    expect(plain.urgent).toBe(true);
  });

  it('follows a campaign’s edited matrix: category 6 to housing when the campaign says so', () => {
    const rules: ResponsibilityRules = { ...DEFAULT_RESPONSIBILITY_RULES, byCategory: { ...DEFAULT_RESPONSIBILITY_RULES.byCategory, 6: 'housing' } };
    const text = '物业没开业主大会就把物业费从每平1.2元涨到了2元';
    expect(triageWithModel(model, text).leadDepartment).toBe('market');
    expect(triageWithModel(model, text, rules).leadDepartment).toBe('housing');
  });
});

describe('the retraining gate', () => {
  it('refuses a candidate that scores worse on the hold-out, and accepts an equal one', () => {
    const leads = corpus.filter((_, i) => i % 25 === 0);
    const opt = { ...DEFAULT_OPTIONS, epochs: 2 };
    const examples = toExamples(leads, opt.featureSet);
    const weak = encodeModel(train(examples, opt), { temperature: shipped.temperature, platt: shipped.platt, thresholds: shipped.thresholds }, leads, opt.featureSet);
    const verdict = gate(shipped, weak, holdout);
    expect(verdict.accept).toBe(false);
    expect(verdict.reasons.length).toBeGreaterThan(0);
    expect(gate(shipped, shipped, holdout).accept).toBe(true);
  });
});
