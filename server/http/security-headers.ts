import type { FastifyInstance } from 'fastify';
import helmet, { type HelmetOptions } from 'helmet';

/**
 * Security headers computed by helmet (等保 level 3, 安全计算环境; issue 14), for every page
 * and API response:
 *  - Content-Security-Policy: scripts only from this origin — the Vite build emits no inline script
 *    (web/index.html and web/portal.html load one module file each; tests/integration/
 *    security-headers.test.ts checks the built pages). Styles also allow 'unsafe-inline' because
 *    antd's CSS-in-JS inserts <style> elements at run time (style injection cannot run script).
 *    Images: this origin, data: (the TOTP QR code, antd icons) and blob: (previews of uploads).
 *    No framing (frame-ancestors 'none'), no plugins, forms post only here.
 *  - upgrade-insecure-requests is left out: on a plain-HTTP intranet deployment it would break every
 *    request; TLS is the reverse proxy's job (README, production).
 *  - HSTS is sent (browsers ignore it over plain HTTP); frameguard DENY; referrer same-origin.
 */
export const SECURITY_HEADERS: HelmetOptions = {
  contentSecurityPolicy: {
    useDefaults: false,
    directives: {
      defaultSrc: ["'self'"],
      scriptSrc: ["'self'"],
      scriptSrcAttr: ["'none'"],
      styleSrc: ["'self'", "'unsafe-inline'"],
      imgSrc: ["'self'", 'data:', 'blob:'],
      fontSrc: ["'self'", 'data:'],
      connectSrc: ["'self'"],
      objectSrc: ["'none'"],
      baseUri: ["'self'"],
      formAction: ["'self'"],
      frameAncestors: ["'none'"],
      workerSrc: ["'self'", 'blob:'],
    },
  },
  frameguard: { action: 'deny' },
  referrerPolicy: { policy: 'same-origin' },
  crossOriginEmbedderPolicy: false,
};

/**
 * The header set helmet produces for SECURITY_HEADERS, computed once. The policy has no per-request
 * part (no nonces), so running helmet's middleware for every request — what @fastify/helmet does, and
 * it rebuilds the middleware and re-parses the directives each time — only costs time: it halved a
 * bare route's throughput (decision 014).
 */
export function securityHeaderSet(options: HelmetOptions = SECURITY_HEADERS): Record<string, string> {
  const headers: Record<string, string> = {};
  const res = {
    setHeader: (name: string, value: string | number) => {
      headers[name.toLowerCase()] = String(value);
    },
    removeHeader: (name: string) => {
      delete headers[name.toLowerCase()];
    },
  };
  let finished = false;
  helmet(options)({} as never, res as never, (err?: unknown) => {
    if (err) throw err;
    finished = true;
  });
  if (!finished) throw new Error('helmet did not finish synchronously');
  return headers;
}

/** Every response — pages, API answers, errors and unknown paths — gets the headers, and its request id. */
export function registerSecurityHeaders(app: FastifyInstance) {
  const headers = securityHeaderSet();
  app.addHook('onRequest', (request, reply, done) => {
    reply.headers(headers);
    reply.header('x-request-id', request.id);
    done();
  });
}
