import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { randomUUID } from 'node:crypto';
import cookie from '@fastify/cookie';
import multipart from '@fastify/multipart';
import rateLimit from '@fastify/rate-limit';
import fastifyStatic from '@fastify/static';
import Fastify, { type FastifyInstance, LogController } from 'fastify';
import { serializerCompiler, validatorCompiler } from 'fastify-type-provider-zod';
import type { AppDeps } from './deps.js';
import { registerAuthentication } from './http/authenticate.js';
import { registerErrorHandling } from './http/errors.js';
import { registerOpenApi } from './http/openapi.js';
import { pgRateLimitStore } from './http/rate-limit-store.js';
import { registerSecurityHeaders } from './http/security-headers.js';
import { registerRequestLog } from './http/request-log.js';
import { MODULES } from './modules/index.js';

export type { AppDeps } from './deps.js';

const WEB_DIST = fileURLToPath(new URL('../web/dist', import.meta.url));

/** Builds the Fastify app without listening — tests import this and use app.inject. */
export async function buildApp(deps: AppDeps, opts: { logger?: boolean } = {}): Promise<FastifyInstance> {
  const app = Fastify({
    logger: opts.logger === false ? false : { level: deps.env.LOG_LEVEL, redact: ['req.headers.cookie', 'req.headers.authorization'] },
    genReqId: (req) => {
      const incoming = req.headers['x-request-id'];
      return typeof incoming === 'string' && /^[\w-]{8,64}$/.test(incoming) ? incoming : randomUUID();
    },
    trustProxy: deps.env.TRUST_PROXY,
    bodyLimit: 2 * 1024 * 1024,
    logController: new LogController({ disableRequestLogging: true }), // one line per request instead, see http/request-log.ts
  });
  registerRequestLog(app);
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  // Content-Security-Policy and the other standard headers on every response (pages, API, errors, 404).
  registerSecurityHeaders(app);

  await app.register(cookie);
  // Per-route limits of the public routes, counted in PostgreSQL (shared by every app instance).
  await app.register(rateLimit, { global: false, store: pgRateLimitStore(deps.db, (err) => app.log.warn({ err }, 'rate-limit store unavailable')) as never });
  await app.register(multipart, { limits: { fileSize: deps.env.UPLOAD_MAX_MB * 1024 * 1024, files: 10 } });
  registerErrorHandling(app);
  await registerOpenApi(app);
  registerAuthentication(app, deps);

  for (const mod of MODULES) await mod(app, deps);

  if (existsSync(WEB_DIST)) {
    await app.register(fastifyStatic, {
      root: WEB_DIST,
      wildcard: false,
      index: false,
      // The build writes .br/.gz beside each file (scripts/vite-precompress.ts): sent as they are.
      preCompressed: true,
      // Our own cache-control below: @fastify/send's default (max-age=0) would otherwise overwrite it.
      cacheControl: false,
      // Files under /assets/ carry a content hash in their name: cached for a year, never revalidated.
      // The HTML pages name the current hashes, so they are always revalidated.
      setHeaders: (reply, path) => {
        reply.setHeader('cache-control', /[\\/]assets[\\/]/.test(path) ? 'public, max-age=31536000, immutable' : 'no-cache');
      },
    });
    // Single-page apps: the portal under /portal, the staff console everywhere else.
    const spa = async (request: { url: string }, reply: { sendFile: (f: string) => unknown }) =>
      reply.sendFile(request.url.startsWith('/portal') ? 'portal.html' : 'index.html');
    app.get('/', { config: { public: true }, schema: { hide: true } }, spa as never);
    app.get('/portal', { config: { public: true }, schema: { hide: true } }, spa as never);
    app.get('/portal/*', { config: { public: true }, schema: { hide: true } }, spa as never);
    app.get('/app', { config: { public: true }, schema: { hide: true } }, spa as never);
    app.get('/app/*', { config: { public: true }, schema: { hide: true } }, spa as never);
    app.get('/login', { config: { public: true }, schema: { hide: true } }, spa as never);
  }
  return app;
}
