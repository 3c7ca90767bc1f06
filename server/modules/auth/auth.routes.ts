import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppDeps } from '../../deps.js';
import { actorOf } from '../../http/authenticate.js';
import { changePassword, login, logout } from './auth.service.js';
import { SESSION_COOKIE } from './sessions.js';

const meSchema = z.object({
  user: z.object({ id: z.string(), username: z.string(), displayName: z.string(), mustChangePassword: z.boolean() }),
  roles: z.array(z.string()),
  permissions: z.array(z.string()),
  region: z.object({ id: z.number(), code: z.string(), name: z.string(), level: z.string() }),
  orgUnit: z.object({ id: z.string(), name: z.string(), type: z.string() }).nullable(),
  enterpriseId: z.string().nullable(),
});

const sortedCache = new WeakMap<ReadonlySet<string>, string[]>();
/** The permissions as a sorted list, computed once per resolved permission set. */
function sortedPermissions(actor: { permissions: ReadonlySet<string> }): string[] {
  let list = sortedCache.get(actor.permissions);
  if (!list) {
    list = [...actor.permissions].sort();
    sortedCache.set(actor.permissions, list);
  }
  return list;
}

export async function authRoutes(app: FastifyInstance, { db, env }: AppDeps) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const cookieOptions = (secureRequest: boolean) => ({
    path: '/',
    httpOnly: true,
    sameSite: 'lax' as const,
    secure: env.COOKIE_SECURE === 'auto' ? secureRequest : env.COOKIE_SECURE === 'true',
  });

  r.post(
    '/api/auth/login',
    {
      config: { public: true, rateLimit: { max: 30, timeWindow: '1 minute' } },
      schema: {
        tags: ['auth'],
        summary: '登录',
        body: z.object({ username: z.string().min(1, '请输入用户名').max(64), password: z.string().min(1, '请输入密码').max(256) }),
        response: { 200: z.object({ mustChangePassword: z.boolean() }) },
      },
    },
    async (request, reply) => {
      const { token, mustChangePassword } = await login(db, env, request, request.body.username.trim(), request.body.password);
      reply.setCookie(SESSION_COOKIE, token, cookieOptions(request.protocol === 'https'));
      return { mustChangePassword };
    },
  );

  r.post(
    '/api/auth/logout',
    { config: { authenticated: true, duringPasswordChange: true }, schema: { tags: ['auth'], summary: '退出登录' } },
    async (request, reply) => {
      if (request.sessionId) await logout(db, actorOf(request), request.sessionId);
      reply.clearCookie(SESSION_COOKIE, { path: '/' });
      return reply.status(204).send();
    },
  );

  r.post(
    '/api/auth/change-password',
    {
      config: { authenticated: true, duringPasswordChange: true, rateLimit: { max: 20, timeWindow: '1 minute' } },
      schema: {
        tags: ['auth'],
        summary: '修改密码',
        body: z.object({ currentPassword: z.string().min(1, '请输入当前密码'), newPassword: z.string().min(1, '请输入新密码') }),
      },
    },
    async (request, reply) => {
      await changePassword(db, actorOf(request), request.sessionId as string, request.body.currentPassword, request.body.newPassword);
      return reply.status(204).send();
    },
  );

  r.get(
    '/api/me',
    { config: { authenticated: true, duringPasswordChange: true }, schema: { tags: ['auth'], summary: '当前用户', response: { 200: meSchema } } },
    async (request) => {
      const actor = actorOf(request);
      // Resolved with the session (memory, refreshed on change): no query of its own.
      const profile = request.sessionProfile;
      if (!profile) throw new Error('session without profile');
      return { user: profile.user, roles: actor.roles, permissions: sortedPermissions(actor), region: profile.region, orgUnit: profile.orgUnit, enterpriseId: actor.enterpriseId };
    },
  );
}
