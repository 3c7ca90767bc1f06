import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppDeps } from '../../deps.js';
import { pageOf } from '../../http/pagination.js';
import * as service from './penalties.service.js';

/** Public pages are unauthenticated: the same per-IP ceiling as the other public reads (cases.routes.ts). */
const PUBLIC_READ_LIMIT = { max: 120, timeWindow: '1 minute' };
const params = z.object({ id: z.uuid('无效的编号') });

/** 行政处罚公示 (双公示, SPEC §12): published penalty decisions on the public portal, no login. */
export async function penaltyRoutes(app: FastifyInstance, { db }: AppDeps) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['public'];

  r.get(
    '/api/public/penalties',
    {
      config: { public: true, rateLimit: PUBLIC_READ_LIMIT },
      schema: {
        tags,
        summary: '行政处罚公示：已公示的处罚决定（q：企业名称、统一社会信用代码或文号）',
        querystring: service.publicPenaltiesQuery,
        response: { 200: pageOf(service.publicPenalty) },
      },
    },
    async (request) => service.listPublicPenalties(db, request.query),
  );

  r.get(
    '/api/public/penalties/:id',
    {
      config: { public: true, rateLimit: PUBLIC_READ_LIMIT },
      schema: { tags, summary: '行政处罚决定（已公示）', params, response: { 200: service.publicPenalty } },
    },
    async (request) => service.getPublicPenalty(db, request.params.id),
  );
}
