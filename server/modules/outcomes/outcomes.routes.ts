import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Permission } from '../../../core/roles.js';
import type { AppDeps } from '../../deps.js';
import { actorOf } from '../../http/authenticate.js';
import * as service from './outcomes.service.js';

type RouteAccess = { permission: Permission | Permission[] };

/** Outcome records (成果): 为群众办实事, 美好家园, 普法宣传, 制度机制. */
export async function outcomeRoutes(app: FastifyInstance, { db }: AppDeps) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['outcomes'];
  const read: RouteAccess = { permission: ['report:read', 'outcome:manage'] };
  const manage: RouteAccess = { permission: 'outcome:manage' };
  const q = { querystring: service.outcomeListQuery };

  r.get('/api/deeds', { config: read, schema: { tags, summary: '为群众办实事', ...q } }, async (req) => service.listDeeds(db, actorOf(req), req.query));
  r.post('/api/deeds', { config: manage, schema: { tags, summary: '登记为群众办实事', body: service.deedInput } }, async (req, reply) =>
    reply.status(201).send(await service.createDeed(db, actorOf(req), req.body)),
  );
  r.get('/api/model-projects', { config: read, schema: { tags, summary: '“美好家园”选树项目', ...q } }, async (req) => service.listModelProjects(db, actorOf(req), req.query));
  r.post('/api/model-projects', { config: manage, schema: { tags, summary: '登记“美好家园”选树项目', body: service.modelProjectInput } }, async (req, reply) =>
    reply.status(201).send(await service.createModelProject(db, actorOf(req), req.body)),
  );
  r.get('/api/publicity-events', { config: read, schema: { tags, summary: '普法宣传活动', ...q } }, async (req) => service.listPublicityEvents(db, actorOf(req), req.query));
  r.post('/api/publicity-events', { config: manage, schema: { tags, summary: '登记普法宣传活动（谁执法谁普法）', body: service.publicityInput } }, async (req, reply) =>
    reply.status(201).send(await service.createPublicityEvent(db, actorOf(req), req.body)),
  );
  r.get('/api/institutional-outcomes', { config: read, schema: { tags, summary: '制度机制成果', ...q } }, async (req) =>
    service.listInstitutionalOutcomes(db, actorOf(req), req.query),
  );
  r.post('/api/institutional-outcomes', { config: manage, schema: { tags, summary: '登记制度机制成果', body: service.institutionalInput } }, async (req, reply) =>
    reply.status(201).send(await service.createInstitutionalOutcome(db, actorOf(req), req.body)),
  );
}
