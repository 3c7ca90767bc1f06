import { and, desc, count, eq, gte, ilike, lte, or, sql } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppDeps } from '../../deps.js';
import { auditLog } from '../../db/schema/index.js';
import { actorOf } from '../../http/authenticate.js';
import { limitOffset, pageOf, pageQuery } from '../../http/pagination.js';
import { forbidden } from '../../http/errors.js';
import { regionScope } from '../../http/scope.js';
import { verifyAuditLog } from './audit.seal.js';

const auditSchema = z.object({
  id: z.number(),
  at: z.date(),
  actorId: z.string().nullable(),
  actorName: z.string().nullable(),
  action: z.string(),
  entityType: z.string(),
  entityId: z.string().nullable(),
  regionId: z.number().nullable(),
  before: z.unknown(),
  after: z.unknown(),
  note: z.string().nullable(),
  ip: z.string().nullable(),
  requestId: z.string().nullable(),
});

export async function auditRoutes(app: FastifyInstance, { db, cipher }: AppDeps) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  r.get(
    '/api/audit',
    {
      config: { permission: 'audit:read' },
      schema: {
        tags: ['audit'],
        summary: '审计日志检索（只读；本辖区）',
        querystring: pageQuery.extend({
          q: z.string().optional(),
          actor: z.string().optional(),
          action: z.string().optional(),
          entityType: z.string().optional(),
          entityId: z.string().optional(),
          from: z.coerce.date().optional(),
          to: z.coerce.date().optional(),
        }),
        response: { 200: pageOf(auditSchema) },
      },
    },
    async (request) => {
      const actor = actorOf(request);
      const q = request.query;
      // Rows without a region (e.g. failed logins for unknown names) are visible to auditors only.
      const scope = actor.roles.includes('auditor')
        ? or(regionScope(actor, auditLog.regionId), sql`${auditLog.regionId} IS NULL`)
        : regionScope(actor, auditLog.regionId);
      const where = and(
        scope,
        q.actor ? ilike(auditLog.actorName, `%${q.actor}%`) : undefined,
        q.action ? ilike(auditLog.action, `${q.action}%`) : undefined,
        q.entityType ? eq(auditLog.entityType, q.entityType) : undefined,
        q.entityId ? eq(auditLog.entityId, q.entityId) : undefined,
        q.from ? gte(auditLog.at, q.from) : undefined,
        q.to ? lte(auditLog.at, q.to) : undefined,
        q.q ? or(ilike(auditLog.note, `%${q.q}%`), ilike(auditLog.action, `%${q.q}%`), ilike(auditLog.entityId, `%${q.q}%`)) : undefined,
      );
      const { limit, offset } = limitOffset(q);
      const [items, [{ total }]] = await Promise.all([
        db.select().from(auditLog).where(where).orderBy(desc(auditLog.at), desc(auditLog.id)).limit(limit).offset(offset),
        db.select({ total: count() }).from(auditLog).where(where),
      ]);
      return { items, total, page: q.page, pageSize: q.pageSize };
    },
  );

  r.get(
    '/api/audit/integrity',
    {
      config: { permission: 'audit:read' },
      schema: {
        tags: ['audit'],
        summary: '审计日志完整性校验（审计员）：按封存链重新计算 HMAC-SM3，列出被改动、被删除和未封存的记录',
        querystring: z.object({ afterId: z.coerce.number().int().min(0).optional(), limit: z.coerce.number().int().min(1).max(200_000).optional() }),
        response: {
          200: z.object({
            ok: z.boolean(),
            checked: z.number(),
            checkedThrough: z.number().nullable(),
            more: z.boolean(),
            mismatched: z.array(z.number()),
            missing: z.array(z.number()),
            unsealed: z.number(),
          }),
        },
      },
    },
    async (request) => {
      // The whole chain, across jurisdictions: the security auditor's check (三员分立), nobody else's.
      if (!actorOf(request).roles.includes('auditor')) throw forbidden('只有审计员可以校验审计日志的完整性');
      return verifyAuditLog(db, cipher, request.query);
    },
  );
}
