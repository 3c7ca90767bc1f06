import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Permission } from '../../core/roles.js';
import { startChangeFeed } from '../db/changes.js';
import type { Database, Db } from '../db/client.js';
import type { Env } from '../env.js';
import { type Actor, can } from './actor.js';
import { AppError, forbidden } from './errors.js';
import { resolveSession, SESSION_COOKIE, SessionCache, type SessionProfile } from '../modules/auth/sessions.js';

declare module 'fastify' {
  interface FastifyContextConfig {
    /** Open to anyone (portal, health, login). */
    public?: boolean;
    /** Any signed-in user; no specific permission. */
    authenticated?: boolean;
    /** Signed-in user holding this permission (any of, when an array). */
    permission?: Permission | Permission[];
    /** Reachable while a password change is pending (me, change-password, logout). */
    duringPasswordChange?: boolean;
    /** Reachable while a required TOTP enrolment is pending (besides the duringPasswordChange routes). */
    duringTotpEnrolment?: boolean;
  }
  interface FastifyRequest {
    actor: Actor | null;
    sessionId: string | null;
    /** The signed-in user's names (GET /api/me), resolved with the session. */
    sessionProfile: SessionProfile | null;
  }
}

/** The acting user of an authenticated route (the hook guarantees it is set). */
export function actorOf(request: FastifyRequest): Actor {
  if (!request.actor) throw new AppError('UNAUTHENTICATED', 401, '请先登录');
  return request.actor;
}

/**
 * Authentication and permission check for every /api route, in one hook. A route must declare
 * `public`, `authenticated` or `permission` in its config — one that declares nothing is refused
 * at start-up, so no route can be added without a decision on who may call it.
 */
export function registerAuthentication(app: FastifyInstance, deps: { db: Db; env: Env; database?: Database }) {
  app.decorateRequest('actor', null);
  app.decorateRequest('sessionId', null);
  app.decorateRequest('sessionProfile', null);

  // Sessions are resolved from memory while this instance receives the database's change feed
  // (revocations, user changes from any instance); the feed also keeps the other caches honest.
  const sessionCache = new SessionCache();
  let stopFeed: (() => Promise<void>) | null = null;
  app.addHook('onReady', async () => {
    if (deps.database) stopFeed = await startChangeFeed(deps.database);
  });
  app.addHook('onClose', async () => {
    sessionCache.close();
    await stopFeed?.();
  });

  app.addHook('onRoute', (route) => {
    if (!route.url.startsWith('/api/') && !route.url.startsWith('/open311/')) return;
    if (route.url.startsWith('/api/docs')) return; // swagger-ui static assets
    const c = route.config ?? {};
    if (!c.public && !c.authenticated && !c.permission) {
      throw new Error(`Route ${route.method} ${route.url} declares no access rule (public/authenticated/permission)`);
    }
  });

  app.addHook('preHandler', async (request: FastifyRequest, reply: FastifyReply) => {
    const config = request.routeOptions.config ?? {};
    const token = request.cookies?.[SESSION_COOKIE];
    if (token) {
      const resolved = await resolveSession(deps.db, deps.env, token, request, sessionCache);
      if (resolved) {
        request.actor = resolved.actor;
        request.sessionId = resolved.sessionId;
        request.sessionProfile = resolved.profile;
        request.mustChangePassword = resolved.mustChangePassword;
        request.mustEnrolTotp = resolved.mustEnrolTotp;
      } else if (!config.public) {
        reply.clearCookie(SESSION_COOKIE, { path: '/' });
      }
    }
    if (config.public) return;
    if (!config.authenticated && !config.permission) return; // non-API routes (static files)
    if (!request.actor) throw new AppError('UNAUTHENTICATED', 401, '请先登录，或登录已超时');
    if (request.mustChangePassword && !config.duringPasswordChange) {
      throw new AppError('PASSWORD_CHANGE_REQUIRED', 403, '首次登录或密码已重置，请先修改密码');
    }
    if (request.mustEnrolTotp && !config.duringPasswordChange && !config.duringTotpEnrolment) {
      throw new AppError('TOTP_ENROLMENT_REQUIRED', 403, '您的角色须使用动态口令登录，请先在“账号安全”中绑定动态口令');
    }
    if (config.permission) {
      const wanted = Array.isArray(config.permission) ? config.permission : [config.permission];
      if (!wanted.some((p) => can(request.actor as Actor, p))) throw forbidden();
    }
  });
}

declare module 'fastify' {
  interface FastifyRequest {
    mustChangePassword?: boolean;
    mustEnrolTotp?: boolean;
  }
}
