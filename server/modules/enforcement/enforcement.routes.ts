import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppDeps } from '../../deps.js';
import { actorOf } from '../../http/authenticate.js';
import { pageOf, pageQuery } from '../../http/pagination.js';
import { attachmentHeader } from '../../lib/files.js';
import { buildActionDocument, documentFileName } from './enforcement.document.js';
import * as service from './enforcement.service.js';

const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';
const params = z.object({ id: z.uuid('无效的编号') });

const actionRow = z.object({
  id: z.string(),
  type: z.string(),
  typeLabel: z.string(),
  title: z.string(),
  penalty: z.boolean(),
  documentNumber: z.string(),
  actionDate: z.string(),
  enterpriseId: z.string(),
  enterpriseName: z.string(),
  creditCode: z.string(),
  issuingOrgUnitId: z.string(),
  issuingUnitName: z.string(),
  amount: z.number().nullable(),
  deadline: z.string().nullable(),
  publicationDueOn: z.string().nullable(),
  publishedAt: z.date().nullable(),
  publicationOverdue: z.boolean(),
  problemId: z.string().nullable(),
  complaintId: z.string().nullable(),
  projectId: z.string().nullable(),
  createdAt: z.date(),
});
const legalBasisRow = z.object({
  id: z.number(),
  citation: z.string(),
  actTitle: z.string(),
  actShortName: z.string(),
  article: z.string(),
  summary: z.string(),
  effectiveFrom: z.string(),
  effectiveTo: z.string().nullable(),
});
const actionDetail = actionRow.extend({
  facts: z.string(),
  legalBasisIds: z.array(z.number()),
  legalBasis: z.array(legalBasisRow),
  deadlineDays: z.number().nullable(),
  year: z.number(),
  seq: z.number(),
  regionId: z.number(),
  creditEventId: z.string().nullable(),
  projectName: z.string().nullable(),
  issuingUnitShortName: z.string().nullable(),
});

/** Enforcement actions and their documents (SPEC §10). */
export async function enforcementRoutes(app: FastifyInstance, { db, env }: AppDeps) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['enforcement'];
  const read = { permission: 'enforcement:read' } as const;
  const create = { permission: 'enforcement:create' } as const;

  r.get(
    '/api/enforcement-actions',
    {
      config: read,
      schema: {
        tags,
        summary: '执法措施列表（publicationDue=true：待公示的处罚决定）',
        querystring: service.listActionsQuery.extend(pageQuery.shape),
        response: { 200: pageOf(actionRow) },
      },
    },
    async (request) => service.listActions(db, actorOf(request), request.query),
  );

  r.post(
    '/api/enforcement-actions',
    {
      config: create,
      schema: {
        tags,
        summary: '新增执法措施（自动编文号，处罚与责令整改同时记入信用；未关联问题的责令整改自动在整改台账立项）',
        body: service.createActionInput,
        response: {
          201: z.object({
            id: z.string(),
            documentNumber: z.string(),
            deadline: z.string().nullable(),
            publicationDueOn: z.string().nullable(),
            creditEventId: z.string().nullable(),
            /** The ledger problem the action belongs to (a standalone rectification order opens one). */
            problemId: z.string().nullable(),
          }),
        },
      },
    },
    async (request, reply) => reply.status(201).send(await service.createAction(db, actorOf(request), request.body)),
  );

  r.get(
    '/api/enforcement-actions/:id',
    { config: read, schema: { tags, summary: '执法措施详情', params, response: { 200: actionDetail } } },
    async (request) => service.getAction(db, actorOf(request), request.params.id),
  );

  r.get(
    '/api/enforcement-actions/:id/document',
    { config: read, schema: { tags, summary: '执法文书（.docx，GB/T 9704 版式）', params } },
    async (request, reply) => {
      const action = await service.getAction(db, actorOf(request), request.params.id);
      const buffer = await buildActionDocument(action, {
        ...(await service.remedyBodies(db, action.issuingOrgUnitId)),
        payment: { bank: env.PENALTY_PAYMENT_BANK, accountName: env.PENALTY_PAYMENT_ACCOUNT_NAME, account: env.PENALTY_PAYMENT_ACCOUNT },
      });
      return reply.type(DOCX).header('content-disposition', attachmentHeader(documentFileName(action))).send(buffer);
    },
  );

  r.post(
    '/api/enforcement-actions/:id/publish',
    {
      config: create,
      schema: { tags, summary: '处罚决定已公示（双公示）', params, response: { 200: z.object({ ok: z.literal(true), publishedAt: z.date() }) } },
    },
    async (request) => service.publishAction(db, actorOf(request), request.params.id),
  );
}
