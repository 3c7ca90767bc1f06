import { and, eq, isNotNull, like } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { complaints, files, orgUnits, problems, projects, regions } from '../../server/db/schema/index.js';
import { createTestContext, expectStatus, type TestContext } from '../helpers/app.js';

/*
 * Duplicates and merging (one handling answers every complainant), rectification orders opening a
 * ledger problem, listed supervision, attachments, hot spots, the seeded demo leads and the
 * public page's rate limit.
 */

let t: TestContext;
let coordinator: string;
let leader: string;
let supervisor: string;
let market: string;
let projectId: string;
let otherProjectId: string;
let housingUnit: string;

const REPLY = '经现场核查，3栋停水系物业以欠费为由关闭总阀所致，情况属实。已责令物业立即恢复供水并书面检讨，当日已恢复，今后不得以停水停电方式催缴物业费。';
const PNG = Buffer.from('89504e470d0a1a0a0000000d4948445200000001000000010806000000', 'hex');

beforeAll(async () => {
  t = await createTestContext();
  [coordinator, leader, supervisor, market] = await Promise.all(['district-housing', 'district-housing-leader', 'district-supervisor', 'district-market'].map((u) => t.login(u)));
  const rows = await t.db
    .select({ id: projects.id })
    .from(projects)
    .innerJoin(regions, eq(regions.id, projects.regionId))
    .where(and(like(regions.path, '%/420100-DH/%'), isNotNull(projects.enterpriseId)))
    .orderBy(projects.name)
    .limit(6);
  projectId = rows[4].id;
  otherProjectId = rows[5].id;
  housingUnit = (await t.db.select({ id: orgUnits.id }).from(orgUnits).where(eq(orgUnits.name, '东湖风景区建设（房管）局')))[0].id;
});
afterAll(() => t.close());

const post = (cookie: string, url: string, payload: unknown = {}) => t.as(cookie, { method: 'POST', url, payload: payload as object });
const get = (cookie: string | null, url: string) => t.as(cookie, { method: 'GET', url });
const act = (cookie: string, id: string, action: string, payload: unknown = {}) => post(cookie, `/api/complaints/${id}/${action}`, payload);
const create = async (description: string, project = projectId, phone = '13900005555') =>
  expectStatus(await post(coordinator, '/api/complaints', { channel: 'hotline_12345', description, projectId: project, contactPhone: phone, contactName: '刘女士', urgent: false }), 201) as {
    id: string;
    trackingCode: string;
  };

describe('duplicates and merging', () => {
  let parent: { id: string; trackingCode: string };
  let child: { id: string; trackingCode: string };

  it('suggests a similar lead about the same project and category, not a different problem or project', async () => {
    parent = await create('3栋从昨天开始停水，物业说我们欠物业费就关了水阀，到现在还没来水');
    child = await create('3栋停水了，物业说欠物业费就关了水阀，一天了还没来水', projectId, '13900005556');
    const unrelated = await create('物业在消防通道上画停车位收费，车辆堵塞通道', projectId, '13900005557');
    const elsewhere = await create('3栋从昨天开始停水，物业说我们欠物业费就关了水阀，到现在还没来水', otherProjectId, '13900005558');
    const d = expectStatus(await get(coordinator, `/api/complaints/${child.id}`), 200);
    const ids = d.duplicateCandidates.map((c: { id: string }) => c.id);
    expect(ids).toContain(parent.id);
    expect(ids).not.toContain(unrelated.id);
    expect(ids).not.toContain(elsewhere.id);
    expect(d.duplicateCandidates.find((c: { id: string }) => c.id === parent.id).similarity).toBeGreaterThanOrEqual(0.35);
  });

  it('merges the duplicate into the open lead; the child then follows the parent', async () => {
    expect((await act(coordinator, child.id, 'merge', { targetId: child.id })).statusCode).toBe(422);
    expect((await act(market, child.id, 'merge', { targetId: parent.id })).statusCode).toBe(403);
    const merged = expectStatus(await act(coordinator, child.id, 'merge', { targetId: parent.id }), 200);
    expect(merged.status).toBe('merged');
    expect(merged.mergedInto).toMatchObject({ id: parent.id, trackingCode: parent.trackingCode });
    expect(merged.allowedActions).not.toContain('dispatch');
    expect((await act(coordinator, child.id, 'dispatch', { leadOrgUnitId: housingUnit })).statusCode).toBe(409);
    const p = expectStatus(await get(coordinator, `/api/complaints/${parent.id}`), 200);
    expect(p.mergedChildren.map((c: { id: string }) => c.id)).toEqual([child.id]);
    expect(p.duplicateCandidates.map((c: { id: string }) => c.id)).not.toContain(child.id);
    // Nothing can be merged into a merged lead.
    const third = await create('3栋停水两天了，物业说欠费关了水阀', projectId, '13900005559');
    expect((await act(coordinator, third.id, 'merge', { targetId: child.id })).statusCode).toBe(409);
  });

  it('answers every complainant with the parent’s reply on their tracking page', async () => {
    let page = expectStatus(await get(null, `/api/public/complaints/${child.trackingCode}`), 200);
    expect(page.reply).toBeNull();
    await act(coordinator, parent.id, 'dispatch', { leadOrgUnitId: housingUnit });
    await act(coordinator, parent.id, 'sign');
    await act(coordinator, parent.id, 'findings', { finding: 'substantiated', outcome: 'resolved_on_site', details: '现场核查属实，已恢复供水' });
    await act(coordinator, parent.id, 'reply', { text: REPLY });
    expectStatus(await act(leader, parent.id, 'approve-reply'), 200);
    page = expectStatus(await get(null, `/api/public/complaints/${child.trackingCode}`), 200);
    expect(page.status).toBe('replied');
    expect(page.reply.text).toBe(REPLY);
    expect(page.timeline.map((e: { text: string }) => e.text).join('|')).toContain('合并办理');
    expect(page.canRate).toBe(true);
    // The child's resident rates; the parent's own follow-up is still open.
    expectStatus(await t.as(null, { method: 'POST', url: `/api/public/complaints/${child.trackingCode}/rating`, payload: { satisfaction: 'satisfied' } }), 200);
    const p = expectStatus(await get(coordinator, `/api/complaints/${parent.id}`), 200);
    expect(p.status).toBe('replied');
    expect(p.satisfaction).toBeNull();
    // the handling unit sees the merged complainant's rating on the lead it answers for
    expect(p.mergedChildren.find((m: { id: string }) => m.id === child.id)).toMatchObject({ satisfaction: 'satisfied' });
    expect(p.timeline.map((e: { note: string | null }) => e.note ?? '').join('|')).toContain(`合并线索 ${child.trackingCode} 的投诉人在线评价：满意`);
  });
});

describe('rectification ordered', () => {
  it('opens a ledger problem in the same transaction, without the complainant’s data', async () => {
    const lead = await create('物业以欠费为由给2栋停电，要求追究责任', projectId, '13900006666');
    await act(coordinator, lead.id, 'dispatch', { leadOrgUnitId: housingUnit });
    await act(coordinator, lead.id, 'sign');
    const deadline = new Date(Date.now() + 20 * 86_400_000).toISOString().slice(0, 10);
    const d = expectStatus(
      await act(coordinator, lead.id, 'findings', {
        finding: 'substantiated',
        outcome: 'rectification_ordered',
        details: '核查属实，物业以欠费为由关闭2栋配电箱，已责令限期整改并建立回访机制',
        rectificationDeadline: deadline,
        rectificationMeasures: '恢复2栋供电，通过法律途径催缴物业费',
      }),
      200,
    );
    expect(d.problemId).toBeTruthy();
    const [problem] = await t.db.select().from(problems).where(eq(problems.id, d.problemId));
    expect(problem).toMatchObject({ complaintId: lead.id, source: 'complaint', deadline, projectId });
    expect(JSON.stringify(problem)).not.toContain('13900006666');
    expect(JSON.stringify(problem)).not.toContain('刘女士');
  });
});

describe('supervision, attachments, hot spots', () => {
  it('lets a supervisor put a lead under listed supervision with its own deadline', async () => {
    const lead = await create('物业把小区广场改成商铺出租，占用公共部位', projectId, '13900007777');
    expect((await act(coordinator, lead.id, 'supervise', { deadline: '2099-01-01', note: '限期查处' })).statusCode).toBe(403);
    expect((await act(supervisor, lead.id, 'supervise', { deadline: '2000-01-01', note: '限期查处' })).statusCode).toBe(422);
    const d = expectStatus(await act(supervisor, lead.id, 'supervise', { deadline: '2099-01-01', note: '限期查处，每周报告进展' }), 200);
    expect(d.supervision).toMatchObject({ supervised: true, deadline: '2099-01-01' });
    const box = expectStatus(await get(supervisor, '/api/complaints?box=supervised&pageSize=200'), 200);
    expect(box.items.map((i: { id: string }) => i.id)).toContain(lead.id);
  });

  it('uploads images to a lead and shows them on the timeline step that used them', async () => {
    const lead = await create('楼道消防栓被杂物挡住，物业不清理', projectId, '13900008888');
    const boundary = '----x';
    const body = Buffer.concat([
      Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="现场.png"\r\nContent-Type: image/png\r\n\r\n`),
      PNG,
      Buffer.from(`\r\n--${boundary}--\r\n`),
    ]);
    const upload = (id: string, payload: Buffer) =>
      t.as(coordinator, { method: 'POST', url: `/api/complaints/${id}/attachments`, payload, headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } });
    const { fileId } = expectStatus(await upload(lead.id, body), 201);
    const [file] = await t.db.select().from(files).where(eq(files.id, fileId));
    expect(file).toMatchObject({ entityType: 'complaint', entityId: lead.id, mime: 'image/png' });
    const notImage = Buffer.concat([Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="a.png"\r\n\r\n`), Buffer.from('hello'), Buffer.from(`\r\n--${boundary}--\r\n`)]);
    expect((await upload(lead.id, notImage)).statusCode).toBe(422);
    const d = expectStatus(await act(coordinator, lead.id, 'dispatch', { leadOrgUnitId: housingUnit, attachments: [fileId] }), 200);
    const step = d.timeline.find((e: { action: string }) => e.action === 'dispatch');
    expect(step.attachments).toEqual([{ id: fileId, name: '现场.png', mime: 'image/png' }]);
    // A file of another lead cannot be attached.
    const other = await create('楼道堆放杂物无人清理', otherProjectId, '13900008889');
    expect((await act(coordinator, other.id, 'dispatch', { leadOrgUnitId: housingUnit, attachments: [fileId] })).statusCode).toBe(422);
  });

  it('surfaces the project and company with many leads and a repeated category', async () => {
    const spots = expectStatus(await get(coordinator, '/api/complaints/hot-spots?days=30'), 200);
    const project = spots.projects.find((p: { projectId: string }) => p.projectId === projectId);
    expect(project.leads).toBeGreaterThanOrEqual(5);
    expect(project.repeatedCategory).not.toBeNull();
    const [p] = await t.db.select({ enterpriseId: projects.enterpriseId }).from(projects).where(eq(projects.id, projectId));
    expect(spots.enterprises.map((e: { enterpriseId: string }) => e.enterpriseId)).toContain(p.enterpriseId);
    const hongshan = await t.login('other-district-housing');
    const theirs = expectStatus(await get(hongshan, '/api/complaints/hot-spots?days=30'), 200);
    expect(theirs.projects.map((x: { projectId: string }) => x.projectId)).not.toContain(projectId);
  });
});

describe('demo data and the public page', () => {
  it('seeds leads in many states in both districts', async () => {
    const rows = await t.db.select({ status: complaints.status, regionId: complaints.regionId }).from(complaints).where(isNotNull(complaints.createdBy));
    const statuses = new Set(rows.map((r) => r.status));
    for (const s of ['received', 'dispatched', 'returned', 'accepted', 'handled', 'reply_pending', 'replied', 'closed']) expect(statuses).toContain(s);
    const hongshan = expectStatus(await get(await t.login('other-district-housing'), '/api/complaints?pageSize=200'), 200);
    expect(hongshan.total).toBeGreaterThanOrEqual(8);
    const overdue = expectStatus(await get(coordinator, '/api/complaints?box=overdue'), 200);
    expect(overdue.total).toBeGreaterThan(0);
  });

  it('rate-limits the public tracking page', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 35; i++) {
      statuses.push((await get(null, '/api/public/complaints/AAAAAAAAAA')).statusCode);
    }
    expect(statuses).toContain(404);
    expect(statuses).toContain(429);
  });
});
