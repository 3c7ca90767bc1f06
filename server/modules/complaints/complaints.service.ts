import { randomBytes } from 'node:crypto';
import { redactPersonalData } from '../../../core/redaction/index.js';
import { and, eq, inArray, isNotNull, isNull, notInArray, sql } from 'drizzle-orm';
import {
  ACTION_LABELS,
  PUBLIC_EVENT_TEXT,
  PUBLIC_STATUS_LABELS,
  RECALL_RESULT_LABELS,
  SATISFACTION_LABELS,
  STATUS_LABELS,
  publicCreateText,
} from '../../../core/complaints/labels.js';
import { replyQualityProblem } from '../../../core/complaints/reply-quality.js';
import { DUPLICATE_WINDOW_DAYS, rankDuplicates } from '../../../core/complaints/similarity.js';
import * as sla from '../../../core/complaints/sla.js';
import {
  type Channel,
  type ComplaintAction,
  type ComplaintStatus,
  RETURN_CAP,
  type Satisfaction,
  checkAction,
  recallTransition,
  reworkTarget,
} from '../../../core/complaints/state-machine.js';
import { maskName, maskPhone } from '../../../core/masking.js';
import { DEPARTMENT_TYPES, type DepartmentType } from '../../../core/org.js';
import type { ModelTriageResult } from '../../../core/triage/model.js';
import { DEFAULT_RESPONSIBILITY_RULES, FOCUS_CATEGORY_LABELS, type FocusCategory, type TriageResult } from '../../../core/triage/triage.js';
import * as wd from '../../../core/working-days.js';
import { type Db, escapeLike, queryRows } from '../../db/client.js';
import {
  complaintEvents,
  complaintExtensions,
  complaintReturns,
  complaintTimeLimits,
  complaints,
  enterprises,
  files,
  projects,
  regions,
  triageCorrections,
  users,
} from '../../db/schema/index.js';
import { type Actor, systemActor } from '../../http/actor.js';
import { auditValues, recordAudit } from '../../http/audit.js';
import { AppError, conflict, notFound, validationFailed } from '../../http/errors.js';
import { pathContains, regionFilterPath, regionScope } from '../../http/scope.js';
import type { FieldCipher } from '../../lib/crypto.js';
import { EVIDENCE_TYPES, checkUpload, recordFile, writeUpload } from '../../lib/files.js';
import { calendarOutOfRange, getCalendar, onArrangementChanged } from '../calendar/calendar.service.js';
import { todayInChina } from '../campaigns/campaigns.service.js';
import { openProblem } from '../problems/problems.service.js';
import { enterpriseNamedIn, projectNamedIn } from '../projects/project-name-index.js';
import { regionLevelOf, regionPathOf } from '../regions/region-paths.js';
import { campaignRulesForRegion } from './campaign-rules-cache.js';
import { insertLead } from './create-lead.js';
import { problemTitleFromFindings } from '../../../core/problems/title.js';
import { type PolicyFacts, allowedActions, assertAllowed } from './complaints.policy.js';
import { publishEscalation, publishLeadMessages } from './complaints.notify.js';
import * as repo from './complaints.repository.js';
import { proposeTriage } from './triage-model.js';
import type { ActionInput, ActionName, CreateComplaintInput, ListQuery } from './complaints.schemas.js';

/*
 * Complaint use cases (SPEC §5). Each change: one transaction → lead loaded in the actor's
 * jurisdiction (404) and locked → complaints.policy (403/409) → change → timeline event → audit row.
 * The complainant's contact is stored encrypted, shown masked, revealed only with a logged reason.
 */

type Fields = Record<string, string>;
type Row = repo.ComplaintRecord;
export type ComplaintDeps = { cipher: FieldCipher };

function fail(fields: Fields): void {
  if (Object.keys(fields).length) throw validationFailed(fields);
}

const TRACKING_ALPHABET = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789';
if (TRACKING_ALPHABET.length !== 32) throw new Error('tracking codes pick symbols with 5 random bits');

/** 10 characters of an unambiguous upper-case base32 alphabet (no I, O, 0, 1): 50 random bits. */
export function newTrackingCode(): string {
  // 32 symbols: the low 5 bits of a random byte pick one uniformly (one call for all ten).
  const bytes = randomBytes(10);
  let out = '';
  for (let i = 0; i < 10; i++) out += TRACKING_ALPHABET[bytes[i] & 31];
  return out;
}

function normalisePhone(phone: string): string {
  return phone.replace(/[\s()-]/g, '').replace(/^(\+86|0086)/, '');
}

// ── Triage and identification ────────────────────────────────────────────────────────────────

/** The campaign rules in force at a region today (cached; dropped when campaigns, their rules or regions change). */
async function rulesForRegion(db: Db, regionId: number | null) {
  if (!regionId) return { campaignId: null as string | null, rules: DEFAULT_RESPONSIBILITY_RULES };
  return campaignRulesForRegion(db, regionId);
}

// The project or company a lead's text names: projects/project-name-index.ts (in memory, rebuilt on change).
export { enterpriseNamedIn };

/** The company named in a form field: as a name in text (full or short), else the one registered name containing it. */
async function enterpriseGiven(db: Db, name: string, regionPath: string) {
  const found = await enterpriseNamedIn(db, name.includes('物业') ? name : `${name}物业`, regionPath);
  if (found || [...name].length < 2) return found;
  const rows = await db
    .select({ id: enterprises.id, name: enterprises.name })
    .from(enterprises)
    .where(and(sql`${enterprises.name} ILIKE ${`%${escapeLike(name)}%`}`, sql`${enterprises.status} <> 'deregistered'`))
    .limit(2);
  return rows.length === 1 ? rows[0] : null;
}

async function enterpriseRef(db: Db, id: string | null) {
  if (!id) return null;
  const [row] = await db.select({ id: enterprises.id, name: enterprises.name }).from(enterprises).where(eq(enterprises.id, id));
  return row ?? null;
}

/** POST /api/triage: the engine's proposal under the actor's campaign rules, plus the project named in the text. */
export async function triageText(db: Db, actor: Actor, text: string) {
  const { rules } = await rulesForRegion(db, actor.regionId || null);
  const started = performance.now();
  const result = proposeTriage(text, rules);
  const ms = performance.now() - started;
  const project = await projectNamedIn(db, text, actor.regionPath);
  const enterprise = project ? await enterpriseRef(db, project.enterpriseId) : await enterpriseNamedIn(db, text, actor.regionPath);
  return {
    category: result.category,
    leadDepartment: result.leadDepartment,
    coDepartments: result.coDepartments,
    urgent: result.urgent,
    cues: result.cues,
    confidence: result.confidence,
    needsHuman: result.needsHuman,
    modelVersion: result.modelVersion,
    project: project ? { id: project.id, name: project.name } : null,
    enterprise,
    ms,
  };
}

function proposalOf(t: TriageResult) {
  return { category: t.category, leadDepartment: t.leadDepartment, coDepartments: t.coDepartments, urgent: t.urgent };
}

type StoredTriage = {
  proposal: ReturnType<typeof proposalOf>;
  cues: TriageResult['cues'];
  campaignId: string | null;
  /** The model that proposed (issue 12); absent on leads triaged before the learned model. */
  model?: { version: string; confidence: number; needsHuman: boolean };
};

// ── Create ───────────────────────────────────────────────────────────────────────────────────

/**
 * Registers a lead from any channel (staff entry, public form, import, Open311) inside the
 * caller's transaction: triage under the campaign's rules, project/enterprise identification,
 * encrypted contact, first timeline event and audit row. Signature shared with the intake module.
 */
export async function createComplaint(
  tx: Db,
  deps: ComplaintDeps,
  actor: Actor,
  input: CreateComplaintInput,
  /** `standalone`: `tx` is the database itself (no transaction, no attachments to claim). */
  write: { standalone?: boolean; driver?: 'pglite' | 'postgres' } = {},
): Promise<{ id: string; trackingCode: string }> {
  const fields: Fields = {};
  const now = new Date();
  let project: { id: string; name: string; regionId: number; enterpriseId: string | null; address: string } | null = null;
  if (input.projectId) {
    const [p] = await tx
      .select({ id: projects.id, name: projects.name, regionId: projects.regionId, enterpriseId: projects.enterpriseId, address: projects.address })
      .from(projects)
      .where(and(eq(projects.id, input.projectId), regionScope(actor, projects.regionId)));
    if (!p) fields.projectId = '物业项目不存在或不在管辖范围内';
    project = p ?? null;
  } else {
    project = await projectNamedIn(tx, input.description, actor.regionPath);
  }
  // Without a project, the company the resident names (the lead then reaches the company's record).
  const namedEnterprise = project
    ? null
    : ((input.enterpriseName ? await enterpriseGiven(tx, input.enterpriseName, actor.regionPath) : null) ?? (await enterpriseNamedIn(tx, input.description, actor.regionPath)));
  let regionId: number | null = project?.regionId ?? null;
  if (!regionId && input.regionId) {
    // Jurisdiction: the region must lie in the actor's subtree (regions/region-paths.ts, cached).
    const path = await regionPathOf(tx, input.regionId);
    if (!path || !pathContains(actor.regionPath, path)) fields.regionId = '区划不存在或不在管辖范围内';
    else regionId = input.regionId;
  }
  if (!regionId && actor.kind === 'user' && actor.regionId) regionId = actor.regionId;
  if (!regionId && !fields.regionId && !fields.projectId) fields.regionId = '请选择所在区域或物业项目';
  const anonymous = input.anonymous ?? false;
  fail(fields);

  const { campaignId, rules } = await rulesForRegion(tx, regionId);
  const proposal: ModelTriageResult = proposeTriage(input.description, rules);
  const current = {
    category: input.category ?? proposal.category,
    leadDepartment: input.leadDepartment ?? proposal.leadDepartment,
    coDepartments: [...new Set(input.coDepartments ?? proposal.coDepartments)].filter((d) => d !== (input.leadDepartment ?? proposal.leadDepartment)),
    urgent: input.urgent ?? proposal.urgent,
  };
  const stored: StoredTriage = {
    proposal: proposalOf(proposal),
    cues: proposal.cues,
    campaignId,
    model: { version: proposal.modelVersion, confidence: proposal.confidence, needsHuman: proposal.needsHuman },
  };
  const corrected = differs(stored.proposal, current);
  const trackingCode = newTrackingCode();
  const phone = anonymous || !input.contactPhone ? null : normalisePhone(input.contactPhone);
  const attachmentIds = [...new Set(input.attachments ?? [])];
  // One statement writes the lead, the correction, the first event and the audit row (create-lead.ts).
  if (write.standalone && attachmentIds.length) throw new Error('a lead with attachments is written in a transaction');
  const row = await insertLead(tx, {
    complaint: {
      trackingCode,
      channel: input.channel,
      externalRef: input.externalRef ?? null,
      description: input.description,
      address: input.address ?? project?.address ?? null,
      regionId: regionId as number,
      projectId: project?.id ?? null,
      enterpriseId: project?.enterpriseId ?? namedEnterprise?.id ?? null,
      contactNameEnc: anonymous ? null : deps.cipher.encrypt(input.contactName ?? null),
      contactPhoneEnc: phone ? deps.cipher.encrypt(phone) : null,
      contactPhoneBidx: phone ? deps.cipher.blindIndex(phone) : null,
      anonymous,
      confidential: input.confidential ?? false,
      category: current.category,
      leadDepartment: current.leadDepartment,
      coDepartments: current.coDepartments,
      urgent: current.urgent,
      triage: stored,
      triageModelVersion: proposal.modelVersion,
      // Below the confidence threshold a person decides before routing, unless the registering
      // person already set the category and departments themselves.
      triageNeedsHuman: proposal.needsHuman && !corrected,
      triageCorrectedBy: corrected ? actor.userId : null,
      triageCorrectedAt: corrected ? now : null,
      triageConfirmedBy: corrected ? actor.userId : null,
      triageConfirmedAt: corrected ? now : null,
      status: 'received',
      // A lead placed above district level carries the coordinators' 确定属地 deadline.
      ...(await deadlineColumns(tx, { status: 'received', urgent: current.urgent, regionId: regionId as number, receivedAt: input.receivedAt ?? now, signDueAt: null, actDueAt: null, dueAt: null, followUpDueAt: null, followedUpAt: null, supervisionDeadline: null, deadlineBasis: null })),
      campaignId,
      receivedAt: input.receivedAt ?? now,
      createdBy: actor.userId,
      createdAt: now,
      updatedAt: now,
    },
    correction: corrected ? { proposal: stored.proposal, corrected: current, correctedBy: actor.userId, at: now } : null,
    event: {
      at: now,
      actorUserId: actor.userId,
      actorOrgUnitId: actor.orgUnitId,
      action: 'create',
      fromStatus: null,
      toStatus: 'received',
      note: `${input.channel === 'web' ? '网上投诉' : '登记受理'}${corrected ? '（登记时修正了系统建议的分类或责任部门）' : ''}${input.enterpriseName ? `；投诉人填写的被投诉物业公司：${input.enterpriseName}${namedEnterprise ? '' : '（未在企业名录中找到）'}` : ''}`,
      attachments: attachmentIds,
      publicNote: publicCreateText(input.channel as Channel),
    },
    audit: (id) =>
      auditValues(actor, {
        action: 'complaint.create',
        entityType: 'complaint',
        entityId: id,
        regionId,
        after: { trackingCode, channel: input.channel, category: current.category, leadDepartment: current.leadDepartment, urgent: current.urgent, projectId: project?.id ?? null },
      }),
  }, write);
  // Attachments: a 422 here rolls the lead back (callers pass a transaction when there are any).
  await claimAttachments(tx, actor, row.id, attachmentIds, true);
  return { id: row.id, trackingCode };
}

function differs(a: { category: number; leadDepartment: string; coDepartments: string[]; urgent: boolean }, b: typeof a): boolean {
  return a.category !== b.category || a.leadDepartment !== b.leadDepartment || a.urgent !== b.urgent || [...a.coDepartments].sort().join() !== [...b.coDepartments].sort().join();
}

/**
 * Links uploaded files to the lead: files uploaded for this lead, or (at creation) unattached
 * files the same user uploaded. Unknown ids are a 422.
 */
async function claimAttachments(tx: Db, actor: Actor, complaintId: string, ids: string[], atCreation = false): Promise<string[]> {
  const unique = [...new Set(ids)];
  if (!unique.length) return [];
  const rows = await tx
    .select({ id: files.id, entityId: files.entityId, entityType: files.entityType, uploadedBy: files.uploadedBy })
    .from(files)
    .where(inArray(files.id, unique));
  const usable = rows.filter(
    (f) =>
      (f.entityType === 'complaint' && f.entityId === complaintId) ||
      (atCreation && f.entityType === 'complaint' && f.entityId === null && (actor.userId === null || f.uploadedBy === actor.userId)),
  );
  if (usable.length !== unique.length) throw validationFailed({ attachments: '附件不存在或不属于本线索，请重新上传' });
  const unclaimed = usable.filter((f) => f.entityId === null).map((f) => f.id);
  if (unclaimed.length) await tx.update(files).set({ entityId: complaintId }).where(and(inArray(files.id, unclaimed), isNull(files.entityId)));
  return unique;
}

async function addEvent(
  tx: Db,
  actor: Actor | null,
  complaintId: string,
  e: { action: string; from: string | null; to: string | null; note?: string | null; attachments?: string[]; publicNote?: string | null; at?: Date },
) {
  await tx.insert(complaintEvents).values({
    complaintId,
    at: e.at ?? new Date(),
    actorUserId: actor?.userId ?? null,
    actorOrgUnitId: actor?.orgUnitId ?? null,
    action: e.action,
    fromStatus: e.from,
    toStatus: e.to,
    note: e.note ?? null,
    attachments: e.attachments ?? [],
    publicNote: e.publicNote ?? null,
  });
}

// ── Assignment proposal ──────────────────────────────────────────────────────────────────────

/**
 * The units of the lead's department types with jurisdiction over its place: for each type, the
 * active org unit at the nearest region on the path from the lead's region up (its district).
 */
export async function proposeAssignment(db: Db, complaint: { regionId: number; leadDepartment: string; coDepartments: string[] }) {
  const [region] = await db.select({ path: regions.path }).from(regions).where(eq(regions.id, complaint.regionId));
  if (!region) return { leadOrgUnitId: null, leadOrgUnitName: null, coOrgUnits: [] as { id: string; name: string }[] };
  const types = [complaint.leadDepartment, ...complaint.coDepartments].filter((t): t is DepartmentType => (DEPARTMENT_TYPES as readonly string[]).includes(t));
  const units = await repo.unitsCovering(db, region.path, { types });
  const nearest = (type: string) => units.find((u) => u.type === type) ?? null;
  const lead = complaint.leadDepartment === 'none' ? null : nearest(complaint.leadDepartment);
  const co = complaint.coDepartments
    .map(nearest)
    .filter((u): u is NonNullable<typeof u> => !!u && u.id !== lead?.id)
    .map((u) => ({ id: u.id, name: u.name }));
  return { leadOrgUnitId: lead?.id ?? null, leadOrgUnitName: lead?.name ?? null, coOrgUnits: co };
}

// ── Deadlines ────────────────────────────────────────────────────────────────────────────────

async function limitsFor(db: Db, c: { campaignId: string | null; leadDepartment: string }): Promise<sla.TimeLimits> {
  if (!c.campaignId) return sla.resolveLimits();
  const rows = await db
    .select()
    .from(complaintTimeLimits)
    .where(and(eq(complaintTimeLimits.campaignId, c.campaignId), inArray(complaintTimeLimits.leadDepartment, ['*', c.leadDepartment])));
  return sla.resolveLimits(
    rows.find((r) => r.leadDepartment === '*'),
    rows.find((r) => r.leadDepartment === c.leadDepartment),
  );
}

async function withCalendar<T>(db: Db, field: string, f: (cal: wd.WorkingCalendar) => T): Promise<T> {
  const cal = await getCalendar(db);
  try {
    return f(cal);
  } catch (err) {
    if (err instanceof wd.CalendarRangeError) throw calendarOutOfRange(err, field);
    throw err;
  }
}

type DeadlineState = Pick<
  Row,
  'status' | 'urgent' | 'regionId' | 'receivedAt' | 'signDueAt' | 'actDueAt' | 'dueAt' | 'followUpDueAt' | 'followedUpAt' | 'supervisionDeadline' | 'deadlineBasis'
> &
  Partial<Pick<Row, 'dispatchedAt' | 'replyApprovedAt'>>;

const BASIS_COLUMN = { sign: 'signDueAt', due: 'dueAt', followUp: 'followUpDueAt' } as const;

/** True when a working-day deadline still in force was computed across a year without its official arrangement. */
function provisionalNow(cal: wd.WorkingCalendar, s: DeadlineState): boolean {
  const basis = (s.deadlineBasis ?? {}) as sla.DeadlineBasis;
  return sla.liveBasisParts(s.status as ComplaintStatus, s.followedUpAt !== null).some((part) => {
    const span = basis[part];
    const at = s[BASIS_COLUMN[part]];
    return !!span && !!at && wd.provisionalYearsIn(cal, span.from, sla.chinaDate(at)).length > 0;
  });
}


/** When the clock of a deadline kind started (for the "last fifth" of 即将超期). */
function clockStart(kind: sla.DeadlineKind, s: DeadlineState): Date | null {
  if (kind === 'locate') return s.receivedAt;
  if (kind === 'follow_up') return s.replyApprovedAt ?? null;
  if (kind === 'supervision') return null;
  return s.dispatchedAt ?? null;
}

/** 确定属地: a lead received above district level must be placed in a district within this many working days. */
const LOCATE_WORKING_DAYS = 1;

/** The 确定属地 deadline of a lead not yet dispatched and placed above district level; null otherwise. */
async function locateDueAt(db: Db, s: DeadlineState): Promise<Date | null> {
  if (s.status !== 'received') return null;
  // From the in-memory region cache: this runs on every lead create (the hot path).
  const level = await regionLevelOf(db, s.regionId);
  if (level !== 'province' && level !== 'city') return null;
  const cal = await getCalendar(db);
  try {
    return sla.endOfChinaDay(wd.addWorkingDays(cal, sla.chinaDate(s.receivedAt), LOCATE_WORKING_DAYS));
  } catch {
    return new Date(s.receivedAt.getTime() + 86_400_000);
  }
}

/** The current-deadline columns for a lead's (new) state. */
async function deadlineColumns(db: Db, s: DeadlineState) {
  const current = sla.currentDeadline({ ...s, status: s.status as ComplaintStatus, followedUp: s.followedUpAt !== null, locateDueAt: await locateDueAt(db, s) });
  const cal = await getCalendar(db);
  const deadlinesProvisional = provisionalNow(cal, s);
  if (!current) return { currentDueKind: null, currentDueAt: null, currentDueSoonAt: null, deadlinesProvisional };
  let soon: Date;
  try {
    soon = sla.dueSoonFrom(cal, current.kind, current.at, s.urgent, clockStart(current.kind, s));
  } catch {
    soon = new Date(current.at.getTime() - 2 * 86_400_000);
  }
  return { currentDueKind: current.kind, currentDueAt: current.at, currentDueSoonAt: soon, deadlinesProvisional };
}

/**
 * After an administrator enters or corrects a year's arrangement (calendar module, same
 * transaction): the deadlines in force of every open lead are recomputed from their basis, and each
 * change is written on the lead's timeline.
 */
async function recomputeDeadlines(tx: Db, actor: Actor, years: number[]) {
  const cal = await getCalendar(tx);
  const now = new Date();
  const rows = await tx
    .select()
    .from(complaints)
    .where(and(notInArray(complaints.status, ['received', 'closed', 'merged']), isNotNull(complaints.deadlineBasis)));
  for (const c of rows) {
    const basis = (c.deadlineBasis ?? {}) as sla.DeadlineBasis;
    const patch: Partial<typeof complaints.$inferInsert> = {};
    const changes: string[] = [];
    for (const part of sla.liveBasisParts(c.status as ComplaintStatus, c.followedUpAt !== null)) {
      const span = basis[part];
      const column = BASIS_COLUMN[part];
      const old = c[column];
      if (!span || !old) continue;
      const fresh = sla.deadlineOf(cal, span);
      if (fresh.getTime() === old.getTime()) continue;
      patch[column] = fresh;
      changes.push(`${DEADLINE_PART_LABELS[part]}由 ${sla.chinaDate(old)} 改为 ${sla.chinaDate(fresh)}`);
    }
    const provisional = provisionalNow(cal, { ...c, ...patch } as DeadlineState);
    if (!changes.length && provisional === c.deadlinesProvisional) continue;
    await update(tx, c, patch, now);
    const yearsText = years.map((y) => `${y}年`).join('、');
    const note = changes.length
      ? `${yearsText}法定节假日安排已录入，期限重新计算：${changes.join('；')}`
      : `${yearsText}法定节假日安排已录入，期限经核对不变${provisional ? '（仍有年份未录入，暂定）' : '，不再为暂定'}`;
    await addEvent(tx, actor, c.id, {
      action: 'deadline-recalculated',
      from: c.status,
      to: c.status,
      note,
      publicNote: changes.some((x) => x.startsWith(DEADLINE_PART_LABELS.due)) ? '办理期限已按国家法定节假日安排重新计算' : null,
      at: now,
    });
  }
}

const DEADLINE_PART_LABELS: Record<keyof sla.DeadlineBasis, string> = { sign: '签收期限', due: '办理答复期限', followUp: '回访期限' };

onArrangementChanged(recomputeDeadlines);

async function update(tx: Db, c: DeadlineState & { id: string }, patch: Partial<typeof complaints.$inferInsert>, now: Date) {
  const next = { ...c, ...patch } as DeadlineState;
  const deadline = await deadlineColumns(tx, next);
  await tx
    .update(complaints)
    .set({ ...patch, ...deadline, updatedAt: now })
    .where(eq(complaints.id, c.id));
}

/**
 * Staff correct the project a lead is about (the resident named it wrongly, or only in the text):
 * the company and the place follow the project. Only before dispatch, because the place decides
 * which units have jurisdiction.
 */
async function correctProject(tx: Db, actor: Actor, c: Row, projectId: string | null, now: Date) {
  if (c.status !== 'received' && c.status !== 'returned') fail({ projectId: '线索已派单，不能再更换物业项目；如确有错误，请由承办单位退单后更正' });
  let patch: Partial<typeof complaints.$inferInsert> = { projectId: null, enterpriseId: null };
  let name = '（无）';
  if (projectId) {
    const [p] = await tx
      .select({ id: projects.id, name: projects.name, regionId: projects.regionId, enterpriseId: projects.enterpriseId })
      .from(projects)
      .where(and(eq(projects.id, projectId), regionScope(actor, projects.regionId)));
    if (!p) fail({ projectId: '物业项目不存在或不在管辖范围内' });
    patch = { projectId: p.id, enterpriseId: p.enterpriseId, regionId: p.regionId };
    name = p.name;
  }
  await update(tx, c, patch, now);
  Object.assign(c, patch);
  await addEvent(tx, actor, c.id, { action: 'triage', from: c.status, to: c.status, note: `更正物业项目为：${name}`, at: now });
}

/** 确定属地: staff place a lead in a region of their jurisdiction (a district or below) before dispatch. */
async function locate(tx: Db, actor: Actor, c: Row, regionCode: string, now: Date) {
  if (c.status !== 'received' && c.status !== 'returned') fail({ regionCode: '线索已派单，不能再更改属地' });
  const [r] = await tx
    .select({ id: regions.id, name: regions.name, level: regions.level, path: regions.path })
    .from(regions)
    .where(and(eq(regions.code, regionCode), regionScope(actor, regions.id)));
  if (!r) fail({ regionCode: '区划不存在或不在管辖范围内' });
  const region = r as NonNullable<typeof r>;
  if (region.level === 'province' || region.level === 'city') fail({ regionCode: '请选择区（县）或街道' });
  if (region.id === c.regionId) return;
  await update(tx, c, { regionId: region.id }, now);
  Object.assign(c, { regionId: region.id, regionPath: region.path });
  await addEvent(tx, actor, c.id, { action: 'triage', from: c.status, to: c.status, note: `确定属地：${region.name}`, at: now });
}

// ── Facts for the policy ─────────────────────────────────────────────────────────────────────

async function factsOf(db: Db, c: Row, now: Date): Promise<PolicyFacts> {
  return {
    status: c.status as ComplaintStatus,
    leadDepartment: c.leadDepartment,
    leadOrgUnitId: c.leadOrgUnitId,
    finalAssignment: c.finalAssignment,
    unreachableByDesign: c.anonymous || !c.contactPhoneEnc,
    satisfaction: (c.satisfaction as Satisfaction | null) ?? null,
    followedUp: c.followedUpAt !== null,
    hasPendingExtension: await repo.hasPendingExtension(db, c.id),
    dueAt: c.dueAt,
    recalled: c.status === 'closed' ? await repo.hasRecall(db, c.id) : false,
    now,
    confidential: c.confidential,
    hasContact: !c.anonymous && !!(c.contactPhoneEnc || c.contactNameEnc),
    replyDraftedBy: c.replyDraftedBy,
    coOrgUnitIds: c.coOrgUnitIds ?? [],
  };
}

// ── Reads ────────────────────────────────────────────────────────────────────────────────────

function truncate(text: string, n: number) {
  const chars = [...text];
  return chars.length > n ? `${chars.slice(0, n).join('')}…` : text;
}

function listItem(row: Row, now: Date, full = false) {
  return {
    id: row.id,
    trackingCode: row.trackingCode,
    channel: row.channel,
    description: full ? row.description : truncate(row.description, 120),
    category: row.category,
    leadDepartment: row.leadDepartment,
    urgent: row.urgent,
    status: row.status,
    statusLabel: STATUS_LABELS[row.status as ComplaintStatus] ?? row.status,
    projectId: row.projectId,
    projectName: row.projectName,
    enterpriseId: row.enterpriseId,
    enterpriseName: row.enterpriseName,
    regionName: row.regionName,
    leadOrgUnitId: row.leadOrgUnitId,
    leadOrgUnitName: row.leadOrgUnitName,
    receivedAt: row.receivedAt,
    dispatchedAt: row.dispatchedAt,
    dueAt: row.dueAt,
    currentDueAt: row.currentDueAt,
    deadlinesProvisional: row.deadlinesProvisional,
    dueSoon: sla.isDueSoon(row.currentDueAt, row.currentDueSoonAt, now),
    overdue: sla.isOverdue(row.currentDueAt, now),
    supervised: row.supervised,
    returnCount: row.returnCount,
    lastEscalatedAt: row.lastEscalatedAt,
  };
}

export async function listComplaints(db: Db, actor: Actor, q: ListQuery) {
  const now = new Date();
  const { rows, total } = await repo.listComplaints(db, actor, q, now);
  const items = rows.map((r) => listItem(repo.rowOf(r), now));
  return { items, total, page: q.page, pageSize: q.pageSize };
}

/** The list `q`'s total broken down by child region of `parentPath`, category, status and overdue (one query; the dashboard). */
export async function complaintBreakdown(db: Db, actor: Actor, q: ListQuery, parentPath: string) {
  return repo.regionBreakdown(db, actor, q, new Date(), parentPath);
}

/**
 * GET /api/complaints/:id for staff: the detail, and an audit row for the view — a lead's text and
 * attachments are residents' personal data (SPEC §16: every view of personal data is logged).
 */
export async function viewDetail(db: Db, deps: ComplaintDeps, actor: Actor, id: string) {
  const detail = await getDetail(db, deps, actor, id);
  await recordAudit(db, actor, { action: 'complaint.view', entityType: 'complaint', entityId: id, regionId: detail.regionId });
  return detail;
}

export async function getDetail(db: Db, deps: ComplaintDeps, actor: Actor, id: string) {
  const now = new Date();
  const c = await repo.findInScope(db, actor, id);
  const facts = await factsOf(db, c, now);
  const [events, extensions, escalations, coOrgUnits, children, recall] = await Promise.all([
    repo.loadEvents(db, c.id),
    repo.loadExtensions(db, c.id),
    repo.loadEscalations(db, c.id),
    repo.unitNames(db, c.coOrgUnitIds),
    repo.mergedChildren(db, c.id),
    repo.loadRecall(db, c.id),
  ]);
  const fileIds = [...new Set(events.flatMap((e) => (Array.isArray(e.attachments) ? (e.attachments as string[]) : [])))];
  const names = await repo.fileNames(db, fileIds);
  const parent = c.mergedIntoId ? await repo.findById(db, c.mergedIntoId) : null;
  const duplicates =
    c.status === 'closed' || c.status === 'merged'
      ? []
      : rankDuplicates(c.description, await repo.duplicateCandidates(db, actor, c, DUPLICATE_WINDOW_DAYS));
  const stored = c.triage as StoredTriage;
  const correctedBy = c.triageCorrectedBy ? await userName(db, c.triageCorrectedBy) : null;
  const confirmedBy = c.triageConfirmedBy ? await userName(db, c.triageConfirmedBy) : null;
  const approvedBy = c.replyApprovedBy ? await userName(db, c.replyApprovedBy) : null;
  const contact = c.anonymous
    ? null
    : { name: maskName(deps.cipher.decrypt(c.contactNameEnc)), phone: maskPhone(deps.cipher.decrypt(c.contactPhoneEnc)) };
  const proposedAssignment = ['received', 'returned'].includes(c.status) ? await proposeAssignment(db, c) : null;
  return {
    ...listItem(c, now, true),
    address: c.address,
    regionId: c.regionId,
    anonymous: c.anonymous,
    confidential: c.confidential,
    contact,
    coDepartments: c.coDepartments,
    triage: {
      proposal: stored.proposal,
      cues: stored.cues ?? [],
      correctedAt: c.triageCorrectedAt,
      correctedByName: correctedBy,
      modelVersion: c.triageModelVersion,
      confidence: stored.model?.confidence ?? null,
      needsHuman: c.triageNeedsHuman,
      confirmedAt: c.triageConfirmedAt,
      confirmedByName: confirmedBy,
    },
    coOrgUnits,
    finalAssignment: c.finalAssignment,
    finding: c.finding,
    outcome: c.outcome,
    findingDetails: c.findingDetails,
    rectificationDeadline: c.rectificationDeadline,
    referredTo: c.referredTo,
    reply: c.replyText
      ? { text: c.replyText, draftedAt: c.replyDraftedAt, approvedAt: c.replyApprovedAt, approvedByName: approvedBy, released: c.replyApprovedAt !== null }
      : null,
    satisfaction: c.satisfaction,
    followUpNote: c.followUpNote,
    followedUpAt: c.followedUpAt,
    reworkCount: c.reworkCount,
    sla: {
      signDueAt: c.signDueAt,
      actDueAt: c.actDueAt,
      dueAt: c.dueAt,
      followUpDueAt: c.followUpDueAt,
      currentKind: c.currentDueKind,
      currentDueAt: c.currentDueAt,
      provisional: c.deadlinesProvisional,
      dueSoon: sla.isDueSoon(c.currentDueAt, c.currentDueSoonAt, now),
      overdue: sla.isOverdue(c.currentDueAt, now),
      extensions,
    },
    supervision: { supervised: c.supervised, deadline: c.supervisionDeadline, note: c.supervisionNote, at: c.supervisedAt },
    escalations: escalations.map((e) => ({ ...e, kindLabel: sla.DEADLINE_KIND_LABELS[e.kind as sla.DeadlineKind] ?? e.kind })),
    recall: recall ? { ...recall, resultLabel: RECALL_RESULT_LABELS[recall.result as keyof typeof RECALL_RESULT_LABELS] ?? recall.result } : null,
    timeline: events.map((e) => ({
      id: e.id,
      at: e.at,
      actorName: e.actorName ?? (e.action === 'rating' ? '投诉人' : e.action === 'escalate' ? '系统' : null),
      orgUnitName: e.orgUnitName,
      action: e.action,
      actionLabel: ACTION_LABELS[e.action] ?? e.action,
      fromStatus: e.fromStatus,
      toStatus: e.toStatus,
      note: e.note,
      attachments: ((e.attachments as string[]) ?? []).map((fid) => ({ id: fid, name: names.get(fid)?.name ?? '附件', mime: names.get(fid)?.mime ?? '' })),
    })),
    duplicateCandidates: duplicates.map((d) => ({ id: d.id, trackingCode: d.trackingCode, similarity: d.similarity, description: truncate(d.description, 120), status: d.status, receivedAt: d.receivedAt })),
    mergedInto: parent ? { id: parent.id, trackingCode: parent.trackingCode, status: parent.status } : null,
    mergedChildren: children,
    allowedActions: allowedActions(actor, facts),
    proposedAssignment,
    problemId: c.problemId,
    campaignId: c.campaignId,
    externalRef: c.externalRef,
    closedAt: c.closedAt,
  };
}

async function userName(db: Db, id: string): Promise<string | null> {
  const [row] = await db.select({ name: users.displayName }).from(users).where(eq(users.id, id));
  return row?.name ?? null;
}

// ── Actions ──────────────────────────────────────────────────────────────────────────────────

interface Ctx<A extends ActionName> {
  tx: Db;
  deps: ComplaintDeps;
  actor: Actor;
  c: Row;
  input: ActionInput<A>;
  to: ComplaintStatus | null;
  now: Date;
}

type Handler<A extends ActionName> = (ctx: Ctx<A>) => Promise<void>;

const handlers: { [A in ActionName]: Handler<A> } = {
  async triage({ tx, actor, c, input, now }) {
    if (input.projectId !== undefined && (input.projectId ?? null) !== c.projectId) await correctProject(tx, actor, c, input.projectId ?? null, now);
    if (input.regionCode) await locate(tx, actor, c, input.regionCode, now);
    const stored = c.triage as StoredTriage;
    const { projectId: _project, regionCode: _region, ...classification } = input;
    const next = { ...classification, coDepartments: [...new Set(input.coDepartments)].filter((d) => d !== input.leadDepartment) };
    const before = { category: c.category, leadDepartment: c.leadDepartment, coDepartments: c.coDepartments, urgent: c.urgent };
    const confirmation = { triageConfirmedBy: actor.userId, triageConfirmedAt: now };
    if (!differs(before, next)) {
      // Submitting the classification unchanged is the officer's confirmation (人工确认), and the
      // human decision a low-confidence proposal was waiting for.
      await update(tx, c, { ...confirmation, triageNeedsHuman: false }, now);
      await addEvent(tx, actor, c.id, { action: 'triage', from: c.status, to: c.status, note: '人工确认分类与责任部门', at: now });
      return;
    }
    await tx.insert(triageCorrections).values({ complaintId: c.id, proposal: stored.proposal, corrected: next, correctedBy: actor.userId, at: now });
    await update(tx, c, { ...next, triageCorrectedBy: actor.userId, triageCorrectedAt: now, triageNeedsHuman: false, ...confirmation }, now);
    await addEvent(tx, actor, c.id, {
      action: 'triage',
      from: c.status,
      to: c.status,
      note: `类别 ${before.category}→${next.category}，牵头部门 ${before.leadDepartment}→${next.leadDepartment}${next.urgent !== before.urgent ? `，紧急 ${next.urgent ? '是' : '否'}` : ''}`,
      at: now,
    });
  },

  async dispatch({ tx, actor, c, input, to, now }) {
    let leadId = input.leadOrgUnitId;
    let coInput = input.coOrgUnitIds ?? [];
    if (!leadId) {
      if (c.triageNeedsHuman) fail({ leadOrgUnitId: '系统对该线索的分类把握不足，请先确认或修正分类和牵头部门，或直接选择主办单位' });
      const proposal = await proposeAssignment(tx, c);
      if (!proposal.leadOrgUnitId) {
        fail({ leadOrgUnitId: '请选择主办单位：该线索的牵头部门为“不属于整治部门”，或所在地没有对应部门，无法自动派单' });
      }
      leadId = proposal.leadOrgUnitId as string;
      coInput = input.coOrgUnitIds ?? proposal.coOrgUnits.map((u) => u.id);
    }
    const coIds = [...new Set(coInput)].filter((u) => u !== leadId);
    const units = await repo.unitsCovering(tx, c.regionPath, { ids: [leadId, ...coIds] });
    const byId = new Map(units.map((u) => [u.id, u]));
    const fields: Fields = {};
    if (!byId.has(leadId)) fields.leadOrgUnitId = '主办单位不存在、已停用或对该线索所在地没有管辖权';
    const badCo = coIds.filter((u) => !byId.has(u));
    if (badCo.length) fields.coOrgUnitIds = '协办单位不存在、已停用或对该线索所在地没有管辖权';
    fail(fields);
    const attachments = await claimAttachments(tx, actor, c.id, input.attachments ?? []);
    const firstDispatch = c.dispatchedAt === null;
    let clock: Partial<typeof complaints.$inferInsert> = {};
    if (firstDispatch) {
      const limits = await limitsFor(tx, c);
      const d = await withCalendar(tx, 'leadOrgUnitId', (cal) => sla.dispatchDeadlines(cal, now, c.urgent, limits));
      const deadlineBasis = { ...(c.deadlineBasis ?? {}), ...sla.dispatchBasis(now, c.urgent, limits) };
      clock = { dispatchedAt: now, signDueAt: d.signDueAt, actDueAt: d.actDueAt, dueAt: d.dueAt, deadlineBasis };
    }
    const final = c.returnCount >= RETURN_CAP;
    // Dispatching with the classification shown is standing behind it: it confirms an unconfirmed proposal.
    const confirmation = c.triageConfirmedAt ? {} : { triageConfirmedBy: actor.userId, triageConfirmedAt: now };
    await update(tx, c, { ...clock, ...confirmation, status: to as string, leadOrgUnitId: leadId, coOrgUnitIds: coIds, finalAssignment: final }, now);
    const lead = byId.get(leadId)?.name;
    const co = coIds.map((u) => byId.get(u)?.name).join('、');
    await addEvent(tx, actor, c.id, {
      action: 'dispatch',
      from: c.status,
      to,
      note: [`主办：${lead}`, co ? `协办：${co}` : null, final ? '终审派单（已退单两次，不得再退）' : null, input.note].filter(Boolean).join('；'),
      attachments,
      publicNote: firstDispatch ? PUBLIC_EVENT_TEXT.dispatch : '已重新确定主管部门办理',
      at: now,
    });
  },

  async opinion({ tx, actor, c, input, now }) {
    const attachments = await claimAttachments(tx, actor, c.id, input.attachments ?? []);
    const role = actor.orgUnitId === c.leadOrgUnitId ? '主办单位' : '协办单位';
    await addEvent(tx, actor, c.id, { action: 'opinion', from: c.status, to: c.status, note: `【${role}】${input.note}`, attachments, at: now });
  },

  async sign({ tx, actor, c, input, to, now }) {
    const attachments = await claimAttachments(tx, actor, c.id, input.attachments ?? []);
    await update(tx, c, { status: to as string, signedAt: now }, now);
    await addEvent(tx, actor, c.id, { action: 'sign', from: c.status, to, note: input.note, attachments, publicNote: PUBLIC_EVENT_TEXT.sign, at: now });
  },

  async return({ tx, actor, c, input, to, now }) {
    const attachments = await claimAttachments(tx, actor, c.id, input.attachments ?? []);
    // The basis for "not our duty" (三定方案 or a provision) travels with the reason the arbiter reads.
    const reason = input.basis ? `${input.reason}（职责依据：${input.basis}）` : input.reason;
    await tx.insert(complaintReturns).values({ complaintId: c.id, orgUnitId: c.leadOrgUnitId as string, reason, returnedBy: actor.userId, at: now });
    // The clock keeps running: dispatched_at, sign_due_at and due_at are left as they are.
    await update(tx, c, { status: to as string, returnCount: c.returnCount + 1 }, now);
    await addEvent(tx, actor, c.id, {
      action: 'return',
      from: c.status,
      to,
      note: `退单理由：${reason}（第 ${c.returnCount + 1} 次退单）`,
      attachments,
      publicNote: PUBLIC_EVENT_TEXT.return,
      at: now,
    });
  },

  async findings({ tx, deps, actor, c, input, to, now }) {
    const fields: Fields = {};
    if (input.outcome === 'rectification_ordered') {
      if (!input.rectificationDeadline) fields.rectificationDeadline = '责令整改须填写整改期限';
      else if (input.rectificationDeadline < todayInChina(now)) fields.rectificationDeadline = '整改期限不能早于今天';
      if (!input.rectificationMeasures) fields.rectificationMeasures = '责令整改须写明整改措施（企业应当做到什么）';
    }
    if (input.outcome === 'referred' && !input.referredTo) fields.referredTo = '请填写移交的部门';
    if ((input.finding === 'unsubstantiated') !== (input.outcome === 'not_substantiated')) {
      fields.outcome = input.finding === 'unsubstantiated' ? '核查不属实时，处理结果应为“经查不属实”' : '核查属实或部分属实时，请选择实际的处理结果';
    }
    fail(fields);
    const attachments = await claimAttachments(tx, actor, c.id, input.attachments ?? []);
    let problemId: string | null = c.problemId;
    let problemNote = '';
    if (input.outcome === 'rectification_ordered') {
      const complainantNames = [deps.cipher.decrypt(c.contactNameEnc)].filter((n): n is string => !!n);
      const problem = await openProblem(tx, actor, {
        source: 'complaint',
        sourceId: c.id,
        complaintId: c.id,
        regionId: c.regionId,
        projectId: c.projectId,
        enterpriseId: c.enterpriseId,
        category: c.category,
        // Titled from its own facts (the findings), never the category's full label (issue 15).
        title: problemTitleFromFindings(c.projectName ?? null, redactPersonalData(input.details, { knownNames: complainantNames }).text),
        description: input.details,
        measures: input.rectificationMeasures ?? null,
        responsibleOrgUnitId: c.leadOrgUnitId,
        deadline: input.rectificationDeadline as string,
        // The company sees this problem: the complainant's own name is removed wherever it appears.
        knownNames: complainantNames,
      });
      problemId = problem.id;
      problemNote = `；已建立整改问题 ${problem.code}${problem.repeatOffence ? '（屡改屡犯）' : ''}`;
    }
    await update(
      tx,
      c,
      {
        status: to as string,
        finding: input.finding,
        outcome: input.outcome,
        findingDetails: input.details,
        rectificationDeadline: input.rectificationDeadline ?? null,
        referredTo: input.referredTo ?? null,
        problemId,
      },
      now,
    );
    await addEvent(tx, actor, c.id, { action: 'findings', from: c.status, to, note: `${input.details}${problemNote}`, attachments, publicNote: PUBLIC_EVENT_TEXT.findings, at: now });
  },

  async answer({ tx, actor, c, input, to, now }) {
    const problem = replyQualityProblem(input.reply);
    if (problem) throw validationFailed({ reply: problem });
    const attachments = await claimAttachments(tx, actor, c.id, input.attachments ?? []);
    await update(tx, c, { status: to as string, replyText: input.reply, replyDraftedBy: actor.userId, replyDraftedAt: now, replyApprovedAt: null, replyApprovedBy: null }, now);
    await addEvent(tx, actor, c.id, { action: 'answer', from: c.status, to, note: '不属于专项整治部门职责，直接答复（待审核）', attachments, at: now });
  },

  async reply({ tx, actor, c, input, to, now }) {
    const problem = replyQualityProblem(input.text);
    if (problem) throw validationFailed({ text: problem });
    const attachments = await claimAttachments(tx, actor, c.id, input.attachments ?? []);
    await update(tx, c, { status: to as string, replyText: input.text, replyDraftedBy: actor.userId, replyDraftedAt: now, replyApprovedAt: null, replyApprovedBy: null }, now);
    await addEvent(tx, actor, c.id, { action: 'reply', from: c.status, to, note: '答复已起草，待负责人审核', attachments, at: now });
  },

  async 'approve-reply'({ tx, actor, c, input, to, now }) {
    const limits = await limitsFor(tx, c);
    const followUpDueAt = await withCalendar(tx, 'followUpDueAt', (cal) => sla.followUpDueAt(cal, now, limits));
    await update(
      tx,
      c,
      {
        status: to as string,
        replyApprovedBy: actor.userId,
        replyApprovedAt: now,
        followUpDueAt,
        deadlineBasis: { ...(c.deadlineBasis ?? {}), followUp: { from: sla.chinaDate(now), days: limits.followUpDays } },
        satisfaction: null,
        followUpNote: null,
        followedUpAt: null,
        followedUpBy: null,
      },
      now,
    );
    await addEvent(tx, actor, c.id, { action: 'approve-reply', from: c.status, to, note: input.note ?? '答复审核通过，已发布给投诉人', publicNote: PUBLIC_EVENT_TEXT['approve-reply'], at: now });
  },

  async 'reject-reply'({ tx, actor, c, input, to, now }) {
    await update(tx, c, { status: to as string }, now);
    await addEvent(tx, actor, c.id, { action: 'reject-reply', from: c.status, to, note: `退回理由：${input.reason}`, at: now });
  },

  async 'follow-up'({ tx, actor, c, input, now }) {
    if (input.satisfaction === 'unreachable' && !(c.anonymous || !c.contactPhoneEnc)) {
      throw validationFailed({ satisfaction: '投诉人留有联系方式，请联系到本人后登记满意度（“无法联系”仅适用于匿名或未留电话的线索）' });
    }
    const attachments = await claimAttachments(tx, actor, c.id, input.attachments ?? []);
    await recordFollowUp(tx, actor, c, { satisfaction: input.satisfaction, note: input.note, attachments, byResident: false }, now);
  },

  async rework({ tx, actor, c, input, to, now }) {
    const attachments = await claimAttachments(tx, actor, c.id, input.attachments ?? []);
    await startRework(tx, actor, c, to as ComplaintStatus, input.reason, attachments, now);
  },

  async close({ tx, actor, c, input, to, now }) {
    await update(tx, c, { status: to as string, closedAt: now }, now);
    await addEvent(tx, actor, c.id, { action: 'close', from: c.status, to, note: input.note ?? null, publicNote: PUBLIC_EVENT_TEXT.close, at: now });
  },

  async merge({ tx, actor, c, input, to, now }) {
    if (input.targetId === c.id) throw validationFailed({ targetId: '不能合并到线索自身' });
    const target = await repo.findInScope(tx, actor, input.targetId, true);
    if (target.status === 'closed' || target.status === 'merged') throw conflict('主线索已办结或已被合并，请选择仍在办理的线索');
    await update(tx, c, { status: to as string, mergedIntoId: target.id }, now);
    // Leads already merged into this one follow it to the new parent.
    await tx.update(complaints).set({ mergedIntoId: target.id, updatedAt: now }).where(eq(complaints.mergedIntoId, c.id));
    await addEvent(tx, actor, c.id, { action: 'merge', from: c.status, to, note: `作为重复线索并入 ${target.trackingCode}`, publicNote: PUBLIC_EVENT_TEXT.merge, at: now });
    await addEvent(tx, actor, target.id, { action: 'merged-child', from: target.status, to: target.status, note: `合并重复线索 ${c.trackingCode}，办理结果一并答复`, at: now });
  },

  async 'extension-request'({ tx, actor, c, input, now }) {
    await tx.insert(complaintExtensions).values({ complaintId: c.id, days: input.days, reason: input.reason, requestedBy: actor.userId, requestedAt: now, status: 'pending', previousDueAt: c.dueAt });
    await addEvent(tx, actor, c.id, { action: 'extension-request', from: c.status, to: c.status, note: `申请延期 ${input.days} 个工作日：${input.reason}`, at: now });
  },

  async 'extension-decision'({ tx, actor, c, input, now }) {
    const [ext] = await tx
      .select()
      .from(complaintExtensions)
      .where(and(eq(complaintExtensions.id, input.extensionId), eq(complaintExtensions.complaintId, c.id)))
      .for('update');
    if (!ext) throw notFound('延期申请');
    if (ext.status !== 'pending') throw conflict('该延期申请已审批');
    if (!input.approve && !input.note) throw validationFailed({ note: '不同意延期时请填写理由' });
    let newDueAt: Date | null = null;
    if (input.approve) {
      newDueAt = await withCalendar(tx, 'extensionId', (cal) => sla.extendedDueAt(cal, c.dueAt as Date, ext.days));
      const deadlineBasis = { ...(c.deadlineBasis ?? {}), due: sla.extendedBasis(c.deadlineBasis?.due, c.dueAt as Date, ext.days) };
      await update(tx, c, { dueAt: newDueAt, deadlineBasis }, now);
    }
    await tx
      .update(complaintExtensions)
      .set({ status: input.approve ? 'approved' : 'refused', decidedBy: actor.userId, decidedAt: now, decisionNote: input.note ?? null, newDueAt })
      .where(eq(complaintExtensions.id, ext.id));
    await addEvent(tx, actor, c.id, {
      action: 'extension-decision',
      from: c.status,
      to: c.status,
      note: `${input.approve ? '同意' : '不同意'}延期 ${ext.days} 个工作日${input.note ? `：${input.note}` : ''}`,
      publicNote: input.approve ? PUBLIC_EVENT_TEXT['extension-decision'] : null,
      at: now,
    });
  },

  /**
   * 回访抽查: the supervisor's own call to the resident of a closed lead (once per lead). The
   * result is stored beside the satisfaction recorded at closure; 'contradicted' reopens the lead
   * through the ordinary rework (new reply deadline, rework counted).
   */
  async recall({ tx, actor, c, input, now }) {
    const fields: Fields = {};
    if (input.result === 'not_reached' && input.satisfaction) fields.satisfaction = '未联系上投诉人时不能登记满意度';
    if (input.result === 'confirmed' && input.satisfaction === 'dissatisfied') fields.result = '投诉人表示不满意，与办结记录不符，请选择“与记录不符”';
    fail(fields);
    const next = recallTransition(input.result, await factsOf(tx, c, now));
    if (!next.ok) throw conflict(next.message);
    const rows = await queryRows<{ id: string }>(
      tx,
      sql`INSERT INTO complaint_recalls (complaint_id, lead_org_unit_id, recalled_by, at, result, satisfaction, note, recorded_satisfaction)
          VALUES (${c.id}, ${c.leadOrgUnitId}, ${actor.userId}, ${now.toISOString()}::timestamptz, ${input.result}, ${input.satisfaction ?? null}, ${input.note}, ${c.satisfaction})
          ON CONFLICT (complaint_id) DO NOTHING RETURNING id`,
    );
    if (!rows.length) throw conflict('该线索已回访抽查过，每条线索只抽查一次');
    const recorded = c.satisfaction ? (SATISFACTION_LABELS[c.satisfaction as Satisfaction] ?? c.satisfaction) : '无';
    const said = input.satisfaction ? `；抽查满意度：${SATISFACTION_LABELS[input.satisfaction]}` : '';
    await addEvent(tx, actor, c.id, {
      action: 'recall',
      from: c.status,
      to: c.status,
      note: `回访抽查：${RECALL_RESULT_LABELS[input.result]}（办结时登记满意度：${recorded}${said}）；${input.note}`,
      publicNote: input.result === 'not_reached' ? null : PUBLIC_EVENT_TEXT.recall,
      at: now,
    });
    // The rework event follows the re-call on the timeline (events are ordered by time, then id).
    if (next.to) await startRework(tx, actor, c, next.to, `回访抽查发现与办结记录不符：${input.note}`, [], now);
  },

  async supervise({ tx, actor, c, input, now }) {
    if (input.deadline < todayInChina(now)) throw validationFailed({ deadline: '督办期限不能早于今天' });
    await update(tx, c, { supervised: true, supervisionDeadline: input.deadline, supervisionNote: input.note, supervisedBy: actor.userId, supervisedAt: now }, now);
    await addEvent(tx, actor, c.id, { action: 'supervise', from: c.status, to: c.status, note: `挂牌督办，期限 ${input.deadline}：${input.note}`, at: now });
  },
};

async function recordFollowUp(
  tx: Db,
  actor: Actor | null,
  c: Row,
  f: { satisfaction: Satisfaction; note: string | null; attachments: string[]; byResident: boolean },
  now: Date,
) {
  const label = { satisfied: '满意', basically_satisfied: '基本满意', dissatisfied: '不满意', unreachable: '无法联系' }[f.satisfaction];
  await update(tx, c, { satisfaction: f.satisfaction, followUpNote: f.note, followedUpAt: now, followedUpBy: actor?.userId ?? null }, now);
  await addEvent(tx, actor, c.id, {
    action: f.byResident ? 'rating' : 'follow-up',
    from: c.status,
    to: c.status,
    note: `${f.byResident ? '投诉人在线评价' : '回访'}：${label}${f.note ? `；${f.note}` : ''}`,
    attachments: f.attachments,
    publicNote: f.byResident ? `您的评价：${label}` : PUBLIC_EVENT_TEXT['follow-up'],
    at: now,
  });
  if (f.satisfaction === 'dissatisfied') {
    const fresh = { ...c, satisfaction: f.satisfaction, followUpNote: f.note, followedUpAt: now } as Row;
    await startRework(tx, actor, fresh, reworkTarget(c), '投诉人不满意，重新办理', [], now);
  }
}

/** 重办: back to the lead unit (or the coordinator), with a new reply deadline; counted. */
async function startRework(tx: Db, actor: Actor | null, c: Row, to: ComplaintStatus, reason: string, attachments: string[], now: Date) {
  const limits = await limitsFor(tx, c);
  const dueAt = c.dispatchedAt ? await withCalendar(tx, 'reason', (cal) => sla.dispatchDeadlines(cal, now, false, limits).dueAt) : null;
  await update(
    tx,
    c,
    {
      status: to,
      reworkCount: c.reworkCount + 1,
      replyApprovedAt: null,
      replyApprovedBy: null,
      closedAt: null,
      actDueAt: null,
      dueAt,
      followUpDueAt: null,
      deadlineBasis: { sign: c.deadlineBasis?.sign, due: dueAt ? { from: sla.chinaDate(now), days: limits.closeDays } : undefined },
    },
    now,
  );
  await addEvent(tx, actor, c.id, { action: 'rework', from: c.status, to, note: `重办：${reason}`, attachments, publicNote: PUBLIC_EVENT_TEXT.rework, at: now });
}

/** POST /api/complaints/:id/<action>: one transaction, policy first, then the handler; returns the detail. */
export async function performAction<A extends ActionName>(db: Db, deps: ComplaintDeps, actor: Actor, id: string, action: A, input: ActionInput<A>) {
  await db.transaction(async (tx) => {
    const now = new Date();
    const c = await repo.findInScope(tx, actor, id, true);
    const facts = await factsOf(tx, c, now);
    assertAllowed(actor, action as ComplaintAction, facts);
    const check = checkAction(action as ComplaintAction, facts);
    const to = check.ok ? check.to : null;
    await (handlers[action] as Handler<A>)({ tx, deps, actor, c, input, to, now });
    const after = await repo.findById(tx, c.id);
    await recordAudit(tx, actor, {
      action: `complaint.${action}`,
      entityType: 'complaint',
      entityId: c.id,
      regionId: c.regionId,
      before: { status: c.status, leadOrgUnitId: c.leadOrgUnitId, dueAt: c.dueAt },
      after: { status: after?.status, leadOrgUnitId: after?.leadOrgUnitId, dueAt: after?.dueAt },
    });
    await publishLeadMessages(tx, actor, action, c, after, input);
  });
  return getDetail(db, deps, actor, id);
}

/** The complainant's contact, unmasked, with the reason in the audit log (same transaction). */
export async function revealContact(db: Db, deps: ComplaintDeps, actor: Actor, id: string, reason: string) {
  return db.transaction(async (tx) => {
    const now = new Date();
    const c = await repo.findInScope(tx, actor, id);
    assertAllowed(actor, 'reveal-contact', await factsOf(tx, c, now));
    await recordAudit(tx, actor, { action: 'complaint.reveal_contact', entityType: 'complaint', entityId: c.id, regionId: c.regionId, note: reason });
    await addEvent(tx, actor, c.id, { action: 'reveal-contact', from: c.status, to: c.status, note: `查看投诉人联系方式，事由：${reason}`, at: now });
    return { contactName: deps.cipher.decrypt(c.contactNameEnc), contactPhone: deps.cipher.decrypt(c.contactPhoneEnc) };
  });
}

export async function uploadAttachment(db: Db, actor: Actor, id: string, file: { buffer: Buffer; fileName: string }, opts: { dataDir: string; maxBytes: number }) {
  const c = await repo.findInScope(db, actor, id);
  assertAllowed(actor, 'attachments', await factsOf(db, c, new Date()));
  const check = checkUpload(file.buffer, EVIDENCE_TYPES, opts.maxBytes);
  if (!check.ok) throw validationFailed({ file: check.message });
  const stored = await writeUpload(opts.dataDir, file.buffer, check.type, file.fileName);
  return db.transaction(async (tx) => {
    const fileId = await recordFile(tx, stored, { entityType: 'complaint', entityId: c.id, uploadedBy: actor.userId });
    await recordAudit(tx, actor, { action: 'complaint.attachment', entityType: 'complaint', entityId: c.id, regionId: c.regionId, after: { fileId, name: stored.originalName } });
    return { fileId };
  });
}

export async function hotSpots(db: Db, actor: Actor, q: { region?: string; days: number; minLeads: number }, opts: { projects?: boolean } = {}) {
  const since = new Date(Date.now() - q.days * 86_400_000);
  const withinPath = await regionFilterPath(db, q.region);
  return { days: q.days, ...(await repo.hotSpots(db, actor, withinPath, since, q.minLeads, opts)) };
}

/** Default and maximum period of a re-call sample: leads closed in the last 90 days, at most a year. */
const RECALL_DEFAULT_DAYS = 90;
const RECALL_MAX_DAYS = 366;

/** GET /api/complaints/recall-sample: a random sample of closed leads for the supervisor to call back. */
export async function recallSample(db: Db, actor: Actor, q: { size: number; region?: string; from?: string; to?: string }) {
  const now = new Date();
  const to = q.to ?? todayInChina(now);
  const from = q.from ?? wd.addCalendarDays(to, -RECALL_DEFAULT_DAYS);
  if (from > to) throw validationFailed({ from: '开始日期不能晚于结束日期' });
  if (wd.addCalendarDays(from, RECALL_MAX_DAYS) < to) throw validationFailed({ from: `抽样期间不超过 ${RECALL_MAX_DAYS} 天，请缩短期间` });
  const withinPath = await regionFilterPath(db, q.region);
  const { rows, poolSize } = await repo.recallSample(db, actor, withinPath, sla.startOfChinaDay(from), sla.startOfChinaDay(wd.addCalendarDays(to, 1)), q.size);
  return { items: rows.map((r) => ({ ...listItem(r, now), closedAt: r.closedAt, satisfaction: r.satisfaction })), poolSize, from, to };
}

/** GET /api/complaints/recall-stats: per lead unit, how re-calls compare with what was recorded. */
export async function recallStats(db: Db, actor: Actor, q: { region?: string; from?: string; to?: string }) {
  if (q.from && q.to && q.from > q.to) throw validationFailed({ from: '开始日期不能晚于结束日期' });
  const withinPath = await regionFilterPath(db, q.region);
  const rows = await repo.recallStats(
    db,
    actor,
    withinPath,
    q.from ? sla.startOfChinaDay(q.from) : null,
    q.to ? sla.startOfChinaDay(wd.addCalendarDays(q.to, 1)) : null,
  );
  const rate = (r: { confirmed: number; contradicted: number }) => (r.confirmed + r.contradicted > 0 ? r.contradicted / (r.confirmed + r.contradicted) : null);
  const sum = (k: 'recalled' | 'confirmed' | 'notReached' | 'contradicted' | 'satisfactionMismatches') => rows.reduce((n, r) => n + r[k], 0);
  const total = { recalled: sum('recalled'), confirmed: sum('confirmed'), notReached: sum('notReached'), contradicted: sum('contradicted'), satisfactionMismatches: sum('satisfactionMismatches') };
  return {
    items: rows.map((r) => ({ ...r, orgUnitName: r.orgUnitName ?? '统筹部门直接答复', contradictionRate: rate(r) })),
    total: { ...total, contradictionRate: rate(total) },
  };
}

export async function returnStats(db: Db, actor: Actor, q: { region?: string; days?: number }) {
  const withinPath = await regionFilterPath(db, q.region);
  const since = q.days ? new Date(Date.now() - q.days * 86_400_000) : null;
  return { items: await repo.returnStats(db, actor, withinPath, since) };
}

// ── Public tracking ──────────────────────────────────────────────────────────────────────────

function normaliseCode(code: string) {
  return code.trim().toUpperCase();
}

/**
 * The resident's view by tracking code: status, plain-language timeline (public notes only — no
 * staff names, units' phones or other residents), the released reply and whether they may rate.
 * A lead merged into another shows the parent's handling and reply.
 */
export async function publicTracking(db: Db, code: string) {
  const c = await repo.findByTrackingCode(db, normaliseCode(code));
  if (!c) throw new AppError('NOT_FOUND', 404, '查询码不存在，请核对后重新输入');
  const parent = c.mergedIntoId ? await repo.findById(db, c.mergedIntoId) : null;
  const handling = parent ?? c;
  const events = await repo.loadPublicEvents(db, parent ? [c.id, parent.id] : [c.id]);
  const mergedAt = parent ? events.find((e) => e.complaintId === c.id && e.text === PUBLIC_EVENT_TEXT.merge)?.at : null;
  const timeline = events
    .filter((e) => e.complaintId === c.id || (mergedAt && e.at >= mergedAt && !e.text?.startsWith('您的评价')))
    .map((e) => ({ at: e.at, text: e.text as string }));
  const status = (parent ? parent.status : c.status) as ComplaintStatus;
  const released = handling.replyApprovedAt !== null && (status === 'replied' || status === 'closed');
  return {
    trackingCode: c.trackingCode,
    status,
    statusLabel: PUBLIC_STATUS_LABELS[status],
    receivedAt: c.receivedAt,
    category: c.category,
    categoryLabel: c.category === 0 ? '其他物业服务问题' : FOCUS_CATEGORY_LABELS[c.category as FocusCategory],
    timeline,
    // A merged complainant reads the reply written for the lead it joined: personal data in it is not theirs.
    reply: released ? { text: parent ? redactPersonalData(handling.replyText as string).text : (handling.replyText as string), at: handling.replyApprovedAt } : null,
    // The resident rates once; a staff phone follow-up (followed_up_by set) does not take that away.
    canRate: status === 'replied' && released && !residentRated(c),
    satisfaction: c.satisfaction,
    handlingUnit: handling.leadOrgUnitId ? ((await repo.unitNames(db, [handling.leadOrgUnitId]))[0]?.name ?? null) : null,
    replyDueBy: handling.dueAt && !['replied', 'closed'].includes(status) ? sla.chinaDate(handling.dueAt) : null,
    staffFollowUp:
      c.followedUpAt && c.followedUpBy && c.satisfaction
        ? { satisfaction: c.satisfaction, satisfactionLabel: SATISFACTION_LABELS[c.satisfaction as Satisfaction] ?? c.satisfaction, at: c.followedUpAt }
        : null,
  };
}

/** The resident rated on the tracking page (a staff follow-up records who called; the resident's own rating does not). */
function residentRated(c: Pick<Row, 'followedUpAt' | 'followedUpBy'>): boolean {
  return c.followedUpAt !== null && c.followedUpBy === null;
}

/** The resident's own rating on the tracking page: the follow-up of the current reply. */
export async function publicRating(db: Db, code: string, input: { satisfaction: 'satisfied' | 'basically_satisfied' | 'dissatisfied'; comment?: string | null }) {
  await db.transaction(async (tx) => {
    const now = new Date();
    const found = await repo.findByTrackingCode(tx, normaliseCode(code), true);
    if (!found) throw new AppError('NOT_FOUND', 404, '查询码不存在，请核对后重新输入');
    const system = systemActor('portal');
    const c = await repo.findInScope(tx, system, found.id);
    const parent = c.mergedIntoId ? await repo.findById(tx, c.mergedIntoId) : null;
    const status = (parent ? parent.status : c.status) as ComplaintStatus;
    if (status !== 'replied') throw conflict('答复发布后才能评价');
    if (residentRated(c)) throw conflict('您已评价过本次答复');
    if (parent) {
      // A merged lead: the rating is recorded on the resident's own lead; the parent's handling goes on.
      await tx.update(complaints).set({ satisfaction: input.satisfaction, followUpNote: input.comment ?? null, followedUpAt: now, updatedAt: now }).where(eq(complaints.id, c.id));
      await addEvent(tx, null, c.id, { action: 'rating', from: c.status, to: c.status, note: `投诉人在线评价：${input.satisfaction}${input.comment ? `；${input.comment}` : ''}`, publicNote: '您已提交评价', at: now });
      // …and shown to the handling unit on the lead it answers for, so a dissatisfied co-complainant is not missed.
      const label = SATISFACTION_LABELS[input.satisfaction];
      await addEvent(tx, null, parent.id, {
        action: 'rating',
        from: parent.status,
        to: parent.status,
        note: `合并线索 ${c.trackingCode} 的投诉人在线评价：${label}${input.comment ? `；${input.comment}` : ''}${input.satisfaction === 'dissatisfied' ? '（请核实是否需要返工）' : ''}`,
        at: now,
      });
    } else {
      await recordFollowUp(tx, null, c, { satisfaction: input.satisfaction, note: input.comment ?? null, attachments: [], byResident: true }, now);
    }
    await recordAudit(tx, system, { action: 'complaint.rating', entityType: 'complaint', entityId: c.id, regionId: c.regionId, after: { satisfaction: input.satisfaction } });
    await publishLeadMessages(tx, system, 'rating', c, await repo.findById(tx, c.id));
  });
  return publicTracking(db, code);
}

// ── Escalation ───────────────────────────────────────────────────────────────────────────────

/**
 * Marks overdue leads escalated to the supervisor (依法治办 of the lead's district): one
 * complaint_escalations row per lead, deadline kind and deadline (idempotent), with a timeline
 * event. Returns how many were escalated in this run.
 */
export async function escalateOverdue(db: Db, now = new Date()): Promise<number> {
  const overdue = await db
    .select({ id: complaints.id, kind: complaints.currentDueKind, dueAt: complaints.currentDueAt, status: complaints.status, regionId: complaints.regionId, path: regions.path, trackingCode: complaints.trackingCode, leadOrgUnitId: complaints.leadOrgUnitId, urgent: complaints.urgent })
    .from(complaints)
    .innerJoin(regions, eq(regions.id, complaints.regionId))
    .where(
      and(
        sql`${complaints.currentDueAt} < ${now.toISOString()}::timestamptz`,
        sql`${complaints.status} NOT IN ('closed', 'merged', 'received')`,
        sql`NOT EXISTS (SELECT 1 FROM complaint_escalations e WHERE e.complaint_id = ${complaints.id} AND e.kind = ${complaints.currentDueKind} AND e.due_at = ${complaints.currentDueAt})`,
      ),
    )
    .limit(500);
  let count = 0;
  for (const c of overdue) {
    if (!c.kind || !c.dueAt) continue;
    const done = await db.transaction(async (tx) => {
      const [supervisor] = await repo.unitsCovering(tx, c.path, { types: ['rule_of_law_office'] });
      const rows = await queryRows<{ id: string }>(
        tx,
        sql`INSERT INTO complaint_escalations (complaint_id, kind, due_at, notified_org_unit_id, escalated_at)
            VALUES (${c.id}, ${c.kind}, ${(c.dueAt as Date).toISOString()}::timestamptz, ${supervisor?.id ?? null}, ${now.toISOString()}::timestamptz)
            ON CONFLICT DO NOTHING RETURNING id`,
      );
      if (!rows.length) return false;
      const label = sla.DEADLINE_KIND_LABELS[c.kind as sla.DeadlineKind] ?? c.kind;
      await addEvent(tx, null, c.id, {
        action: 'escalate',
        from: c.status,
        to: c.status,
        note: `已超过${label}（${sla.chinaDate(c.dueAt as Date)}），已提醒${supervisor?.name ?? '督办部门'}督办`,
        at: now,
      });
      await publishEscalation(tx, { ...c, kind: c.kind as string, dueAt: c.dueAt as Date }, supervisor?.id ?? null);
      return true;
    });
    if (done) count++;
  }
  return count;
}

