import type { FastifyInstance, FastifySchema } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppDeps } from '../../deps.js';
import type { Actor } from '../../http/actor.js';
import { actorOf } from '../../http/authenticate.js';
import { pageOf } from '../../http/pagination.js';
import * as s from './campaigns.schemas.js';
import * as service from './campaigns.service.js';

const id = z.uuid('无效的编号');
const campaignParams = z.object({ id });
const ok = z.object({ ok: z.literal(true) });
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

const tags = ['campaigns'];
const read = { permission: 'campaign:read' } as const;
const manage = { permission: 'campaign:manage' } as const;

/** Campaigns (SPEC §4): read with campaign:read within visibility; every change needs campaign:manage. */
export async function campaignRoutes(app: FastifyInstance, { db }: AppDeps) {
  const r = app.withTypeProvider<ZodTypeProvider>();

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
  childRoutes(app, {
    collection: '/api/campaigns/:id/phases',
    item: '/api/campaigns/:id/phases/:phaseId',
    itemParams: z.object({ id, phaseId: id }),
    row: s.phaseRowSchema,
    create: { summary: '新增阶段', body: s.phaseInput, run: (actor, p, body) => service.addPhase(db, actor, p.id, body) },
    update: { summary: '修改阶段', body: s.phasePatch, run: (actor, p, body) => service.updatePhase(db, actor, p.id, p.phaseId, body) },
    remove: { summary: '删除阶段（须先移走任务）', run: (actor, p) => service.deletePhase(db, actor, p.id, p.phaseId) },
  });
  childRoutes(app, {
    collection: '/api/campaigns/:id/phases/:phaseId/tasks',
    collectionParams: z.object({ id, phaseId: id }),
    item: '/api/campaigns/:id/tasks/:taskId',
    itemParams: z.object({ id, taskId: id }),
    row: s.taskRowSchema,
    create: { summary: '新增任务', body: s.taskInput, run: (actor, p, body) => service.addTask(db, actor, p.id, p.phaseId, body) },
    update: { summary: '修改任务', body: s.taskPatch, run: (actor, p, body) => service.updateTask(db, actor, p.id, p.taskId, body) },
    remove: { summary: '删除任务（已有完成记录的不能删除）', run: (actor, p) => service.deleteTask(db, actor, p.id, p.taskId) },
  });

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
  childRoutes(app, {
    collection: '/api/campaigns/:id/focus-items',
    item: '/api/campaigns/:id/focus-items/:itemId',
    itemParams: z.object({ id, itemId: id }),
    row: s.focusItemRowSchema,
    create: { summary: '新增整治重点', body: s.focusItemInput, run: (actor, p, body) => service.addFocusItem(db, actor, p.id, body) },
    update: {
      summary: '修改整治重点（含法律依据、牵头与协办部门）',
      body: s.focusItemPatch,
      run: (actor, p, body) => service.updateFocusItem(db, actor, p.id, p.itemId, body),
    },
    remove: { summary: '删除整治重点', run: (actor, p) => service.deleteFocusItem(db, actor, p.id, p.itemId) },
  });

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
        response: { 200: z.object({ items: z.array(s.ruleRowSchema) }) },
      },
    },
    async (request) => ({ items: await service.replaceRules(db, actorOf(request), request.params.id, request.body.rules) }),
  );

  // Participating units
  childRoutes(app, {
    collection: '/api/campaigns/:id/units',
    item: '/api/campaigns/:id/units/:unitId',
    itemParams: z.object({ id, unitId: id }),
    row: s.unitRowSchema,
    create: { summary: '新增参与单位', body: s.unitInput, run: (actor, p, body) => service.addUnit(db, actor, p.id, body) },
    update: { summary: '修改参与单位（分管领导、联系人）', body: s.unitPatch, run: (actor, p, body) => service.updateUnit(db, actor, p.id, p.unitId, body) },
    remove: { summary: '移除参与单位', run: (actor, p) => service.deleteUnit(db, actor, p.id, p.unitId) },
  });

  // Deadlines
  childRoutes(app, {
    collection: '/api/campaigns/:id/deadlines',
    item: '/api/campaigns/:id/deadlines/:deadlineId',
    itemParams: z.object({ id, deadlineId: id }),
    row: s.deadlineRowSchema,
    create: { summary: '新增期限', body: s.deadlineInput, run: (actor, p, body) => service.addDeadline(db, actor, p.id, body) },
    update: { summary: '修改期限', body: s.deadlinePatch, run: (actor, p, body) => service.updateDeadline(db, actor, p.id, p.deadlineId, body) },
    remove: { summary: '删除期限', run: (actor, p) => service.deleteDeadline(db, actor, p.id, p.deadlineId) },
  });
}

interface ChildRouteSpec<CP extends z.ZodObject, IP extends z.ZodObject, C extends z.ZodType, U extends z.ZodType, R extends z.ZodType> {
  /** POST here creates a child: under the campaign, or deeper (tasks under a phase). */
  collection: string;
  /** The collection path's params; the campaign id alone when omitted. */
  collectionParams?: CP;
  /** PATCH and DELETE here change or remove one child. */
  item: string;
  itemParams: IP;
  /** The child as answered by create (201) and update (200). */
  row: R;
  create: { summary: string; body: C; run(actor: Actor, params: z.output<CP>, body: z.output<C>): Promise<z.input<R>> };
  update: { summary: string; body: U; run(actor: Actor, params: z.output<IP>, body: z.output<U>): Promise<z.input<R>> };
  remove: { summary: string; run(actor: Actor, params: z.output<IP>): Promise<void> };
}

/**
 * The three write routes of one kind of campaign child, each needing campaign:manage. Fastify's
 * zod validator has parsed params and body against the declared schemas before a handler runs,
 * which is what the casts to their output types rely on (the type provider cannot resolve them
 * for generic schemas).
 */
function childRoutes<CP extends z.ZodObject = typeof campaignParams, IP extends z.ZodObject = z.ZodObject, C extends z.ZodType = z.ZodType, U extends z.ZodType = z.ZodType, R extends z.ZodType = z.ZodType>(
  app: FastifyInstance,
  spec: ChildRouteSpec<CP, IP, C, U, R>,
) {
  const config = manage;
  const { create, update, remove } = spec;
  const createSchema: FastifySchema = { tags, summary: create.summary, params: spec.collectionParams ?? campaignParams, body: create.body, response: { 201: spec.row } };
  const updateSchema: FastifySchema = { tags, summary: update.summary, params: spec.itemParams, body: update.body, response: { 200: spec.row } };
  const removeSchema: FastifySchema = { tags, summary: remove.summary, params: spec.itemParams, response: { 200: ok } };
  app.post(
    spec.collection,
    { config, schema: createSchema },
    async (request, reply) => reply.status(201).send(await create.run(actorOf(request), request.params as z.output<CP>, request.body as z.output<C>)),
  );
  app.patch(
    spec.item,
    { config, schema: updateSchema },
    async (request) => update.run(actorOf(request), request.params as z.output<IP>, request.body as z.output<U>),
  );
  app.delete(
    spec.item,
    { config, schema: removeSchema },
    async (request) => {
      await remove.run(actorOf(request), request.params as z.output<IP>);
      return { ok: true as const };
    },
  );
}
