import ExcelJS from 'exceljs';
import { and, eq, ne, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditLog, campaignFocusItems, campaigns, complaints, creditEvents, enterprises, problems, projects, regions, users } from '../../server/db/schema/index.js';
import { signedCompanies } from '../../server/modules/commitments/commitments.report.js';
import { createTestContext, type TestContext } from '../helpers/app.js';
import { multipart } from '../helpers/xlsx-upload.js';

let t: TestContext;
let housing: string;
let market: string;
let company: string;
let hongshan: string;
let campaignId: string;
let ownProjects: { id: string; name: string }[];
let foreignProject: { id: string; name: string };
let focus: { id: string; seq: number }[];

const future = '2099-12-31';

beforeAll(async () => {
  t = await createTestContext();
  [housing, market, company, hongshan] = await Promise.all(['district-housing', 'district-market', 'enterprise-user', 'other-district-housing'].map((u) => t.login(u)));
  const [campaign] = await t.db.select({ id: campaigns.id }).from(campaigns).innerJoin(regions, eq(regions.id, campaigns.regionId)).where(eq(regions.code, '420100-DH'));
  campaignId = campaign?.id as string;
  const [user] = await t.db.select({ enterpriseId: users.enterpriseId }).from(users).where(eq(users.username, 'enterprise-user'));
  const inDistrict = sql`${regions.path} LIKE '%/420100-DH/%'`;
  ownProjects = await t.db
    .select({ id: projects.id, name: projects.name })
    .from(projects)
    .innerJoin(regions, eq(regions.id, projects.regionId))
    .where(and(eq(projects.enterpriseId, user?.enterpriseId as string), inDistrict))
    .orderBy(projects.name);
  const [other] = await t.db
    .select({ id: projects.id, name: projects.name })
    .from(projects)
    .innerJoin(regions, eq(regions.id, projects.regionId))
    .innerJoin(enterprises, eq(enterprises.id, projects.enterpriseId))
    .where(and(ne(projects.enterpriseId, user?.enterpriseId as string), inDistrict))
    .limit(1);
  foreignProject = other as { id: string; name: string };
  const detail = await t.as(housing, { method: 'GET', url: `/api/campaigns/${campaignId}` });
  focus = (detail.json().focusItems as { id: string; seq: number }[]).map((f) => ({ id: f.id, seq: f.seq }));
  expect(ownProjects.length).toBeGreaterThanOrEqual(2);
  expect(foreignProject).toBeTruthy();
  expect(focus).toHaveLength(6);
});
afterAll(() => t.close());

const items = (over: Record<number, Record<string, unknown>> = {}) =>
  focus.map((f) => ({ focusItemId: f.id, problem: null, ...(over[f.seq] ?? {}) }));

describe('commitment letters', () => {
  it('are issued by the housing department, signed once by the company, and counted', async () => {
    const issued = await t.as(housing, { method: 'POST', url: '/api/commitments/issue', payload: { campaignId, projectIds: [ownProjects[0]?.id, foreignProject.id] } });
    expect(issued.statusCode).toBe(201);
    const list = issued.json().items as { id: string; projectId: string; status: string }[];
    expect(list.map((i) => i.status)).toEqual(['issued', 'issued']);
    const own = list.find((i) => i.projectId === ownProjects[0]?.id) as { id: string };
    const foreign = list.find((i) => i.projectId === foreignProject.id) as { id: string };

    expect((await t.as(market, { method: 'POST', url: '/api/commitments/issue', payload: { campaignId, projectIds: [ownProjects[1]?.id] } })).statusCode).toBe(403);
    expect((await t.as(hongshan, { method: 'POST', url: '/api/commitments/issue', payload: { campaignId, projectIds: [ownProjects[1]?.id] } })).statusCode).toBe(404);
    expect((await t.as(company, { method: 'POST', url: `/api/commitments/${foreign.id}/sign` })).statusCode).toBe(404);
    expect((await t.as(housing, { method: 'POST', url: `/api/commitments/${own.id}/sign` })).statusCode).toBe(403);

    const signed = await t.as(company, { method: 'POST', url: `/api/commitments/${own.id}/sign` });
    expect(signed.statusCode).toBe(200);
    expect(signed.json()).toMatchObject({ id: own.id, status: 'signed', signedBy: '周晓（听涛物业）' });
    const again = await t.as(company, { method: 'POST', url: `/api/commitments/${own.id}/sign` });
    expect(again.statusCode).toBe(409);
    expect(again.json().error.message).toContain('已签署');

    const mine = await t.as(company, { method: 'GET', url: '/api/commitments' });
    expect(mine.json().items.map((i: { id: string }) => i.id)).toEqual([own.id]);
    const signedList = await t.as(housing, { method: 'GET', url: `/api/commitments?campaignId=${campaignId}&region=420100-DH&status=signed` });
    expect(signedList.json().total).toBe(1);
    expect((await t.as(hongshan, { method: 'GET', url: `/api/commitments?campaignId=${campaignId}` })).json().total).toBe(0);
    const today = new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10);
    expect(await signedCompanies(t.db, '/420000/420100/420100-DH/', today, today)).toBe(1);
    expect(await signedCompanies(t.db, '/420000/420100/420111/', today, today)).toBe(0);
    expect(await signedCompanies(t.db, '/420000/420100/420100-DH/', '2000-01-01', '2000-12-31')).toBe(0);
    const [audit] = await t.db.select().from(auditLog).where(and(eq(auditLog.action, 'commitment.sign'), eq(auditLog.entityId, own.id)));
    expect(audit).toBeTruthy();

    // The signed text is frozen: a later change of the focus items' wording does not alter it.
    const before = (await t.as(company, { method: 'GET', url: `/api/commitments/${own.id}` })).json();
    expect(before.text).toContain('以业主拖欠物业服务费');
    const [original] = await t.db.select({ description: campaignFocusItems.description }).from(campaignFocusItems).where(eq(campaignFocusItems.id, focus[0]?.id as string));
    await t.db.update(campaignFocusItems).set({ description: '改写后的整改重点表述' }).where(eq(campaignFocusItems.id, focus[0]?.id as string));
    await t.as(housing, { method: 'POST', url: '/api/commitments/issue', payload: { campaignId, projectIds: [ownProjects[0]?.id] } });
    const after = (await t.as(housing, { method: 'GET', url: `/api/commitments/${own.id}` })).json();
    expect(after.text).toBe(before.text);
    expect(after).toMatchObject({ status: 'signed', signedBy: '周晓（听涛物业）' });
    await t.db.update(campaignFocusItems).set({ description: original?.description as string }).where(eq(campaignFocusItems.id, focus[0]?.id as string));

    // Issuing to a whole region reaches every project with a company, once.
    const street = await t.as(housing, { method: 'POST', url: '/api/commitments/issue', payload: { campaignId, region: '420100-DH' } });
    expect(street.statusCode).toBe(201);
    const all = street.json().items as { id: string; status: string }[];
    expect(all.find((i) => i.id === own.id)?.status).toBe('signed');
    expect(new Set(all.map((i) => i.id)).size).toBe(all.length);
    expect(all.length).toBeGreaterThan(2);
  });
});

describe('self-inspection', () => {
  it('walks fill → confirm → file → return → refile → accept, opening ledger problems', async () => {
    const project = ownProjects[1] as { id: string; name: string };
    const bad = await t.as(company, { method: 'POST', url: '/api/self-inspections', payload: { campaignId, projectId: project.id, items: items({ 5: { problem: '未公示收费标准' } }).slice(0, 5) } });
    expect(bad.statusCode).toBe(422);
    expect(bad.json().error.details.fields.items).toContain('缺第 6 项');
    expect(bad.json().error.details.fields['items.4.responsiblePerson']).toContain('责任人');
    expect((await t.as(company, { method: 'POST', url: '/api/self-inspections', payload: { campaignId, projectId: foreignProject.id, items: items() } })).statusCode).toBe(404);

    const created = await t.as(company, {
      method: 'POST',
      url: '/api/self-inspections',
      payload: { campaignId, projectId: project.id, items: items({ 5: { problem: '小区出入口未公示停车收费标准', responsiblePerson: '王五', contact: '13900000011', deadline: future } }) },
    });
    expect(created.statusCode).toBe(201);
    const { id, status } = created.json();
    expect(status).toBe('draft');
    expect((await t.as(company, { method: 'POST', url: `/api/self-inspections/${id}/file` })).statusCode).toBe(409);
    expect((await t.as(housing, { method: 'POST', url: `/api/self-inspections/${id}/confirm` })).statusCode).toBe(403);
    expect((await t.as(company, { method: 'POST', url: `/api/self-inspections/${id}/confirm` })).json().status).toBe('confirmed');
    expect((await t.as(company, { method: 'POST', url: `/api/self-inspections/${id}/file` })).json().status).toBe('filed');
    expect((await t.as(company, { method: 'POST', url: `/api/self-inspections/${id}/accept` })).statusCode).toBe(403);
    expect((await t.as(market, { method: 'POST', url: `/api/self-inspections/${id}/accept` })).statusCode).toBe(403);
    expect((await t.as(hongshan, { method: 'POST', url: `/api/self-inspections/${id}/accept` })).statusCode).toBe(404);
    expect((await t.as(housing, { method: 'POST', url: `/api/self-inspections/${id}/return`, payload: { reason: '' } })).statusCode).toBe(422);
    const returned = await t.as(housing, { method: 'POST', url: `/api/self-inspections/${id}/return`, payload: { reason: '第6项请核实转供电加价情况' } });
    expect(returned.json()).toMatchObject({ status: 'returned', returnReason: '第6项请核实转供电加价情况' });

    const fixed = await t.as(company, {
      method: 'POST',
      url: '/api/self-inspections',
      payload: {
        campaignId,
        projectId: project.id,
        items: items({ 5: { problem: '小区出入口未公示停车收费标准', responsiblePerson: '王五', contact: '13900000011', deadline: future }, 6: { problem: '转供电每度加价0.1元', responsiblePerson: '赵六', contact: '13900000012', deadline: future } }),
      },
    });
    expect(fixed.json()).toEqual({ id, status: 'draft' });
    await t.as(company, { method: 'POST', url: `/api/self-inspections/${id}/confirm` });
    await t.as(company, { method: 'POST', url: `/api/self-inspections/${id}/file` });
    const accepted = await t.as(housing, { method: 'POST', url: `/api/self-inspections/${id}/accept` });
    expect(accepted.statusCode).toBe(200);
    const body = accepted.json();
    expect(body.status).toBe('accepted');
    expect(body.versions.map((v: { version: number; outcome: string }) => [v.version, v.outcome])).toEqual([
      [2, 'accepted'],
      [1, 'returned'],
    ]);
    expect((await t.as(housing, { method: 'POST', url: `/api/self-inspections/${id}/accept` })).statusCode).toBe(409);

    const ledger = await t.as(housing, { method: 'GET', url: '/api/problems?source=self_inspection&pageSize=200' });
    const mine = ledger.json().items.filter((p: { projectId: string }) => p.projectId === project.id);
    expect(mine.map((p: { deadline: string }) => p.deadline)).toEqual([future, future]);
    const rows = await t.db.select({ category: problems.category, responsiblePerson: problems.responsiblePerson }).from(problems).where(and(eq(problems.source, 'self_inspection'), eq(problems.projectId, project.id)));
    expect(rows.map((r) => r.category).sort()).toEqual([5, 6]);
    expect(rows.map((r) => r.responsiblePerson)).toContain('王五 13900000011');

    const completion = await t.as(housing, { method: 'GET', url: `/api/self-inspections/completion?campaignId=${campaignId}&region=420100-DH` });
    const c = completion.json();
    expect(c.accepted).toBeGreaterThanOrEqual(1);
    expect(c.filed).toBeGreaterThanOrEqual(1);
    expect(c.notFiled.map((p: { projectId: string }) => p.projectId)).not.toContain(project.id);
    expect(c.notFiled.map((p: { projectId: string }) => p.projectId)).toContain(foreignProject.id);
    expect(c.expected).toBe(c.filed + c.notFiled.length);
  });

  it('flags a "none" contradicted by complaints and the ledger, hidden from the company; confirming it is a credit event', async () => {
    const project = ownProjects[0] as { id: string; name: string };
    const [complaint] = await t.db.select({ id: complaints.id }).from(complaints).limit(1);
    await t.db.update(complaints).set({ projectId: project.id, category: 1, receivedAt: new Date() }).where(eq(complaints.id, complaint?.id as string));
    const created = await t.as(company, { method: 'POST', url: '/api/self-inspections', payload: { campaignId, projectId: project.id, items: items() } });
    const id = created.json().id;
    const staffView = (await t.as(housing, { method: 'GET', url: `/api/self-inspections/${id}` })).json();
    const flag = staffView.flags.find((f: { focusItemId: string }) => f.focusItemId === focus[0]?.id);
    expect(flag.reason).toContain('投诉');
    expect(flag.sources).toContainEqual(expect.objectContaining({ type: 'complaint', id: complaint?.id }));
    expect((await t.as(company, { method: 'GET', url: `/api/self-inspections/${id}` })).json().flags).toEqual([]);
    const [user] = await t.db.select({ enterpriseId: users.enterpriseId }).from(users).where(eq(users.username, 'enterprise-user'));
    const before = await t.db.select({ id: creditEvents.id }).from(creditEvents).where(eq(creditEvents.enterpriseId, user?.enterpriseId as string));
    const confirmed = await t.as(housing, { method: 'POST', url: `/api/self-inspections/${id}/flags/${focus[0]?.id}/confirm`, payload: { note: '暗访核实存在限时停水' } });
    expect(confirmed.statusCode).toBe(200);
    expect(confirmed.json().flags[0].confirmed).toBe(true);
    const after = await t.db.select({ id: creditEvents.id, type: creditEvents.type }).from(creditEvents).where(eq(creditEvents.enterpriseId, user?.enterpriseId as string));
    expect(after.length).toBe(before.length + 1);
    expect((await t.as(housing, { method: 'POST', url: `/api/self-inspections/${id}/flags/${focus[0]?.id}/confirm`, payload: {} })).statusCode).toBe(409);
  });
});

describe('the 附件1 workbook', () => {
  it('exports the official layout and imports a filled form back, refusing a file with any wrong row', async () => {
    const project = ownProjects[0] as { id: string; name: string };
    const blank = await t.as(company, { method: 'GET', url: `/api/self-inspections/template?campaignId=${campaignId}&projectId=${project.id}` });
    expect(blank.statusCode).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(blank.rawPayload as unknown as ArrayBuffer);
    const ws = wb.worksheets[0] as ExcelJS.Worksheet;
    expect(ws.getCell('A1').value).toBe('附件1');
    expect(ws.getCell('A2').value).toBe('专项整治自查表');
    expect(ws.getCell('A2').isMerged && ws.getCell('E2').isMerged).toBe(true);
    expect(String(ws.getCell('A3').value)).toBe(`物业项目：${project.name}`);
    expect(String(ws.getCell('C3').value)).toContain('物业公司名称（盖章）：');
    expect(String(ws.getCell('D3').value)).toContain('填报日期：');
    expect([1, 2, 3, 4, 5].map((c) => ws.getRow(4).getCell(c).value)).toEqual(['序号', '整改重点', '问题描述', '整改责任人及联系方式', '整改完成期限']);
    expect(ws.getCell('B5').value).toContain('以业主拖欠物业服务费');
    expect(ws.getCell('B6').value).toBe(
      '擅自允许他人利用共用部位、共用设施设备进行广告、宣传、经营等活动，对物业区域内违法违规行为，未及时劝阻、制止，并向业主委员会和有关主管部门履行报告义务',
    );
    expect(ws.getCell('B10').value).toBe('擅自提高物业服务收费标准，以及转供电代收加价等违规收取不合理费用行为');
    expect(ws.getCell('C7').border?.left?.style).toBe('thin');
    expect(ws.pageSetup.orientation).toBe('landscape');
    expect(ws.pageSetup.paperSize).toBe(9);
    expect(ws.getColumn(2).width).toBeGreaterThan(40);

    // A wrong row: a problem without deadline, and a bad date → 422, nothing written.
    ws.getCell('C8').value = '物业服务合同到期后未移交资料';
    ws.getCell('D8').value = '李四 13900000013';
    ws.getCell('C9').value = '未公示';
    ws.getCell('D9').value = '李四 13900000013';
    ws.getCell('E9').value = '下个月';
    const wrong = Buffer.from(await wb.xlsx.writeBuffer());
    const before = await t.db.select({ n: sql<number>`count(*)::int` }).from(auditLog).where(eq(auditLog.entityType, 'self_inspection'));
    const refused = await t.as(company, { method: 'POST', url: `/api/self-inspections/import?campaignId=${campaignId}&projectId=${project.id}`, ...multipart([{ name: '附件1.xlsx', data: wrong }]) });
    expect(refused.statusCode).toBe(422);
    const errs = refused.json().error.details.rows as { row: number; message: string }[];
    expect(errs.map((e) => e.row)).toEqual(expect.arrayContaining([8, 9]));
    expect(errs.find((e) => e.row === 9)?.message).toContain('不是有效日期');
    const after = await t.db.select({ n: sql<number>`count(*)::int` }).from(auditLog).where(eq(auditLog.entityType, 'self_inspection'));
    expect(after[0]?.n).toBe(before[0]?.n);

    ws.getCell('E8').value = '2099年6月30日';
    ws.getCell('E9').value = new Date('2099-07-31T00:00:00Z');
    const good = Buffer.from(await wb.xlsx.writeBuffer());
    const imported = await t.as(company, { method: 'POST', url: `/api/self-inspections/import?campaignId=${campaignId}&projectId=${project.id}`, ...multipart([{ name: '附件1.xlsx', data: good }]) });
    expect(imported.statusCode, imported.body).toBe(201);
    const form = (await t.as(company, { method: 'GET', url: `/api/self-inspections/${imported.json().id}` })).json();
    expect(form.items.find((i: { seq: number }) => i.seq === 4)).toMatchObject({ problem: '物业服务合同到期后未移交资料', responsiblePerson: '李四', contact: '13900000013', deadline: '2099-06-30' });
    expect(form.items.find((i: { seq: number }) => i.seq === 5).deadline).toBe('2099-07-31');

    const exported = await t.as(housing, { method: 'GET', url: `/api/self-inspections/${form.id}/export` });
    const back = new ExcelJS.Workbook();
    await back.xlsx.load(exported.rawPayload as unknown as ArrayBuffer);
    const s = back.worksheets[0] as ExcelJS.Worksheet;
    expect(s.getCell('C8').value).toBe('物业服务合同到期后未移交资料');
    expect(s.getCell('D8').value).toBe('李四 13900000013');
    expect(s.getCell('E8').value).toBe('2099年6月30日');
    expect(s.getCell('C5').value).toBe('无');

    const region = await t.as(housing, { method: 'GET', url: `/api/self-inspections/export?campaignId=${campaignId}&region=420100-DH` });
    const all = new ExcelJS.Workbook();
    await all.xlsx.load(region.rawPayload as unknown as ArrayBuffer);
    expect(all.worksheets.length).toBeGreaterThanOrEqual(2);
    expect(all.worksheets.every((w) => w.getCell('A2').value === '专项整治自查表')).toBe(true);
  });
});
