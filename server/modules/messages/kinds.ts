import { COMMITMENT_MESSAGE_KINDS } from '../commitments/commitments.messages.js';
import { complaintMessageKinds, residentMessageKinds } from '../complaints/complaints.messages.js';
import { HOTLINE_MESSAGE_KINDS } from '../hotlines/hotlines.messages.js';
import { importMessageKinds } from '../imports/imports.messages.js';
import { INSPECTION_MESSAGE_KINDS } from '../inspections/inspections.messages.js';
import { NOTICE_MESSAGE_KINDS } from '../notices/notices.messages.js';
import { problemMessageKinds } from '../problems/problems.messages.js';
import { REPORT_MESSAGE_KINDS } from '../reports/reports.messages.js';
import { SELF_INSPECTION_MESSAGE_KINDS } from '../self-inspections/self-inspections.messages.js';
import type { MessageKindDef } from './publish.js';

/**
 * Every message kind of every module. A module declares its kinds in `<m>.messages.ts` as
 * `Record<kind, MessageKindDef>`; adding a module is ONE line appended to MODULE_KINDS below
 * (plus its import). A kind declared twice stops the process at start.
 */
const MODULE_KINDS: Array<Record<string, MessageKindDef>> = [
  complaintMessageKinds,
  residentMessageKinds,
  problemMessageKinds,
  importMessageKinds,
  COMMITMENT_MESSAGE_KINDS,
  SELF_INSPECTION_MESSAGE_KINDS,
  NOTICE_MESSAGE_KINDS,
  HOTLINE_MESSAGE_KINDS,
  INSPECTION_MESSAGE_KINDS,
  REPORT_MESSAGE_KINDS,
];

function compose(sources: Array<Record<string, MessageKindDef>>): Record<string, MessageKindDef> {
  const all: Record<string, MessageKindDef> = {};
  for (const source of sources) {
    for (const [kind, def] of Object.entries(source)) {
      if (all[kind]) throw new Error(`message kind ${kind} is declared twice`);
      all[kind] = def;
    }
  }
  return all;
}

export const MESSAGE_KINDS: Readonly<Record<string, MessageKindDef>> = compose(MODULE_KINDS);

/** Kinds whose recipient is a resident (SMS only, no account). */
export const RESIDENT_KINDS = new Set(Object.keys(residentMessageKinds));

/** Variables every template may use besides its own. */
export const COMMON_VARS = ['platform', 'portal'] as const;

const VAR = /\{([A-Za-z][A-Za-z0-9_]*)\}/g;

export function varsIn(text: string | undefined | null): string[] {
  return [...new Set([...(text ?? '').matchAll(VAR)].map((m) => m[1]))];
}

/** The variables a kind's templates may name: those of its built-in texts plus the common ones. */
export function allowedVars(kind: string): string[] {
  const def = MESSAGE_KINDS[kind];
  if (!def) return [];
  return [...new Set([...varsIn(def.title), ...varsIn(def.body), ...varsIn(def.sms), ...COMMON_VARS])];
}

/** Fills `{name}` placeholders; a missing value renders as empty rather than leaking the placeholder. */
export function render(text: string, vars: Record<string, unknown>): string {
  return text.replace(VAR, (_m, name: string) => {
    const v = vars[name];
    return v === null || v === undefined ? '' : String(v);
  });
}

/** SMS segments as Chinese carriers count them: 70 characters in one, 67 per part when longer. */
export function smsSegments(text: string): number {
  const n = [...text].length;
  return n <= 70 ? 1 : Math.ceil(n / 67);
}
