import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Permission } from '../../../core/roles.js';
import type { AppDeps } from '../../deps.js';
import { actorOf } from '../../http/authenticate.js';
import { readMultipart } from '../../http/multipart.js';
import { pageOf } from '../../http/pagination.js';
import * as s from './complaints.schemas.js';
import * as service from './complaints.service.js';

/** The permission a route requires; the policy (complaints.policy.ts) then checks the actor's role in the lead. */
const ACTION_PERMISSIONS: Record<s.ActionName, Permission | Permission[]> = {
  triage: 'complaint:dispatch',
  dispatch: 'complaint:dispatch',
  sign: 'complaint:handle',
  return: 'complaint:handle',
  findings: 'complaint:handle',
  answer: 'complaint:dispatch',
  reply: 'complaint:handle',
  'approve-reply': 'complaint:approve',
  'reject-reply': 'complaint:approve',
  'follow-up': ['complaint:handle', 'complaint:dispatch'],
  rework: ['complaint:dispatch', 'complaint:supervise'],
  close: ['complaint:dispatch', 'complaint:handle'],
  merge: 'complaint:dispatch',
  'extension-request': 'complaint:handle',
  'extension-decision': ['complaint:dispatch', 'complaint:supervise'],
  supervise: 'complaint:supervise',
  recall: 'complaint:supervise',
  opinion: 'complaint:handle',
};

const ACTION_SUMMARIES: Record<s.ActionName, string> = {
  triage: '修正分类、牵头/协办部门和紧急程度（记录修正，用于评估分流准确率）',
  dispatch: '派单给主办单位（及协办单位）；首次派单开始计时，退单后改派不重新计时',
  sign: '主办单位签收',
  return: '主办单位退单（须说明不属于本单位职责的理由）；退单两次后的派单为终审派单，不能再退',
  findings: '登记核查结论和处理结果（责令整改时生成整改问题）',
  answer: '不属于整治部门职责的线索由统筹部门直接答复（仍须审核、回访）',
  reply: '起草答复（不少于 30 字，不得只有套话）',
  'approve-reply': '主办单位负责人审核通过答复并发布给投诉人',
  'reject-reply': '退回答复',
  'follow-up': '回访并登记满意度；不满意自动重办',
  rework: '重办',
  close: '办结（须答复已发布并已回访）',
  merge: '作为重复线索并入另一条线索',
  'extension-request': '在期限届满前申请延期',
  'extension-decision': '审批延期申请',
  supervise: '挂牌督办',
  recall: '回访抽查：监督部门回访已办结线索的投诉人并登记结果；与记录不符时退回重办（每条线索一次）',
  opinion: '主办或协办单位填写办理意见（协办单位办理本部门职责部分的情况、主办单位的办理进展），可附材料；不改变线索状态',
};

/** Complaints and leads (SPEC §5), staff side, and the public tracking page. */
export async function complaintRoutes(app: FastifyInstance, { db, database, cipher, env }: AppDeps) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['complaints'];
  const read = { permission: 'complaint:read' } as const;
  const deps = { cipher };

  r.post(
    '/api/triage',
    { config: read, schema: { tags, summary: '线索智能分流建议：类别、牵头/协办部门、紧急程度及依据', body: s.triageInput, response: { 200: s.triageResultSchema } } },
    async (request) => service.triageText(db, actorOf(request), request.body.text),
  );

  r.post(
    '/api/complaints',
    {
      config: { permission: 'complaint:create' },
      schema: { tags, summary: '登记线索（来电、来信、来访、检查发现、部门转办等）', body: s.createComplaintInput, response: { 201: z.object({ id: z.string(), trackingCode: z.string() }) } },
    },
    async (request, reply) => {
      // Without attachments the lead's writes are one statement (create-lead.ts), atomic on its own,
      // which concurrent leads may share (group commit).
      const created = request.body.attachments?.length
        ? await db.transaction((tx) => service.createComplaint(tx, deps, actorOf(request), request.body))
        : await service.createComplaint(db, deps, actorOf(request), request.body, { standalone: true, driver: database.driver });
      return reply.status(201).send(created);
    },
  );

  r.get(
    '/api/complaints',
    { config: read, schema: { tags, summary: '线索列表（收件箱、筛选、分页）', querystring: s.listQuery, response: { 200: pageOf(s.listItemSchema) } } },
    async (request) => service.listComplaints(db, actorOf(request), request.query),
  );

  r.get(
    '/api/complaints/hot-spots',
    { config: read, schema: { tags, summary: '投诉热点：线索多或同类问题反复的企业和项目', querystring: s.hotSpotQuery, response: { 200: s.hotSpotsSchema } } },
    async (request) => service.hotSpots(db, actorOf(request), request.query),
  );

  r.get(
    '/api/complaints/stats/returns',
    { config: read, schema: { tags, summary: '各单位退单次数（计入考核）', querystring: s.returnStatsQuery, response: { 200: s.returnStatsSchema } } },
    async (request) => service.returnStats(db, actorOf(request), request.query),
  );

  const supervise = { permission: 'complaint:supervise' } as const;
  r.get(
    '/api/complaints/recall-sample',
    {
      config: supervise,
      schema: { tags, summary: '回访抽查样本：随机抽取期间内办结、留有电话、未匿名未保密且尚未抽查的线索（不含联系方式）', querystring: s.recallSampleQuery, response: { 200: s.recallSampleSchema } },
    },
    async (request) => service.recallSample(db, actorOf(request), request.query),
  );

  r.get(
    '/api/complaints/recall-stats',
    {
      config: supervise,
      schema: { tags, summary: '回访抽查统计：各主办单位抽查数、一致/不符数、不符率及满意度不一致数', querystring: s.recallStatsQuery, response: { 200: s.recallStatsSchema } },
    },
    async (request) => service.recallStats(db, actorOf(request), request.query),
  );

  r.get(
    '/api/complaints/:id',
    { config: read, schema: { tags, summary: '线索详情：时间线、期限、重复线索、当前可执行的操作', params: s.idParams, response: { 200: s.detailSchema } } },
    async (request) => service.viewDetail(db, deps, actorOf(request), request.params.id),
  );

  for (const action of Object.keys(s.actionInputs) as s.ActionName[]) {
    r.post(
      `/api/complaints/:id/${action}`,
      {
        config: { permission: ACTION_PERMISSIONS[action] },
        schema: { tags, summary: ACTION_SUMMARIES[action], params: s.idParams, body: s.actionInputs[action], response: { 200: s.detailSchema } },
      },
      async (request) => service.performAction(db, deps, actorOf(request), request.params.id, action, request.body as never),
    );
  }

  r.post(
    '/api/complaints/:id/reveal-contact',
    {
      config: { permission: 'complaint:reveal_contact' },
      schema: {
        tags,
        summary: '查看投诉人完整联系方式（须填写事由，记入审计日志）',
        params: s.idParams,
        body: s.revealInput,
        response: { 200: z.object({ contactName: z.string().nullable(), contactPhone: z.string().nullable() }) },
      },
    },
    async (request) => service.revealContact(db, deps, actorOf(request), request.params.id, request.body.reason),
  );

  r.post(
    '/api/complaints/:id/attachments',
    {
      config: { permission: ['complaint:handle', 'complaint:dispatch', 'complaint:create'] },
      schema: { tags, summary: '上传附件（图片、PDF、Word 或 Excel，multipart 字段 file）；返回的编号在操作的 attachments 中引用', params: s.idParams, response: { 201: z.object({ fileId: z.string() }) } },
    },
    async (request, reply) => {
      const { files } = await readMultipart(request, { maxFiles: 1 });
      const out = await service.uploadAttachment(db, actorOf(request), request.params.id, files[0], { dataDir: env.DATA_DIR, maxBytes: env.UPLOAD_MAX_MB * 1024 * 1024 });
      return reply.status(201).send(out);
    },
  );

  // ── Public tracking (no login) ──
  r.get(
    '/api/public/complaints/:trackingCode',
    {
      config: { public: true, rateLimit: { max: 30, timeWindow: '1 minute' } },
      schema: { tags: ['public'], summary: '按查询码查看办理进度（不含工作人员及其他群众信息）', params: s.trackingParams, response: { 200: s.publicTrackingSchema } },
    },
    async (request) => service.publicTracking(db, request.params.trackingCode),
  );

  r.post(
    '/api/public/complaints/:trackingCode/rating',
    {
      config: { public: true, rateLimit: { max: 10, timeWindow: '1 minute' } },
      schema: { tags: ['public'], summary: '投诉人对答复评价（满意/基本满意/不满意）', params: s.trackingParams, body: s.ratingInput, response: { 200: s.publicTrackingSchema } },
    },
    async (request) => service.publicRating(db, request.params.trackingCode, request.body),
  );
}
