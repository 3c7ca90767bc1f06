import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppDeps } from '../../deps.js';
import { actorOf } from '../../http/authenticate.js';
import { pageOf, pageQuery } from '../../http/pagination.js';
import * as service from './users.service.js';

/** Explicit allowlist: the password hash and lockout counters never leave the server. */
const userSchema = z.object({
  id: z.string(),
  username: z.string(),
  displayName: z.string(),
  roles: z.array(z.string()),
  regionId: z.number(),
  regionCode: z.string(),
  regionName: z.string(),
  orgUnitId: z.string().nullable(),
  orgUnitName: z.string().nullable(),
  enterpriseId: z.string().nullable(),
  phone: z.string().nullable(),
  certificateNo: z.string().nullable(),
  mustChangePassword: z.boolean(),
  lockedUntil: z.date().nullable(),
  lastLoginAt: z.date().nullable(),
  disabled: z.boolean(),
  createdAt: z.date(),
});
const idParams = z.object({ id: z.uuid('无效的编号') });

export async function userRoutes(app: FastifyInstance, { db }: AppDeps) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['users'];

  r.get(
    '/api/users',
    {
      config: { permission: 'user:manage' },
      schema: {
        tags,
        summary: '用户列表（仅系统管理员）',
        querystring: pageQuery.extend({ q: z.string().optional(), role: z.string().optional(), region: z.string().optional() }),
        response: { 200: pageOf(userSchema) },
      },
    },
    async (request) => service.listUsers(db, actorOf(request), request.query),
  );
  r.get(
    '/api/users/:id',
    { config: { permission: 'user:manage' }, schema: { tags, params: idParams, response: { 200: userSchema } } },
    async (request) => service.getUser(db, actorOf(request), request.params.id),
  );
  r.post(
    '/api/users',
    {
      config: { permission: 'user:manage' },
      schema: {
        tags,
        summary: '新建用户（未填密码则生成临时密码，首次登录须修改）',
        body: service.createUserInput,
        response: { 201: z.object({ user: userSchema, initialPassword: z.string().nullable() }) },
      },
    },
    async (request, reply) => reply.status(201).send(await service.createUser(db, actorOf(request), request.body)),
  );
  r.patch(
    '/api/users/:id',
    { config: { permission: 'user:manage' }, schema: { tags, params: idParams, body: service.updateUserInput, response: { 200: userSchema } } },
    async (request) => service.updateUser(db, actorOf(request), request.params.id, request.body),
  );
  r.post(
    '/api/users/:id/reset-password',
    {
      config: { permission: 'user:manage' },
      schema: { tags, summary: '重置密码', params: idParams, response: { 200: z.object({ temporaryPassword: z.string() }) } },
    },
    async (request) => service.resetPassword(db, actorOf(request), request.params.id),
  );
  r.post(
    '/api/users/:id/unlock',
    { config: { permission: 'user:manage' }, schema: { tags, summary: '解除锁定', params: idParams } },
    async (request, reply) => {
      await service.unlockUser(db, actorOf(request), request.params.id);
      return reply.status(204).send();
    },
  );
}
