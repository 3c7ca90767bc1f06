import { type AnyColumn, type SQL, and, sql } from 'drizzle-orm';
import { inspectionPlans, users } from '../../db/schema/index.js';
import { type Actor, isEnterpriseUser } from '../../http/actor.js';
import { regionScope } from '../../http/scope.js';

/*
 * ─────────────────────────────────────────────────────────────────────────────────────────────
 *  COVERT (暗访) VISIBILITY — a jurisdiction rule; a mistake here tips off the inspected company.
 *  On top of the region scope (http/scope.ts), a covert plan, and every draw and record of a
 *  covert plan or in covert mode, is visible only to:
 *    - its own staff: the plan's staffUserIds, the record's creator and inspectors;
 *    - their supervisors: supervisors (依法治办 监督员) whose subtree holds it, and the leaders
 *      (dept_leader) of the unit of the plan / of the record's creator.
 *  Never to the inspected company, never to other districts (region scope), never to other staff
 *  — neither by id (404) nor in any list. Company users never see plans or draws at all, and see
 *  only the non-covert inspection records of their own company.
 * ─────────────────────────────────────────────────────────────────────────────────────────────
 */

const isSupervisor = (actor: Actor) => actor.roles.includes('supervisor');
const leaderOfUnit = (actor: Actor, unitColumn: AnyColumn | SQL): SQL =>
  actor.roles.includes('dept_leader') && actor.orgUnitId ? sql`${unitColumn} = ${actor.orgUnitId}` : sql`FALSE`;
const uid = (actor: Actor) => actor.userId ?? '00000000-0000-0000-0000-000000000000';

/** SQL condition on inspection_plans: visible to the actor. */
export function planVisibility(actor: Actor): SQL {
  if (isEnterpriseUser(actor)) return sql`FALSE`;
  const covertOk = isSupervisor(actor)
    ? sql`TRUE`
    : sql`(${inspectionPlans.staffUserIds} @> ARRAY[${uid(actor)}]::uuid[] OR ${leaderOfUnit(actor, inspectionPlans.orgUnitId)})`;
  return and(regionScope(actor, inspectionPlans.regionId), sql`(${inspectionPlans.mode} <> 'covert' OR ${covertOk})`) as SQL;
}

/** SQL condition: `planIdColumn` is null or names a plan visible to the actor. */
export function planRefVisible(actor: Actor, planIdColumn: AnyColumn | SQL): SQL {
  return sql`(${planIdColumn} IS NULL OR ${planIdColumn} IN (SELECT ${inspectionPlans.id} FROM ${inspectionPlans} WHERE ${planVisibility(actor)}))`;
}

/** SQL condition on the inspections table (records). */
export function recordVisibility(actor: Actor, t: { regionId: AnyColumn; enterpriseId: AnyColumn; mode: AnyColumn; planId: AnyColumn; createdBy: AnyColumn; inspectorIds: AnyColumn }): SQL {
  if (isEnterpriseUser(actor)) return sql`(${t.enterpriseId} = ${actor.enterpriseId} AND ${t.mode} <> 'covert' AND ${covertPlan(t.planId)} IS NOT TRUE)`;
  const own = sql`(${t.createdBy} = ${uid(actor)} OR ${t.inspectorIds} @> ARRAY[${uid(actor)}]::uuid[])`;
  const creatorsLeader = actor.roles.includes('dept_leader') && actor.orgUnitId ? sql`(SELECT ${users.orgUnitId} FROM ${users} WHERE ${users.id} = ${t.createdBy}) = ${actor.orgUnitId}` : sql`FALSE`;
  const covertOk = isSupervisor(actor) ? sql`TRUE` : sql`(${own} OR ${creatorsLeader} OR (${t.planId} IS NOT NULL AND ${planRefVisible(actor, t.planId)}))`;
  const isCovert = sql`(${t.mode} = 'covert' OR ${covertPlan(t.planId)} IS TRUE)`;
  return and(regionScope(actor, t.regionId), sql`(NOT ${isCovert} OR ${covertOk})`, planRefVisible(actor, t.planId)) as SQL;
}

function covertPlan(planIdColumn: AnyColumn): SQL {
  return sql`(SELECT ${inspectionPlans.mode} = 'covert' FROM ${inspectionPlans} WHERE ${inspectionPlans.id} = ${planIdColumn})`;
}
