import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { AppDeps } from '../../deps.js';
import { actorOf } from '../../http/authenticate.js';
import { dashboard, dashboardQuery } from './dashboard.service.js';

/** 挂图作战 dashboards: one endpoint, every figure with the link to the list behind it. */
export async function dashboardRoutes(app: FastifyInstance, { db }: AppDeps) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  r.get(
    '/api/dashboard',
    { config: { permission: 'dashboard:read' }, schema: { tags: ['dashboard'], summary: '挂图作战：辖区线索、问题、超期、热点、报送情况（每个数字可下钻）', querystring: dashboardQuery } },
    async (request) => dashboard(db, actorOf(request), request.query),
  );
}
