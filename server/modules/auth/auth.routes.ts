import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppDeps } from '../../deps.js';
import { actorOf } from '../../http/authenticate.js';
import { changePassword, login, logout } from './auth.service.js';
import { SESSION_COOKIE } from './sessions.js';
import { confirmTotp, enrollTotp, totpStatus } from './totp.js';

const meSchema = z.object({
  user: z.object({ id: z.string(), username: z.string(), displayName: z.string(), mustChangePassword: z.boolean(), mustEnrolTotp: z.boolean() }),
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

/** `GET /api/me` answers, serialised once per resolved session profile (dropped with the profile). */
const meJson = new WeakMap<object, { plain?: string; enrol?: string }>();

export async function authRoutes(app: FastifyInstance, { db, env, cipher }: AppDeps) {
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
      // A flood cap only; failed logins are throttled per account and per address in auth.service.
      config: { public: true, rateLimit: { max: 600, timeWindow: '1 minute' } },
      schema: {
        tags: ['auth'],
        summary: '登录（失败按账号与网络地址分别限流；启用动态口令的账号须带 totp）',
        body: z.object({
          username: z.string().min(1, '请输入用户名').max(64),
          password: z.string().min(1, '请输入密码').max(256),
          totp: z.string().max(32, '动态口令过长').optional(),
        }),
        response: { 200: z.object({ mustChangePassword: z.boolean(), mustEnrolTotp: z.boolean() }) },
      },
    },
    async (request, reply) => {
      const { body } = request;
      const { token, mustChangePassword, mustEnrolTotp } = await login(db, env, cipher, request, body.username.trim(), body.password, body.totp);
      reply.setCookie(SESSION_COOKIE, token, cookieOptions(request.protocol === 'https'));
      return { mustChangePassword, mustEnrolTotp };
    },
  );

  r.get(
    '/api/auth/totp',
    {
      config: { authenticated: true, duringTotpEnrolment: true },
      schema: {
        tags: ['auth'],
        summary: '动态口令（双因素）绑定状态',
        response: { 200: z.object({ enabled: z.boolean(), enabledAt: z.date().nullable(), recoveryCodesLeft: z.number(), required: z.boolean() }) },
      },
    },
    async (request) => totpStatus(db, env, actorOf(request)),
  );

  r.post(
    '/api/auth/totp/enroll',
    {
      config: { authenticated: true, duringTotpEnrolment: true, rateLimit: { max: 10, timeWindow: '1 minute' } },
      schema: {
        tags: ['auth'],
        summary: '开始绑定动态口令：生成密钥、二维码与恢复码（确认后生效）',
        response: { 200: z.object({ secret: z.string(), otpauthUrl: z.string(), qrCode: z.string(), recoveryCodes: z.array(z.string()) }) },
      },
    },
    async (request) => enrollTotp(db, cipher, actorOf(request)),
  );

  r.post(
    '/api/auth/totp/confirm',
    {
      config: { authenticated: true, duringTotpEnrolment: true, rateLimit: { max: 10, timeWindow: '1 minute' } },
      schema: {
        tags: ['auth'],
        summary: '输入动态口令确认绑定',
        body: z.object({ code: z.string().regex(/^\d{6}$/, '请输入手机上显示的 6 位数字') }),
        response: { 200: z.object({ enabled: z.literal(true) }) },
      },
    },
    async (request) => {
      await confirmTotp(db, cipher, actorOf(request), request.body.code);
      return { enabled: true as const };
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
    async (request, reply) => {
      const actor = actorOf(request);
      // Resolved with the session (memory, refreshed on change): no query of its own. The answer is
      // checked against the response schema and serialised once per resolved session profile.
      const profile = request.sessionProfile;
      if (!profile) throw new Error('session without profile');
      const mustEnrolTotp = !!request.mustEnrolTotp;
      let answers = meJson.get(profile);
      if (!answers) {
        answers = {};
        meJson.set(profile, answers);
      }
      const key = mustEnrolTotp ? 'enrol' : 'plain';
      answers[key] ??= JSON.stringify(
        meSchema.parse({ user: { ...profile.user, mustEnrolTotp }, roles: actor.roles, permissions: sortedPermissions(actor), region: profile.region, orgUnit: profile.orgUnit, enterpriseId: actor.enterpriseId }),
      );
      return reply.type('application/json; charset=utf-8').send(answers[key] as never);
    },
  );
}
