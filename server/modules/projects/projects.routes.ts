import { chinaDate } from '../../../core/working-days.js';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { DISCLOSURE_ITEMS } from '../../../core/registry.js';
import type { AppDeps } from '../../deps.js';
import { actorOf } from '../../http/authenticate.js';
import { readMultipart } from '../../http/multipart.js';
import { pageOf } from '../../http/pagination.js';
import { FILE_TYPES, attachmentHeader } from '../../lib/files.js';
import { registryImportRoutes } from '../imports/imports.routes.js';
import * as disclosures from './disclosures.service.js';
import {
  disclosureInput,
  disclosureParams,
  disclosureResultSchema,
  disclosureSchema,
  evidenceParams,
  idParams,
  projectDetailSchema,
  projectExportQuery,
  projectInput,
  projectListQuery,
  projectSchema,
  projectUpdate,
} from './projects.schemas.js';
import * as service from './projects.service.js';
import { exportProjects, projectImportSpec, projectTemplate } from './projects.xlsx.js';

const XLSX = FILE_TYPES.xlsx.mime;

export async function projectRoutes(app: FastifyInstance, deps: AppDeps) {
  const { db, env } = deps;
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['projects'];
  const uploadLimits = { dataDir: env.DATA_DIR, maxBytes: env.UPLOAD_MAX_MB * 1024 * 1024 };

  r.get(
    '/api/projects',
    {
      config: { permission: 'project:read' },
      schema: {
        tags,
        summary: '物业项目列表（region 含下级；enterpriseId=none 为无物业；disclosed=true 为已全部公示）',
        querystring: projectListQuery,
        response: { 200: pageOf(projectSchema) },
      },
    },
    async (request) => service.listProjects(db, actorOf(request), request.query),
  );

  r.get(
    '/api/projects/export',
    { config: { permission: 'project:read' }, schema: { tags, summary: '导出辖区内项目（xlsx，表头与导入模板一致）', querystring: projectExportQuery } },
    async (request, reply) => {
      const stream = await exportProjects(db, actorOf(request), request.query);
      return reply.type(XLSX).header('content-disposition', attachmentHeader(`物业项目-${chinaDate()}.xlsx`)).send(stream);
    },
  );

  registryImportRoutes(app, deps, { path: 'projects', tags, label: '物业项目', read: 'project:read', manage: 'project:manage', template: projectTemplate, spec: projectImportSpec });

  r.get(
    '/api/projects/:id',
    { config: { permission: 'project:read' }, schema: { tags, summary: '项目详情（含公示事项）', params: idParams, response: { 200: projectDetailSchema } } },
    async (request) => service.getProject(db, actorOf(request), request.params.id),
  );

  r.post(
    '/api/projects',
    { config: { permission: 'project:manage' }, schema: { tags, summary: '登记项目', body: projectInput, response: { 201: projectDetailSchema } } },
    async (request, reply) => reply.status(201).send(await service.createProject(db, actorOf(request), request.body)),
  );

  r.patch(
    '/api/projects/:id',
    { config: { permission: 'project:manage' }, schema: { tags, summary: '修改项目', params: idParams, body: projectUpdate, response: { 200: projectDetailSchema } } },
    async (request) => service.updateProject(db, actorOf(request), request.params.id, request.body),
  );

  r.get(
    '/api/projects/:id/disclosures',
    {
      config: { permission: 'project:read' },
      schema: { tags, summary: '项目的公示事项清单', params: idParams, response: { 200: z.object({ items: z.array(disclosureSchema), fullyDisclosedSince: z.string().nullable() }) } },
    },
    async (request) => {
      const actor = actorOf(request);
      const project = await service.requireVisibleProject(db, actor, request.params.id);
      return { items: await disclosures.listDisclosures(db, actor, project.id), fullyDisclosedSince: project.fullyDisclosedSince };
    },
  );

  r.get(
    '/api/projects/:id/disclosures/:item',
    {
      config: { permission: 'project:read' },
      schema: { tags, summary: `一个公示事项（${DISCLOSURE_ITEMS.join('/')}）`, params: disclosureParams, response: { 200: disclosureSchema } },
    },
    async (request) => disclosures.getDisclosure(db, actorOf(request), request.params.id, request.params.item),
  );

  r.put(
    '/api/projects/:id/disclosures/:item',
    {
      config: { permission: 'disclosure:manage' },
      schema: {
        tags,
        summary: '登记公示情况（企业用户可标记已公示，须先上传佐证；已核实仅限工作人员）',
        params: disclosureParams,
        body: disclosureInput,
        response: { 200: disclosureResultSchema },
      },
    },
    async (request) => disclosures.setDisclosure(db, actorOf(request), request.params.id, request.params.item, request.body),
  );

  r.post(
    '/api/projects/:id/disclosures/:item/evidence',
    {
      config: { permission: 'disclosure:manage' },
      schema: {
        tags,
        summary: '上传公示佐证（照片或 PDF，multipart 字段 file，可多个）',
        consumes: ['multipart/form-data'],
        params: disclosureParams,
        response: { 201: disclosureSchema },
      },
    },
    async (request, reply) => {
      const actor = actorOf(request);
      const { files } = await readMultipart(request, { maxFiles: 10 });
      return reply.status(201).send(await disclosures.addEvidence(db, actor, uploadLimits, request.params.id, request.params.item, files));
    },
  );

  r.get(
    '/api/projects/:id/disclosures/:item/evidence/:fileId',
    { config: { permission: 'project:read' }, schema: { tags, summary: '下载公示佐证', params: evidenceParams } },
    async (request, reply) => {
      const { id, item, fileId } = request.params;
      const file = await disclosures.readEvidence(db, actorOf(request), env.DATA_DIR, id, item, fileId);
      return reply
        .type(file.mime)
        .header('content-disposition', attachmentHeader(file.name, file.mime.startsWith('image/')))
        .header('content-security-policy', "default-src 'none'; img-src 'self'; sandbox")
        .header('cache-control', 'private, max-age=300')
        .send(file.buffer);
    },
  );

  r.delete(
    '/api/projects/:id/disclosures/:item/evidence/:fileId',
    { config: { permission: 'disclosure:manage' }, schema: { tags, summary: '移除公示佐证（文件保留备查）', params: evidenceParams, response: { 200: disclosureSchema } } },
    async (request) => disclosures.removeEvidence(db, actorOf(request), request.params.id, request.params.item, request.params.fileId),
  );
}
