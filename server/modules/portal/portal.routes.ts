import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppDeps } from '../../deps.js';
import { feeDisclosureLookup, publicBlacklist } from './portal.service.js';

/** Per-IP ceiling for unauthenticated reads. */
const PUBLIC_READ = { public: true, rateLimit: { max: 60, timeWindow: '1 minute' } };

/** Portal additions (SPEC §15): the blacklist and the fee-disclosure lookup by project. */
export async function portalRoutes(app: FastifyInstance, { db }: AppDeps) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['public'];
  r.get('/api/public/blacklist', { config: PUBLIC_READ, schema: { tags, summary: '门户：物业服务企业黑名单（在列期内）' } }, async () => publicBlacklist(db));
  r.get(
    '/api/public/fee-disclosures',
    { config: PUBLIC_READ, schema: { tags, summary: '门户：按小区查询物业服务收费公示情况', querystring: z.object({ q: z.string().trim().min(2, '请输入至少两个字的小区名称').max(50) }) } },
    async (request) => feeDisclosureLookup(db, request.query.q),
  );
}
