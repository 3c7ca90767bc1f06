import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { redactPersonalData } from '../../../core/redaction/index.js';
import type { Permission } from '../../../core/roles.js';
import type { AppDeps } from '../../deps.js';
import { actorOf } from '../../http/authenticate.js';
import { pageOf, pageQuery } from '../../http/pagination.js';
import * as service from './cases.service.js';

type RouteAccess = { permission: Permission | Permission[] };
const params = z.object({ id: z.uuid('无效的编号') });
const finding = z.object({ kind: z.string(), original: z.string(), replacement: z.string(), index: z.number() });
const fieldFinding = finding.extend({ field: z.string() });
const caseDetail = z.object({
  id: z.string(),
  regionId: z.number(),
  sourceType: z.string(),
  sourceId: z.string(),
  enterpriseId: z.string().nullable(),
  enterpriseName: z.string().nullable(),
  projectId: z.string().nullable(),
  projectName: z.string().nullable(),
  title: z.string(),
  basicSituation: z.string(),
  illegalFacts: z.string(),
  penaltyBasis: z.string(),
  handlingResult: z.string(),
  redactionFindings: z.array(fieldFinding),
  remainingFindings: z.array(fieldFinding),
  redactionChecked: z.boolean(),
  redactionCheckedAt: z.date().nullable(),
  status: z.string(),
  draftedBy: z.string(),
  drafterName: z.string().nullable(),
  submittedAt: z.date().nullable(),
  approvedBy: z.string().nullable(),
  approvedAt: z.date().nullable(),
  returnNote: z.string().nullable(),
  publishedAt: z.date().nullable(),
  createdAt: z.date(),
  updatedAt: z.date(),
  allowedActions: z.array(z.string()),
});
const caseRow = z.object({
  id: z.string(),
  title: z.string(),
  status: z.string(),
  sourceType: z.string(),
  sourceId: z.string(),
  enterpriseId: z.string().nullable(),
  enterpriseName: z.string().nullable(),
  redactionChecked: z.boolean(),
  draftedBy: z.string(),
  publishedAt: z.date().nullable(),
  updatedAt: z.date(),
});
const publicCase = z.object({
  id: z.string(),
  title: z.string(),
  enterpriseName: z.string().nullable(),
  enterpriseCreditCode: z.string().nullable(),
  projectName: z.string().nullable(),
  regionName: z.string(),
  basicSituation: z.string(),
  illegalFacts: z.string(),
  penaltyBasis: z.string(),
  handlingResult: z.string(),
  publishedAt: z.date().nullable(),
});

/** Public pages are unauthenticated: a per-IP ceiling keeps scrapers from hammering them. */
const PUBLIC_READ_LIMIT = { max: 120, timeWindow: '1 minute' };

/** Typical cases (典型案例, SPEC §12): staff workflow and the public portal. */
export async function caseRoutes(app: FastifyInstance, { db, cipher }: AppDeps) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['cases'];
  const read: RouteAccess = { permission: ['case:manage', 'case:approve'] };
  const manage: RouteAccess = { permission: 'case:manage' };
  const approve: RouteAccess = { permission: 'case:approve' };

  r.post(
    '/api/cases/redact-preview',
    {
      config: { permission: ['case:manage', 'case:approve', 'problem:manage', 'complaint:handle'] } satisfies RouteAccess,
      schema: {
        tags,
        summary: '脱敏预览：识别并替换姓名、电话、微信号、QQ 号、电子邮箱、房号、身份证号',
        body: z.object({ text: z.string().max(20000, '文本不超过 20000 字'), keep: z.array(z.string().max(200)).max(20).optional() }),
        response: { 200: z.object({ text: z.string(), findings: z.array(finding) }) },
      },
    },
    async (request) => redactPersonalData(request.body.text, { keep: request.body.keep }),
  );

  r.get(
    '/api/cases',
    { config: read, schema: { tags, summary: '典型案例（辖区内）', querystring: service.listCasesQuery.extend(pageQuery.shape), response: { 200: pageOf(caseRow) } } },
    async (request) => service.listCases(db, actorOf(request), request.query),
  );
  r.post(
    '/api/cases',
    { config: manage, schema: { tags, summary: '从已办结的投诉、已销号的问题或执法措施起草典型案例（自动脱敏）', body: service.createCaseInput, response: { 201: caseDetail } } },
    async (request, reply) => reply.status(201).send(await service.createCase(db, actorOf(request), cipher, request.body)),
  );
  r.get(
    '/api/cases/:id',
    { config: read, schema: { tags, summary: '典型案例详情（含脱敏记录）', params, response: { 200: caseDetail } } },
    async (request) => service.getCase(db, actorOf(request), request.params.id),
  );
  r.put(
    '/api/cases/:id',
    { config: manage, schema: { tags, summary: '修改草稿；redactionChecked=true 表示已人工核对脱敏', params, body: service.updateCaseInput, response: { 200: caseDetail } } },
    async (request) => service.updateCase(db, actorOf(request), request.params.id, request.body),
  );

  const noteBody = z.object({ note: z.string().trim().max(2000).nullish() }).nullish();
  const transitions: Array<{ action: 'submit' | 'approve' | 'reject' | 'publish' | 'unpublish'; summary: string; config: RouteAccess }> = [
    { action: 'submit', summary: '提交审批（须已人工核对脱敏）', config: manage },
    { action: 'approve', summary: '审批通过（审批人不能是起草人）', config: approve },
    { action: 'reject', summary: '退回修改', config: approve },
    { action: 'publish', summary: '发布到门户', config: read },
    { action: 'unpublish', summary: '撤回发布', config: read },
  ];
  for (const t of transitions) {
    r.post(
      `/api/cases/:id/${t.action}`,
      { config: t.config, schema: { tags, summary: t.summary, params, body: noteBody, response: { 200: caseDetail } } },
      async (request) => service.transition(db, actorOf(request), request.params.id, t.action, request.body?.note ?? null),
    );
  }

  r.get(
    '/api/public/cases',
    { config: { public: true, rateLimit: PUBLIC_READ_LIMIT }, schema: { tags: ['public'], summary: '已发布的典型案例', querystring: pageQuery, response: { 200: pageOf(publicCase) } } },
    async (request) => service.listPublicCases(db, request.query),
  );
  r.get(
    '/api/public/cases/:id',
    { config: { public: true, rateLimit: PUBLIC_READ_LIMIT }, schema: { tags: ['public'], summary: '典型案例（已发布）', params, response: { 200: publicCase } } },
    async (request) => service.getPublicCase(db, request.params.id),
  );
}
