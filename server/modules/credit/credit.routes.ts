import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { CREDIT_EVENT_TYPES, CREDIT_GRADES, MANUAL_CREDIT_EVENT_TYPES, OBJECTION_STATES } from '../../../core/credit/index.js';
import type { AppDeps } from '../../deps.js';
import { actorOf } from '../../http/authenticate.js';
import { readMultipart } from '../../http/multipart.js';
import { pageOf, pageQuery } from '../../http/pagination.js';
import { attachmentHeader, sendUpload } from '../../lib/files.js';
import { todayInChina } from '../campaigns/campaigns.service.js';
import { BLACKLIST_ACTIONS, BLACKLIST_APPLICATION_KINDS, BLACKLIST_APPLICATION_STATES, BLACKLIST_STATES } from './blacklist.policy.js';
import * as service from './credit.service.js';

const isoDate = z.iso.date('日期格式应为 YYYY-MM-DD');
const params = z.object({ id: z.uuid('无效的编号') });
const ok = z.object({ ok: z.literal(true) });

const ruleItem = z.object({
  points: z.number().int('分值应为整数').min(-1000).max(1000),
  validityMonths: z.number().int('有效期应为整数（月）').min(1, '有效期至少 1 个月').max(120, '有效期最多 120 个月'),
});
const ruleBody = z.object({
  base: z.number().int().min(0).max(1000),
  items: z.partialRecord(z.enum(CREDIT_EVENT_TYPES), ruleItem),
  grades: z
    .array(z.object({ grade: z.enum(['AAA', 'AA', 'A', 'B']), minScore: z.number().int() }))
    .min(1, '至少设置一个等级门槛')
    .max(4),
});
const ruleResponse = ruleBody.extend({ labels: z.record(z.string(), z.string()), updatedAt: z.date().nullable(), isDefault: z.boolean() });

const eventRow = z.object({
  id: z.string(),
  enterpriseId: z.string(),
  type: z.string(),
  label: z.string(),
  points: z.number(),
  reason: z.string(),
  sourceType: z.string().nullable(),
  sourceId: z.string().nullable(),
  occurredOn: z.string(),
  validUntil: z.string(),
  counts: z.boolean(),
  objectionStatus: z.string(),
  objectionReason: z.string().nullable(),
  objectionAt: z.date().nullable(),
  objectionDecisionNote: z.string().nullable(),
  objectionDecidedAt: z.date().nullable(),
  createdAt: z.date(),
});
const blacklistRow = z.object({
  id: z.string(),
  reason: z.string(),
  from: z.string(),
  until: z.string().nullable(),
  sourceType: z.string().nullable(),
  sourceId: z.string().nullable(),
  createdAt: z.date(),
  repairedAt: z.date().nullable(),
  repairNote: z.string().nullable(),
  /** 异议成立: annulled, never counted. */
  annulledAt: z.date().nullable(),
  status: z.enum(BLACKLIST_STATES),
  active: z.boolean(),
  /** Kind of the company's pending objection or repair application, if any. */
  pendingApplication: z.enum(BLACKLIST_APPLICATION_KINDS).nullable(),
});
const blacklistApplication = z.object({
  id: z.string(),
  kind: z.enum(BLACKLIST_APPLICATION_KINDS),
  status: z.enum(BLACKLIST_APPLICATION_STATES),
  reason: z.string().nullable(),
  commitment: z.string().nullable(),
  rectificationSummary: z.string().nullable(),
  files: z.array(z.object({ id: z.string(), name: z.string(), size: z.number(), mime: z.string() })),
  submittedAt: z.date(),
  decisionNote: z.string().nullable(),
  decidedAt: z.date().nullable(),
});
/** An entry with the company's objections and repair applications and what the caller may do now. */
const blacklistDetail = blacklistRow.extend({ applications: z.array(blacklistApplication), allowedActions: z.array(z.enum(BLACKLIST_ACTIONS)) });
const fileIds = z.array(z.uuid('无效的文件编号')).max(20, '材料最多 20 个').default([]);
const creditResponse = z.object({
  enterprise: z.object({ id: z.string(), name: z.string(), creditCode: z.string() }),
  score: z.number(),
  grade: z.enum(CREDIT_GRADES),
  base: z.number(),
  asOf: z.string(),
  events: z.array(eventRow),
  blacklisted: z.boolean(),
  blacklist: z.array(blacklistDetail),
});

/** Credit and blacklist (SPEC §11). */
export async function creditRoutes(app: FastifyInstance, { db, env }: AppDeps) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['credit'];
  const read = { permission: 'credit:read' } as const;
  const manage = { permission: 'credit:manage' } as const;
  const uploadLimits = { dataDir: env.DATA_DIR, maxBytes: env.UPLOAD_MAX_MB * 1024 * 1024 };

  r.get(
    '/api/credit/rules',
    { config: read, schema: { tags, summary: '信用评分规则（基础分、各类事件分值与有效期、等级门槛）', response: { 200: ruleResponse } } },
    async () => service.getCreditRuleWithMeta(db),
  );
  r.put(
    '/api/credit/rules',
    { config: manage, schema: { tags, summary: '修改信用评分规则（只影响此后记录的事件）', body: ruleBody, response: { 200: ruleResponse } } },
    async (request) => service.putCreditRule(db, actorOf(request), request.body),
  );

  r.get(
    '/api/credit/events',
    {
      config: read,
      schema: {
        tags,
        summary: '信用事件列表（企业用户仅本企业）',
        querystring: pageQuery.extend({ enterpriseId: z.uuid().optional(), type: z.enum(CREDIT_EVENT_TYPES).optional(), objection: z.enum(OBJECTION_STATES).optional() }),
        response: { 200: pageOf(eventRow.extend({ enterpriseName: z.string(), creditCode: z.string() })) },
      },
    },
    async (request) => service.listEvents(db, actorOf(request), request.query),
  );
  r.post(
    '/api/credit/events',
    {
      config: manage,
      schema: {
        tags,
        summary: '手工记录信用事件（良好行为、示范项目、违反承诺等）',
        body: z.object({
          enterpriseId: z.uuid('请选择企业'),
          type: z.enum(MANUAL_CREDIT_EVENT_TYPES as [string, ...string[]], { message: '该类事件不能手工记录（处罚类事件由执法措施自动记录）' }),
          reason: z.string().trim().min(4, '请填写事由（至少 4 个字）').max(1000),
          occurredOn: isoDate.optional(),
        }),
        response: { 201: z.object({ id: z.string() }) },
      },
    },
    async (request, reply) => {
      const b = request.body;
      const res = await service.createManualEvent(db, actorOf(request), {
        enterpriseId: b.enterpriseId,
        type: b.type as (typeof CREDIT_EVENT_TYPES)[number],
        reason: b.reason,
        occurredOn: b.occurredOn ?? todayInChina(),
      });
      return reply.status(201).send(res);
    },
  );
  r.post(
    '/api/credit/events/:id/objection',
    {
      config: read,
      schema: { tags, summary: '企业对信用事件提出异议', params, body: z.object({ reason: z.string().trim().min(10, '请说明异议理由（至少 10 个字）').max(2000) }), response: { 200: ok } },
    },
    async (request) => service.raiseObjection(db, actorOf(request), request.params.id, request.body.reason),
  );
  r.post(
    '/api/credit/events/:id/objection-decision',
    {
      config: manage,
      schema: {
        tags,
        summary: '异议处理：uphold=true 异议成立（该事件不再计分），false 驳回',
        params,
        body: z.object({ uphold: z.boolean({ message: '请选择异议是否成立' }), note: z.string().trim().min(4, '请填写处理意见').max(2000) }),
        response: { 200: z.object({ ok: z.literal(true), objectionStatus: z.string() }) },
      },
    },
    async (request) => service.decideObjection(db, actorOf(request), request.params.id, request.body),
  );

  r.get(
    '/api/credit/enterprises',
    {
      config: read,
      schema: {
        tags,
        summary: '企业信用列表（无搜索：按等级由低到高、同等级按分数；搜索：名称完全匹配与有扣分/黑名单的在前）',
        querystring: pageQuery.extend({ q: z.string().trim().max(60).optional() }),
        response: {
          200: pageOf(
            z.object({
              id: z.string(),
              name: z.string(),
              creditCode: z.string(),
              status: z.string(),
              score: z.number(),
              grade: z.enum(CREDIT_GRADES),
              deductions: z.number(),
              blacklisted: z.boolean(),
              penalised: z.boolean(),
              exact: z.boolean(),
            }),
          ),
        },
      },
    },
    async (request) => service.listCompanyCredit(db, actorOf(request), request.query),
  );

  r.get(
    '/api/enterprises/:id/credit',
    { config: read, schema: { tags, summary: '企业信用：分数、等级、事件、黑名单（企业用户仅本企业）', params, response: { 200: creditResponse } } },
    async (request) => service.getEnterpriseCredit(db, actorOf(request), request.params.id),
  );

  r.get(
    '/api/blacklist',
    {
      config: read,
      schema: {
        tags,
        summary: '黑名单（辖区内）',
        querystring: pageQuery.extend({ active: z.enum(['true', 'false']).optional(), pending: z.enum(['true', 'false']).optional() }),
        response: { 200: pageOf(blacklistRow.extend({ enterpriseId: z.string(), enterpriseName: z.string(), creditCode: z.string() })) },
      },
    },
    async (request) => {
      const actor = actorOf(request);
      if (actor.enterpriseId) return { items: [], total: 0, page: request.query.page, pageSize: request.query.pageSize };
      return service.listBlacklist(db, actor, { ...request.query, active: request.query.active === 'true', pending: request.query.pending === 'true' });
    },
  );
  r.post(
    '/api/enterprises/:id/blacklist',
    {
      config: manage,
      schema: {
        tags,
        summary: '列入黑名单',
        params,
        body: z.object({
          reason: z.string().trim().min(4, '请填写列入理由').max(2000),
          from: isoDate.nullish(),
          until: isoDate.nullish(),
          sourceType: z.string().trim().max(40).nullish(),
          sourceId: z.string().trim().max(60).nullish(),
        }),
        response: { 201: blacklistRow },
      },
    },
    async (request, reply) => reply.status(201).send(await service.addToBlacklist(db, actorOf(request), request.params.id, request.body)),
  );
  r.post(
    '/api/blacklist/:id/repair',
    {
      config: manage,
      schema: {
        tags,
        summary: '信用修复（移出黑名单）；企业有待处理的信用修复申请时即同意该申请',
        params,
        body: z.object({ note: z.string().trim().min(4, '请填写信用修复说明').max(2000) }),
        response: { 200: blacklistDetail },
      },
    },
    async (request) => service.repairBlacklist(db, actorOf(request), request.params.id, request.body.note),
  );
  r.post(
    '/api/blacklist/:id/repair-refusal',
    {
      config: manage,
      schema: {
        tags,
        summary: '不予信用修复（答复企业待处理的信用修复申请）',
        params,
        body: z.object({ note: z.string().trim().min(4, '请填写不予修复的理由').max(2000) }),
        response: { 200: blacklistDetail },
      },
    },
    async (request) => service.refuseBlacklistRepair(db, actorOf(request), request.params.id, request.body.note),
  );
  r.post(
    '/api/blacklist/:id/objection',
    {
      config: read,
      schema: {
        tags,
        summary: '企业对本企业的黑名单记录提出异议（同一时间只能有一项待处理的异议或修复申请）',
        params,
        body: z.object({ reason: z.string().trim().min(10, '请说明异议理由（至少 10 个字）').max(2000), fileIds }),
        response: { 200: blacklistDetail },
      },
    },
    async (request) => service.objectToBlacklist(db, actorOf(request), request.params.id, request.body),
  );
  r.post(
    '/api/blacklist/:id/objection-decision',
    {
      config: manage,
      schema: {
        tags,
        summary: '黑名单异议处理：upheld=true 异议成立（撤销该记录，不再计为黑名单），false 异议不成立',
        params,
        body: z.object({ upheld: z.boolean({ message: '请选择异议是否成立' }), note: z.string().trim().min(4, '请填写处理意见').max(2000) }),
        response: { 200: blacklistDetail },
      },
    },
    async (request) => service.decideBlacklistObjection(db, actorOf(request), request.params.id, request.body),
  );
  r.post(
    '/api/blacklist/:id/repair-application',
    {
      config: read,
      schema: {
        tags,
        summary: '企业申请信用修复（信用承诺、整改情况、证明材料）',
        params,
        body: z.object({
          commitment: z.string().trim().min(10, '请填写信用承诺（至少 10 个字）').max(2000),
          rectificationSummary: z.string().trim().min(10, '请说明整改情况（至少 10 个字）').max(4000),
          fileIds,
        }),
        response: { 200: blacklistDetail },
      },
    },
    async (request) => service.applyForBlacklistRepair(db, actorOf(request), request.params.id, request.body),
  );
  r.post(
    '/api/blacklist/:id/attachments',
    {
      config: read,
      schema: {
        tags,
        summary: '企业上传异议或信用修复的证明材料（照片、PDF、Word 或 Excel，multipart 字段 file，可多个）→ fileId',
        consumes: ['multipart/form-data'],
        params,
        response: {
          201: z.object({ fileId: z.string(), files: z.array(z.object({ fileId: z.string(), name: z.string(), size: z.number(), mime: z.string() })) }),
        },
      },
    },
    async (request, reply) => {
      const actor = actorOf(request);
      const { files } = await readMultipart(request, { maxFiles: 10 });
      return reply.status(201).send(await service.uploadBlacklistFiles(db, actor, uploadLimits, request.params.id, files));
    },
  );
  r.get(
    '/api/blacklist/:id/attachments/:fileId',
    { config: read, schema: { tags, summary: '下载黑名单异议或信用修复的证明材料', params: params.extend({ fileId: z.uuid('无效的文件编号') }) } },
    async (request, reply) => {
      const file = await service.readBlacklistFile(db, actorOf(request), env.DATA_DIR, request.params.id, request.params.fileId);
      return sendUpload(reply, { name: file.name, mime: file.mime, body: file.buffer });
    },
  );

  r.get(
    '/api/credit/export',
    {
      config: manage,
      schema: {
        tags,
        summary: '信用记录批量导出（按统一社会信用代码，JSON 或 CSV；字段见 docs/credit-export.md）',
        querystring: z.object({ from: isoDate, to: isoDate, format: z.enum(['json', 'csv']).default('json') }),
      },
    },
    async (request, reply) => {
      const { from, to, format } = request.query;
      const records = await service.exportCredit(db, actorOf(request), from, to);
      const name = `信用记录-${from}-${to}`;
      if (format === 'csv') {
        return reply.type('text/csv; charset=utf-8').header('content-disposition', attachmentHeader(`${name}.csv`)).send(service.toCsv(records));
      }
      return reply
        .type('application/json; charset=utf-8')
        .header('content-disposition', attachmentHeader(`${name}.json`))
        .send({ schemaVersion: service.EXPORT_SCHEMA_VERSION, generatedAt: new Date().toISOString(), from, to, count: records.length, records });
    },
  );

  r.get(
    '/api/public/credit',
    {
      // Per-IP limit: a lookup tool, not a way to enumerate the registry.
      config: { public: true, rateLimit: { max: 60, timeWindow: '1 minute' } },
      schema: {
        tags: ['public'],
        summary: '公众信用查询（按统一社会信用代码）',
        querystring: z.object({ code: z.string().trim().min(18, '请输入 18 位统一社会信用代码').max(18, '请输入 18 位统一社会信用代码') }),
        response: { 200: z.object({ creditCode: z.string(), name: z.string(), grade: z.enum(CREDIT_GRADES), blacklisted: z.boolean(), asOf: z.string() }) },
      },
    },
    async (request) => service.publicCredit(db, request.query.code),
  );
}
