import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppDeps } from '../../deps.js';
import { actorOf } from '../../http/authenticate.js';
import { readMultipart } from '../../http/multipart.js';
import { pageOf } from '../../http/pagination.js';
import { sendUpload } from '../../lib/files.js';
import * as s from './problems.schemas.js';
import * as service from './problems.service.js';

/**
 * Problem ledger (问题清单 / 整改台账, SPEC §9). Reads need problem:read (staff within their
 * subtree, enterprise users their own company); each action's finer rule (who, which state) is
 * core/problems/state.ts, so the route only demands problem:read and the service decides.
 */
export async function problemRoutes(app: FastifyInstance, { db, env }: AppDeps) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['problems'];
  const read = { permission: 'problem:read' } as const;
  const detail = { 200: s.problemDetailSchema };
  const uploadLimits = { dataDir: env.DATA_DIR, maxBytes: env.UPLOAD_MAX_MB * 1024 * 1024 };

  r.get(
    '/api/problems',
    { config: read, schema: { tags, summary: '问题清单（整改台账）', querystring: s.listProblemsQuery, response: { 200: pageOf(s.problemSummarySchema) } } },
    async (request) => service.listProblems(db, actorOf(request), request.query),
  );

  r.post(
    '/api/problems',
    { config: { permission: 'problem:manage' }, schema: { tags, summary: '新增问题（检查、自查、抽查、督导发现）', body: s.createProblemInput, response: { 201: s.problemDetailSchema } } },
    async (request, reply) => reply.status(201).send(await service.createProblem(db, actorOf(request), request.body)),
  );

  r.get(
    '/api/problems/:id',
    { config: read, schema: { tags, summary: '问题详情：时间线、整改报送、回头看、延期、异议、屡改屡犯、可执行操作', params: s.idParams, response: detail } },
    async (request) => service.getProblem(db, actorOf(request), request.params.id),
  );

  const action = <B extends z.ZodTypeAny>(path: string, summary: string, body: B, run: (actor: ReturnType<typeof actorOf>, id: string, body: z.infer<B>) => Promise<s.ProblemDetail>) =>
    r.post(`/api/problems/:id/${path}`, { config: read, schema: { tags, summary, params: s.idParams, body, response: detail } }, async (request) =>
      run(actorOf(request), request.params.id, request.body as z.infer<B>),
    );

  action('start', '开始整改（待整改 → 整改中）', s.startInput, (a, id, b) => service.start(db, a, id, b));
  action('submit', '报送整改情况及佐证（整改中 → 已报送）', s.submitInput, (a, id, b) => service.submit(db, a, id, b));
  action('review', '回头看复查（现场/资料；不通过则退回返工）', s.reviewInput, (a, id, b) => service.review(db, a, id, b));
  action('close', '销号（须最新报送已复查通过）', s.closeInput, (a, id, b) => service.close(db, a, id, b));
  action('rework', '退回返工（已报送 → 整改中，返工次数加一）', s.reworkInput, (a, id, b) => service.rework(db, a, id, b));
  action('extension-request', '申请延期（整改期限届满前）', s.extensionRequestInput, (a, id, b) => service.requestExtension(db, a, id, b));
  action('extension-decision', '延期审批', s.extensionDecisionInput, (a, id, b) => service.decideExtension(db, a, id, b));
  action('supervise', '挂牌督办', s.superviseInput, (a, id, b) => service.supervise(db, a, id, b));
  action('objection', '企业提出异议', s.objectionInput, (a, id, b) => service.raiseObjection(db, a, id, b));
  action('objection-decision', '异议处理', s.objectionDecisionInput, (a, id, b) => service.decideObjection(db, a, id, b));

  r.post(
    '/api/problems/:id/attachments',
    {
      config: read,
      schema: {
        tags,
        summary: '上传整改佐证（照片、PDF、Word 或 Excel，multipart 字段 file，可多个）→ fileId',
        consumes: ['multipart/form-data'],
        params: s.idParams,
        response: {
          201: z.object({ fileId: z.string(), files: z.array(z.object({ fileId: z.string(), name: z.string(), size: z.number(), mime: z.string() })) }),
        },
      },
    },
    async (request, reply) => {
      const actor = actorOf(request);
      const { files } = await readMultipart(request, { maxFiles: 10 });
      return reply.status(201).send(await service.uploadAttachments(db, actor, uploadLimits, request.params.id, files));
    },
  );

  r.get(
    '/api/problems/:id/attachments/:fileId',
    { config: read, schema: { tags, summary: '下载整改佐证', params: s.fileParams } },
    async (request, reply) => {
      const file = await service.readAttachment(db, actorOf(request), env.DATA_DIR, request.params.id, request.params.fileId);
      return sendUpload(reply, { name: file.name, mime: file.mime, body: file.buffer });
    },
  );
}
