import type { FastifyHelmetOptions } from '@fastify/helmet';

/**
 * Security headers through @fastify/helmet (等保 level 3, 安全计算环境; issue 14), for every page
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
export const SECURITY_HEADERS: FastifyHelmetOptions = {
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
