import { and, asc, count, eq, ilike, or, sql } from 'drizzle-orm';
import { z } from 'zod';
import { ORG_UNIT_TYPES } from '../../../core/org.js';
import { isPhoneNumber } from '../../../core/validation.js';
import type { Db } from '../../db/client.js';
import { orgUnits, regions } from '../../db/schema/index.js';
import type { Actor } from '../../http/actor.js';
import { recordAudit } from '../../http/audit.js';
import { notFound } from '../../http/errors.js';
import { type PageQuery, limitOffset } from '../../http/pagination.js';
import { regionFilterPath, regionInScope, regionScope } from '../../http/scope.js';

const phone = z.string().trim().refine(isPhoneNumber, '电话号码格式不正确（手机 11 位，座机如 027-87654321）');

export const orgUnitInput = z.object({
  regionCode: z.string().min(1, '请选择所属区划'),
  type: z.enum(ORG_UNIT_TYPES, { message: '请选择单位类型' }),
  name: z.string().trim().min(2, '名称至少 2 个字').max(80),
  shortName: z.string().trim().max(10, '简称不超过 10 个字').nullish(),
  hotline: phone.nullish(),
  contactName: z.string().trim().max(30).nullish(),
  contactPhone: phone.nullish(),
  responsibleLeader: z.string().trim().max(30).nullish(),
  address: z.string().trim().max(200).nullish(),
  active: z.boolean().optional(),
});
export type OrgUnitInput = z.infer<typeof orgUnitInput>;

const columns = {
  id: orgUnits.id,
  regionId: orgUnits.regionId,
  regionCode: regions.code,
  regionName: regions.name,
  type: orgUnits.type,
  name: orgUnits.name,
  shortName: orgUnits.shortName,
  hotline: orgUnits.hotline,
  contactName: orgUnits.contactName,
  contactPhone: orgUnits.contactPhone,
  responsibleLeader: orgUnits.responsibleLeader,
  address: orgUnits.address,
  active: orgUnits.active,
};

export async function listOrgUnits(
  db: Db,
  actor: Actor,
  q: PageQuery & { region?: string; type?: string; q?: string; exact?: boolean },
) {
  const within = await regionFilterPath(db, q.region);
  const where = and(
    regionScope(actor, orgUnits.regionId, within),
    q.exact && q.region ? eq(regions.code, q.region) : undefined,
    q.type ? eq(orgUnits.type, q.type) : undefined,
    q.q ? or(ilike(orgUnits.name, `%${q.q}%`), ilike(orgUnits.shortName, `%${q.q}%`)) : undefined,
  );
  const [items, [{ total }]] = await Promise.all([
    db.select(columns).from(orgUnits).innerJoin(regions, eq(regions.id, orgUnits.regionId)).where(where)
      .orderBy(asc(regions.path), asc(orgUnits.type), asc(orgUnits.name)).limit(limitOffset(q).limit).offset(limitOffset(q).offset),
    db.select({ total: count() }).from(orgUnits).innerJoin(regions, eq(regions.id, orgUnits.regionId)).where(where),
  ]);
  return { items, total, page: q.page, pageSize: q.pageSize };
}

export async function getOrgUnit(db: Db, actor: Actor, id: string) {
  const [row] = await db
    .select(columns)
    .from(orgUnits)
    .innerJoin(regions, eq(regions.id, orgUnits.regionId))
    .where(and(eq(orgUnits.id, id), regionScope(actor, orgUnits.regionId)));
  if (!row) throw notFound('单位');
  return row;
}

export async function createOrgUnit(db: Db, actor: Actor, input: OrgUnitInput) {
  return db.transaction(async (tx) => {
    const region = await regionInScope(tx, actor, input.regionCode);
    const { regionCode: _r, ...rest } = input;
    const [row] = await tx.insert(orgUnits).values({ ...rest, regionId: region.id }).returning();
    await recordAudit(tx, actor, { action: 'org_unit.create', entityType: 'org_unit', entityId: row.id, regionId: region.id, after: row });
    return getOrgUnit(tx, actor, row.id);
  });
}

export async function updateOrgUnit(db: Db, actor: Actor, id: string, input: Partial<OrgUnitInput>) {
  return db.transaction(async (tx) => {
    const before = await getOrgUnit(tx, actor, id);
    const region = input.regionCode ? await regionInScope(tx, actor, input.regionCode) : null;
    const { regionCode: _r, ...rest } = input;
    const [after] = await tx
      .update(orgUnits)
      .set({ ...rest, ...(region ? { regionId: region.id } : {}), updatedAt: new Date() })
      .where(eq(orgUnits.id, id))
      .returning();
    await recordAudit(tx, actor, { action: 'org_unit.update', entityType: 'org_unit', entityId: id, regionId: after.regionId, before, after });
    return getOrgUnit(tx, actor, id);
  });
}

/** Public hotline directory (SPEC §6, §15): units with a published hotline in a region's subtree. */
export async function publicHotlines(db: Db, regionCode: string | undefined) {
  const [root] = regionCode
    ? await db.select({ path: regions.path }).from(regions).where(eq(regions.code, regionCode))
    : [{ path: '/' }];
  if (!root) return [];
  return db
    .select({ regionCode: regions.code, regionName: regions.name, type: orgUnits.type, name: orgUnits.name, hotline: orgUnits.hotline, address: orgUnits.address })
    .from(orgUnits)
    .innerJoin(regions, eq(regions.id, orgUnits.regionId))
    .where(and(sql`${regions.path} LIKE ${`${root.path}%`}`, eq(orgUnits.active, true), sql`${orgUnits.hotline} IS NOT NULL`))
    .orderBy(asc(regions.path), asc(orgUnits.type))
    .limit(500);
}
