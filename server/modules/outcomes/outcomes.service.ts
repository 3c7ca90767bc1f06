import { type AnyColumn, and, count, desc, eq, gte, lte, type SQL } from 'drizzle-orm';
import { z } from 'zod';
import { DEED_TYPES } from '../../../core/reports/outcomes.js';
import { isIsoDate } from '../../../core/working-days.js';
import type { Db } from '../../db/client.js';
import { institutionalOutcomes, modelProjects, practicalDeeds, projects, publicityEvents, regions } from '../../db/schema/index.js';
import type { Actor } from '../../http/actor.js';
import { recordAudit } from '../../http/audit.js';
import { limitOffset, pageQuery } from '../../http/pagination.js';
import { regionFilterPath, regionInScope, regionScope } from '../../http/scope.js';
import { requireVisibleProject } from '../projects/projects.service.js';

/*
 * Outcome records (SPEC §12) counted by the monthly form: practical deeds (row 14), 美好家园 model
 * projects (row 13), law publicity events (row 10) and institutional outcomes. A record counts
 * under its region; deeds and model projects take the project's region. Writes: outcome:manage,
 * inside the actor's jurisdiction, one transaction with the audit row.
 */

const day = (what: string) => z.string().refine(isIsoDate, `${what}格式为 YYYY-MM-DD`);
const text = (min: number, max: number, msg: string) => z.string().trim().min(min, msg).max(max, `不超过 ${max} 个字`);

export const deedInput = z.object({
  projectId: z.uuid('请选择物业项目'),
  type: z.enum(DEED_TYPES, { message: '请选择实事类型' }),
  description: text(2, 2000, '请填写实事内容'),
  date: day('办理日期'),
  photoIds: z.array(z.uuid()).max(20).optional(),
  orgUnitId: z.uuid().nullish(),
});
export const modelProjectInput = z.object({ projectId: z.uuid('请选择物业项目'), reasons: text(2, 2000, '请填写选树理由'), date: day('选树日期') });
export const publicityInput = z.object({
  regionCode: z.string().trim().min(1, '请选择行政区划').max(40),
  date: day('活动日期'),
  title: text(2, 200, '请填写活动名称'),
  place: z.string().trim().max(200).nullish(),
  brochures: z.coerce.number().int().min(0, '宣传册数不能为负').max(10_000_000),
  audience: z.coerce.number().int().min(0).max(10_000_000).nullish(),
  orgUnitId: z.uuid().nullish(),
});
export const institutionalInput = z.object({
  regionCode: z.string().trim().min(1, '请选择行政区划').max(40),
  title: text(2, 200, '请填写制度名称'),
  date: day('出台日期'),
  documentFileId: z.uuid().nullish(),
  note: z.string().trim().max(2000).nullish(),
});

export const outcomeListQuery = pageQuery.extend({
  region: z.string().trim().max(40).optional(),
  from: day('开始日期').optional(),
  to: day('结束日期').optional(),
});
type ListQuery = z.infer<typeof outcomeListQuery>;

async function create<T extends { id: string; regionId: number }>(db: Db, actor: Actor, entityType: string, insert: (tx: Db) => Promise<T>): Promise<T> {
  return db.transaction(async (tx) => {
    const row = await insert(tx);
    await recordAudit(tx, actor, { action: `${entityType}.create`, entityType, entityId: row.id, regionId: row.regionId, after: row });
    return row;
  });
}

export async function createDeed(db: Db, actor: Actor, input: z.infer<typeof deedInput>) {
  const project = await requireVisibleProject(db, actor, input.projectId);
  return create(db, actor, 'practical_deed', async (tx) => {
    const [row] = await tx
      .insert(practicalDeeds)
      .values({ regionId: project.regionId, projectId: project.id, orgUnitId: input.orgUnitId ?? actor.orgUnitId, type: input.type, description: input.description, doneOn: input.date, photoFileIds: input.photoIds ?? [], createdBy: actor.userId })
      .returning();
    return row;
  });
}

export async function createModelProject(db: Db, actor: Actor, input: z.infer<typeof modelProjectInput>) {
  const project = await requireVisibleProject(db, actor, input.projectId);
  return create(db, actor, 'model_project', async (tx) => {
    const [row] = await tx.insert(modelProjects).values({ regionId: project.regionId, projectId: project.id, reasons: input.reasons, selectedOn: input.date, createdBy: actor.userId }).returning();
    return row;
  });
}

export async function createPublicityEvent(db: Db, actor: Actor, input: z.infer<typeof publicityInput>) {
  const region = await regionInScope(db, actor, input.regionCode);
  return create(db, actor, 'publicity_event', async (tx) => {
    const [row] = await tx
      .insert(publicityEvents)
      .values({ regionId: region.id, orgUnitId: input.orgUnitId ?? actor.orgUnitId, heldOn: input.date, title: input.title, place: input.place ?? null, brochures: input.brochures, audience: input.audience ?? null, createdBy: actor.userId })
      .returning();
    return row;
  });
}

export async function createInstitutionalOutcome(db: Db, actor: Actor, input: z.infer<typeof institutionalInput>) {
  const region = await regionInScope(db, actor, input.regionCode);
  return create(db, actor, 'institutional_outcome', async (tx) => {
    const [row] = await tx
      .insert(institutionalOutcomes)
      .values({ regionId: region.id, title: input.title, adoptedOn: input.date, documentFileId: input.documentFileId ?? null, note: input.note ?? null, createdBy: actor.userId })
      .returning();
    return row;
  });
}

/** Lists of one outcome table in the actor's jurisdiction, optionally narrowed to a region and a date window. */
async function list<T>(
  db: Db,
  actor: Actor,
  q: ListQuery,
  t: { regionId: AnyColumn; date: AnyColumn },
  run: (where: SQL | undefined, limit: number, offset: number) => Promise<T[]>,
  total: (where: SQL | undefined) => Promise<number>,
) {
  const within = await regionFilterPath(db, q.region);
  const where = and(regionScope(actor, t.regionId, within), q.from ? gte(t.date, q.from) : undefined, q.to ? lte(t.date, q.to) : undefined);
  const { limit, offset } = limitOffset(q);
  return { items: await run(where, limit, offset), total: await total(where), page: q.page, pageSize: q.pageSize };
}

export function listDeeds(db: Db, actor: Actor, q: ListQuery) {
  const cols = { regionId: practicalDeeds.regionId, date: practicalDeeds.doneOn };
  return list(
    db,
    actor,
    q,
    cols,
    (where, limit, offset) =>
      db
        .select({ id: practicalDeeds.id, projectId: practicalDeeds.projectId, projectName: projects.name, regionName: regions.name, type: practicalDeeds.type, description: practicalDeeds.description, date: practicalDeeds.doneOn, photoIds: practicalDeeds.photoFileIds })
        .from(practicalDeeds)
        .innerJoin(projects, eq(projects.id, practicalDeeds.projectId))
        .innerJoin(regions, eq(regions.id, practicalDeeds.regionId))
        .where(where)
        .orderBy(desc(practicalDeeds.doneOn), desc(practicalDeeds.createdAt))
        .limit(limit)
        .offset(offset),
    async (where) => (await db.select({ n: count() }).from(practicalDeeds).where(where))[0].n,
  );
}

export function listModelProjects(db: Db, actor: Actor, q: ListQuery) {
  const cols = { regionId: modelProjects.regionId, date: modelProjects.selectedOn };
  return list(
    db,
    actor,
    q,
    cols,
    (where, limit, offset) =>
      db
        .select({ id: modelProjects.id, projectId: modelProjects.projectId, projectName: projects.name, regionName: regions.name, reasons: modelProjects.reasons, date: modelProjects.selectedOn })
        .from(modelProjects)
        .innerJoin(projects, eq(projects.id, modelProjects.projectId))
        .innerJoin(regions, eq(regions.id, modelProjects.regionId))
        .where(where)
        .orderBy(desc(modelProjects.selectedOn))
        .limit(limit)
        .offset(offset),
    async (where) => (await db.select({ n: count() }).from(modelProjects).where(where))[0].n,
  );
}

export function listPublicityEvents(db: Db, actor: Actor, q: ListQuery) {
  const cols = { regionId: publicityEvents.regionId, date: publicityEvents.heldOn };
  return list(
    db,
    actor,
    q,
    cols,
    (where, limit, offset) =>
      db
        .select({ id: publicityEvents.id, regionName: regions.name, title: publicityEvents.title, place: publicityEvents.place, brochures: publicityEvents.brochures, audience: publicityEvents.audience, date: publicityEvents.heldOn })
        .from(publicityEvents)
        .innerJoin(regions, eq(regions.id, publicityEvents.regionId))
        .where(where)
        .orderBy(desc(publicityEvents.heldOn))
        .limit(limit)
        .offset(offset),
    async (where) => (await db.select({ n: count() }).from(publicityEvents).where(where))[0].n,
  );
}

export function listInstitutionalOutcomes(db: Db, actor: Actor, q: ListQuery) {
  const cols = { regionId: institutionalOutcomes.regionId, date: institutionalOutcomes.adoptedOn };
  return list(
    db,
    actor,
    q,
    cols,
    (where, limit, offset) =>
      db
        .select({ id: institutionalOutcomes.id, regionName: regions.name, title: institutionalOutcomes.title, note: institutionalOutcomes.note, date: institutionalOutcomes.adoptedOn })
        .from(institutionalOutcomes)
        .innerJoin(regions, eq(regions.id, institutionalOutcomes.regionId))
        .where(where)
        .orderBy(desc(institutionalOutcomes.adoptedOn))
        .limit(limit)
        .offset(offset),
    async (where) => (await db.select({ n: count() }).from(institutionalOutcomes).where(where))[0].n,
  );
}
