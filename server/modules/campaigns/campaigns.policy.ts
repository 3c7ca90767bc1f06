import { escapeLike } from '../../db/client.js';
import { type AnyColumn, type SQL, sql } from 'drizzle-orm';
import { regions } from '../../db/schema/index.js';
import { type Actor, can, isEnterpriseUser } from '../../http/actor.js';
import { forbidden } from '../../http/errors.js';

/*
 * ─────────────────────────────────────────────────────────────────────────────────────────────
 *  CAMPAIGN VISIBILITY — a jurisdiction rule; a mistake here is a data leak.
 *  A campaign applies to its region's subtree (SPEC §4). Staff therefore see the campaigns of
 *  their own subtree AND those of their ancestors (a district sees the city's and the province's
 *  campaigns, whose rules bind it), but never a sibling's: 洪山区 does not see 东湖风景区's plan.
 *  Outside this set a campaign answers 404. Changing a campaign (and everything under it) needs
 *  campaign:manage and the campaign's region inside the actor's own subtree — a district may
 *  read, but not edit, the city's plan; it records its own progress on the city's tasks.
 *  Per-region data under a visible campaign (task progress) is still limited to the actor's
 *  subtree by http/scope.ts's regionScope.
 * ─────────────────────────────────────────────────────────────────────────────────────────────
 */

/** SQL condition: the campaign region column is in the actor's subtree or is one of its ancestors. */
export function campaignVisibility(actor: Actor, regionIdColumn: AnyColumn | SQL): SQL {
  if (isEnterpriseUser(actor)) return sql`FALSE`;
  const subtree = `${escapeLike(actor.regionPath)}%`;
  return sql`${regionIdColumn} IN (SELECT ${regions.id} FROM ${regions}
    WHERE ${regions.path} LIKE ${subtree} OR left(${actor.regionPath}::text, length(${regions.path})) = ${regions.path})`;
}

export type CampaignRelation = 'own' | 'ancestor' | 'subtree';

export function relationOf(actor: Actor, campaignRegionPath: string): CampaignRelation {
  if (campaignRegionPath === actor.regionPath) return 'own';
  return actor.regionPath.startsWith(campaignRegionPath) ? 'ancestor' : 'subtree';
}

export function canManageCampaign(actor: Actor, campaignRegionPath: string): boolean {
  return can(actor, 'campaign:manage') && campaignRegionPath.startsWith(actor.regionPath);
}

export function assertCanManage(actor: Actor, campaignRegionPath: string): void {
  if (!can(actor, 'campaign:manage')) throw forbidden();
  if (!campaignRegionPath.startsWith(actor.regionPath)) throw forbidden('上级区划的专项行动只能由其所在区划的统筹部门修改');
}
