import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Permission } from '../../../core/roles.js';
import type { AppDeps } from '../../deps.js';
import { actorOf } from '../../http/authenticate.js';
import { attachmentHeader } from '../../lib/files.js';
import * as assessment from './assessment.service.js';
import * as monthly from './monthly.service.js';
import { buildNotificationDocument } from './notification.document.js';
import * as notification from './notification.service.js';
import { MIME, registerReports, renderReport } from './report-descriptor.js';
import { notificationReport, REPORTS } from './reports.descriptors.js';

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

  // ── 通报 ────────────────────────────────────────────────────────────────────────────────
  const drafter: RouteAccess = { permission: ['report:submit', 'report:review'] };
  r.post(
    '/api/notifications/draft',
    { config: drafter, schema: { tags, summary: '生成通报草稿（可编辑的 .docx，公文格式）', body: notification.draftInput } },
    async (request, reply) => {
      const file = await renderReport(notificationReport, db, actorOf(request), request.body, 'docx');
      return reply.header('content-type', file.mime).header('content-disposition', attachmentHeader(file.fileName)).send(file.body);
    },
  );
  r.post(
    '/api/notifications',
    { config: { permission: 'report:review' }, schema: { tags, summary: '印发通报（编号、冻结、通知各单位；可选择在门户公开）', body: notification.issueInput } },
    async (request, reply) => reply.status(201).send(await notification.issueNotification(db, actorOf(request), request.body)),
  );
  r.get('/api/notifications', { config: read, schema: { tags, summary: '已印发的通报' } }, async (request) => notification.listNotifications(db, actorOf(request)));
  r.get(
    '/api/notifications/:id/docx',
    { config: read, schema: { tags, summary: '已印发通报（冻结版本）的 .docx', params: z.object({ id: z.uuid('无效的编号') }) } },
    async (request, reply) => {
      const c = await notification.issuedContent(db, actorOf(request), request.params.id);
      return reply.header('content-type', MIME.docx).header('content-disposition', attachmentHeader(`${c.title}-${c.documentNumber}.docx`)).send(await buildNotificationDocument(c));
    },
  );
  const publicLimit = { rateLimit: { max: 120, timeWindow: '1 minute' } };
  r.get('/api/public/notifications', { config: { public: true, ...publicLimit }, schema: { tags, summary: '门户：公开的专项整治通报' } }, async () =>
    notification.publicNotifications(db),
  );
  r.get(
    '/api/public/notifications/:id',
    { config: { public: true, ...publicLimit }, schema: { tags, summary: '门户：公开通报内容', params: z.object({ id: z.uuid('无效的编号') }) } },
    async (request) => notification.publicNotification(db, request.params.id),
  );

  // ── 考核 ────────────────────────────────────────────────────────────────────────────────
  r.get(
    '/api/assessment',
    { config: read, schema: { tags, summary: '法治建设绩效考核：各地区、各部门得分与排名（含指标值、来源和规则）', querystring: assessment.assessmentQuery } },
    async (request) => assessment.assess(db, actorOf(request), request.query),
  );
  r.put(
    '/api/assessment/config',
    { config: { permission: 'report:review' }, schema: { tags, summary: '设置考核指标、权重和最低样本量', body: assessment.configBody } },
    async (request) => assessment.saveConfig(db, actorOf(request), request.body),
  );

  registerReports(app, db, REPORTS);
}
