import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Permission } from '../../../core/roles.js';
import type { AppDeps } from '../../deps.js';
import { actorOf } from '../../http/authenticate.js';
import * as monthly from './monthly.service.js';
import { registerReports } from './report-descriptor.js';
import { REPORTS } from './reports.descriptors.js';

type RouteAccess = { permission: Permission | Permission[] };

const row = z.object({
  no: z.number(),
  label: z.string(),
  month: z.number().nullable(),
  cumulative: z.number().nullable(),
  available: z.boolean(),
  note: z.string().optional(),
  link: z.string(),
});
const monthlyOut = z.object({
  region: z.string(),
  regionName: z.string(),
  level: z.string(),
  month: z.string(),
  status: z.string(),
  statusLabel: z.string(),
  version: z.number(),
  frozen: z.boolean(),
  dueOn: z.string(),
  campaignStart: z.string().nullable(),
  rows: z.array(row),
  subRegions: z.array(z.object({ regionCode: z.string(), regionName: z.string(), own: z.boolean(), status: z.string().nullable(), rows: z.array(row) })),
  typicalCases: z.string(),
  experience: z.string(),
  compiler: z.string().nullable(),
  contactPhone: z.string().nullable(),
  reviewComment: z.string().nullable(),
  submittedAt: z.string().nullable(),
});

/** Monthly summary (附件2): figures, drill-down, workflow, reporting status; exports via the descriptors. */
export async function reportRoutes(app: FastifyInstance, { db }: AppDeps) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['reports'];
  const read: RouteAccess = { permission: 'report:read' };

  r.get(
    '/api/reports/monthly',
    { config: read, schema: { tags, summary: '月度工作汇总（附件2）：各行本月与累积，市/省含分区', querystring: monthly.monthlyQuery, response: { 200: monthlyOut } } },
    async (request) => monthly.getMonthly(db, actorOf(request), request.query),
  );
  r.put(
    '/api/reports/monthly',
    { config: { permission: 'report:submit' }, schema: { tags, summary: '保存月报文字（典型案例、经验做法、汇总人、联系方式）', body: monthly.draftBody, response: { 200: monthlyOut } } },
    async (request) => monthly.saveDraft(db, actorOf(request), request.body),
  );
  for (const [action, permission, summary] of [
    ['submit', 'report:submit', '报送月报（冻结当月数据为新版本）'],
    ['return', 'report:review', '退回月报（上级）'],
    ['accept', 'report:review', '审核通过月报（上级）'],
  ] as const) {
    r.post(
      `/api/reports/monthly/${action}`,
      { config: { permission }, schema: { tags, summary, body: monthly.transitionBody, response: { 200: monthlyOut } } },
      async (request) => monthly.transition(db, actorOf(request), action, request.body),
    );
  }
  r.get(
    '/api/reports/monthly/versions',
    { config: read, schema: { tags, summary: '月报历次版本（冻结快照）', querystring: monthly.monthlyQuery } },
    async (request) => monthly.listVersions(db, actorOf(request), request.query),
  );
  r.get(
    '/api/reports/monthly/records',
    { config: read, schema: { tags, summary: '某一行数字背后的记录（下钻）', querystring: monthly.recordsQuery } },
    async (request) => monthly.records(db, actorOf(request), request.query),
  );
  r.get(
    '/api/reports/reporting-status',
    { config: read, schema: { tags, summary: '下级报送情况：应报、已报、按时、逾期、未报', querystring: monthly.monthlyQuery } },
    async (request) => monthly.reportingStatus(db, actorOf(request), request.query),
  );
  registerReports(app, db, REPORTS);
}
