import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppDeps } from '../../app.js';
import { actorOf } from '../../http/authenticate.js';
import { pageOf } from '../../http/pagination.js';
import * as s from './campaigns.schemas.js';
import * as service from './campaigns.service.js';

const id = z.uuid('无效的编号');
const campaignParams = z.object({ id });
const ok = z.object({ ok: z.literal(true) });
const phaseRow = z.object({ id: z.string(), seq: z.number(), name: z.string(), startsOn: z.string().nullable(), endsOn: z.string(), description: z.string().nullable() });
const taskRow = z.object({
  id: z.string(),
  phaseId: z.string(),
  seq: z.number(),
  title: z.string(),
  description: z.string().nullable(),
  dueOn: z.string().nullable(),
  responsibleDepartmentType: z.string().nullable(),
  responsibleOrgUnitId: z.string().nullable(),
  responsibleNote: z.string().nullable(),
  targetCount: z.number().nullable(),
});
const focusRow = z.object({
  id: z.string(),
  seq: z.number(),
  title: z.string(),
  description: z.string(),
  checklistText: z.string().nullable(),
  legalProvisionIds: z.array(z.number()),
  leadDepartmentType: z.string(),
  coDepartmentTypes: z.array(z.string()),
});
const ruleRow = z.object({
  id: z.string(),
  priority: z.number(),
  conditionKind: z.string(),
  category: z.number().nullable(),
  subCondition: z.string().nullable(),
  leadDepartmentType: z.string(),
  coDepartmentTypes: z.array(z.string()),
  description: z.string().nullable(),
  enabled: z.boolean(),
});
const unitRow = z.object({
  id: z.string(),
  orgUnitId: z.string().nullable(),
  departmentType: z.string().nullable(),
  unitName: z.string(),
  role: z.string(),
  duties: z.string().nullable(),
  responsibleLeader: z.string().nullable(),
  contactName: z.string().nullable(),
  contactPhone: z.string().nullable(),
  sortOrder: z.number(),
});
const deadlineRow = z.object({ id: z.string(), kind: z.string(), dueOn: z.string(), description: z.string() });
const progressRow = z.object({
  taskId: z.string(),
  regionCode: z.string(),
  regionName: z.string(),
  status: z.string(),
  doneOn: z.string().nullable(),
  quantity: z.number().nullable(),
  note: z.string().nullable(),
  updatedAt: z.date(),
});

/** Campaigns (SPEC §4): read with campaign:read within visibility; every change needs campaign:manage. */
export async function campaignRoutes(app: FastifyInstance, { db }: AppDeps) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['campaigns'];
  const read = { permission: 'campaign:read' } as const;
  const manage = { permission: 'campaign:manage' } as const;

  r.get(
    '/api/campaign-templates',
    { config: read, schema: { tags, summary: '专项行动模板', response: { 200: z.object({ items: z.array(s.templateSchema) }) } } },
    async () => ({ items: service.listTemplates() }),
  );

  r.get(
    '/api/campaigns',
    {
      config: read,
      schema: {
        tags,
        summary: '适用于本辖区的专项行动（本级、上级及下级制定的）',
        querystring: s.listCampaignsQuery,
        response: { 200: pageOf(s.campaignSummarySchema) },
      },
    },
    async (request) => service.listCampaigns(db, actorOf(request), request.query),
  );

  r.post(
    '/api/campaigns',
    { config: manage, schema: { tags, summary: '新建专项行动（空白方案）', body: s.createCampaignInput, response: { 201: s.campaignDetailSchema } } },
    async (request, reply) => reply.status(201).send(await service.createCampaign(db, actorOf(request), request.body)),
  );

  r.post(
    '/api/campaigns/from-template',
    { config: manage, schema: { tags, summary: '按模板新建专项行动', body: s.fromTemplateInput, response: { 201: s.campaignDetailSchema } } },
    async (request, reply) => reply.status(201).send(await service.createFromTemplate(db, actorOf(request), request.body)),
  );

  r.get(
    '/api/campaigns/:id',
    {
      config: read,
      schema: { tags, summary: '专项行动详情：阶段与任务、整治重点及法律依据、责任规则、参与单位、报送规则', params: campaignParams, response: { 200: s.campaignDetailSchema } },
    },
    async (request) => service.getCampaign(db, actorOf(request), request.params.id),
  );

  r.patch(
    '/api/campaigns/:id',
    { config: manage, schema: { tags, summary: '修改专项行动（含状态）', params: campaignParams, body: s.updateCampaignInput, response: { 200: s.campaignDetailSchema } } },
    async (request) => service.updateCampaign(db, actorOf(request), request.params.id, request.body),
  );

  // Phases and tasks
  r.post(
    '/api/campaigns/:id/phases',
    { config: manage, schema: { tags, summary: '新增阶段', params: campaignParams, body: s.phaseInput, response: { 201: phaseRow } } },
    async (request, reply) => reply.status(201).send(await service.addPhase(db, actorOf(request), request.params.id, request.body)),
  );
  r.patch(
    '/api/campaigns/:id/phases/:phaseId',
    { config: manage, schema: { tags, summary: '修改阶段', params: z.object({ id, phaseId: id }), body: s.phasePatch, response: { 200: phaseRow } } },
    async (request) => service.updatePhase(db, actorOf(request), request.params.id, request.params.phaseId, request.body),
  );
  r.delete(
    '/api/campaigns/:id/phases/:phaseId',
    { config: manage, schema: { tags, summary: '删除阶段（须先移走任务）', params: z.object({ id, phaseId: id }), response: { 200: ok } } },
    async (request) => {
      await service.deletePhase(db, actorOf(request), request.params.id, request.params.phaseId);
      return { ok: true as const };
    },
  );
  r.post(
    '/api/campaigns/:id/phases/:phaseId/tasks',
    { config: manage, schema: { tags, summary: '新增任务', params: z.object({ id, phaseId: id }), body: s.taskInput, response: { 201: taskRow } } },
    async (request, reply) => reply.status(201).send(await service.addTask(db, actorOf(request), request.params.id, request.params.phaseId, request.body)),
  );
  r.patch(
    '/api/campaigns/:id/tasks/:taskId',
    { config: manage, schema: { tags, summary: '修改任务', params: z.object({ id, taskId: id }), body: s.taskPatch, response: { 200: taskRow } } },
    async (request) => service.updateTask(db, actorOf(request), request.params.id, request.params.taskId, request.body),
  );
  r.delete(
    '/api/campaigns/:id/tasks/:taskId',
    { config: manage, schema: { tags, summary: '删除任务（已有完成记录的不能删除）', params: z.object({ id, taskId: id }), response: { 200: ok } } },
    async (request) => {
      await service.deleteTask(db, actorOf(request), request.params.id, request.params.taskId);
      return { ok: true as const };
    },
  );

  // Task progress per region
  r.get(
    '/api/campaigns/:id/progress',
    { config: read, schema: { tags, summary: '各区划任务完成情况', params: campaignParams, response: { 200: s.progressSummarySchema } } },
    async (request) => service.progressSummary(db, actorOf(request), request.params.id),
  );
  r.put(
    '/api/campaigns/:id/tasks/:taskId/progress/:regionCode',
    {
      config: manage,
      schema: {
        tags,
        summary: '报送某区划的任务完成情况',
        params: z.object({ id, taskId: id, regionCode: z.string().min(1) }),
        body: s.progressInput,
        response: { 200: progressRow },
      },
    },
    async (request) => service.setTaskProgress(db, actorOf(request), request.params.id, request.params.taskId, request.params.regionCode, request.body),
  );

  // Focus items
  r.post(
    '/api/campaigns/:id/focus-items',
    { config: manage, schema: { tags, summary: '新增整治重点', params: campaignParams, body: s.focusItemInput, response: { 201: focusRow } } },
    async (request, reply) => reply.status(201).send(await service.addFocusItem(db, actorOf(request), request.params.id, request.body)),
  );
  r.patch(
    '/api/campaigns/:id/focus-items/:itemId',
    { config: manage, schema: { tags, summary: '修改整治重点（含法律依据、牵头与协办部门）', params: z.object({ id, itemId: id }), body: s.focusItemPatch, response: { 200: focusRow } } },
    async (request) => service.updateFocusItem(db, actorOf(request), request.params.id, request.params.itemId, request.body),
  );
  r.delete(
    '/api/campaigns/:id/focus-items/:itemId',
    { config: manage, schema: { tags, summary: '删除整治重点', params: z.object({ id, itemId: id }), response: { 200: ok } } },
    async (request) => {
      await service.deleteFocusItem(db, actorOf(request), request.params.id, request.params.itemId);
      return { ok: true as const };
    },
  );

  // Responsibility rules
  r.put(
    '/api/campaigns/:id/responsibility-rules',
    {
      config: manage,
      schema: {
        tags,
        summary: '保存责任分工规则（按顺序匹配，第一条命中的规则生效）',
        params: campaignParams,
        body: s.rulesInput,
        response: { 200: z.object({ items: z.array(ruleRow) }) },
      },
    },
    async (request) => ({ items: await service.replaceRules(db, actorOf(request), request.params.id, request.body.rules) }),
  );

  // Participating units
  r.post(
    '/api/campaigns/:id/units',
    { config: manage, schema: { tags, summary: '新增参与单位', params: campaignParams, body: s.unitInput, response: { 201: unitRow } } },
    async (request, reply) => reply.status(201).send(await service.addUnit(db, actorOf(request), request.params.id, request.body)),
  );
  r.patch(
    '/api/campaigns/:id/units/:unitId',
    { config: manage, schema: { tags, summary: '修改参与单位（分管领导、联系人）', params: z.object({ id, unitId: id }), body: s.unitPatch, response: { 200: unitRow } } },
    async (request) => service.updateUnit(db, actorOf(request), request.params.id, request.params.unitId, request.body),
  );
  r.delete(
    '/api/campaigns/:id/units/:unitId',
    { config: manage, schema: { tags, summary: '移除参与单位', params: z.object({ id, unitId: id }), response: { 200: ok } } },
    async (request) => {
      await service.deleteUnit(db, actorOf(request), request.params.id, request.params.unitId);
      return { ok: true as const };
    },
  );

  // Deadlines
  r.post(
    '/api/campaigns/:id/deadlines',
    { config: manage, schema: { tags, summary: '新增期限', params: campaignParams, body: s.deadlineInput, response: { 201: deadlineRow } } },
    async (request, reply) => reply.status(201).send(await service.addDeadline(db, actorOf(request), request.params.id, request.body)),
  );
  r.patch(
    '/api/campaigns/:id/deadlines/:deadlineId',
    { config: manage, schema: { tags, summary: '修改期限', params: z.object({ id, deadlineId: id }), body: s.deadlinePatch, response: { 200: deadlineRow } } },
    async (request) => service.updateDeadline(db, actorOf(request), request.params.id, request.params.deadlineId, request.body),
  );
  r.delete(
    '/api/campaigns/:id/deadlines/:deadlineId',
    { config: manage, schema: { tags, summary: '删除期限', params: z.object({ id, deadlineId: id }), response: { 200: ok } } },
    async (request) => {
      await service.deleteDeadline(db, actorOf(request), request.params.id, request.params.deadlineId);
      return { ok: true as const };
    },
  );
}
