import { type SQL, and, asc, count, desc, eq, exists, gte, ilike, inArray, isNull, lte, ne, or, sql } from 'drizzle-orm';
import {
  CREDIT_EVENT_LABELS,
  CREDIT_GRADES,
  type CreditEventType,
  type CreditRule,
  DEFAULT_CREDIT_RULE,
  creditRuleProblems,
  creditScore,
  eventCounts,
  validUntil,
} from '../../../core/credit/index.js';
import { type Db, escapeLike } from '../../db/client.js';
import { blacklistApplications, blacklistEntries, creditEvents, creditRules, enterprises, files } from '../../db/schema/index.js';
import { type Actor, can, isEnterpriseUser } from '../../http/actor.js';
import { recordAudit } from '../../http/audit.js';
import { AppError, conflict, forbidden, invalidState, notFound, validationFailed } from '../../http/errors.js';
import type { UploadedFile } from '../../http/multipart.js';
import { type PageQuery, limitOffset } from '../../http/pagination.js';
import { enterpriseScope, regionScope } from '../../http/scope.js';
import { EVIDENCE_TYPES, type StoredFile, checkUpload, readUpload, recordFile, writeUpload } from '../../lib/files.js';
import { enterpriseVisible } from '../enterprises/enterprises.repository.js';
import { todayInChina } from '../campaigns/campaigns.service.js';
import {
  type BlacklistAction,
  type BlacklistActor,
  type BlacklistApplicationKind,
  type BlacklistApplicationState,
  allowedBlacklistActions,
  blacklistState,
  checkBlacklistAction,
} from './blacklist.policy.js';

/*
 * Credit (SPEC §11). `addCreditEvent` is the one way an event is recorded — enforcement actions
 * (same transaction), the problem ledger for repeat offences, and staff for good conduct.
 * Reads: staff within their jurisdiction (the enterprise's region), enterprise users their own
 * company only; anything else answers 404.
 */

const RULE_ID = 'current';

export async function getCreditRule(db: Db): Promise<CreditRule> {
  const [row] = await db.select().from(creditRules).where(eq(creditRules.id, RULE_ID));
  if (!row) return DEFAULT_CREDIT_RULE;
  return { base: row.base, items: row.items as CreditRule['items'], grades: row.grades as CreditRule['grades'] };
}

export async function getCreditRuleWithMeta(db: Db) {
  const [row] = await db.select({ updatedAt: creditRules.updatedAt }).from(creditRules).where(eq(creditRules.id, RULE_ID));
  return { ...(await getCreditRule(db)), labels: CREDIT_EVENT_LABELS, updatedAt: row?.updatedAt ?? null, isDefault: !row };
}

export async function putCreditRule(db: Db, actor: Actor, rule: CreditRule) {
  const problems = creditRuleProblems(rule);
  if (Object.keys(problems).length > 0) throw validationFailed(problems, '信用评分规则有误，请按提示修改');
  return db.transaction(async (tx) => {
    const before = await getCreditRule(tx);
    const values = { base: rule.base, items: rule.items, grades: rule.grades, updatedBy: actor.userId, updatedAt: new Date() };
    await tx.insert(creditRules).values({ id: RULE_ID, ...values }).onConflictDoUpdate({ target: creditRules.id, set: values });
    await recordAudit(tx, actor, { action: 'credit.rule.update', entityType: 'credit_rule', entityId: RULE_ID, before, after: rule });
    return getCreditRuleWithMeta(tx);
  });
}

export interface AddCreditEventInput {
  enterpriseId: string;
  type: CreditEventType;
  reason: string;
  occurredOn: string;
  sourceType?: string | null;
  sourceId?: string | null;
  /** Where the conduct happened (e.g. the enforcement action's region); default: the registered region. */
  regionId?: number | null;
}

/**
 * Records a credit event with the points and validity of the current rule. Call it inside the
 * transaction of the change that causes it. The caller has already checked permission and
 * jurisdiction. An event type the rule does not list is refused (422).
 */
export async function addCreditEvent(tx: Db, actor: Actor, input: AddCreditEventInput): Promise<{ id: string }> {
  const [ent] = await tx.select({ id: enterprises.id, regionId: enterprises.regionId }).from(enterprises).where(eq(enterprises.id, input.enterpriseId));
  if (!ent) throw notFound('物业服务企业');
  const rule = await getCreditRule(tx);
  const item = rule.items[input.type];
  if (!item) throw validationFailed({ type: `信用评分规则中没有“${CREDIT_EVENT_LABELS[input.type] ?? input.type}”类事件，请先在信用规则中配置` });
  const [row] = await tx
    .insert(creditEvents)
    .values({
      enterpriseId: ent.id,
      regionId: input.regionId ?? ent.regionId,
      type: input.type,
      points: item.points,
      reason: input.reason,
      sourceType: input.sourceType ?? null,
      sourceId: input.sourceId ?? null,
      occurredOn: input.occurredOn,
      validUntil: validUntil(input.occurredOn, item.validityMonths),
      createdBy: actor.userId,
    })
    .returning({ id: creditEvents.id, points: creditEvents.points, validUntil: creditEvents.validUntil });
  if (!row) throw new Error('credit event insert returned nothing');
  await recordAudit(tx, actor, {
    action: 'credit.event.create',
    entityType: 'credit_event',
    entityId: row.id,
    regionId: input.regionId ?? ent.regionId,
    after: { ...input, points: row.points, validUntil: row.validUntil },
  });
  return { id: row.id };
}

/**
 * Enterprise visible to the actor, else 404: staff see companies registered in their subtree or
 * managing a project in it (decision 005) — a district reads the credit of every company working
 * there; an enterprise user only its own company.
 */
export async function enterpriseInScope(db: Db, actor: Actor, enterpriseId: string) {
  const [ent] = await db
    .select({ id: enterprises.id, name: enterprises.name, creditCode: enterprises.creditCode, regionId: enterprises.regionId })
    .from(enterprises)
    .where(and(eq(enterprises.id, enterpriseId), enterpriseVisible(actor)));
  if (!ent) throw notFound('物业服务企业');
  return ent;
}

const eventColumns = {
  id: creditEvents.id,
  enterpriseId: creditEvents.enterpriseId,
  type: creditEvents.type,
  points: creditEvents.points,
  reason: creditEvents.reason,
  sourceType: creditEvents.sourceType,
  sourceId: creditEvents.sourceId,
  occurredOn: creditEvents.occurredOn,
  validUntil: creditEvents.validUntil,
  objectionStatus: creditEvents.objectionStatus,
  objectionReason: creditEvents.objectionReason,
  objectionAt: creditEvents.objectionAt,
  objectionDecisionNote: creditEvents.objectionDecisionNote,
  objectionDecidedAt: creditEvents.objectionDecidedAt,
  createdAt: creditEvents.createdAt,
};

function blacklistActive(today: string): SQL {
  return and(
    isNull(blacklistEntries.repairedAt),
    isNull(blacklistEntries.annulledAt),
    lte(blacklistEntries.listedFrom, today),
    or(isNull(blacklistEntries.listedUntil), gte(blacklistEntries.listedUntil, today)),
  ) as SQL;
}

type BlacklistRow = typeof blacklistEntries.$inferSelect;

/** One entry as the API shows it; `pending` = the kind of its pending objection or repair application. */
function presentBlacklist(row: BlacklistRow, today: string, pending: BlacklistApplicationKind | null) {
  const status = blacklistState(row, today);
  return {
    id: row.id,
    reason: row.reason,
    from: row.listedFrom,
    until: row.listedUntil,
    sourceType: row.sourceType,
    sourceId: row.sourceId,
    createdAt: row.createdAt,
    repairedAt: row.repairedAt,
    repairNote: row.repairNote,
    annulledAt: row.annulledAt,
    status,
    active: status === 'active',
    pendingApplication: pending,
  };
}

/** SQL: the kind of the entry's pending application, or NULL. */
const pendingKindSql = sql<BlacklistApplicationKind | null>`(SELECT ${blacklistApplications.kind} FROM ${blacklistApplications} WHERE ${blacklistApplications.blacklistEntryId} = ${blacklistEntries.id} AND ${blacklistApplications.status} = 'pending' LIMIT 1)`;

/** Objections and repair applications of the given entries, oldest first, with their files. */
async function applicationsOf(db: Db, entryIds: string[]) {
  if (!entryIds.length) return new Map<string, ReturnType<typeof presentApplication>[]>();
  const rows = await db
    .select()
    .from(blacklistApplications)
    .where(inArray(blacklistApplications.blacklistEntryId, entryIds))
    .orderBy(asc(blacklistApplications.submittedAt), asc(blacklistApplications.id));
  const fileIds = [...new Set(rows.flatMap((r) => r.fileIds))];
  const fileRows = fileIds.length
    ? await db
        .select({ id: files.id, entityId: files.entityId, name: files.originalName, size: files.size, mime: files.mime })
        .from(files)
        .where(and(inArray(files.id, fileIds), eq(files.entityType, 'blacklist_entry')))
    : [];
  const out = new Map<string, ReturnType<typeof presentApplication>[]>();
  for (const r of rows) {
    const own = fileRows.filter((f) => f.entityId === r.blacklistEntryId);
    const list = out.get(r.blacklistEntryId) ?? [];
    list.push(presentApplication(r, own));
    out.set(r.blacklistEntryId, list);
  }
  return out;
}

function presentApplication(r: typeof blacklistApplications.$inferSelect, entryFiles: Array<{ id: string; name: string; size: number; mime: string }>) {
  return {
    id: r.id,
    kind: r.kind as BlacklistApplicationKind,
    status: r.status as BlacklistApplicationState,
    reason: r.reason,
    commitment: r.commitment,
    rectificationSummary: r.rectificationSummary,
    files: r.fileIds.flatMap((id) => {
      const f = entryFiles.find((x) => x.id === id);
      return f ? [{ id: f.id, name: f.name, size: f.size, mime: f.mime }] : [];
    }),
    submittedAt: r.submittedAt,
    decisionNote: r.decisionNote,
    decidedAt: r.decidedAt,
  };
}

/** Score, grade, events and blacklist of one enterprise as of `today`. */
export async function creditOf(db: Db, enterpriseId: string, today = todayInChina()) {
  const rule = await getCreditRule(db);
  const events = await db.select(eventColumns).from(creditEvents).where(eq(creditEvents.enterpriseId, enterpriseId)).orderBy(desc(creditEvents.occurredOn), desc(creditEvents.createdAt));
  const { score, grade } = creditScore(rule, events, today);
  const entries = await db.select().from(blacklistEntries).where(eq(blacklistEntries.enterpriseId, enterpriseId)).orderBy(desc(blacklistEntries.listedFrom));
  const applications = await applicationsOf(db, entries.map((e) => e.id));
  const blacklist = entries.map((e) => {
    const list = applications.get(e.id) ?? [];
    return { ...presentBlacklist(e, today, list.find((a) => a.status === 'pending')?.kind ?? null), applications: list };
  });
  return {
    score,
    grade,
    base: rule.base,
    asOf: today,
    events: events.map((e) => ({ ...e, label: CREDIT_EVENT_LABELS[e.type as CreditEventType] ?? e.type, counts: eventCounts(e, today) })),
    blacklisted: blacklist.some((b) => b.active),
    blacklist,
  };
}

export async function getEnterpriseCredit(db: Db, actor: Actor, enterpriseId: string) {
  const ent = await enterpriseInScope(db, actor, enterpriseId);
  const credit = await creditOf(db, ent.id);
  // Staff act on an entry only within their own subtree (its region), which may be narrower than
  // the enterprises they can read (decision 005).
  const actable = isEnterpriseUser(actor)
    ? new Set(credit.blacklist.map((b) => b.id))
    : new Set(
        credit.blacklist.length
          ? (
              await db
                .select({ id: blacklistEntries.id })
                .from(blacklistEntries)
                .where(and(eq(blacklistEntries.enterpriseId, ent.id), regionScope(actor, blacklistEntries.regionId)))
            ).map((r) => r.id)
          : [],
      );
  const who = blacklistActorOf(actor);
  return {
    enterprise: { id: ent.id, name: ent.name, creditCode: ent.creditCode },
    ...credit,
    blacklist: credit.blacklist.map((b) => ({ ...b, allowedActions: actable.has(b.id) ? allowedBlacklistActions(b.status, b.pendingApplication, who) : [] })),
  };
}

/** Manual event by staff (good conduct, model project, broken commitment …). */
export async function createManualEvent(db: Db, actor: Actor, input: AddCreditEventInput) {
  return db.transaction(async (tx) => {
    await enterpriseInScope(tx, actor, input.enterpriseId);
    return addCreditEvent(tx, actor, { ...input, sourceType: input.sourceType ?? 'manual' });
  });
}

async function eventInScope(db: Db, actor: Actor, id: string, lock = false) {
  const q = db
    .select()
    .from(creditEvents)
    .where(and(eq(creditEvents.id, id), isEnterpriseUser(actor) ? enterpriseScope(actor, creditEvents.enterpriseId) : regionScope(actor, creditEvents.regionId)));
  const [row] = lock ? await q.for('update') : await q;
  if (!row) throw notFound('信用事件');
  return row;
}

/** 异议: an enterprise user of that company contests an event (once; while pending or decided no second one). */
export async function raiseObjection(db: Db, actor: Actor, id: string, reason: string) {
  if (!isEnterpriseUser(actor)) throw new AppError('FORBIDDEN', 403, '信用异议由被记录企业的用户提出');
  return db.transaction(async (tx) => {
    const ev = await eventInScope(tx, actor, id, true);
    if (ev.objectionStatus !== 'none') throw invalidState('该信用事件已提出过异议，不能重复提出', { objectionStatus: ev.objectionStatus });
    await tx
      .update(creditEvents)
      .set({ objectionStatus: 'pending', objectionReason: reason, objectionBy: actor.userId, objectionAt: new Date() })
      .where(eq(creditEvents.id, id));
    await recordAudit(tx, actor, { action: 'credit.objection.raise', entityType: 'credit_event', entityId: id, regionId: ev.regionId, after: { reason } });
    return { ok: true as const };
  });
}

/** Staff decision on a pending objection: upheld annuls the event (it no longer counts). */
export async function decideObjection(db: Db, actor: Actor, id: string, input: { uphold: boolean; note: string }) {
  return db.transaction(async (tx) => {
    const ev = await eventInScope(tx, actor, id, true);
    if (ev.objectionStatus !== 'pending') throw invalidState('该信用事件没有待处理的异议');
    const status = input.uphold ? 'upheld' : 'rejected';
    await tx
      .update(creditEvents)
      .set({ objectionStatus: status, objectionDecisionNote: input.note, objectionDecidedBy: actor.userId, objectionDecidedAt: new Date() })
      .where(eq(creditEvents.id, id));
    await recordAudit(tx, actor, {
      action: 'credit.objection.decide',
      entityType: 'credit_event',
      entityId: id,
      regionId: ev.regionId,
      before: { objectionStatus: 'pending' },
      after: { objectionStatus: status, note: input.note },
    });
    return { ok: true as const, objectionStatus: status };
  });
}

/**
 * Annuls the events a source caused once that source no longer stands (e.g. a ledger problem
 * withdrawn after an upheld objection): recorded the way an upheld objection annuls an event
 * (objection status 'upheld' with note, decider and time), so scoring, grade and export ignore
 * them. Same transaction as the cause; one audit row per event. Returns the annulled event ids.
 */
export async function annulCreditEventsFor(
  tx: Db,
  actor: Actor,
  source: { sourceType: string; sourceId: string; types?: CreditEventType[] },
  note: string,
): Promise<string[]> {
  const events = await tx
    .select({ id: creditEvents.id, regionId: creditEvents.regionId, objectionStatus: creditEvents.objectionStatus })
    .from(creditEvents)
    .where(
      and(
        eq(creditEvents.sourceType, source.sourceType),
        eq(creditEvents.sourceId, source.sourceId),
        source.types ? inArray(creditEvents.type, source.types) : undefined,
        ne(creditEvents.objectionStatus, 'upheld'),
      ),
    )
    .for('update');
  for (const ev of events) {
    await tx
      .update(creditEvents)
      .set({ objectionStatus: 'upheld', objectionDecisionNote: note, objectionDecidedBy: actor.userId, objectionDecidedAt: new Date() })
      .where(eq(creditEvents.id, ev.id));
    await recordAudit(tx, actor, {
      action: 'credit.objection.decide',
      entityType: 'credit_event',
      entityId: ev.id,
      regionId: ev.regionId,
      before: { objectionStatus: ev.objectionStatus },
      after: { objectionStatus: 'upheld', note, cause: { entityType: source.sourceType, entityId: source.sourceId } },
    });
  }
  return events.map((e) => e.id);
}

export async function addToBlacklist(
  db: Db,
  actor: Actor,
  enterpriseId: string,
  input: { reason: string; from?: string | null; until?: string | null; sourceType?: string | null; sourceId?: string | null },
) {
  const listedFrom = input.from ?? todayInChina();
  if (input.until && input.until < listedFrom) throw validationFailed({ until: '截止日期不能早于列入日期' });
  return db.transaction(async (tx) => {
    const ent = await enterpriseInScope(tx, actor, enterpriseId);
    const today = todayInChina();
    const [active] = await tx
      .select({ id: blacklistEntries.id })
      .from(blacklistEntries)
      .where(and(eq(blacklistEntries.enterpriseId, ent.id), blacklistActive(today)));
    if (active) throw conflict('该企业已在黑名单中（未修复），不能重复列入', { blacklistId: active.id });
    const [row] = await tx
      .insert(blacklistEntries)
      .values({
        enterpriseId: ent.id,
        regionId: ent.regionId,
        reason: input.reason,
        listedFrom,
        listedUntil: input.until ?? null,
        sourceType: input.sourceType ?? null,
        sourceId: input.sourceId ?? null,
        createdBy: actor.userId,
      })
      .returning();
    if (!row) throw new Error('blacklist insert returned nothing');
    await recordAudit(tx, actor, { action: 'credit.blacklist.add', entityType: 'blacklist_entry', entityId: row.id, regionId: ent.regionId, after: { ...input, from: listedFrom } });
    return presentBlacklist(row, today, null);
  });
}

const blacklistActorOf = (actor: Actor): BlacklistActor => ({ company: isEnterpriseUser(actor), manage: can(actor, 'credit:manage') });

/** A blacklist entry the actor may act on: staff within their subtree (its region), a company user its own entries; else 404. */
async function blacklistEntryInScope(db: Db, actor: Actor, id: string, lock = false) {
  const q = db
    .select()
    .from(blacklistEntries)
    .where(
      and(eq(blacklistEntries.id, id), isEnterpriseUser(actor) ? enterpriseScope(actor, blacklistEntries.enterpriseId) : regionScope(actor, blacklistEntries.regionId)),
    );
  const [row] = lock ? await q.for('update') : await q;
  if (!row) throw notFound('黑名单记录');
  return row;
}

async function pendingApplicationOf(db: Db, entryId: string) {
  const [row] = await db
    .select()
    .from(blacklistApplications)
    .where(and(eq(blacklistApplications.blacklistEntryId, entryId), eq(blacklistApplications.status, 'pending')));
  return row ?? null;
}

interface BlacklistActContext {
  tx: Db;
  entry: BlacklistRow;
  pending: typeof blacklistApplications.$inferSelect | null;
}

/**
 * One action on a blacklist entry: company-only actions refuse staff first (403), then scope (404,
 * row locked), then the rule of blacklist.policy.ts (409 in the wrong state); `run` changes data and
 * writes the audit row in the same transaction. Returns the entry as the web shows it.
 */
async function blacklistAct(db: Db, actor: Actor, id: string, action: BlacklistAction, run: (c: BlacklistActContext) => Promise<void>) {
  const who = blacklistActorOf(actor);
  if (action === 'objection' || action === 'repair_application' || action === 'attach') {
    if (!who.company) throw forbidden('黑名单异议和信用修复申请由被列入企业的用户提出');
  }
  return db.transaction(async (tx) => {
    const today = todayInChina();
    const entry = await blacklistEntryInScope(tx, actor, id, true);
    const pending = await pendingApplicationOf(tx, id);
    const check = checkBlacklistAction(blacklistState(entry, today), (pending?.kind as BlacklistApplicationKind | undefined) ?? null, who, action);
    if (!check.ok) throw check.status === 403 ? forbidden(check.message) : invalidState(check.message);
    await run({ tx, entry, pending });
    return blacklistDetail(tx, actor, id);
  });
}

/** The entry with its applications and the actions the actor may take now. */
async function blacklistDetail(db: Db, actor: Actor, id: string) {
  const today = todayInChina();
  const entry = await blacklistEntryInScope(db, actor, id);
  const list = (await applicationsOf(db, [id])).get(id) ?? [];
  const pending = list.find((a) => a.status === 'pending')?.kind ?? null;
  const row = presentBlacklist(entry, today, pending);
  return { ...row, applications: list, allowedActions: allowedBlacklistActions(row.status, pending, blacklistActorOf(actor)) };
}

/** File ids must be files uploaded to this very entry. */
async function checkBlacklistFiles(tx: Db, entryId: string, ids: readonly string[]) {
  if (!ids.length) return;
  const found = await tx
    .select({ id: files.id })
    .from(files)
    .where(and(inArray(files.id, [...ids]), eq(files.entityType, 'blacklist_entry'), eq(files.entityId, entryId)));
  if (found.length !== new Set(ids).size) throw validationFailed({ fileIds: '材料不存在或不属于该黑名单记录，请先通过本记录的“上传材料”上传' });
}

/**
 * 信用修复: ends a blacklist entry early with a note. A pending repair application of the company is
 * answered by it (granted, same note); a pending objection must be decided first (409).
 */
export async function repairBlacklist(db: Db, actor: Actor, id: string, note: string) {
  return blacklistAct(db, actor, id, 'repair', async ({ tx, entry, pending }) => {
    const now = new Date();
    await tx.update(blacklistEntries).set({ repairedAt: now, repairedBy: actor.userId, repairNote: note }).where(eq(blacklistEntries.id, id));
    const applicationId = pending?.kind === 'repair' ? pending.id : null;
    if (applicationId) {
      await tx
        .update(blacklistApplications)
        .set({ status: 'granted', decidedBy: actor.userId, decidedAt: now, decisionNote: note })
        .where(eq(blacklistApplications.id, applicationId));
    }
    await recordAudit(tx, actor, {
      action: 'credit.blacklist.repair',
      entityType: 'blacklist_entry',
      entityId: id,
      regionId: entry.regionId,
      after: { note, ...(applicationId ? { applicationId, applicationStatus: 'granted' } : {}) },
    });
  });
}

/** 异议: the listed company contests the entry (one pending request at a time). */
export async function objectToBlacklist(db: Db, actor: Actor, id: string, input: { reason: string; fileIds: string[] }) {
  return blacklistAct(db, actor, id, 'objection', async ({ tx, entry }) => {
    await checkBlacklistFiles(tx, id, input.fileIds);
    const [row] = await tx
      .insert(blacklistApplications)
      .values({ blacklistEntryId: id, kind: 'objection', reason: input.reason, fileIds: input.fileIds, submittedBy: actor.userId })
      .returning({ id: blacklistApplications.id });
    await recordAudit(tx, actor, {
      action: 'credit.blacklist.objection.raise',
      entityType: 'blacklist_entry',
      entityId: id,
      regionId: entry.regionId,
      after: { applicationId: row?.id, reason: input.reason, fileIds: input.fileIds },
    });
  });
}

/** Staff decide the pending objection: upheld annuls the entry (it no longer counts); else rejected. */
export async function decideBlacklistObjection(db: Db, actor: Actor, id: string, input: { upheld: boolean; note: string }) {
  return blacklistAct(db, actor, id, 'objection_decision', async ({ tx, entry, pending }) => {
    const application = pending as typeof blacklistApplications.$inferSelect;
    const now = new Date();
    const status = input.upheld ? 'upheld' : 'rejected';
    await tx
      .update(blacklistApplications)
      .set({ status, decidedBy: actor.userId, decidedAt: now, decisionNote: input.note })
      .where(eq(blacklistApplications.id, application.id));
    if (input.upheld) await tx.update(blacklistEntries).set({ annulledAt: now }).where(eq(blacklistEntries.id, id));
    await recordAudit(tx, actor, {
      action: 'credit.blacklist.objection.decide',
      entityType: 'blacklist_entry',
      entityId: id,
      regionId: entry.regionId,
      before: { applicationId: application.id, status: 'pending' },
      after: { applicationId: application.id, status, note: input.note, annulled: input.upheld },
    });
  });
}

/** 信用修复申请: the listed company applies for repair with a commitment and what it rectified. */
export async function applyForBlacklistRepair(
  db: Db,
  actor: Actor,
  id: string,
  input: { commitment: string; rectificationSummary: string; fileIds: string[] },
) {
  return blacklistAct(db, actor, id, 'repair_application', async ({ tx, entry }) => {
    await checkBlacklistFiles(tx, id, input.fileIds);
    const [row] = await tx
      .insert(blacklistApplications)
      .values({
        blacklistEntryId: id,
        kind: 'repair',
        commitment: input.commitment,
        rectificationSummary: input.rectificationSummary,
        fileIds: input.fileIds,
        submittedBy: actor.userId,
      })
      .returning({ id: blacklistApplications.id });
    await recordAudit(tx, actor, {
      action: 'credit.blacklist.repair_application.submit',
      entityType: 'blacklist_entry',
      entityId: id,
      regionId: entry.regionId,
      after: { applicationId: row?.id, ...input },
    });
  });
}

/** Staff refuse the pending repair application (不予修复); the entry stays as it is. */
export async function refuseBlacklistRepair(db: Db, actor: Actor, id: string, note: string) {
  return blacklistAct(db, actor, id, 'repair_refusal', async ({ tx, entry, pending }) => {
    const application = pending as typeof blacklistApplications.$inferSelect;
    await tx
      .update(blacklistApplications)
      .set({ status: 'refused', decidedBy: actor.userId, decidedAt: new Date(), decisionNote: note })
      .where(eq(blacklistApplications.id, application.id));
    await recordAudit(tx, actor, {
      action: 'credit.blacklist.repair_application.refuse',
      entityType: 'blacklist_entry',
      entityId: id,
      regionId: entry.regionId,
      before: { applicationId: application.id, status: 'pending' },
      after: { applicationId: application.id, status: 'refused', note },
    });
  });
}

/** The company uploads material for its objection or repair application (before submitting it). */
export async function uploadBlacklistFiles(db: Db, actor: Actor, deps: { dataDir: string; maxBytes: number }, id: string, uploads: UploadedFile[]) {
  const checked = uploads.map((f) => ({ f, check: checkUpload(f.buffer, EVIDENCE_TYPES, deps.maxBytes) }));
  const bad = checked.find((c) => !c.check.ok);
  if (bad && !bad.check.ok) throw validationFailed({ file: `「${bad.f.fileName}」：${bad.check.message}` });
  // Check who, scope and state before writing anything to disk.
  await blacklistAct(db, actor, id, 'attach', async () => {});
  const stored: StoredFile[] = [];
  for (const { f, check } of checked) if (check.ok) stored.push(await writeUpload(deps.dataDir, f.buffer, check.type, f.fileName));
  let out: Array<{ fileId: string; name: string; size: number; mime: string }> = [];
  await blacklistAct(db, actor, id, 'attach', async ({ tx, entry }) => {
    out = [];
    for (const s of stored) {
      const fileId = await recordFile(tx, s, { entityType: 'blacklist_entry', entityId: id, uploadedBy: actor.userId });
      out.push({ fileId, name: s.originalName, size: s.size, mime: s.mime });
    }
    await recordAudit(tx, actor, {
      action: 'credit.blacklist.attachment_upload',
      entityType: 'blacklist_entry',
      entityId: id,
      regionId: entry.regionId,
      after: { files: out.map((o, i) => ({ ...o, sha256: stored[i]?.sha256 })) },
    });
  });
  return { fileId: out[0]?.fileId as string, files: out };
}

/** The bytes of a file of a blacklist entry the actor may see (404 for anything else). */
export async function readBlacklistFile(db: Db, actor: Actor, dataDir: string, id: string, fileId: string) {
  const entry = await blacklistEntryInScope(db, actor, id);
  const [file] = await db
    .select({ name: files.originalName, mime: files.mime, storageKey: files.storageKey })
    .from(files)
    .where(and(eq(files.id, fileId), eq(files.entityType, 'blacklist_entry'), eq(files.entityId, id)));
  if (!file) throw notFound('材料');
  const buffer = await readUpload(dataDir, file.storageKey);
  await recordAudit(db, actor, { action: 'credit.blacklist.attachment.download', entityType: 'blacklist_entry', entityId: id, regionId: entry.regionId, after: { fileId, name: file.name } });
  return { name: file.name, mime: file.mime, buffer };
}

/** Blacklist entries in scope (list page); `pending` = only entries with a pending objection or repair application. */
export async function listBlacklist(db: Db, actor: Actor, q: PageQuery & { active?: boolean; pending?: boolean }) {
  const today = todayInChina();
  const where = and(
    regionScope(actor, blacklistEntries.regionId),
    q.active ? blacklistActive(today) : undefined,
    q.pending
      ? exists(
          db
            .select({ one: sql`1` })
            .from(blacklistApplications)
            .where(and(eq(blacklistApplications.blacklistEntryId, blacklistEntries.id), eq(blacklistApplications.status, 'pending'))),
        )
      : undefined,
  );
  const { limit, offset } = limitOffset(q);
  const rows = await db
    .select({ entry: blacklistEntries, enterpriseName: enterprises.name, creditCode: enterprises.creditCode, pending: pendingKindSql })
    .from(blacklistEntries)
    .innerJoin(enterprises, eq(enterprises.id, blacklistEntries.enterpriseId))
    .where(where)
    .orderBy(desc(blacklistEntries.listedFrom), asc(blacklistEntries.id))
    .limit(limit)
    .offset(offset);
  const [total] = await db.select({ n: count() }).from(blacklistEntries).where(where);
  return {
    items: rows.map((r) => ({
      ...presentBlacklist(r.entry, today, r.pending),
      enterpriseId: r.entry.enterpriseId,
      enterpriseName: r.enterpriseName,
      creditCode: r.creditCode,
    })),
    total: Number(total?.n ?? 0),
    page: q.page,
    pageSize: q.pageSize,
  };
}

/** Credit events in scope (staff list; enterprise users their own). */
export async function listEvents(db: Db, actor: Actor, q: PageQuery & { enterpriseId?: string; type?: string; objection?: string }) {
  const where = and(
    isEnterpriseUser(actor) ? enterpriseScope(actor, creditEvents.enterpriseId) : regionScope(actor, creditEvents.regionId),
    q.enterpriseId ? eq(creditEvents.enterpriseId, q.enterpriseId) : undefined,
    q.type ? eq(creditEvents.type, q.type) : undefined,
    q.objection ? eq(creditEvents.objectionStatus, q.objection) : undefined,
  );
  const { limit, offset } = limitOffset(q);
  const rows = await db
    .select({ ...eventColumns, enterpriseName: enterprises.name, creditCode: enterprises.creditCode })
    .from(creditEvents)
    .innerJoin(enterprises, eq(enterprises.id, creditEvents.enterpriseId))
    .where(where)
    .orderBy(desc(creditEvents.occurredOn), desc(creditEvents.createdAt))
    .limit(limit)
    .offset(offset);
  const [total] = await db.select({ n: count() }).from(creditEvents).where(where);
  const today = todayInChina();
  return {
    items: rows.map((e) => ({ ...e, label: CREDIT_EVENT_LABELS[e.type as CreditEventType] ?? e.type, counts: eventCounts(e, today) })),
    total: Number(total?.n ?? 0),
    page: q.page,
    pageSize: q.pageSize,
  };
}

/** "武汉听涛物业服务有限公司" → "听涛": the name without the place prefix and the company-form suffix. */
export function companyCoreName(name: string): string {
  return name
    .trim()
    .replace(/^(湖北省?|武汉市?)+/, '')
    .replace(/(物业(服务|管理|发展)?)?(集团)?(股份)?有限(责任)?公司$/, '');
}

/**
 * The credit list of the companies the actor can read. Without a search: every company, worst
 * grade first, then lowest score (who needs attention). With a search (name, core name or credit
 * code): exact matches first ("听涛" = 武汉听涛物业服务有限公司), then penalised ones (a deduction
 * that counts today, or an active blacklist entry), then by grade and score.
 */
export async function listCompanyCredit(db: Db, actor: Actor, q: PageQuery & { q?: string }) {
  const today = todayInChina();
  const term = q.q?.trim() ?? '';
  const ents = await db
    .select({ id: enterprises.id, name: enterprises.name, creditCode: enterprises.creditCode, status: enterprises.status })
    .from(enterprises)
    .where(and(enterpriseVisible(actor), term ? or(ilike(enterprises.name, `%${escapeLike(term)}%`), eq(enterprises.creditCode, term.toUpperCase())) : undefined));
  const ids = ents.map((e) => e.id);
  const rule = await getCreditRule(db);
  const events = ids.length
    ? await db
        .select({ enterpriseId: creditEvents.enterpriseId, points: creditEvents.points, occurredOn: creditEvents.occurredOn, validUntil: creditEvents.validUntil, objectionStatus: creditEvents.objectionStatus })
        .from(creditEvents)
        .where(inArray(creditEvents.enterpriseId, ids))
    : [];
  const listed = ids.length
    ? new Set(
        (await db.select({ id: blacklistEntries.enterpriseId }).from(blacklistEntries).where(and(inArray(blacklistEntries.enterpriseId, ids), blacklistActive(today)))).map((r) => r.id),
      )
    : new Set<string>();
  const byEnterprise = new Map<string, typeof events>();
  for (const e of events) byEnterprise.set(e.enterpriseId, [...(byEnterprise.get(e.enterpriseId) ?? []), e]);
  const upper = term.toUpperCase();
  const rows = ents.map((e) => {
    const own = byEnterprise.get(e.id) ?? [];
    const { score, grade } = creditScore(rule, own, today);
    const deductions = own.filter((x) => x.points < 0 && eventCounts(x, today)).length;
    const blacklisted = listed.has(e.id);
    return {
      ...e,
      score,
      grade,
      deductions,
      blacklisted,
      penalised: deductions > 0 || blacklisted,
      exact: !!term && (e.name === term || e.creditCode === upper || companyCoreName(e.name) === term),
    };
  });
  const gradeRank = (g: string) => -CREDIT_GRADES.indexOf(g as (typeof CREDIT_GRADES)[number]); // C first
  rows.sort(
    (a, b) =>
      Number(b.exact) - Number(a.exact) ||
      (term ? Number(b.penalised) - Number(a.penalised) : 0) ||
      gradeRank(a.grade) - gradeRank(b.grade) ||
      a.score - b.score ||
      a.name.localeCompare(b.name, 'zh-CN'),
  );
  const { limit, offset } = limitOffset(q);
  return { items: rows.slice(offset, offset + limit), total: rows.length, page: q.page, pageSize: q.pageSize, asOf: today };
}

/** Public lookup by credit code: name, grade, blacklisted. No persons, no event details. */
export async function publicCredit(db: Db, code: string) {
  const [ent] = await db
    .select({ id: enterprises.id, name: enterprises.name, creditCode: enterprises.creditCode })
    .from(enterprises)
    .where(eq(enterprises.creditCode, code.trim().toUpperCase()));
  if (!ent) throw notFound('该统一社会信用代码对应的物业服务企业');
  const c = await creditOf(db, ent.id);
  return { creditCode: ent.creditCode, name: ent.name, grade: c.grade, blacklisted: c.blacklisted, asOf: c.asOf };
}

export const EXPORT_SCHEMA_VERSION = '1.0';

export interface ExportRecord {
  creditCode: string;
  enterpriseName: string;
  recordId: string;
  recordType: 'credit_event' | 'blacklist';
  eventType: string;
  eventLabel: string;
  points: number | null;
  reason: string;
  occurredOn: string;
  validUntil: string | null;
  objectionStatus: string | null;
  sourceType: string | null;
  sourceId: string | null;
  repairedAt: string | null;
  score: number;
  grade: string;
  blacklisted: boolean;
}

/**
 * Batch export for the municipal credit-information platform (docs/credit-export.md): every
 * credit event and blacklist entry in the actor's jurisdiction that occurred in [from, to],
 * each with the enterprise's current score, grade and blacklist flag.
 */
export async function exportCredit(db: Db, actor: Actor, from: string, to: string): Promise<ExportRecord[]> {
  if (to < from) throw validationFailed({ to: '截止日期不能早于起始日期' });
  const events = await db
    .select({ ...eventColumns, enterpriseName: enterprises.name, creditCode: enterprises.creditCode })
    .from(creditEvents)
    .innerJoin(enterprises, eq(enterprises.id, creditEvents.enterpriseId))
    .where(and(regionScope(actor, creditEvents.regionId), gte(creditEvents.occurredOn, from), lte(creditEvents.occurredOn, to)))
    .orderBy(asc(enterprises.creditCode), asc(creditEvents.occurredOn), asc(creditEvents.id));
  const blacklist = await db
    .select({
      entry: blacklistEntries,
      enterpriseName: enterprises.name,
      creditCode: enterprises.creditCode,
      // The latest objection's state (upheld = the entry is annulled); null when none was raised.
      objectionStatus: sql<string | null>`(SELECT ${blacklistApplications.status} FROM ${blacklistApplications} WHERE ${blacklistApplications.blacklistEntryId} = ${blacklistEntries.id} AND ${blacklistApplications.kind} = 'objection' ORDER BY ${blacklistApplications.submittedAt} DESC LIMIT 1)`,
    })
    .from(blacklistEntries)
    .innerJoin(enterprises, eq(enterprises.id, blacklistEntries.enterpriseId))
    .where(and(regionScope(actor, blacklistEntries.regionId), gte(blacklistEntries.listedFrom, from), lte(blacklistEntries.listedFrom, to)))
    .orderBy(asc(enterprises.creditCode), asc(blacklistEntries.listedFrom));
  const ids = [...new Set([...events.map((e) => e.enterpriseId), ...blacklist.map((b) => b.entry.enterpriseId)])];
  const summary = new Map<string, { score: number; grade: string; blacklisted: boolean }>();
  for (const id of ids) {
    const c = await creditOf(db, id);
    summary.set(id, { score: c.score, grade: c.grade, blacklisted: c.blacklisted });
  }
  const records: ExportRecord[] = [
    ...events.map((e) => ({
      creditCode: e.creditCode,
      enterpriseName: e.enterpriseName,
      recordId: e.id,
      recordType: 'credit_event' as const,
      eventType: e.type,
      eventLabel: CREDIT_EVENT_LABELS[e.type as CreditEventType] ?? e.type,
      points: e.points,
      reason: e.reason,
      occurredOn: e.occurredOn,
      validUntil: e.validUntil,
      objectionStatus: e.objectionStatus,
      sourceType: e.sourceType,
      sourceId: e.sourceId,
      repairedAt: null,
      ...(summary.get(e.enterpriseId) as { score: number; grade: string; blacklisted: boolean }),
    })),
    ...blacklist.map((b) => ({
      creditCode: b.creditCode,
      enterpriseName: b.enterpriseName,
      recordId: b.entry.id,
      recordType: 'blacklist' as const,
      eventType: 'blacklist',
      eventLabel: '列入黑名单',
      points: null,
      reason: b.entry.reason,
      occurredOn: b.entry.listedFrom,
      validUntil: b.entry.listedUntil,
      objectionStatus: b.objectionStatus,
      sourceType: b.entry.sourceType,
      sourceId: b.entry.sourceId,
      repairedAt: b.entry.repairedAt ? b.entry.repairedAt.toISOString() : null,
      ...(summary.get(b.entry.enterpriseId) as { score: number; grade: string; blacklisted: boolean }),
    })),
  ];
  records.sort((a, b) => a.creditCode.localeCompare(b.creditCode) || a.occurredOn.localeCompare(b.occurredOn) || a.recordId.localeCompare(b.recordId));
  // Data leaving the platform for the municipal credit platform: who exported what is logged.
  await recordAudit(db, actor, { action: 'credit.export', entityType: 'credit_export', after: { from, to, records: records.length } });
  return records;
}

export const EXPORT_FIELDS: (keyof ExportRecord)[] = [
  'creditCode',
  'enterpriseName',
  'recordId',
  'recordType',
  'eventType',
  'eventLabel',
  'points',
  'reason',
  'occurredOn',
  'validUntil',
  'objectionStatus',
  'sourceType',
  'sourceId',
  'repairedAt',
  'score',
  'grade',
  'blacklisted',
];

function csvCell(v: unknown): string {
  if (v === null || v === undefined) return '';
  let s = String(v);
  // Spreadsheet formula injection: a cell starting with = + - @ is shown as text.
  if (/^[=+\-@\t\r]/.test(s) && typeof v === 'string') s = `'${s}`;
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/** UTF-8 CSV with BOM (Excel opens it as UTF-8), CRLF line ends, header row of field names. */
export function toCsv(records: ExportRecord[]): string {
  const lines = [EXPORT_FIELDS.join(',')];
  for (const r of records) lines.push(EXPORT_FIELDS.map((f) => csvCell(r[f])).join(','));
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}
