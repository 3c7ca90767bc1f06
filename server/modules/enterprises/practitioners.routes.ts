import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { AppDeps } from '../../deps.js';
import { actorOf } from '../../http/authenticate.js';
import { pageOf } from '../../http/pagination.js';
import { idParams } from './enterprises.schemas.js';
import { practitionerInput, practitionerListQuery, practitionerSchema, practitionerUpdate } from './practitioners.schemas.js';
import * as service from './practitioners.service.js';

export async function practitionerRoutes(app: FastifyInstance, { db }: AppDeps) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['practitioners'];

  r.get(
    '/api/practitioners',
    {
      config: { permission: 'enterprise:read' },
      schema: { tags, summary: '从业人员列表（按企业可见范围）', querystring: practitionerListQuery, response: { 200: pageOf(practitionerSchema) } },
    },
    async (request) => service.listPractitioners(db, actorOf(request), request.query),
  );
  r.get(
    '/api/practitioners/:id',
    { config: { permission: 'enterprise:read' }, schema: { tags, params: idParams, response: { 200: practitionerSchema } } },
    async (request) => service.getPractitioner(db, actorOf(request), request.params.id),
  );
  r.post(
    '/api/practitioners',
    { config: { permission: 'enterprise:manage' }, schema: { tags, summary: '登记从业人员', body: practitionerInput, response: { 201: practitionerSchema } } },
    async (request, reply) => reply.status(201).send(await service.createPractitioner(db, actorOf(request), request.body)),
  );
  r.patch(
    '/api/practitioners/:id',
    {
      config: { permission: 'enterprise:manage' },
      schema: { tags, summary: '修改从业人员（离职请设 active=false，不删除）', params: idParams, body: practitionerUpdate, response: { 200: practitionerSchema } },
    },
    async (request) => service.updatePractitioner(db, actorOf(request), request.params.id, request.body),
  );
}
