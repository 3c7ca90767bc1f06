import { type SQL, and, asc, count, desc, eq, isNotNull, isNull, like, or, sql } from 'drizzle-orm';
import { type Db, escapeLike } from '../../db/client.js';
import { hotlineChecks, hotlines, orgUnits, regions } from '../../db/schema/index.js';

/** A unit's hotline: its maintained directory row, else the number on the unit record. */
const number = sql<string>`coalesce(${hotlines.number}, ${orgUnits.hotline})`;
const hasHotline = or(isNotNull(hotlines.id), isNotNull(orgUnits.hotline));

export function hotlineColumns() {
  return {
    orgUnitId: orgUnits.id,
    unitName: orgUnits.name,
    type: orgUnits.type,
    address: orgUnits.address,
    regionName: regions.name,
    regionCode: regions.code,
    number,
    hours: sql<string>`coalesce(${hotlines.hours}, '工作日 8:30–12:00，14:00–17:30')`,
    responsibleUnit: sql<string>`coalesce(${hotlines.responsibleUnit}, ${orgUnits.name})`,
    published: sql<boolean>`coalesce(${hotlines.published}, true)`,
  };
}

export function directory(db: Db, pathPrefix: string, publishedOnly: boolean) {
  return db
    .select(hotlineColumns())
    .from(orgUnits)
    .innerJoin(regions, eq(regions.id, orgUnits.regionId))
    .leftJoin(hotlines, eq(hotlines.orgUnitId, orgUnits.id))
    .where(
      and(
        eq(orgUnits.active, true),
        hasHotline,
        like(regions.path, `${escapeLike(pathPrefix)}%`),
        publishedOnly ? sql`coalesce(${hotlines.published}, true)` : undefined,
      ),
    )
    .orderBy(asc(regions.path), asc(orgUnits.type), asc(orgUnits.name))
    .limit(2000);
}

/** China-time day window on checked_at. */
export function periodCondition(from?: string, to?: string): SQL | undefined {
  return and(
    from ? sql`(${hotlineChecks.checkedAt} AT TIME ZONE 'Asia/Shanghai')::date >= ${from}::date` : undefined,
    to ? sql`(${hotlineChecks.checkedAt} AT TIME ZONE 'Asia/Shanghai')::date <= ${to}::date` : undefined,
  );
}

export async function totals(db: Db, pathPrefix: string, from?: string, to?: string) {
  const [row] = await db
    .select({ checked: count(), passed: sql<number>`count(*) FILTER (WHERE ${hotlineChecks.result} = 'answered')`.mapWith(Number) })
    .from(hotlineChecks)
    .innerJoin(regions, eq(regions.id, hotlineChecks.regionId))
    .where(and(like(regions.path, `${escapeLike(pathPrefix)}%`), periodCondition(from, to)));
  return { checked: Number(row?.checked ?? 0), passed: row?.passed ?? 0 };
}

export function perUnit(db: Db, pathPrefix: string, from?: string, to?: string) {
  return db
    .select({
      orgUnitId: hotlineChecks.orgUnitId,
      checked: count(),
      passed: sql<number>`count(*) FILTER (WHERE ${hotlineChecks.result} = 'answered')`.mapWith(Number),
    })
    .from(hotlineChecks)
    .innerJoin(regions, eq(regions.id, hotlineChecks.regionId))
    .where(and(like(regions.path, `${escapeLike(pathPrefix)}%`), periodCondition(from, to)))
    .groupBy(hotlineChecks.orgUnitId);
}

export async function listChecks(db: Db, pathPrefix: string, f: { from?: string; to?: string; orgUnitId?: string; result?: string; recheckDue?: boolean }, limit: number, offset: number) {
  const w = and(
    like(regions.path, `${escapeLike(pathPrefix)}%`),
    periodCondition(f.from, f.to),
    f.orgUnitId ? eq(hotlineChecks.orgUnitId, f.orgUnitId) : undefined,
    f.result ? eq(hotlineChecks.result, f.result) : undefined,
    f.recheckDue ? and(isNotNull(hotlineChecks.recheckDueOn), isNull(hotlineChecks.recheckedById)) : undefined,
  );
  const rows = await db
    .select({
      id: hotlineChecks.id,
      orgUnitId: hotlineChecks.orgUnitId,
      unitName: orgUnits.name,
      regionName: regions.name,
      dialledNumber: hotlineChecks.dialledNumber,
      result: hotlineChecks.result,
      checkedAt: hotlineChecks.checkedAt,
      checkedBy: hotlineChecks.checkedByName,
      note: hotlineChecks.note,
      problemId: hotlineChecks.problemId,
      recheckDueOn: hotlineChecks.recheckDueOn,
      recheckedById: hotlineChecks.recheckedById,
    })
    .from(hotlineChecks)
    .innerJoin(orgUnits, eq(orgUnits.id, hotlineChecks.orgUnitId))
    .innerJoin(regions, eq(regions.id, hotlineChecks.regionId))
    .where(w)
    .orderBy(desc(hotlineChecks.checkedAt))
    .limit(limit)
    .offset(offset);
  const [total] = await db.select({ n: count() }).from(hotlineChecks).innerJoin(regions, eq(regions.id, hotlineChecks.regionId)).where(w);
  return { rows, total: Number(total?.n ?? 0) };
}

export async function lastChecks(db: Db, unitIds: string[]) {
  if (!unitIds.length) return new Map<string, { at: Date; result: string }>();
  const rows = await db
    .selectDistinctOn([hotlineChecks.orgUnitId], { orgUnitId: hotlineChecks.orgUnitId, at: hotlineChecks.checkedAt, result: hotlineChecks.result })
    .from(hotlineChecks)
    .where(sql`${hotlineChecks.orgUnitId} IN ${unitIds}`)
    .orderBy(hotlineChecks.orgUnitId, desc(hotlineChecks.checkedAt));
  return new Map(rows.map((r) => [r.orgUnitId, { at: r.at, result: r.result }]));
}
