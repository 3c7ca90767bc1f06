import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppDeps } from '../../deps.js';
import { actorOf } from '../../http/authenticate.js';
import { readMultipart } from '../../http/multipart.js';
import { sendUpload } from '../../lib/files.js';

import { campaignCoverage } from './coverage.service.js';
import * as draws from './draws.service.js';
import * as s from './inspections.schemas.js';
import * as inspectors from './inspectors.service.js';
import * as photos from './photos.service.js';
import * as plans from './plans.service.js';
import * as records from './records.service.js';

/**
 * Inspections (SPEC §8): read with inspection:read (staff in their subtree, covert only to its own
 * staff and supervisors — inspections.policy.ts; company users see their own non-covert records);
 * plans, draws and the certificate register need inspection:manage; records and findings
 * inspection:record. The portal lists published draws.
 */
export async function inspectionRoutes(app: FastifyInstance, { db, env }: AppDeps) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['inspections'];
  const read = { permission: 'inspection:read' } as const;
  const manage = { permission: 'inspection:manage' } as const;
  const record = { permission: 'inspection:record' } as const;
  const idResponse = z.object({ id: z.string() });
  const PUBLIC_READ_LIMIT = { max: 120, timeWindow: '1 minute' };
  const uploadLimits = { dataDir: env.DATA_DIR, maxBytes: env.UPLOAD_MAX_MB * 1024 * 1024 };

  r.get('/api/inspectors', { config: read, schema: { tags, summary: '持证执法检查人员（可抽取、可记录）', querystring: s.inspectorsQuery, response: { 200: z.object({ items: z.array(s.inspectorSchema) }) } } }, async (q) =>
    inspectors.listInspectors(db, actorOf(q), q.query),
  );
  r.get('/api/inspector-certificates', { config: manage, schema: { tags, summary: '执法证登记（含已过期）', querystring: s.inspectorsQuery, response: { 200: z.object({ items: z.array(s.inspectorSchema) }) } } }, async (q) =>
    inspectors.listInspectors(db, actorOf(q), { ...q.query, all: true }),
  );
  r.get('/api/inspector-certificates/candidates', { config: manage, schema: { tags, summary: '可登记执法证的工作人员（按姓名搜索）', querystring: z.object({ q: z.string().max(40).optional() }) } }, async (q) =>
    inspectors.certificateCandidates(db, actorOf(q), q.query.q),
  );
  r.post('/api/inspector-certificates', { config: manage, schema: { tags, summary: '登记或更新执法证', body: s.certifyInput, response: { 201: idResponse } } }, async (q, reply) =>
    reply.status(201).send(await inspectors.certifyInspector(db, actorOf(q), q.body)),
  );
  r.post('/api/inspector-conflicts', { config: manage, schema: { tags, summary: '登记回避关系（检查人员与企业）', body: s.conflictInput, response: { 201: idResponse } } }, async (q, reply) =>
    reply.status(201).send(await inspectors.declareConflict(db, actorOf(q), q.body)),
  );

  r.post('/api/inspection-plans', { config: manage, schema: { tags, summary: '新建检查计划', body: s.createPlanInput, response: { 201: idResponse } } }, async (q, reply) =>
    reply.status(201).send(await plans.createPlan(db, actorOf(q), q.body)),
  );
  r.get('/api/inspection-plans', { config: read, schema: { tags, summary: '检查计划（暗访计划仅计划人员及其上级可见）', querystring: s.listPlansQuery } }, async (q) =>
    plans.listPlans(db, actorOf(q), q.query),
  );
  r.get('/api/inspection-plans/:id', { config: read, schema: { tags, summary: '检查计划详情', params: s.idParams } }, async (q) => plans.getPlan(db, actorOf(q), q.params.id));

  r.post(
    '/api/inspection-draws',
    {
      config: manage,
      schema: {
        tags,
        summary: '双随机抽取（检查对象与检查人员）',
        body: s.createDrawInput,
        response: { 201: z.object({ id: z.string(), seed: z.string(), algorithm: z.string(), targets: z.array(z.object({ projectId: z.string(), enterpriseId: z.string(), inspectors: z.array(z.string()) })) }) },
      },
    },
    async (q, reply) => reply.status(201).send(await draws.createDraw(db, actorOf(q), q.body)),
  );
  r.get('/api/inspection-draws', { config: read, schema: { tags, summary: '抽查批次', querystring: s.listDrawsQuery } }, async (q) => draws.listDraws(db, actorOf(q), q.query));
  r.get('/api/inspection-draws/:id', { config: read, schema: { tags, summary: '抽查批次详情（种子、输入、算法版本、结果）', params: s.idParams } }, async (q) =>
    draws.getDraw(db, actorOf(q), q.params.id),
  );
  r.post(
    '/api/inspection-draws/:id/verify',
    { config: read, schema: { tags, summary: '复核抽取：按存档的种子、输入和算法版本重新抽取并比对', params: s.idParams, response: { 200: z.object({ matches: z.boolean(), algorithm: z.string(), seed: z.string() }) } } },
    async (q) => draws.verifyStoredDraw(db, actorOf(q), q.params.id),
  );
  r.get('/api/public/inspection-draws', { config: { public: true, rateLimit: PUBLIC_READ_LIMIT }, schema: { tags: ['public'], summary: '双随机抽查结果公开' } }, async () => draws.listPublicDraws(db));

  r.post(
    '/api/inspections',
    { config: record, schema: { tags, summary: '登记检查记录（同一草稿标识只登记一次）', body: s.createInspectionInput, response: { 200: idResponse.extend({ duplicate: z.boolean() }), 201: idResponse.extend({ duplicate: z.boolean() }) } } },
    async (q, reply) => {
      const out = await records.createInspection(db, actorOf(q), q.body);
      return reply.status(out.duplicate ? 200 : 201).send(out);
    },
  );
  r.get('/api/inspections', { config: read, schema: { tags, summary: '检查记录（region、from、to 下钻）', querystring: s.listInspectionsQuery } }, async (q) =>
    records.listInspections(db, actorOf(q), q.query),
  );
  r.get('/api/inspections/visits', { config: read, schema: { tags, summary: '企业本季度已接受的检查（减负）', querystring: s.visitsQuery } }, async (q) =>
    records.visitsOf(db, actorOf(q), q.query.enterpriseId, q.query.date),
  );
  r.get('/api/inspections/:id', { config: read, schema: { tags, summary: '检查记录详情', params: s.idParams } }, async (q) => records.getInspection(db, actorOf(q), q.params.id));
  r.post('/api/inspections/:id/findings', { config: record, schema: { tags, summary: '填写检查结果（问题项自动列入问题清单）', params: s.idParams, body: s.findingsInput } }, async (q, reply) =>
    reply.status(201).send(await records.addFindings(db, actorOf(q), q.params.id, q.body.findings)),
  );
  r.post('/api/inspections/:id/sign', { config: record, schema: { tags, summary: '联合检查会签（本单位签署共同检查记录）', params: s.idParams } }, async (q) =>
    records.signInspection(db, actorOf(q), q.params.id),
  );
  r.get('/api/inspections/:id/enforcement-prefill', { config: { permission: 'enforcement:create' }, schema: { tags, summary: '由检查记录发起执法：预填事实', params: s.idParams } }, async (q) =>
    records.enforcementPrefill(db, actorOf(q), q.params.id),
  );
  r.post('/api/inspection-photos', { config: record, schema: { tags, summary: '上传检查照片（multipart 字段 file）', consumes: ['multipart/form-data'] } }, async (q, reply) => {
    const { files } = await readMultipart(q, { maxFiles: 10 });
    return reply.status(201).send(await photos.uploadPhotos(db, actorOf(q), uploadLimits, files));
  });
  r.get('/api/inspections/:id/photos/:fileId', { config: read, schema: { tags, summary: '检查照片', params: s.idParams.extend({ fileId: z.uuid('无效的编号') }) } }, async (q, reply) => {
    const f = await photos.readPhoto(db, actorOf(q), env.DATA_DIR, q.params.id, q.params.fileId);
    return sendUpload(reply, { name: f.name, mime: f.mime, body: f.buffer });
  });

  r.get('/api/campaigns/:id/coverage', { config: read, schema: { tags, summary: '拉网式排查覆盖情况（region 下钻）', params: s.idParams, querystring: s.coverageQuery } }, async (q) =>
    campaignCoverage(db, actorOf(q), q.params.id, q.query.region),
  );
}
