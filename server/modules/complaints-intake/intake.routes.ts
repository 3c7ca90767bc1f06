import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { checkPublicComplaint, PUBLIC_PHOTO_MAX_BYTES } from '../../../core/intake/public-form.js';
import type { AppDeps } from '../../deps.js';
import { actorOf } from '../../http/authenticate.js';
import { validationFailed } from '../../http/errors.js';
import { readMultipart } from '../../http/multipart.js';
import { FILE_TYPES, attachmentHeader } from '../../lib/files.js';
import { newChallenge } from './bot-check.js';
import { hotlineImportResult, hotlineImportQuery, botCheckResponse, publicComplaintBody, publicProject, publicProjectsQuery } from './intake.schemas.js';
import { hotlineTemplate, importHotlineOrders } from './hotline-import.js';
import { publicActor, searchProjects, storePublicUpload, submitPublicComplaint } from './public.service.js';

const XLSX = FILE_TYPES.xlsx.mime;
/** Per client IP. A household behind one NAT can still file several complaints an hour. */
const COMPLAINT_LIMIT = { max: 5, timeWindow: '10 minutes' };
const UPLOAD_LIMIT = { max: 30, timeWindow: '10 minutes' };
const CHALLENGE_LIMIT = { max: 60, timeWindow: '10 minutes' };

/** One image from a portal request, read with the portal's own (smaller) size limit. */
async function readPublicImage(request: FastifyRequest): Promise<{ buffer: Buffer; fileName: string }> {
  if (!request.isMultipart()) throw validationFailed({ file: '请以 multipart/form-data 方式上传照片（字段名 file）' });
  const part = await request.file({ limits: { fileSize: PUBLIC_PHOTO_MAX_BYTES, files: 1 } });
  if (part?.fieldname !== 'file') throw validationFailed({ file: '请选择要上传的照片' });
  const buffer = await part.toBuffer();
  if (part.file.truncated) throw validationFailed({ file: '照片不能超过 5 MB' });
  return { buffer, fileName: part.filename };
}

/**
 * Intake channels (SPEC §5): the portal's complaint form with its bot check, photo uploads and
 * project picker (no login), and the 12345 work-order import (staff). Open311: modules/open311.
 */
export async function complaintIntakeRoutes(app: FastifyInstance, deps: AppDeps) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['complaints-intake'];

  r.get(
    '/api/public/bot-check',
    {
      config: { public: true, rateLimit: CHALLENGE_LIMIT },
      schema: { tags, summary: '门户投诉表单的人机验证题（离线工作量证明；PORTAL_BOT_CHECK=off 时 enabled=false）', response: { 200: botCheckResponse } },
    },
    async (_request, reply) => {
      reply.header('cache-control', 'no-store');
      return newChallenge(deps.env, deps.cipher);
    },
  );

  r.post(
    '/api/public/complaints',
    {
      config: { public: true, rateLimit: COMPLAINT_LIMIT },
      schema: {
        tags,
        summary: '群众在门户网站反映问题（免登录；提交成功后返回查询码）',
        body: publicComplaintBody,
        response: { 201: z.object({ trackingCode: z.string() }) },
      },
    },
    async (request, reply) => {
      const body = request.body;
      const fields = checkPublicComplaint({
        description: body.description,
        contactName: body.contactName,
        contactPhone: body.contactPhone,
        anonymous: body.anonymous,
      });
      if (Object.keys(fields).length) throw validationFailed(fields);
      const result = await submitPublicComplaint(deps, publicActor(request), body);
      return reply.status(201).header('cache-control', 'no-store').send(result);
    },
  );

  r.post(
    '/api/public/uploads',
    {
      config: { public: true, rateLimit: UPLOAD_LIMIT },
      schema: {
        tags,
        summary: '门户投诉表单上传照片（multipart 字段 file；JPG/PNG/WEBP，不超过 5 MB）',
        consumes: ['multipart/form-data'],
        response: { 201: z.object({ fileId: z.string() }) },
      },
    },
    async (request, reply) => {
      const file = await readPublicImage(request);
      return reply.status(201).send(await storePublicUpload(deps, publicActor(request), file, PUBLIC_PHOTO_MAX_BYTES));
    },
  );

  r.get(
    '/api/public/projects',
    {
      config: { public: true, rateLimit: { max: 120, timeWindow: '1 minute' } },
      schema: { tags, summary: '门户表单选择小区（按名称或地址搜索，最多 20 条）', querystring: publicProjectsQuery, response: { 200: z.array(publicProject) } },
    },
    async (request) => searchProjects(deps.db, request.query.q),
  );

  r.get(
    '/api/complaints/import/template',
    { config: { permission: 'complaint:import' }, schema: { tags, summary: '12345 工单导入模板（可识别的表头与说明）' } },
    async (_request, reply) => reply.type(XLSX).header('content-disposition', attachmentHeader('12345工单导入模板.xlsx')).send(await hotlineTemplate()),
  );

  r.post(
    '/api/complaints/import',
    {
      config: { permission: 'complaint:import' },
      schema: {
        tags,
        summary: '导入 12345 工单（multipart 字段 file，可选字段 mapping 为列对应关系 JSON；dryRun=true 只检查；有任何错误都不写入）',
        consumes: ['multipart/form-data'],
        querystring: hotlineImportQuery,
        response: { 200: hotlineImportResult },
      },
    },
    async (request) => {
      const actor = actorOf(request);
      const { files, fields } = await readMultipart(request, { maxFiles: 1 });
      return importHotlineOrders(deps, actor, files[0], { ...request.query, mapping: fields.mapping });
    },
  );
}
