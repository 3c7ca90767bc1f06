import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppDeps } from '../../deps.js';
import { actorOf } from '../../http/authenticate.js';
import { readMultipart } from '../../http/multipart.js';
import { pageOf } from '../../http/pagination.js';
import { regionFilterPath } from '../../http/scope.js';
import { FILE_TYPES, attachmentHeader } from '../../lib/files.js';
import { chinaDate } from '../../../core/working-days.js';
import { myAssignments } from './self-inspections.assignments.js';
import * as decide from './self-inspections.decide.js';
import * as s from './self-inspections.schemas.js';
import * as service from './self-inspections.service.js';
import * as transfer from './self-inspections.transfer.js';

const XLSX = FILE_TYPES.xlsx.mime;

/** 附件1 self-inspection (SPEC §7): the company fills, confirms and files; the district housing department decides. */
export async function selfInspectionRoutes(app: FastifyInstance, { db }: AppDeps) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['self-inspections'];
  const read = { permission: 'self_inspection:read' } as const;
  const file = { permission: 'self_inspection:file' } as const;
  const decideRule = { permission: 'self_inspection:decide' } as const;
  const detail = { 200: s.detailSchema };

  r.post(
    '/api/self-inspections',
    { config: file, schema: { tags, summary: '企业填报（或修改未备案的）自查表', body: s.saveInput, response: { 201: z.object({ id: z.string(), status: z.string() }) } } },
    async (request, reply) => reply.status(201).send(await service.saveSelfInspection(db, actorOf(request), request.body)),
  );
  r.get(
    '/api/self-inspections',
    { config: read, schema: { tags, summary: '自查表列表', querystring: s.listQuery, response: { 200: pageOf(s.summarySchema) } } },
    async (request) => service.listSelfInspections(db, actorOf(request), request.query),
  );
  r.get(
    '/api/self-inspections/assignments',
    {
      config: file,
      schema: {
        tags,
        summary: '本企业待填报的自查表（项目 × 专项行动）',
        response: {
          200: z.object({
            items: z.array(
              z.object({
                campaignId: z.string(),
                campaignTitle: z.string(),
                projectId: z.string(),
                projectName: z.string(),
                dueOn: z.string().nullable(),
                formId: z.string().nullable(),
                status: z.string().nullable(),
                returnReason: z.string().nullable(),
                focusItems: z.array(z.object({ id: z.string(), seq: z.number(), title: z.string(), text: z.string() })),
              }),
            ),
          }),
        },
      },
    },
    async (request) => myAssignments(db, actorOf(request)),
  );
  r.get(
    '/api/self-inspections/completion',
    { config: read, schema: { tags, summary: '自查表报送情况（应报、已备案、已通过、已退回、未报送项目）', querystring: s.completionQuery, response: { 200: s.completionSchema } } },
    async (request) => service.completion(db, actorOf(request), request.query),
  );
  r.get(
    '/api/self-inspections/export',
    { config: read, schema: { tags, summary: '导出辖区全部自查表（附件1 版式，每个项目一个工作表）', querystring: s.exportQuery } },
    async (request, reply) => {
      const actor = actorOf(request);
      const buffer = await transfer.exportRegion(db, actor, request.query.campaignId, await regionFilterPath(db, request.query.region));
      return reply.type(XLSX).header('content-disposition', attachmentHeader(`专项整治自查表-${chinaDate()}.xlsx`)).send(buffer);
    },
  );
  r.get(
    '/api/self-inspections/template',
    { config: read, schema: { tags, summary: '空白附件1（供企业在 Excel 中填写后上传）', querystring: s.importQuery } },
    async (request, reply) => {
      const out = await transfer.blankForm(db, actorOf(request), request.query.campaignId, request.query.projectId);
      return reply.type(XLSX).header('content-disposition', attachmentHeader(out.name)).send(out.buffer);
    },
  );
  r.post(
    '/api/self-inspections/import',
    {
      config: file,
      schema: { tags, summary: '上传填好的附件1（逐行校验，有错则不写入）', consumes: ['multipart/form-data'], querystring: s.importQuery, response: { 201: z.object({ id: z.string(), status: z.string() }) } },
    },
    async (request, reply) => {
      const { files } = await readMultipart(request, { maxFiles: 1 });
      const upload = files[0] as (typeof files)[number];
      return reply.status(201).send(await transfer.importForm(db, actorOf(request), request.query.campaignId, request.query.projectId, upload.buffer));
    },
  );
  r.get(
    '/api/self-inspections/:id',
    { config: read, schema: { tags, summary: '自查表详情（含核查疑点 flags）', params: s.idParams, response: detail } },
    async (request) => service.getSelfInspection(db, actorOf(request), request.params.id),
  );
  r.get(
    '/api/self-inspections/:id/export',
    { config: read, schema: { tags, summary: '导出自查表（附件1 版式 xlsx）', params: s.idParams } },
    async (request, reply) => {
      const out = await transfer.exportOne(db, actorOf(request), request.params.id);
      return reply.type(XLSX).header('content-disposition', attachmentHeader(out.name)).send(out.buffer);
    },
  );
  r.post(
    '/api/self-inspections/:id/confirm',
    { config: file, schema: { tags, summary: '企业确认（电子盖章）', params: s.idParams, response: detail } },
    async (request) => service.confirmSelfInspection(db, actorOf(request), request.params.id),
  );
  r.post(
    '/api/self-inspections/:id/file',
    { config: file, schema: { tags, summary: '报区房管部门备案', params: s.idParams, response: detail } },
    async (request) => service.fileSelfInspection(db, actorOf(request), request.params.id),
  );
  r.post(
    '/api/self-inspections/:id/accept',
    { config: decideRule, schema: { tags, summary: '审核通过（申报的问题转入整改台账）', params: s.idParams, response: detail } },
    async (request) => decide.acceptSelfInspection(db, actorOf(request), request.params.id),
  );
  r.post(
    '/api/self-inspections/:id/return',
    { config: decideRule, schema: { tags, summary: '退回企业修改', params: s.idParams, body: s.returnInput, response: detail } },
    async (request) => decide.returnSelfInspection(db, actorOf(request), request.params.id, request.body.reason),
  );
  r.post(
    '/api/self-inspections/:id/flags/:focusItemId/confirm',
    { config: decideRule, schema: { tags, summary: '确认核查疑点为虚假自查（记入信用）', params: s.flagParams, body: s.flagConfirmInput, response: detail } },
    async (request) => decide.confirmFlag(db, actorOf(request), request.params.id, request.params.focusItemId, request.body.note),
  );
}
