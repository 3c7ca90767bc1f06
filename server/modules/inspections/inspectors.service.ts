import { and, asc, eq, gte, ilike, inArray, isNull, like, lte } from 'drizzle-orm';
import type { z } from 'zod';
import { type Db, escapeLike } from '../../db/client.js';
import { enterprises, inspectorCertificates, inspectorConflicts, orgUnits, regions, users } from '../../db/schema/index.js';
import { type Actor, isEnterpriseUser } from '../../http/actor.js';
import { recordAudit } from '../../http/audit.js';
import { conflict, forbidden, notFound, validationFailed } from '../../http/errors.js';
import { regionFilterPath, regionScope } from '../../http/scope.js';
import { todayInChina } from '../campaigns/campaigns.service.js';
import type { certifyInput, conflictInput } from './inspections.schemas.js';

/*
 * 执法检查人员资格 register. Only a certificate valid on the day (validFrom ≤ day ≤ validUntil) of
 * an enabled user makes him drawable and recordable as an inspector.
 */

const columns = {
  id: users.id,
  name: users.displayName,
  department: orgUnits.name,
  departmentType: orgUnits.type,
  certificateNo: inspectorCertificates.certificateNo,
  validFrom: inspectorCertificates.validFrom,
  validUntil: inspectorCertificates.validUntil,
  regionPath: regions.path,
};

function base(db: Db) {
  return db
    .select(columns)
    .from(inspectorCertificates)
    .innerJoin(users, eq(users.id, inspectorCertificates.userId))
    .innerJoin(orgUnits, eq(orgUnits.id, inspectorCertificates.orgUnitId))
    .innerJoin(regions, eq(regions.id, users.regionId));
}

const validOn = (day: string) => and(lte(inspectorCertificates.validFrom, day), gte(inspectorCertificates.validUntil, day), eq(users.disabled, false));

/** Certified inspectors valid today in the actor's subtree (narrowed by `region`). */
export async function listInspectors(db: Db, actor: Actor, q: { region?: string; all?: boolean }) {
  if (isEnterpriseUser(actor)) throw forbidden();
  const today = todayInChina();
  const rows = await base(db)
    .where(and(regionScope(actor, users.regionId, await regionFilterPath(db, q.region)), q.all ? undefined : validOn(today)))
    .orderBy(asc(orgUnits.name), asc(users.displayName));
  return { items: rows.map(({ regionPath: _p, ...r }) => ({ ...r, valid: r.validFrom <= today && r.validUntil >= today })) };
}

/** The drawable pool for a region: valid on `day`, working in the region's subtree, of the given department types. */
export async function inspectorPool(db: Db, regionPath: string, day: string, departments: readonly string[]) {
  const rows = await base(db).where(
    and(validOn(day), like(regions.path, `${escapeLike(regionPath)}%`), departments.length ? inArray(orgUnits.type, [...departments]) : undefined),
  );
  const ids = rows.map((r) => r.id);
  const conflicts = ids.length
    ? await db.select({ userId: inspectorConflicts.userId, enterpriseId: inspectorConflicts.enterpriseId }).from(inspectorConflicts).where(inArray(inspectorConflicts.userId, ids))
    : [];
  return rows.map((r) => ({ userId: r.id, conflicts: conflicts.filter((c) => c.userId === r.id).map((c) => c.enterpriseId) }));
}

/** Field errors for user ids that do not hold a certificate valid on `day` within the actor's scope. */
export async function uncertified(db: Db, actor: Actor, userIds: readonly string[], day: string): Promise<string[]> {
  if (!userIds.length) return [];
  const rows = await base(db).where(and(inArray(users.id, [...userIds]), validOn(day), regionScope(actor, users.regionId)));
  const ok = new Set(rows.map((r) => r.id));
  return userIds.filter((u) => !ok.has(u));
}

export async function certifyInspector(db: Db, actor: Actor, input: z.infer<typeof certifyInput>) {
  if (input.validUntil < input.validFrom) throw validationFailed({ validUntil: '有效期至不能早于发证日期' });
  return db.transaction(async (tx) => {
    const [user] = await tx
      .select({ id: users.id, orgUnitId: users.orgUnitId, enterpriseId: users.enterpriseId })
      .from(users)
      .where(and(eq(users.id, input.userId), regionScope(actor, users.regionId)));
    if (!user) throw notFound('人员');
    if (user.enterpriseId || !user.orgUnitId) throw validationFailed({ userId: '只能为行政机关工作人员登记执法证' });
    const [dup] = await tx.select({ id: inspectorCertificates.id }).from(inspectorCertificates).where(eq(inspectorCertificates.certificateNo, input.certificateNo));
    const [existing] = await tx.select({ id: inspectorCertificates.id }).from(inspectorCertificates).where(eq(inspectorCertificates.userId, input.userId));
    if (dup && dup.id !== existing?.id) throw conflict('该执法证号已登记给其他人员');
    const values = { certificateNo: input.certificateNo, orgUnitId: user.orgUnitId, validFrom: input.validFrom, validUntil: input.validUntil };
    if (existing) await tx.update(inspectorCertificates).set(values).where(eq(inspectorCertificates.id, existing.id));
    else await tx.insert(inspectorCertificates).values({ ...values, userId: input.userId, createdBy: actor.userId });
    await tx.update(users).set({ certificateNo: input.certificateNo }).where(eq(users.id, input.userId));
    await recordAudit(tx, actor, { action: existing ? 'inspector.recertify' : 'inspector.certify', entityType: 'user', entityId: input.userId, after: values });
    return { id: input.userId };
  });
}

export async function declareConflict(db: Db, actor: Actor, input: z.infer<typeof conflictInput>) {
  return db.transaction(async (tx) => {
    const [user] = await tx.select({ id: users.id }).from(users).where(and(eq(users.id, input.userId), regionScope(actor, users.regionId)));
    if (!user) throw notFound('人员');
    const [ent] = await tx.select({ id: enterprises.id }).from(enterprises).where(eq(enterprises.id, input.enterpriseId));
    if (!ent) throw notFound('物业服务企业');
    const [row] = await tx
      .insert(inspectorConflicts)
      .values(input)
      .onConflictDoUpdate({ target: [inspectorConflicts.userId, inspectorConflicts.enterpriseId], set: { reason: input.reason } })
      .returning({ id: inspectorConflicts.id });
    await recordAudit(tx, actor, { action: 'inspector.conflict_declare', entityType: 'user', entityId: input.userId, after: input });
    return { id: row?.id as string };
  });
}


/** Staff users in the actor's subtree a certificate can be registered for (name search). */
export async function certificateCandidates(db: Db, actor: Actor, q: string | undefined) {
  const rows = await db
    .select({ id: users.id, name: users.displayName, department: orgUnits.name })
    .from(users)
    .innerJoin(orgUnits, eq(orgUnits.id, users.orgUnitId))
    .where(and(regionScope(actor, users.regionId), eq(users.disabled, false), isNull(users.enterpriseId), q ? ilike(users.displayName, `%${escapeLike(q)}%`) : undefined))
    .orderBy(asc(users.displayName))
    .limit(20);
  return { items: rows };
}
