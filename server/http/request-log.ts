import type { FastifyInstance } from 'fastify';

/** A request slower than this is logged at info even when it only reads. */
const SLOW_MS = 1000;

/**
 * One log line per request instead of Fastify's two, and reads that succeed quickly only at debug:
 * at a few thousand requests a second, two info lines per GET cost more than the request itself.
 * Changes (every non-GET), failures (status ≥ 400) and slow requests stay at info. Each line carries
 * the request id (x-request-id), so it joins the audit rows written under the same id.
 */
export function registerRequestLog(app: FastifyInstance) {
  app.addHook('onResponse', async (request, reply) => {
    const ms = reply.elapsedTime;
    const status = reply.statusCode;
    const quiet = (request.method === 'GET' || request.method === 'HEAD') && status < 400 && ms < SLOW_MS;
    if (quiet && !isDebug(request.log.level)) return;
    const line = { method: request.method, url: request.url, status, ms: Math.round(ms * 10) / 10 };
    if (status >= 500) request.log.error(line, 'request failed');
    else if (quiet) request.log.debug(line, 'request');
    else request.log.info(line, 'request');
  });
}

function isDebug(level: string): boolean {
  return level === 'debug' || level === 'trace';
}
