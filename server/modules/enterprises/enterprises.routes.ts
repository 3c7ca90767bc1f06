import { chinaDate } from '../../../core/working-days.js';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { AppDeps } from '../../deps.js';
import { actorOf } from '../../http/authenticate.js';
import { pageOf } from '../../http/pagination.js';
import { FILE_TYPES, attachmentHeader } from '../../lib/files.js';
import { registryImportRoutes } from '../imports/imports.routes.js';
import { projectListQuery, projectSchema } from '../projects/projects.schemas.js';
import { listProjects } from '../projects/projects.service.js';
import {
  enterpriseExportQuery,
  enterpriseInput,
  enterpriseListQuery,
  enterpriseSchema,
  enterpriseUpdate,
  idParams,
} from './enterprises.schemas.js';
import * as service from './enterprises.service.js';
import { enterpriseImportSpec, enterpriseTemplate, exportEnterprises } from './enterprises.xlsx.js';

const XLSX = FILE_TYPES.xlsx.mime;

export async function enterpriseRoutes(app: FastifyInstance, deps: AppDeps) {
  const { db } = deps;
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['enterprises'];

  r.get(
    '/api/enterprises',
    {
      config: { permission: 'enterprise:read' },
      schema: {
        tags,
        summary: '物业服务企业列表（q 搜索名称/信用代码/法定代表人；region 为注册地区划，含下级）',
        querystring: enterpriseListQuery,
        response: { 200: pageOf(enterpriseSchema) },
      },
    },
    async (request) => service.listEnterprises(db, actorOf(request), request.query),
  );

  r.get(
    '/api/enterprises/export',
    {
      config: { permission: 'enterprise:read' },
      schema: { tags, summary: '导出本辖区登记的企业（xlsx，表头与导入模板一致）', querystring: enterpriseExportQuery },
    },
    async (request, reply) => {
      const stream = await exportEnterprises(db, actorOf(request), request.query);
      return reply.type(XLSX).header('content-disposition', attachmentHeader(`物业服务企业-${chinaDate()}.xlsx`)).send(stream);
    },
  );

  registryImportRoutes(app, deps, { path: 'enterprises', tags, label: '物业服务企业', read: 'enterprise:read', manage: 'enterprise:manage', template: enterpriseTemplate, spec: enterpriseImportSpec });

  r.get(
    '/api/enterprises/:id',
    { config: { permission: 'enterprise:read' }, schema: { tags, summary: '企业详情（含项目数等统计）', params: idParams, response: { 200: enterpriseSchema } } },
    async (request) => service.getEnterprise(db, actorOf(request), request.params.id),
  );

  r.get(
    '/api/enterprises/:id/projects',
    {
      config: { permission: ['enterprise:read', 'project:read'] },
      schema: { tags, summary: '企业管理的项目（仅本人辖区内）', params: idParams, querystring: projectListQuery.omit({ enterpriseId: true }), response: { 200: pageOf(projectSchema) } },
    },
    async (request) => {
      const actor = actorOf(request);
      await service.requireVisibleEnterprise(db, actor, request.params.id);
      return listProjects(db, actor, { ...request.query, enterpriseId: request.params.id });
    },
  );

  r.post(
    '/api/enterprises',
    {
      config: { permission: 'enterprise:manage' },
      schema: {
        tags,
        summary: '登记企业（信用代码按 GB 32100 校验；仅校验位不符时可由有权限者 confirmChecksum 确认）',
        body: enterpriseInput,
        response: { 201: enterpriseSchema },
      },
    },
    async (request, reply) => reply.status(201).send(await service.createEnterprise(db, actorOf(request), request.body)),
  );

  r.patch(
    '/api/enterprises/:id',
    {
      config: { permission: 'enterprise:manage' },
      schema: { tags, summary: '修改企业（仅注册地主管部门）', params: idParams, body: enterpriseUpdate, response: { 200: enterpriseSchema } },
    },
    async (request) => service.updateEnterprise(db, actorOf(request), request.params.id, request.body),
  );
}
