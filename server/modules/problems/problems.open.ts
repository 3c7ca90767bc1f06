import { and, desc, eq, gte, inArray, lte, ne, sql } from 'drizzle-orm';
import type { ProblemSource } from '../../../core/problems/labels.js';
import { PROBLEM_SOURCES } from '../../../core/problems/labels.js';
import { redactPersonalData } from '../../../core/redaction/index.js';
import { ENFORCEMENT_LADDER, isComparableCategory, type LadderStep, repeatWindowStart, suggestNextStep } from '../../../core/problems/repeat.js';
import { isIsoDate as isValidDate } from '../../../core/working-days.js';
import { type Db, queryRows } from '../../db/client.js';
import { enforcementActions, enterprises, orgUnits, problemEvents, problems, projects, regions } from '../../db/schema/index.js';
import type { Actor } from '../../http/actor.js';
import { isEnterpriseUser } from '../../http/actor.js';
import { recordAudit } from '../../http/audit.js';
import { validationFailed } from '../../http/errors.js';
import { todayInChina } from '../campaigns/campaigns.service.js';
import { addCreditEvent } from '../credit/credit.service.js';
import { publishMessage } from '../messages/publish.js';

export interface OpenProblemInput {
  source: ProblemSource;
  sourceId?: string | null;
  complaintId?: string | null;
  regionId: number;
  projectId?: string | null;
  enterpriseId?: string | null;
  category: number;
  title: string;
  description: string;
  measures?: string | null;
  responsibleOrgUnitId?: string | null;
  /** Not in the shared contract; optional for the staff create route. */
  responsiblePerson?: string | null;
  deadline: string;
  /** The day the problem was found (defaults to today); a paper order entered late keeps its own date. */
  openedOn?: string;
  /** Names to remove from the text wherever they appear (the complainant's, for a problem from a complaint). */
  knownNames?: string[];
}

export interface RepeatInfo {
  repeatOffence: boolean;
  repeatOfProblemId: string | null;
  priorCount: number;
  suggestedNextStep: LadderStep | null;
}

/**
 * Opens a problem in the ledger (立项). Call it inside the caller's transaction: the complaints
 * module does so when a complaint's outcome is a rectification order. Checks referential
 * consistency (region, project, enterprise, org unit) but NOT the caller's permission or
 * jurisdiction — callers have done that. Text from a complaint is redacted (no complainant data).
 * A repeat offence (屡改屡犯) is flagged and recorded as a credit event in the same transaction.
 */
export async function openProblem(tx: Db, actor: Actor, input: OpenProblemInput): Promise<{ id: string; code: string; repeatOffence: boolean }> {
  const fields: Record<string, string> = {};
  if (!PROBLEM_SOURCES.includes(input.source)) fields.source = '问题来源无效';
  if (!Number.isInteger(input.category) || input.category < 0 || input.category > 6) fields.category = '问题类别应为 0–6';
  if (!input.title?.trim()) fields.title = '请填写问题标题';
  if (!input.description?.trim()) fields.description = '请填写问题描述';
  if (!isValidDate(input.deadline)) fields.deadline = '整改期限应为有效日期（YYYY-MM-DD）';
  const today = todayInChina();
  const openedOn = input.openedOn && isValidDate(input.openedOn) && input.openedOn <= today ? input.openedOn : today;
  if (isValidDate(input.deadline) && input.deadline < openedOn) fields.deadline = openedOn === today ? '整改期限不能早于今天' : '整改期限不能早于发现问题的日期';

  const [region] = await tx.select({ id: regions.id }).from(regions).where(eq(regions.id, input.regionId));
  if (!region) fields.regionId = '行政区划不存在';
  let enterpriseId = input.enterpriseId ?? null;
  /** Names that must survive redaction (the company is named, residents are not). */
  const keep: string[] = [];
  if (input.projectId) {
    const [project] = await tx
      .select({ id: projects.id, name: projects.name, address: projects.address, enterpriseId: projects.enterpriseId })
      .from(projects)
      .where(eq(projects.id, input.projectId));
    if (!project) fields.projectId = '物业项目不存在';
    else {
      enterpriseId ??= project.enterpriseId;
      keep.push(project.name);
    }
  }
  if (enterpriseId) {
    const [ent] = await tx.select({ id: enterprises.id, name: enterprises.name }).from(enterprises).where(eq(enterprises.id, enterpriseId));
    if (!ent) fields.enterpriseId = '物业服务企业不存在';
    else keep.push(ent.name);
  }
  if (input.responsibleOrgUnitId) {
    const [unit] = await tx.select({ id: orgUnits.id }).from(orgUnits).where(eq(orgUnits.id, input.responsibleOrgUnitId));
    if (!unit) fields.responsibleOrgUnitId = '责任单位不存在';
  }
  if (Object.keys(fields).length) throw validationFailed(fields);

  const fromComplaint = input.source === 'complaint' || !!input.complaintId;
  const clean = (s: string) => (fromComplaint ? redactPersonalData(s, { keep, knownNames: input.knownNames }).text : s);
  const title = clean(input.title.trim());
  const description = clean(input.description.trim());
  const measures = input.measures?.trim() ? clean(input.measures.trim()) : null;

  const repeat = await detectRepeat(tx, enterpriseId, input.category, openedOn);

  const [seq] = await queryRows<{ n: string }>(tx, sql`SELECT nextval('problem_code_seq')::text AS n`);
  const code = `WT-${openedOn.slice(0, 4)}-${String(seq?.n ?? '0').padStart(6, '0')}`;

  const [row] = await tx
    .insert(problems)
    .values({
      code,
      source: input.source,
      sourceId: input.sourceId ?? null,
      complaintId: input.complaintId ?? null,
      regionId: input.regionId,
      projectId: input.projectId ?? null,
      enterpriseId,
      category: input.category,
      title,
      description,
      measures,
      responsibleOrgUnitId: input.responsibleOrgUnitId ?? null,
      responsiblePerson: input.responsiblePerson?.trim() || null,
      deadline: input.deadline,
      status: 'open',
      repeatOffence: repeat.repeatOffence,
      repeatOfProblemId: repeat.repeatOfProblemId,
      suggestedNextStep: repeat.suggestedNextStep,
      openedOn,
      createdBy: actor.userId,
    })
    .returning({ id: problems.id, code: problems.code });
  if (!row) throw new Error('problem insert returned nothing');

  await tx.insert(problemEvents).values({
    problemId: row.id,
    action: 'open',
    fromStatus: null,
    toStatus: 'open',
    actorId: actor.userId,
    actorName: actor.kind === 'system' ? '系统' : actor.displayName,
    actorEnterpriseId: isEnterpriseUser(actor) ? actor.enterpriseId : null,
    note: repeat.repeatOffence ? `屡改屡犯：该企业12个月内已有同类问题 ${repeat.priorCount} 件` : null,
  });
  await recordAudit(tx, actor, {
    action: 'problem.open',
    entityType: 'problem',
    entityId: row.id,
    regionId: input.regionId,
    after: { code, source: input.source, sourceId: input.sourceId ?? null, complaintId: input.complaintId ?? null, enterpriseId, category: input.category, deadline: input.deadline, ...repeat },
  });
  // The company learns of the order: code, the redacted title and the deadline — never the complainant.
  if (enterpriseId) {
    await publishMessage(tx, {
      kind: 'problem.assigned',
      recipients: [{ type: 'enterprise', enterpriseId }],
      record: { type: 'problem', id: row.id },
      link: `/app/problems/${row.id}`,
      vars: { code, title, deadline: input.deadline },
      actorUserId: actor.userId,
    });
  }

  if (repeat.repeatOffence && enterpriseId) {
    await addCreditEvent(tx, actor, {
      enterpriseId,
      type: 'repeat_offence',
      reason: `屡改屡犯：问题 ${code}（类别 ${input.category}）12个月内同类问题再次发生`,
      occurredOn: openedOn,
      sourceType: 'problem',
      sourceId: row.id,
    });
  }
  return { id: row.id, code: row.code, repeatOffence: repeat.repeatOffence };
}

/** Same enterprise, same category ≠ 0, opened within the previous 12 months (core/problems/repeat.ts); a withdrawn (已撤销) problem is no precedent. */
export async function detectRepeat(tx: Db, enterpriseId: string | null, category: number, openedOn: string, excludeId?: string): Promise<RepeatInfo> {
  const none: RepeatInfo = { repeatOffence: false, repeatOfProblemId: null, priorCount: 0, suggestedNextStep: null };
  if (!enterpriseId || !isComparableCategory(category)) return none;
  const prior = await tx
    .select({ id: problems.id })
    .from(problems)
    .where(
      and(
        eq(problems.enterpriseId, enterpriseId),
        eq(problems.category, category),
        gte(problems.openedOn, repeatWindowStart(openedOn)),
        lte(problems.openedOn, openedOn),
        ne(problems.status, 'withdrawn'),
        excludeId ? ne(problems.id, excludeId) : undefined,
      ),
    )
    .orderBy(desc(problems.openedOn), desc(problems.createdAt));
  if (!prior.length) return none;
  const taken = await ladderStepsTaken(tx, enterpriseId, openedOn);
  return { repeatOffence: true, repeatOfProblemId: prior[0]?.id ?? null, priorCount: prior.length, suggestedNextStep: suggestNextStep(prior.length, taken) };
}

/** Enforcement-ladder actions already taken against the enterprise in the 12-month window. */
async function ladderStepsTaken(tx: Db, enterpriseId: string, openedOn: string): Promise<string[]> {
  const rows = await tx
    .select({ type: enforcementActions.type })
    .from(enforcementActions)
    .where(
      and(
        eq(enforcementActions.enterpriseId, enterpriseId),
        gte(enforcementActions.actionDate, repeatWindowStart(openedOn)),
        lte(enforcementActions.actionDate, openedOn),
        inArray(enforcementActions.type, [...ENFORCEMENT_LADDER]),
      ),
    );
  return rows.map((r) => r.type);
}
