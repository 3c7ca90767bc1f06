import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { AppDeps } from '../../deps.js';
import { actorOf } from '../../http/authenticate.js';
import { sendUpload } from '../../lib/files.js';
import * as s from './complaints-config.schemas.js';
import * as service from './complaints-config.service.js';

/**
 * Complaint configuration and measurement (SPEC §5): time limits per campaign and lead
 * department, download of a lead's timeline attachments, triage accuracy from corrections.
 */
export async function complaintConfigRoutes(app: FastifyInstance, { db, env }: AppDeps) {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.get(
    '/api/campaigns/:id/complaint-time-limits',
    {
      config: { permission: 'campaign:read' },
      schema: {
        tags: ['campaigns'],
        summary: '线索办理时限（按牵头部门；未设置时为默认：签收 1、办结 15、回访 5 个工作日，紧急 2/24 小时）',
        params: s.campaignParams,
        response: { 200: s.timeLimitsSchema },
      },
    },
    async (request) => service.getTimeLimits(db, actorOf(request), request.params.id),
  );

  r.put(
    '/api/campaigns/:id/complaint-time-limits',
    {
      config: { permission: 'campaign:manage' },
      schema: {
        tags: ['campaigns'],
        summary: '保存线索办理时限（整体替换；leadDepartment 为 * 表示全部部门；留空的时限沿用默认值）',
        params: s.campaignParams,
        body: s.timeLimitsInput,
        response: { 200: s.timeLimitsSchema },
      },
    },
    async (request) => service.replaceTimeLimits(db, actorOf(request), request.params.id, request.body.limits),
  );

  r.get(
    '/api/complaints/:id/attachments/:fileId',
    {
      config: { permission: 'complaint:read' },
      schema: { tags: ['complaints'], summary: '下载线索时间线中的附件（图片在浏览器中打开，其他文件下载）', params: s.fileParams },
    },
    async (request, reply) => {
      const file = await service.openAttachment(db, actorOf(request), env.DATA_DIR, request.params.id, request.params.fileId);
      return sendUpload(reply, file);
    },
  );

  r.get(
    '/api/triage/stats',
    {
      config: { permission: 'complaint:read' },
      schema: {
        tags: ['complaints'],
        summary: '分流准确率：已确认线索的系统建议与最终类别、牵头部门、紧急程度的一致率及混淆情况',
        querystring: s.triageStatsQuery,
        response: { 200: s.triageStatsSchema },
      },
    },
    async (request) => service.triageStats(db, actorOf(request), request.query),
  );
}
