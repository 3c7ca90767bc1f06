import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppDeps } from '../../deps.js';
import { actorOf } from '../../http/authenticate.js';
import * as service from './notices.service.js';

const params = z.object({ id: z.uuid('无效的编号') });
const notice = z.object({
  id: z.string(),
  type: z.string(),
  typeLabel: z.string(),
  title: z.string(),
  documentNumber: z.string(),
  actionDate: z.string(),
  issuingUnitName: z.string(),
  projectName: z.string().nullable(),
  deadline: z.string().nullable(),
  amount: z.number().nullable(),
  problemId: z.string().nullable(),
  received: z.boolean(),
  receivedAt: z.date().nullable(),
  receivedBy: z.string().nullable(),
});
const receipt = z.object({ id: z.string(), receivedAt: z.date(), receivedBy: z.string() });

/** Documents served on the company and its receipt (签收). */
export async function noticeRoutes(app: FastifyInstance, { db }: AppDeps) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['notices'];
  const company = { permission: 'notice:receive' } as const;
  r.get(
    '/api/company/notices',
    { config: company, schema: { tags, summary: '本企业收到的执法文书', response: { 200: z.object({ items: z.array(notice), total: z.number(), unreceived: z.number() }) } } },
    async (request) => service.listNotices(db, actorOf(request)),
  );
  r.get(
    '/api/company/notices/:id',
    { config: company, schema: { tags, summary: '文书详情（投诉人信息已隐去）', params, response: { 200: notice.extend({ facts: z.string() }) } } },
    async (request) => service.getNotice(db, actorOf(request), request.params.id),
  );
  r.post(
    '/api/company/notices/:id/receipt',
    { config: company, schema: { tags, summary: '签收文书', params, response: { 200: receipt } } },
    async (request) => service.confirmReceipt(db, actorOf(request), request.params.id),
  );
  r.get(
    '/api/enforcement-actions/:id/receipt',
    {
      config: { permission: 'enforcement:read' },
      schema: { tags, summary: '企业签收情况', params, response: { 200: z.object({ id: z.string(), received: z.boolean(), receivedAt: z.date().nullable(), receivedBy: z.string().nullable() }) } },
    },
    async (request) => service.receiptOf(db, actorOf(request), request.params.id),
  );
}
