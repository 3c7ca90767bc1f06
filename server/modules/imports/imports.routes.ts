import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Permission } from '../../../core/roles.js';
import type { AppDeps } from '../../deps.js';
import type { Db } from '../../db/client.js';
import type { Actor } from '../../http/actor.js';
import { actorOf } from '../../http/authenticate.js';
import { readMultipart } from '../../http/multipart.js';
import { FILE_TYPES, attachmentHeader } from '../../lib/files.js';
import { importJobSchema, importQuery, importResultSchema } from './imports.schemas.js';
import * as service from './imports.service.js';

export async function importRoutes(app: FastifyInstance, { db }: AppDeps) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  r.get(
    '/api/imports/:id',
    {
      config: { permission: ['enterprise:manage', 'project:manage', 'complaint:import'] },
      schema: {
        tags: ['imports'],
        summary: '导入任务进度（仅发起人可见）',
        params: z.object({ id: z.uuid('无效的编号') }),
        response: { 200: importJobSchema },
      },
    },
    async (request) => service.getImportJob(db, actorOf(request), request.params.id),
  );
}

/**
 * The template download and the upload route of one registry import (`/api/<path>/import-template`,
 * `POST /api/<path>/import`): the same contract for every kind, only names and the spec differ.
 */
export function registryImportRoutes<P>(
  app: FastifyInstance,
  deps: AppDeps,
  kind: { path: string; tags: string[]; label: string; read: Permission; manage: Permission; template: () => Promise<Buffer>; spec: (db: Db, actor: Actor) => service.ImportSpec<P> },
) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  r.get(
    `/api/${kind.path}/import-template`,
    { config: { permission: kind.read }, schema: { tags: kind.tags, summary: `${kind.label}导入模板（含示例行与说明）` } },
    async (_request, reply) =>
      reply
        .type(FILE_TYPES.xlsx.mime)
        .header('content-disposition', attachmentHeader(`${kind.label}导入模板.xlsx`))
        .send(await kind.template()),
  );
  r.post(
    `/api/${kind.path}/import`,
    {
      config: { permission: kind.manage },
      schema: {
        tags: kind.tags,
        summary: `导入${kind.label}（multipart 字段 file；dryRun=true 只检查；有任何错误都不写入）`,
        consumes: ['multipart/form-data'],
        querystring: importQuery,
        response: { 200: importResultSchema },
      },
    },
    async (request) => {
      const actor = actorOf(request);
      const { files } = await readMultipart(request, { maxFiles: 1 });
      return service.runImport(deps.db, actor, service.importLimits(deps), files[0], request.query, kind.spec(deps.db, actor));
    },
  );
}
