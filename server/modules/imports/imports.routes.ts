import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppDeps } from '../../app.js';
import { actorOf } from '../../http/authenticate.js';
import { importJobSchema } from './imports.schemas.js';
import * as service from './imports.service.js';

export async function importRoutes(app: FastifyInstance, { db }: AppDeps) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  r.get(
    '/api/imports/:id',
    {
      config: { permission: ['enterprise:manage', 'project:manage'] },
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
