import { and, eq, isNotNull, isNull, like, lte, ne } from 'drizzle-orm';
import {
  HOTLINE_PROBLEM_DAYS,
  HOTLINE_RECHECK_DAYS,
  HOTLINE_RESULT_LABELS,
  type HotlineResult,
  addDays,
  complianceRate,
  hotlinePassed,
} from '../../../core/obligations/index.js';
import { chinaDate } from '../../../core/working-days.js';
import { type Db, escapeLike } from '../../db/client.js';
import { hotlineChecks, hotlines, orgUnits, regions, users } from '../../db/schema/index.js';
import type { Actor } from '../../http/actor.js';
import { recordAudit } from '../../http/audit.js';
import { forbidden, notFound, validationFailed } from '../../http/errors.js';
import { regionFilterPath } from '../../http/scope.js';
import { publishMessage } from '../messages/publish.js';
import { openProblem } from '../problems/problems.open.js';
import * as repo from './hotlines.repository.js';
import type { CheckInput, ListChecksQuery } from './hotlines.schemas.js';

/*
 * Hotline directory and spot checks (SPEC §6). The directory is public; a unit maintains its own
 * number (a coordinator any unit in the jurisdiction). Supervisors record checks on units in their
 * jurisdiction (else 404); a failed check opens a ledger problem for the unit (source
 * hotline_check) and schedules a re-check, in one transaction with the audit row.
 */

/** JURISDICTION: the actor's subtree narrowed by an optional filter — never widened (as http/scope.ts). */
async function scopedPath(db: Db, actor: Actor, region?: string): Promise<string> {
  const within = await regionFilterPath(db, region);
  if (!within) return actor.regionPath;
  if (within.startsWith(actor.regionPath)) return within;
  if (actor.regionPath.startsWith(within)) return actor.regionPath;
  return '/__outside_scope__/';
}

async function unitInScope(db: Db, actor: Actor, orgUnitId: string) {
  const [unit] = await db
    .select({ id: orgUnits.id, name: orgUnits.name, regionId: orgUnits.regionId, hotline: orgUnits.hotline })
    .from(orgUnits)
    .innerJoin(regions, eq(regions.id, orgUnits.regionId))
    .where(and(eq(orgUnits.id, orgUnitId), like(regions.path, `${escapeLike(actor.regionPath)}%`)));
  if (!unit) throw notFound('单位');
  return unit;
}

/** The public directory, optionally under a region (code); an unknown region lists nothing. */
export async function publicDirectory(db: Db, region?: string) {
  const path = (await regionFilterPath(db, region)) ?? '/';
  const rows = await repo.directory(db, path, true);
  return { items: rows.map((r) => publicRow(r)) };
}

function publicRow(r: Awaited<ReturnType<typeof repo.directory>>[number]) {
  return {
    orgUnitId: r.orgUnitId,
    unitName: r.unitName,
    regionCode: r.regionCode,
    regionName: r.regionName,
    type: r.type,
    number: r.number,
    hours: r.hours,
    responsibleUnit: r.responsibleUnit,
    address: r.address,
    name: r.unitName,
    hotline: r.number,
  };
}

export async function staffDirectory(db: Db, actor: Actor, region?: string) {
  const rows = await repo.directory(db, await scopedPath(db, actor, region), false);
  const last = await repo.lastChecks(
    db,
    rows.map((r) => r.orgUnitId),
  );
  return { items: rows.map((r) => ({ ...publicRow(r), published: r.published, lastCheckedAt: last.get(r.orgUnitId)?.at ?? null, lastResult: last.get(r.orgUnitId)?.result ?? null })) };
}

export async function saveHotline(db: Db, actor: Actor, orgUnitId: string, input: { number: string; hours: string; responsibleUnit?: string; published: boolean }) {
  return db.transaction(async (tx) => {
    const unit = await unitInScope(tx, actor, orgUnitId);
    if (!actor.roles.includes('coordinator') && actor.orgUnitId !== unit.id) throw forbidden('只能维护本单位的投诉举报电话');
    const values = { number: input.number, hours: input.hours, responsibleUnit: input.responsibleUnit ?? unit.name, published: input.published, updatedBy: actor.userId, updatedAt: new Date() };
    await tx
      .insert(hotlines)
      .values({ orgUnitId: unit.id, ...values })
      .onConflictDoUpdate({ target: hotlines.orgUnitId, set: values });
    await recordAudit(tx, actor, { action: 'hotline.save', entityType: 'org_unit', entityId: unit.id, regionId: unit.regionId, after: values });
    return { ok: true as const };
  });
}

export async function recordCheck(db: Db, actor: Actor, input: CheckInput): Promise<{ id: string; problemId: string | null }> {
  const checkedAt = new Date(input.checkedAt);
  if (checkedAt.getTime() > Date.now() + 5 * 60_000) throw validationFailed({ checkedAt: '抽查时间不能晚于现在' });
  return db.transaction(async (tx) => {
    const unit = await unitInScope(tx, actor, input.orgUnitId);
    const result = input.result as HotlineResult;
    const passed = hotlinePassed(result);
    const today = chinaDate();
    const [row] = await tx
      .insert(hotlineChecks)
      .values({
        orgUnitId: unit.id,
        regionId: unit.regionId,
        dialledNumber: input.dialledNumber,
        result,
        checkedAt,
        note: input.note || null,
        checkedBy: actor.userId,
        checkedByName: actor.displayName,
        recheckDueOn: passed ? null : addDays(today, HOTLINE_RECHECK_DAYS),
      })
      .returning({ id: hotlineChecks.id });
    if (!row) throw new Error('hotline check insert returned nothing');
    // This call is the re-check of any earlier failed check of the unit still awaiting one.
    await tx
      .update(hotlineChecks)
      .set({ recheckedById: row.id })
      .where(and(eq(hotlineChecks.orgUnitId, unit.id), isNotNull(hotlineChecks.recheckDueOn), isNull(hotlineChecks.recheckedById), lte(hotlineChecks.checkedAt, checkedAt), notSelf(row.id)));
    let problemId: string | null = null;
    if (!passed) {
      const label = HOTLINE_RESULT_LABELS[result];
      const problem = await openProblem(tx, actor, {
        source: 'hotline_check',
        sourceId: row.id,
        regionId: unit.regionId,
        responsibleOrgUnitId: unit.id,
        category: 0,
        title: `投诉举报电话抽查未通过：${unit.name}`,
        description: `${chinaDate(checkedAt)} 抽查拨打 ${input.dialledNumber}，结果：${label}。${input.note ?? ''}`.trim(),
        deadline: addDays(today, HOTLINE_PROBLEM_DAYS),
      });
      problemId = problem.id;
      await tx.update(hotlineChecks).set({ problemId }).where(eq(hotlineChecks.id, row.id));
      await publishMessage(tx, {
        kind: 'hotline.check_failed',
        recipients: [{ type: 'unit', orgUnitId: unit.id, permission: 'hotline:manage' }],
        record: { type: 'hotline_check', id: row.id },
        link: `/problems/${problemId}`,
        vars: { unit: unit.name, number: input.dialledNumber, result: label },
        actorUserId: actor.userId,
      });
    }
    await recordAudit(tx, actor, { action: 'hotline.check', entityType: 'hotline_check', entityId: row.id, regionId: unit.regionId, after: { orgUnitId: unit.id, result, problemId } });
    return { id: row.id, problemId };
  });
}

function notSelf(id: string) {
  return ne(hotlineChecks.id, id);
}

export async function listChecks(db: Db, actor: Actor, q: ListChecksQuery) {
  const path = await scopedPath(db, actor, q.region);
  const { rows, total } = await repo.listChecks(db, path, { ...q, recheckDue: q.recheckDue === 'true' }, q.pageSize, (q.page - 1) * q.pageSize);
  return {
    items: rows.map((r) => ({
      id: r.id,
      orgUnitId: r.orgUnitId,
      unitName: r.unitName,
      regionName: r.regionName,
      dialledNumber: r.dialledNumber,
      result: r.result,
      resultLabel: HOTLINE_RESULT_LABELS[r.result as HotlineResult] ?? r.result,
      passed: hotlinePassed(r.result as HotlineResult),
      checkedAt: r.checkedAt,
      checkedBy: r.checkedBy,
      note: r.note,
      problemId: r.problemId,
      recheckDueOn: r.recheckDueOn,
      rechecked: r.recheckedById !== null,
    })),
    total,
    page: q.page,
    pageSize: q.pageSize,
  };
}

export async function compliance(db: Db, actor: Actor, q: { region?: string; from?: string; to?: string }) {
  const path = await scopedPath(db, actor, q.region);
  const [tot, per, units] = await Promise.all([repo.totals(db, path, q.from, q.to), repo.perUnit(db, path, q.from, q.to), repo.directory(db, path, false)]);
  const byUnit = new Map(per.map((p) => [p.orgUnitId, p]));
  const rows = units.map((u) => {
    const p = byUnit.get(u.orgUnitId);
    const checked = Number(p?.checked ?? 0);
    const passed = p?.passed ?? 0;
    return { orgUnitId: u.orgUnitId, unitName: u.unitName, regionName: u.regionName, checked, passed, rate: complianceRate(checked, passed) };
  });
  return {
    from: q.from ?? null,
    to: q.to ?? null,
    checked: tot.checked,
    passed: tot.passed,
    rate: complianceRate(tot.checked, tot.passed),
    units: rows.filter((r) => r.checked > 0),
    neverChecked: rows.filter((r) => r.checked === 0),
  };
}

/** Re-checks due by tomorrow and not yet made: remind the checker's unit once per check. */
export async function remindRechecks(db: Db): Promise<number> {
  const due = await db
    .select({ id: hotlineChecks.id, dueOn: hotlineChecks.recheckDueOn, unitName: orgUnits.name, checkerUnit: users.orgUnitId, checkerId: hotlineChecks.checkedBy })
    .from(hotlineChecks)
    .innerJoin(orgUnits, eq(orgUnits.id, hotlineChecks.orgUnitId))
    .leftJoin(users, eq(users.id, hotlineChecks.checkedBy))
    .where(and(isNotNull(hotlineChecks.recheckDueOn), isNull(hotlineChecks.recheckedById), lte(hotlineChecks.recheckDueOn, addDays(chinaDate(), 1))));
  for (const d of due) {
    await db.transaction(async (tx) => {
      await publishMessage(tx, {
        kind: 'hotline.recheck_due',
        recipients: d.checkerUnit ? [{ type: 'unit', orgUnitId: d.checkerUnit, permission: 'hotline:check' }] : d.checkerId ? [{ type: 'user', userId: d.checkerId }] : [],
        record: { type: 'hotline_check', id: d.id },
        link: `/hotline-checks?recheckDue=true`,
        vars: { unit: d.unitName, dueOn: d.dueOn },
        occurrence: d.dueOn ?? undefined,
      });
    });
  }
  return due.length;
}

/** Seeds and imports: the unit's current number with the given hours, published (audited). */
export async function saveHotlineAsSystem(db: Db, actor: Actor, orgUnitId: string, hours: string) {
  const [unit] = await db.select({ name: orgUnits.name, hotline: orgUnits.hotline, regionId: orgUnits.regionId }).from(orgUnits).where(eq(orgUnits.id, orgUnitId));
  if (!unit?.hotline) return;
  await db.transaction(async (tx) => {
    const values = { number: unit.hotline as string, hours, responsibleUnit: unit.name, published: true, updatedBy: null, updatedAt: new Date() };
    await tx.insert(hotlines).values({ orgUnitId, ...values }).onConflictDoUpdate({ target: hotlines.orgUnitId, set: values });
    await recordAudit(tx, actor, { action: 'hotline.save', entityType: 'org_unit', entityId: orgUnitId, regionId: unit.regionId, after: values });
  });
}
