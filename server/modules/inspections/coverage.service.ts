import { and, asc, eq, like, sql } from 'drizzle-orm';
import { type Db, escapeLike, queryRows } from '../../db/client.js';
import { campaigns, enterprises, projects, regions } from '../../db/schema/index.js';
import type { Actor } from '../../http/actor.js';
import { regionFilterPath } from '../../http/scope.js';
import { visibleCampaign } from './plans.service.js';

/*
 * Dragnet coverage (拉网式排查, SPEC §8): of the projects in a region's subtree, which had an
 * inspection (any mode — coverage is an aggregate) dated from the campaign's start to its dragnet
 * deadline (or its end when it sets none).
 */

async function campaignWindow(db: Db, campaignId: string) {
  const [c] = await db.select({ startsOn: campaigns.startsOn, endsOn: campaigns.endsOn, dragnetDeadline: campaigns.dragnetDeadline }).from(campaigns).where(eq(campaigns.id, campaignId));
  if (!c) return null;
  return { from: c.startsOn, to: c.dragnetDeadline ?? c.endsOn, deadline: c.dragnetDeadline };
}

/**
 * The project was named by an inspection dated in [from, to]. Written as membership in the set of
 * projects named in the window (a hashed subplan: one pass over the window's inspections) rather than
 * `EXISTS (… p.id = ANY(i.project_ids) …)`, which scanned the inspections once per project.
 */
const inspectedSql = (from: string, to: string) =>
  sql<boolean>`${projects.id} IN (SELECT u.id FROM inspections i, unnest(i.project_ids) AS u(id) WHERE u.id IS NOT NULL AND i.date >= ${from} AND i.date <= ${to})`;

/** Totals for a region subtree; null when the campaign does not exist. Used by the reports module. */
export async function coverageTotals(db: Db, campaignId: string, regionPath: string): Promise<{ total: number; inspected: number } | null> {
  const w = await campaignWindow(db, campaignId);
  if (!w) return null;
  const [row] = await db
    .select({ total: sql<number>`count(*)::int`, inspected: sql<number>`count(*) FILTER (WHERE ${inspectedSql(w.from, w.to)})::int` })
    .from(projects)
    .innerJoin(regions, eq(regions.id, projects.regionId))
    .where(like(regions.path, `${escapeLike(regionPath)}%`));
  return { total: row?.total ?? 0, inspected: row?.inspected ?? 0 };
}

export async function campaignCoverage(db: Db, actor: Actor, campaignId: string, region?: string) {
  await visibleCampaign(db, actor, campaignId);
  const w = (await campaignWindow(db, campaignId)) as { from: string; to: string; deadline: string | null };
  const filter = await regionFilterPath(db, region);
  // Narrow only: a filter outside the actor's subtree selects nothing.
  const path = !filter ? actor.regionPath : filter.startsWith(actor.regionPath) ? filter : '/__outside_scope__/';
  const totals = (await coverageTotals(db, campaignId, path)) ?? { total: 0, inspected: 0 };
  const notInspected = await db
    .select({ projectId: projects.id, name: projects.name, address: projects.address, regionName: regions.name, enterpriseName: enterprises.name })
    .from(projects)
    .innerJoin(regions, eq(regions.id, projects.regionId))
    .leftJoin(enterprises, eq(enterprises.id, projects.enterpriseId))
    .where(and(like(regions.path, `${escapeLike(path)}%`), sql`NOT ${inspectedSql(w.from, w.to)}`))
    .orderBy(asc(regions.path), asc(projects.name))
    .limit(1000);
  const [self] = await db.select({ id: regions.id }).from(regions).where(eq(regions.path, path));
  const children = self
    ? await queryRows<{ code: string; name: string; total: number; inspected: number }>(
        db,
        sql`SELECT c.code, c.name,
              (SELECT count(*)::int FROM projects p JOIN regions r ON r.id = p.region_id WHERE r.path LIKE c.path || '%') AS total,
              (SELECT count(*)::int FROM projects p JOIN regions r ON r.id = p.region_id WHERE r.path LIKE c.path || '%'
                 AND EXISTS (SELECT 1 FROM inspections i WHERE p.id = ANY(i.project_ids) AND i.date >= ${w.from} AND i.date <= ${w.to})) AS inspected
            FROM regions c WHERE c.parent_id = ${self.id} ORDER BY c.code`,
      )
    : [];
  return { ...totals, from: w.from, deadline: w.deadline, to: w.to, notInspected, regions: children };
}

