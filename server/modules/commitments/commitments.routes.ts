import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { AppDeps } from '../../deps.js';
import { actorOf } from '../../http/authenticate.js';
import { pageOf } from '../../http/pagination.js';
import * as s from './commitments.schemas.js';
import * as service from './commitments.service.js';

/** 承诺书 (SPEC §7): issued by the district housing department, signed by the company account. */
export async function commitmentRoutes(app: FastifyInstance, { db }: AppDeps) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['commitments'];
  const read = { permission: 'commitment:read' } as const;

  r.post(
    '/api/commitments/issue',
    { config: { permission: 'commitment:issue' }, schema: { tags, summary: '下发承诺书（所选项目或某区划全部项目）', body: s.issueInput, response: { 201: s.issueResponse } } },
    async (request, reply) => reply.status(201).send(await service.issueCommitments(db, actorOf(request), request.body)),
  );
  r.get(
    '/api/commitments',
    { config: read, schema: { tags, summary: '承诺书列表（按专项行动、区划、状态、签署日期）', querystring: s.listQuery, response: { 200: pageOf(s.commitmentRow) } } },
    async (request) => service.listCommitments(db, actorOf(request), request.query),
  );
  r.get(
    '/api/commitments/summary',
    { config: read, schema: { tags, summary: '承诺书签署情况（按区划）', querystring: s.summaryQuery, response: { 200: s.summaryResponse } } },
    async (request) => service.commitmentSummary(db, actorOf(request), request.query),
  );
  r.get(
    '/api/commitments/:id',
    { config: read, schema: { tags, summary: '承诺书详情（已签署的为签署时的文本）', params: s.idParams, response: { 200: s.commitmentDetail } } },
    async (request) => service.getCommitment(db, actorOf(request), request.params.id),
  );
  r.post(
    '/api/commitments/:id/sign',
    { config: { permission: 'commitment:sign' }, schema: { tags, summary: '企业电子签署承诺书', params: s.idParams, response: { 200: s.signResponse } } },
    async (request) => service.signCommitment(db, actorOf(request), request.params.id),
  );
}
