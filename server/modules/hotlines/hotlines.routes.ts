import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Permission } from '../../../core/roles.js';
import type { AppDeps } from '../../deps.js';
import { actorOf } from '../../http/authenticate.js';
import { pageOf } from '../../http/pagination.js';
import * as s from './hotlines.schemas.js';
import * as service from './hotlines.service.js';

/** Hotline directory (public) and spot checks (SPEC §6). */
export async function hotlineRoutes(app: FastifyInstance, { db }: AppDeps) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['hotlines'];
  const staff: { permission: Permission[] } = { permission: ['hotline:check', 'hotline:manage', 'complaint:read'] };

  r.get(
    '/api/public/hotlines',
    {
      config: { public: true, rateLimit: { max: 120, timeWindow: '1 minute' } },
      schema: { tags: ['public', ...tags], summary: '投诉举报电话公示（各单位电话、接听时间、责任单位）', querystring: z.object({ region: z.string().trim().max(32).optional() }), response: { 200: z.object({ items: z.array(s.publicHotline) }) } },
    },
    async (request) => service.publicDirectory(db, request.query.region),
  );
  r.get(
    '/api/hotlines',
    { config: staff, schema: { tags, summary: '辖区投诉举报电话及最近抽查', querystring: z.object({ region: z.string().trim().max(32).optional() }), response: { 200: z.object({ items: z.array(s.staffHotline) }) } } },
    async (request) => service.staffDirectory(db, actorOf(request), request.query.region),
  );
  r.put(
    '/api/hotlines/:orgUnitId',
    { config: { permission: 'hotline:manage' }, schema: { tags, summary: '维护本单位投诉举报电话', params: s.orgUnitParams, body: s.hotlineInput, response: { 200: z.object({ ok: z.literal(true) }) } } },
    async (request) => service.saveHotline(db, actorOf(request), request.params.orgUnitId, request.body),
  );
  r.post(
    '/api/hotline-checks',
    { config: { permission: 'hotline:check' }, schema: { tags, summary: '记录热线抽查（未通过则在台账立项并安排复查）', body: s.checkInput, response: { 201: z.object({ id: z.string(), problemId: z.string().nullable() }) } } },
    async (request, reply) => reply.status(201).send(await service.recordCheck(db, actorOf(request), request.body)),
  );
  r.get(
    '/api/hotline-checks',
    { config: staff, schema: { tags, summary: '热线抽查记录', querystring: s.listChecksQuery, response: { 200: pageOf(s.checkRow) } } },
    async (request) => service.listChecks(db, actorOf(request), request.query),
  );
  r.get(
    '/api/hotline-checks/compliance',
    { config: staff, schema: { tags, summary: '热线接通率（按区划、单位；期间内未抽查的单位）', querystring: s.periodQuery, response: { 200: s.complianceSchema } } },
    async (request) => service.compliance(db, actorOf(request), request.query),
  );
}
