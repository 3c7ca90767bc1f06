/**
 * Rule-based complaint triage (SPEC §5 "Triage" and "Default responsibility matrix").
 *
 * Given the free text of a lead, proposes:
 * - the focus category (S3 §二 整治重点 1–6, or 0 = none of the six),
 * - the lead department and co-departments, by the responsibility rules applied in SPEC order,
 * - whether the lead is urgent (ongoing harm now),
 * - the cues actually found in the text, so staff can see why. A person always confirms.
 *
 * Guarantees:
 * - Pure and synchronous: no I/O, no globals mutated after module load, no Node or DOM APIs;
 *   safe to import in the server and in the browser.
 * - Deterministic: the same text and rules always give the same result.
 * - Fast: a fixed set of precompiled regular expressions over the text (well under 1 ms for a
 *   typical lead; measured by scripts/triage-eval.ts).
 * - `leadDepartment` never appears in `coDepartments`; `coDepartments` never contains 'none';
 *   `urgent` is false whenever `leadDepartment` is 'none' (such leads are answered or referred,
 *   not dispatched, so no dispatch clock applies — see docs/triage-accuracy.md).
 * - Every `cues[].matched` is a verbatim substring of the input text.
 */
import type { DepartmentType } from '../org.js';
import * as L from './lexicon.js';

import type { FocusCategory } from '../categories.js';

export type { FocusCategory } from '../categories.js';
export { FOCUS_CATEGORY_LABELS } from '../categories.js';
export type LeadDepartment = DepartmentType | 'none';
export type CueKind = 'category' | 'department' | 'urgency' | 'exclusion';

export interface TriageCue {
  kind: CueKind;
  /** zh-CN label from the lexicon. */
  label: string;
  /** Verbatim substring of the input that matched. */
  matched: string;
}

export interface TriageResult {
  category: FocusCategory;
  leadDepartment: LeadDepartment;
  coDepartments: DepartmentType[];
  urgent: boolean;
  cues: TriageCue[];
  /** Per-category evidence scores (cat0…cat6) and rule signals, for debugging and tuning. */
  scores?: Record<string, number>;
}

/**
 * The editable responsibility matrix (SPEC §5; a campaign may change it).
 * The precedence rules 1–3 name a department; rule 4 maps categories; rule 5 covers "other".
 */
export interface ResponsibilityRules {
  /** Rule 1: violence, threats, intimidation, harassment, fraud, theft, vandalism. */
  violenceLead: DepartmentType;
  /** Rule 2: the complainant explicitly asks for blacklisting / credit punishment. */
  creditRequestLead: DepartmentType;
  /** Rule 3: the owners' committee (业委会) is alleged to be a wrongdoer. */
  committeeWrongdoingLead: DepartmentType;
  /** Rule 4: categories 1, 2, 3, 4 and 6. */
  byCategory: Record<1 | 2 | 3 | 4 | 6, DepartmentType>;
  /** Rule 4, category 5: fee items/standards/parking/paid-service prices vs everything else. */
  disclosure: { feeItems: DepartmentType; other: DepartmentType };
  /** Rule 5: "other" leads (category 0) within the campaign's remit. */
  other: { serviceQuality: DepartmentType; governance: DepartmentType };
}

export const DEFAULT_RESPONSIBILITY_RULES: ResponsibilityRules = Object.freeze({
  violenceLead: 'police',
  creditRequestLead: 'credit',
  committeeWrongdoingLead: 'civil',
  byCategory: Object.freeze({ 1: 'housing', 2: 'housing', 3: 'housing', 4: 'housing', 6: 'market' }),
  disclosure: Object.freeze({ feeItems: 'market', other: 'housing' }),
  other: Object.freeze({ serviceQuality: 'housing', governance: 'civil' }),
}) as ResponsibilityRules;


// ---------------------------------------------------------------------------------------------
// Matching primitives
// ---------------------------------------------------------------------------------------------

/**
 * 1:1 character normalisation (same length as the input, so offsets stay valid):
 * full-width ASCII → half-width, 。→ ., curly quotes → ", whitespace → space, 冇 → 没, 物叶 → 物业.
 */
export function normaliseForMatching(text: string): string {
  let out = '';
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    const ch = text[i];
    if (c >= 0xff01 && c <= 0xff5e) out += String.fromCharCode(c - 0xfee0);
    else if (ch === '。') out += '.';
    else if (ch === '“' || ch === '”' || ch === '「' || ch === '」' || ch === '『' || ch === '』') out += '"';
    else if (ch === '\u3000' || ch === '\t' || ch === '\r' || ch === '\n') out += ' ';
    else if (ch === '冇') out += '没';
    else if (ch === '叶' && i > 0 && text[i - 1] === '物') out += '业';
    else out += ch;
  }
  return out;
}

const NEGATOR_BEFORE = /(没有|没|未|未经|不经|没经过|不是|并非|并未|非|无|不)$/;

interface Hit {
  cue: L.Cue;
  index: number;
  matched: string;
}

/** Compiled global copies, built once at module load. */
const compiled = new WeakMap<L.Cue, RegExp>();
function globalRe(cue: L.Cue): RegExp {
  let g = compiled.get(cue);
  if (!g) {
    g = new RegExp(cue.re.source, `${cue.re.flags}g`);
    compiled.set(cue, g);
  }
  return g;
}

/**
 * First non-negated match of each cue in the group. A negated match (e.g. 没有打人) is reported
 * through `negated` so that the caller can show it as an exclusion cue.
 */
function scan(group: readonly L.Cue[], norm: string, original: string, negated?: Hit[]): Hit[] {
  const hits: Hit[] = [];
  for (const cue of group) {
    const g = globalRe(cue);
    g.lastIndex = 0;
    let m: RegExpExecArray | null = g.exec(norm);
    while (m) {
      const index = m.index;
      const matched = original.slice(index, index + m[0].length);
      const rhetorical = /^[^,.!?]{0,2}是什么/.test(norm.slice(index + m[0].length)); // "这不是威胁是什么"
      if (cue.negatable && !rhetorical && NEGATOR_BEFORE.test(norm.slice(Math.max(0, index - 4), index))) {
        negated?.push({ cue, index, matched });
      } else {
        hits.push({ cue, index, matched });
        break;
      }
      if (m[0].length === 0) g.lastIndex++;
      m = g.exec(norm);
    }
  }
  return hits;
}

const sum = (hits: Hit[]) => hits.reduce((s, h) => s + h.cue.weight, 0);

// ---------------------------------------------------------------------------------------------
// The engine
// ---------------------------------------------------------------------------------------------

/**
 * Propose category, departments and urgency for one lead.
 * @param text the complaint text as received (hotline transcript, web post, letter, message)
 * @param rules the campaign's responsibility matrix (defaults to SPEC §5)
 */
export function triage(text: string, rules: ResponsibilityRules = DEFAULT_RESPONSIBILITY_RULES): TriageResult {
  const norm = normaliseForMatching(text);
  const cues: TriageCue[] = [];
  const seen = new Set<string>();
  const show = (kind: CueKind, hits: Hit[]) => {
    for (const h of hits) {
      const key = `${kind}|${h.cue.label}`;
      if (seen.has(key)) continue;
      seen.add(key);
      cues.push({ kind, label: h.cue.label, matched: h.matched });
    }
  };
  const negatedHits: Hit[] = [];
  const run = (group: readonly L.Cue[]) => scan(group, norm, text, negatedHits);

  // --- signals ---------------------------------------------------------------------------------
  const cut = run(L.UTILITY_CUT);
  const outState = run(L.UTILITY_OUT_STATE);
  const motive = run(L.COERCION_MOTIVE);
  const utilityCompany = run(L.UTILITY_COMPANY).filter(
    (h) =>
      !L.UTILITY_PRICE_COMPARISON.test(norm.slice(Math.max(0, h.index - 4), h.index)) &&
      !L.UTILITY_PRICE_COMPARISON.test(norm.slice(h.index + h.matched.length)),
  );
  const notProperty = run(L.NOT_THE_PROPERTY);
  const planned = run(L.PLANNED_WORKS);

  const commonParts = run(L.COMMON_PARTS);
  const commercial = run(L.COMMERCIAL_USE);
  const violation = run(L.VIOLATION);
  const permitsTrading = run(L.PERMITS_TRADING);
  const inaction = run(L.INACTION);

  const leak = run(L.DATA_LEAK);
  const retaliation = run(L.RETALIATION);
  // A threat to cut a utility or to sue is category 1 / lawful collection, not a police matter.
  const police = run(L.POLICE).filter((h) => !(h.cue.label === '威胁恐吓' && L.THREAT_OF_CUT.test(norm.slice(h.index, h.index + 18))));
  const credit = run(L.CREDIT_REQUEST);

  const walkOff = run(L.WALK_OFF);
  const handover = run(L.HANDOVER_REFUSAL);

  const discMissing = run(L.DISCLOSURE_MISSING);
  const discFee = run(L.DISCLOSURE_FEE_SUBJECT);
  const discOther = run(L.DISCLOSURE_OTHER_SUBJECT);

  const feeRise = run(L.FEE_RISE);
  const markup = run(L.POWER_MARKUP);
  const unreasonable = run(L.UNREASONABLE_CHARGE);
  const lawfulFee = run(L.LAWFUL_FEE_PROCESS);
  const consultation = run(L.CONSULTATION);

  const service = run(L.SERVICE_QUALITY);
  const governance = run(L.GOVERNANCE);
  const outside = run(L.OUTSIDE_REMIT);

  const liftTrap = run(L.LIFT_TRAP);
  const danger = run(L.SAFETY_DANGER);

  const companyActor = L.COMPANY_ACTOR.test(norm) && !L.COMPANY_NOT_ACTOR.test(norm);
  // The company is the author of the violence/threat/fraud when named shortly before the act.
  const companyCommitsCrime = !L.COMPANY_NOT_ACTOR.test(norm) && police.some((h) => L.COMPANY_ACTOR.test(norm.slice(Math.max(0, h.index - 30), h.index)));
  const committee = committeeWrongdoing(norm, text);

  // --- category 1: a cut with a coercive motive, not explained by someone else -----------------
  const cutByOthers = sum(utilityCompany) + sum(notProperty) + sum(planned) + landlordWeight(outside);
  const cutScore = sum(cut);
  const motiveScore = sum(motive) + (retaliation.length > 0 ? 1.5 : 0);
  let s1 = 0;
  if (cutScore > 0) {
    if (motiveScore > 0 && cutByOthers < 3 + motiveScore) s1 = cutScore + motiveScore;
    // The company itself cut a household's supply and nothing else explains it (planned works,
    // utility company, landlord, self-fault): presumed coercive even if no motive is stated.
    else if (cutByOthers === 0 && companyActor && walkOff.length === 0) s1 = cutScore;
  }
  const propertyCut = s1 > 0 || (cutScore > 0 && cutByOthers === 0 && companyActor);

  // --- category 2: common parts used commercially / violations tolerated ------------------------
  let s2 = 0;
  const adHit = commercial.find((h) => h.cue.label === '广告');
  if (commonParts.length > 0 && commercial.length > 0) s2 += sum(commercial) + sum(commonParts);
  else if (adHit) s2 += adHit.cue.weight;
  if (violation.length > 0 && inaction.length > 0) s2 += sum(violation) + sum(inaction);
  s2 += sum(permitsTrading);

  // --- category 3: leaks, retaliation, company violence, collusion ------------------------------
  const s3 = sum(leak) + sum(retaliation);
  // Violence or threats by the company are category 3 unless they happened in the course of
  // another focus act (beaten while protesting a water cut → category 1; police leads anyway).
  const companyCrime = companyCommitsCrime ? 3.5 : 0;
  // Money taken by the company's people by deception ("以…为名收取费用后下落不明") is an
  // unreasonable charge (category 6); police still lead by rule 1.
  const fraudulentCharge =
    companyCommitsCrime && police.some((h) => h.cue.label === '诈骗') && unreasonable.length > 0 ? 3 : 0;
  // Collusion with the 业委会 is category 3 only when no more specific act is described
  // (a fee rise or a common-parts rental done together is that act's category; rule 3 still
  // makes civil affairs lead). Applied after the other scores are known, below.
  const collusion = committee.hits.length > 0 && /物业/.test(norm) ? 3.5 : 0;

  // --- category 4 -------------------------------------------------------------------------------
  const s4 = sum(walkOff) + sum(handover);

  // --- category 5: a missing disclosure of something in scope ----------------------------------
  const s5 = discMissing.length > 0 && discFee.length + discOther.length > 0 ? sum(discMissing) + Math.max(sum(discFee), sum(discOther)) : 0;

  // --- category 6 -------------------------------------------------------------------------------
  const strong6 = sum(feeRise) + sum(markup) + sum(unreasonable.filter((h) => h.cue.weight >= 2));
  let s6 = strong6 > 0 ? strong6 + sum(unreasonable.filter((h) => h.cue.weight < 2)) : 0;
  s6 += fraudulentCharge;
  if (lawfulFee.length > 0) s6 = Math.max(0, s6 - 4);
  // A bill issued by the utility company itself is not a property charge.
  if (utilityCompany.length > 0 && !/物业/.test(norm)) s6 = 0;
  if (consultation.length > 0 && sum(unreasonable.filter((h) => h.cue.weight >= 3)) + sum(feeRise) + sum(markup) === 0) {
    s6 = Math.max(0, s6 - 3);
  }

  // Impersonation of the property company, or a self-styled official with no company involved:
  // nothing is attributable to the company.
  const impersonation = /冒充物业/.exec(norm) ?? (/物业/.test(norm) ? null : /自称/.exec(norm));
  const impersonated = impersonation !== null;
  const scores: Record<string, number> = { cat1: s1, cat2: s2, cat3: s3, cat4: s4, cat5: s5, cat6: s6 };
  const otherActs = Math.max(s1, s2, s4, s5, s6);
  // Violence used as retaliation for complaining/opposing is category 3 even beside another act.
  const retaliatoryCrime = companyCrime > 0 && retaliation.length > 0;
  if (companyCrime > 0 && (otherActs < 3 || retaliatoryCrime)) scores.cat3 += companyCrime;
  if (collusion > 0 && otherActs < 3) scores.cat3 += collusion;
  // Clearly outside the campaign (developer, landlord) and the property company not involved.
  const outsideOnly = sum(outside.filter((h) => h.cue.weight >= 5)) >= 5 && !/物业/.test(norm);
  if (impersonated || outsideOnly) for (const k of Object.keys(scores)) scores[k] = 0;

  // --- choose the category -----------------------------------------------------------------------
  // Threshold 3: one strong cue, or a weak cue confirmed by another. Ties go to the more specific
  // act in this order. A fee-related cut (转供电加价 + 断电) is category 6 with housing co-handling,
  // as in SPEC §5's example; a cut used as retaliation is category 1 (the act), not 3.
  const THRESHOLD = 3;
  const tieOrder: (1 | 2 | 3 | 4 | 5 | 6)[] = [1, 6, 4, 5, 2, 3];
  let category: FocusCategory = 0;
  let best = 0;
  for (const c of tieOrder) {
    const s = scores[`cat${c}`];
    if (s >= THRESHOLD && s > best) {
      best = s;
      category = c;
    }
  }
  if (scores.cat1 >= THRESHOLD && scores.cat6 >= THRESHOLD && (markup.length > 0 || unreasonable.some((h) => h.cue.weight >= 2))) {
    category = 6;
  } else if (category === 3 && scores.cat1 >= THRESHOLD && !retaliatoryCrime) {
    category = 1;
  } else if (retaliatoryCrime && category !== 1 && scores.cat3 >= THRESHOLD) {
    // Violence or threats in retaliation for complaining are category 3 (打击报复), whatever
    // the complaint had been about.
    category = 3;
  }

  // --- category 0: who, if anyone, handles it --------------------------------------------------
  const outsideScore = sum(outside) + (cutScore > 0 ? sum(utilityCompany) + sum(notProperty) : 0);
  // A lift trapping or a safety hazard on the estate is the property's service responsibility
  // (housing) unless something else explains it; this also keeps such leads urgent.
  const serviceScore =
    sum(service) + (planned.length > 0 ? 2 : 0) + (lawfulFee.length > 0 ? 2 : 0) + (liftTrap.length > 0 || danger.length > 0 ? 3 : 0);
  const governanceScore = sum(governance) + (committee.hits.length > 0 ? 3 : 0);
  let otherDept: LeadDepartment = 'none';
  if (category === 0) {
    if (governanceScore >= 2 && (governanceScore > serviceScore || (governanceScore >= 3 && governanceScore >= serviceScore - 1)) && governanceScore > outsideScore) otherDept = rules.other.governance;
    else if (serviceScore >= 2 && serviceScore > outsideScore) otherDept = rules.other.serviceQuality;
    else otherDept = 'none';
  }

  // --- base department (rule 4 or 5) -------------------------------------------------------------
  const feeDisclosure = discFee.length > 0;
  const otherDisclosure = discOther.length > 0;
  let base: LeadDepartment;
  switch (category) {
    case 0:
      base = otherDept;
      break;
    case 5:
      base = feeDisclosure ? rules.disclosure.feeItems : rules.disclosure.other;
      break;
    default:
      base = rules.byCategory[category];
  }

  // --- precedence rules 1–3 ------------------------------------------------------------------------
  const policeRule = police.length > 0;
  const creditRule = credit.length > 0;
  const civilRule = committee.hits.length > 0;
  let lead: LeadDepartment;
  if (policeRule) lead = rules.violenceLead;
  else if (creditRule) lead = rules.creditRequestLead;
  else if (civilRule) lead = rules.committeeWrongdoingLead;
  else lead = base;

  // --- co-departments ----------------------------------------------------------------------------------
  const co = new Set<LeadDepartment>();
  if (category !== 0) co.add(base);
  else if (policeRule && L.SERVICE_FAILURE_WITH_CRIME.test(norm)) co.add(rules.other.serviceQuality);
  else if (creditRule || civilRule) co.add(base);
  if (category === 5 && feeDisclosure && otherDisclosure) co.add(rules.disclosure.other);
  if (propertyCut && category !== 1 && category !== 0) co.add(rules.byCategory[1]);
  if (creditRule) co.add(rules.creditRequestLead);
  if (civilRule) co.add(rules.committeeWrongdoingLead);
  co.delete(lead);
  co.delete('none');
  const coDepartments = [...co] as DepartmentType[];

  // --- urgency ------------------------------------------------------------------------------------------
  const ongoing = run(L.ONGOING);
  const past = run(L.PAST);
  const vulnerable = run(L.VULNERABLE);
  const restored = past.some((h) => h.cue.label === '已恢复/已过去');
  const pastEvent = past.length > 0;

  let urgent = false;
  const urgencyReasons: Hit[] = [];
  if (lead !== 'none') {
    // (a) a utility is cut now. A reported cut is presumed current unless the text says it was
    //     restored, is in the past, or is only threatened; an explicit "no water now" overrides.
    if (cutScore > 0 && (propertyCut || category !== 0)) {
      const threatenedOnly = cut.every((h) => L.FUTURE_BEFORE_CUT.test(norm.slice(Math.max(0, h.index - 20), h.index + 2)));
      if (outState.length > 0 && !restored) urgent = true;
      else if (!restored && !threatenedOnly && (ongoing.length > 0 || !pastEvent)) urgent = true;
      if (urgent) urgencyReasons.push(...cut.slice(0, 1), ...outState, ...ongoing, ...vulnerable);
    }
    // (b) violence or threats happening now, or a continuing threat campaign.
    if (!urgent && policeRule && L.VIOLENCE_NOW.test(norm)) {
      urgent = true;
      urgencyReasons.push(...ongoing);
    }
    // (a') a focus-category act has left households without the utility now (e.g. the company
    //      walked off and the booster pumps stopped), even if no "cut" verb is used.
    if (!urgent && category !== 0 && outState.length > 0 && ongoing.length > 0 && !restored) {
      urgent = true;
      urgencyReasons.push(...outState, ...ongoing);
    }
    // (c) someone trapped in a lift right now.
    if (!urgent && liftTrap.length > 0) {
      const trapPast =
        liftTrap.every((h) => /(上周|上次|上个?月|之前|去年|多次)[^,.!?]{0,8}$/.test(norm.slice(Math.max(0, h.index - 10), h.index))) ||
        (pastEvent && ongoing.length === 0);
      if (!trapPast) {
        urgent = true;
        urgencyReasons.push(...liftTrap, ...ongoing);
      }
    }
    // (d) an imminent safety danger.
    if (!urgent && danger.length > 0 && !restored) {
      urgent = true;
      urgencyReasons.push(...danger, ...ongoing);
    }
  }

  // --- cues shown to staff -------------------------------------------------------------------------------
  if (category === 1) show('category', [...cut, ...motive, ...retaliation]);
  if (category === 2) show('category', [...permitsTrading, ...commercial, ...commonParts, ...violation, ...inaction]);
  if (category === 3) show('category', [...leak, ...retaliation, ...committee.hits]);
  if (category === 4) show('category', [...walkOff, ...handover]);
  if (category === 5) show('category', [...discMissing, ...discFee, ...discOther]);
  if (category === 6) show('category', [...feeRise, ...markup, ...unreasonable.filter((h) => h.cue.weight >= 2)]);
  if (propertyCut && category !== 1) show('category', cut.slice(0, 1));
  if (policeRule) show('department', police);
  if (creditRule) show('department', credit);
  if (civilRule) show('department', committee.hits);
  if (category === 0) {
    if (otherDept === rules.other.governance) show('department', governance);
    else if (otherDept === 'none') show('department', outside);
    else show('department', service.filter((h) => h.cue.label !== '涉及物业'));
  }
  if (cutScore > 0 && !propertyCut) show('exclusion', [...utilityCompany, ...notProperty, ...planned, ...outside.filter((h) => h.cue.label === '房东与租户纠纷')]);
  if (lawfulFee.length > 0) show('exclusion', lawfulFee);
  if (impersonation) {
    const matched = text.slice(impersonation.index, impersonation.index + impersonation[0].length);
    cues.push({ kind: 'exclusion', label: '冒充/自称（非物业公司所为）', matched });
  }
  show('exclusion', negatedHits.filter((h) => h.cue.label !== '表扬感谢').map((h) => ({ ...h, cue: { ...h.cue, label: `否定：${h.cue.label}` } })));
  if (urgent) show('urgency', urgencyReasons);

  scores.cat0 = category === 0 ? Math.max(outsideScore, serviceScore, governanceScore) : 0;
  scores.police = sum(police);
  scores.credit = sum(credit);
  scores.committee = committee.hits.length;
  scores.outside = outsideScore;
  scores.service = serviceScore;
  scores.governance = governanceScore;

  return { category, leadDepartment: lead, coDepartments, urgent, cues, scores };
}

/** Weight of landlord–tenant cues (they explain a cut away from the property company). */
function landlordWeight(outside: Hit[]): number {
  return outside.some((h) => h.cue.label === '房东与租户纠纷') ? 5 : 0;
}

/**
 * SPEC §5 rule 3: is the 业委会 alleged to be a wrongdoer? Looks at a window around each
 * mention; a committee that is impersonated, complained *to*, or that is itself the victim
 * ("业委会要查也不给") does not count.
 */
function committeeWrongdoing(norm: string, original: string): { hits: Hit[] } {
  const hits: Hit[] = [];
  const mention = new RegExp(L.COMMITTEE_MENTION.source, 'g');
  let m: RegExpExecArray | null = mention.exec(norm);
  while (m) {
    const before = norm.slice(Math.max(0, m.index - 3), m.index);
    if (!L.COMMITTEE_NOT_WRONGDOER_BEFORE.test(before)) {
      const start = Math.max(0, m.index - 8);
      const end = Math.min(norm.length, m.index + m[0].length + 30);
      const window = norm.slice(start, end);
      for (const cue of L.COMMITTEE_WRONGDOING) {
        const w = cue.re.exec(window);
        if (w && !hits.some((h) => h.cue === cue)) {
          const index = start + w.index;
          hits.push({ cue, index, matched: original.slice(index, index + w[0].length) });
        }
      }
    }
    m = mention.exec(norm);
  }
  return { hits };
}
