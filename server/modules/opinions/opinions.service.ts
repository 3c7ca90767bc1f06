import { type SQL, and, desc, eq, ilike, or, sql } from 'drizzle-orm';
import { z } from 'zod';
import { OPINION_STATUSES, OPINION_STATUS_LABELS, type OpinionStatus } from '../../../core/problems/labels.js';
import { type Db, escapeLike } from '../../db/client.js';
import { opinions, regions, users } from '../../db/schema/index.js';
import { type Actor, isEnterpriseUser } from '../../http/actor.js';
import { recordAudit } from '../../http/audit.js';
import { forbidden, notFound } from '../../http/errors.js';
import { limitOffset, pageQuery } from '../../http/pagination.js';
import { regionByIdInScope, regionFilterPath, regionInScope, regionScope } from '../../http/scope.js';

/*
 * 意见建议清单 (SPEC §9): opinions and suggestions gathered during the campaign (座谈会、走访、
 * 来信), each with a response. Staff only, within their region subtree (404 outside);
 * enterprise users have no access.
 */

const text = (max: number, label: string) =>
  z.string({ message: `请填写${label}` }).trim().min(1, `请填写${label}`).max(max, `${label}不超过 ${max} 个字`);

export const listOpinionsQuery = pageQuery.extend({
  status: z.enum(OPINION_STATUSES, { message: '未知的状态' }).optional(),
  region: z.string().max(40).optional(),
  q: z.string().trim().max(100).optional(),
});
export const createOpinionInput = z.object({
  /** Region code; defaults to the creator's region. */
  regionCode: z.string().trim().max(40).nullish(),
  sourceUnit: text(200, '来源单位'),
  content: text(4000, '意见建议内容'),
  submittedBy: text(100, '提出人或单位'),
});
export const respondInput = z.object({ response: text(4000, '答复内容') });

export const opinionSchema = z.object({
  id: z.string(),
  regionId: z.number(),
  regionCode: z.string(),
  regionName: z.string(),
  sourceUnit: z.string(),
  content: z.string(),
  submittedBy: z.string(),
  status: z.string(),
  statusLabel: z.string(),
  response: z.string().nullable(),
  respondedByName: z.string().nullable(),
  respondedAt: z.date().nullable(),
  createdAt: z.date(),
});

const columns = {
  id: opinions.id,
  regionId: opinions.regionId,
  regionCode: regions.code,
  regionName: regions.name,
  sourceUnit: opinions.sourceUnit,
  content: opinions.content,
  submittedBy: opinions.submittedBy,
  status: opinions.status,
  response: opinions.response,
  respondedByName: users.displayName,
  respondedAt: opinions.respondedAt,
  createdAt: opinions.createdAt,
};

function staffOnly(actor: Actor) {
  if (isEnterpriseUser(actor)) throw forbidden('意见建议清单仅供工作人员查看');
}

const present = <T extends { status: string }>(row: T) => ({ ...row, statusLabel: OPINION_STATUS_LABELS[row.status as OpinionStatus] ?? row.status });

function select(db: Db) {
  return db.select(columns).from(opinions).innerJoin(regions, eq(regions.id, opinions.regionId)).leftJoin(users, eq(users.id, opinions.respondedBy));
}

export async function listOpinions(db: Db, actor: Actor, q: z.infer<typeof listOpinionsQuery>) {
  staffOnly(actor);
  const conds: Array<SQL | undefined> = [regionScope(actor, opinions.regionId, await regionFilterPath(db, q.region))];
  if (q.status) conds.push(eq(opinions.status, q.status));
  if (q.q) {
    const p = `%${escapeLike(q.q)}%`;
    conds.push(or(ilike(opinions.content, p), ilike(opinions.sourceUnit, p), ilike(opinions.submittedBy, p)));
  }
  const where = and(...conds);
  const { limit, offset } = limitOffset(q);
  const items = await select(db).where(where).orderBy(desc(opinions.createdAt), desc(opinions.id)).limit(limit).offset(offset);
  const [c] = await db.select({ n: sql<number>`count(*)::int` }).from(opinions).where(where);
  return { items: items.map(present), total: c?.n ?? 0, page: q.page, pageSize: q.pageSize };
}

export async function getOpinion(db: Db, actor: Actor, id: string) {
  staffOnly(actor);
  const [row] = await select(db).where(and(eq(opinions.id, id), regionScope(actor, opinions.regionId)));
  if (!row) throw notFound('意见建议');
  return present(row);
}

export async function createOpinion(db: Db, actor: Actor, input: z.infer<typeof createOpinionInput>) {
  staffOnly(actor);
  const id = await db.transaction(async (tx) => {
    const region = input.regionCode ? await regionInScope(tx, actor, input.regionCode) : await regionByIdInScope(tx, actor, actor.regionId);
    const [row] = await tx
      .insert(opinions)
      .values({ regionId: region.id, sourceUnit: input.sourceUnit, content: input.content, submittedBy: input.submittedBy, createdBy: actor.userId })
      .returning({ id: opinions.id });
    if (!row) throw new Error('opinion insert returned nothing');
    await recordAudit(tx, actor, { action: 'opinion.create', entityType: 'opinion', entityId: row.id, regionId: region.id, after: input });
    return row.id;
  });
  return getOpinion(db, actor, id);
}

/** Records (or corrects) the response; the previous text stays in the audit log. */
export async function respondOpinion(db: Db, actor: Actor, id: string, input: z.infer<typeof respondInput>) {
  staffOnly(actor);
  await db.transaction(async (tx) => {
    const [before] = await tx
      .select({ id: opinions.id, regionId: opinions.regionId, status: opinions.status, response: opinions.response })
      .from(opinions)
      .where(and(eq(opinions.id, id), regionScope(actor, opinions.regionId)))
      .for('update');
    if (!before) throw notFound('意见建议');
    await tx
      .update(opinions)
      .set({ status: 'responded', response: input.response, respondedBy: actor.userId, respondedAt: new Date(), updatedAt: new Date() })
      .where(eq(opinions.id, id));
    await recordAudit(tx, actor, {
      action: before.status === 'responded' ? 'opinion.response_update' : 'opinion.respond',
      entityType: 'opinion',
      entityId: id,
      regionId: before.regionId,
      before: { status: before.status, response: before.response },
      after: { status: 'responded', response: input.response },
    });
  });
  return getOpinion(db, actor, id);
}
