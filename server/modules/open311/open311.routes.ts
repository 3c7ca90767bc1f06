import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { OPEN311_SERVICES, parseNewRequest, parseRequestQuery } from '../../../core/intake/open311.js';
import type { AppDeps } from '../../deps.js';
import { AppError } from '../../http/errors.js';
import { open311KeyRoutes } from './open311-keys.routes.js';
import { findApiKey } from './open311.keys.js';
import { getRequest, keyActor, listRequests, postRequest } from './open311.service.js';

/** An Open311 error response: HTTP status + [{code, description}] (GeoReport v2 "Errors"). */
class Open311Failure extends Error {
  constructor(
    readonly status: number,
    readonly errors: Array<{ code: number; description: string }>,
  ) {
    super(errors[0]?.description ?? 'error');
  }
}
const fail = (status: number, description: string) => new Open311Failure(status, [{ code: status, description }]);

const FORM_LIMIT = 64 * 1024;

function firstValues(body: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of new URLSearchParams(body)) if (!(k in out)) out[k] = v;
  return out;
}

const apiKeyOf = (request: FastifyRequest): string => {
  const fromBody = (request.body as Record<string, unknown> | undefined)?.api_key;
  const fromQuery = (request.query as Record<string, unknown> | undefined)?.api_key;
  const v = fromBody ?? fromQuery;
  return typeof v === 'string' ? v.trim() : '';
};

/**
 * Open311 GeoReport v2 (JSON format) under /open311/v2, as an edge format for exchanging leads
 * with other systems such as the 12345 platform. Its own plugin scope: a form-encoded body
 * parser (the spec posts application/x-www-form-urlencoded) and Open311-shaped errors.
 * Posting needs an API key; reads are open but never show a confidential lead, and a read with a
 * key sees every lead in the key's region subtree (decision 008). Reads identify a lead by its
 * uuid (never the resident's tracking code) and never carry the complainant's contact data.
 * The keys themselves are issued and revoked by administrators under /api/open311/keys.
 */
export async function open311Routes(app: FastifyInstance, deps: AppDeps) {
  await open311KeyRoutes(app, deps);
  await app.register(
    async (scope) => {
      scope.addContentTypeParser('application/x-www-form-urlencoded', { parseAs: 'string', bodyLimit: FORM_LIMIT }, (_req, body, done) => {
        done(null, firstValues(body as string));
      });
      scope.setErrorHandler((err: FastifyError, request, reply) => {
        if (err instanceof Open311Failure) return reply.status(err.status).send(err.errors);
        if (err instanceof AppError) return reply.status(err.status).send([{ code: err.status, description: err.message }]);
        if (err.statusCode === 429) return reply.status(429).send([{ code: 429, description: '请求过于频繁，请稍后再试' }]);
        if (err.statusCode && err.statusCode < 500) return reply.status(err.statusCode).send([{ code: err.statusCode, description: err.message }]);
        request.log.error({ err }, 'open311 error');
        return reply.status(500).send([{ code: 500, description: `服务器内部错误（请求编号 ${request.id}）` }]);
      });
      scope.setNotFoundHandler((_request, reply) => {
        reply.status(404).send([{ code: 404, description: '请求的地址不存在（本接口支持 services.json、requests.json、requests/{id}.json）' }]);
      });

      const tags = ['open311'];
      /** The key's row; null when none was sent (reads only). A key that was sent must be valid. */
      const keyOf = async (request: FastifyRequest) => {
        const key = apiKeyOf(request);
        if (!key) return null;
        const row = await findApiKey(deps.db, key);
        if (!row) throw fail(403, 'api_key 无效或已停用');
        return row;
      };
      const requiredKey = async (request: FastifyRequest) => {
        const row = await keyOf(request);
        if (!row) throw fail(403, 'api_key 必填：请使用平台发放的接口密钥');
        return row;
      };

      scope.get(
        '/services.json',
        { config: { public: true }, schema: { tags, summary: 'Open311 服务列表（六类整治重点 + 0 其他）' } },
        async () => OPEN311_SERVICES,
      );

      scope.post(
        '/requests.json',
        {
          config: { public: true, rateLimit: { max: 120, timeWindow: '1 minute' } },
          schema: { tags, summary: 'Open311 提交线索（application/x-www-form-urlencoded；api_key 必填）', consumes: ['application/x-www-form-urlencoded'] },
        },
        async (request: FastifyRequest, reply: FastifyReply) => {
          const keyRow = await requiredKey(request);
          const parsed = parseNewRequest((request.body ?? {}) as Record<string, unknown>);
          if (!parsed.ok) throw new Open311Failure(400, parsed.errors);
          const result = await postRequest(deps, keyRow, keyActor(keyRow, request), parsed.request);
          return reply.status(201).send(result);
        },
      );

      scope.get(
        '/requests.json',
        { config: { public: true, rateLimit: { max: 120, timeWindow: '1 minute' } }, schema: { tags, summary: 'Open311 查询线索（service_request_id、service_code、status、start_date、end_date；带 api_key 时为密钥所属区划的全部线索，不带时为非保密线索）' } },
        async (request: FastifyRequest) => {
          const keyRow = await keyOf(request);
          const parsed = parseRequestQuery((request.query ?? {}) as Record<string, unknown>, new Date());
          if (!parsed.ok) throw new Open311Failure(400, parsed.errors);
          return listRequests(deps, keyRow, parsed.query);
        },
      );

      scope.get(
        '/requests/:id.json',
        { config: { public: true, rateLimit: { max: 120, timeWindow: '1 minute' } }, schema: { tags, summary: 'Open311 查询单条线索（id 为 service_request_id，不是查询码；不带 api_key 时保密线索不可见）' } },
        async (request: FastifyRequest) => {
          const keyRow = await keyOf(request);
          const { id } = request.params as { id: string };
          const found = await getRequest(deps, keyRow, id);
          if (!found) throw fail(404, `service_request_id ${String(id).slice(0, 40)} 不存在或无权查看`);
          return [found];
        },
      );
    },
    { prefix: '/open311/v2' },
  );
}
