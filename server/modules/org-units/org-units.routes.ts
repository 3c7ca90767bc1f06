import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppDeps } from '../../deps.js';
import { actorOf } from '../../http/authenticate.js';
import { pageOf, pageQuery } from '../../http/pagination.js';
import * as service from './org-units.service.js';

const orgUnitSchema = z.object({
  id: z.string(),
  regionId: z.number(),
  regionCode: z.string(),
  regionName: z.string(),
  type: z.string(),
  name: z.string(),
  shortName: z.string().nullable(),
  hotline: z.string().nullable(),
  contactName: z.string().nullable(),
  contactPhone: z.string().nullable(),
  responsibleLeader: z.string().nullable(),
  address: z.string().nullable(),
  active: z.boolean(),
});

export async function orgUnitRoutes(app: FastifyInstance, { db }: AppDeps) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['org-units'];

  r.get(
    '/api/org-units',
    {
      config: { permission: 'org_unit:read' },
      schema: {
        tags,
        summary: '单位列表（区划含下级；exact=true 仅本级）',
        querystring: pageQuery.extend({
          region: z.string().optional(),
          type: z.string().optional(),
          q: z.string().optional(),
          exact: z.enum(['true', 'false']).transform((v) => v === 'true').optional(),
        }),
        response: { 200: pageOf(orgUnitSchema) },
      },
    },
    async (request) => service.listOrgUnits(db, actorOf(request), request.query),
  );

  r.get(
    '/api/org-units/:id',
    { config: { permission: 'org_unit:read' }, schema: { tags, params: z.object({ id: z.uuid('无效的编号') }), response: { 200: orgUnitSchema } } },
    async (request) => service.getOrgUnit(db, actorOf(request), request.params.id),
  );

  r.post(
    '/api/org-units',
    { config: { permission: 'org_unit:manage' }, schema: { tags, body: service.orgUnitInput, response: { 201: orgUnitSchema } } },
    async (request, reply) => reply.status(201).send(await service.createOrgUnit(db, actorOf(request), request.body)),
  );

  r.patch(
    '/api/org-units/:id',
    {
      config: { permission: 'org_unit:manage' },
      schema: { tags, params: z.object({ id: z.uuid('无效的编号') }), body: service.orgUnitInput.partial(), response: { 200: orgUnitSchema } },
    },
    async (request) => service.updateOrgUnit(db, actorOf(request), request.params.id, request.body),
  );
}
