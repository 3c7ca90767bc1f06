import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditLog, campaigns, legalProvisions } from '../../server/db/schema/index.js';
import { campaignApplyingTo, responsibilityRulesFor } from '../../server/modules/campaigns/campaigns.service.js';
import { createTestContext, expectStatus, type TestContext } from '../helpers/app.js';

let t: TestContext;
let eastLake: string; // district-housing, 东湖风景区
let hongshan: string; // other-district-housing, 洪山区
let city: string; // city-coordinator, 武汉市
let admin: string;
let eastLakeId: string;
let currentId: string; // the demo's current round of the district plan
let wuhanId: string;

beforeAll(async () => {
  t = await createTestContext();
  eastLake = await t.login('district-housing');
  hongshan = await t.login('other-district-housing');
  city = await t.login('city-coordinator');
  admin = await t.login('admin');
  const rows = await t.db.select({ id: campaigns.id, templateId: campaigns.templateId, startsOn: campaigns.startsOn }).from(campaigns);
  eastLakeId = rows.find((r) => r.templateId === 'east-lake-2021' && r.startsOn === '2021-09-03')?.id as string;
  currentId = rows.find((r) => r.templateId === 'east-lake-2021' && r.startsOn !== '2021-09-03')?.id as string;
  wuhanId = rows.find((r) => r.templateId === 'wuhan-2021')?.id as string;
});
afterAll(() => t.close());

const get = (cookie: string, url: string) => t.as(cookie, { method: 'GET', url });

describe('campaign visibility across the two districts', () => {
  it('shows a district its own campaign and the city’s, and marks which it may edit', async () => {
    const body = expectStatus(await get(eastLake, '/api/campaigns'), 200);
    const byId = Object.fromEntries(body.items.map((c: { id: string }) => [c.id, c]));
    // The 2021 plan is past its end date, so it reads as ended (issue 15).
    expect(byId[eastLakeId]).toMatchObject({ regionCode: '420100-DH', relation: 'own', canManage: true, status: 'closed' });
    expect(byId[wuhanId]).toMatchObject({ regionCode: '420100', relation: 'ancestor', canManage: false });
  });

  it('hides the East Lake campaign from 洪山区 (404) while both see the Wuhan city campaign', async () => {
    const list = expectStatus(await get(hongshan, '/api/campaigns'), 200);
    const ids = list.items.map((c: { id: string }) => c.id);
    expect(ids).toContain(wuhanId);
    expect(ids).not.toContain(eastLakeId);
    expect((await get(hongshan, `/api/campaigns/${eastLakeId}`)).statusCode).toBe(404);
    expect((await get(hongshan, `/api/campaigns/${wuhanId}`)).statusCode).toBe(200);
    expect((await get(eastLake, `/api/campaigns/${wuhanId}`)).statusCode).toBe(200);
  });

  it('lets the city see its districts’ plans and lists them under the city plan', async () => {
    const list = expectStatus(await get(city, '/api/campaigns?region=420100'), 200);
    expect(list.items.find((c: { id: string }) => c.id === eastLakeId)).toMatchObject({ relation: 'subtree' });
    const wuhan = expectStatus(await get(city, `/api/campaigns/${wuhanId}`), 200);
    expect(wuhan.children.map((c: { id: string }) => c.id)).toContain(eastLakeId);
    // From 洪山's point of view the city plan has no visible children.
    const seenByHongshan = expectStatus(await get(hongshan, `/api/campaigns/${wuhanId}`), 200);
    expect(seenByHongshan.children).toEqual([]);
  });

  it('filters by the region a campaign applies to', async () => {
    const applying = expectStatus(await get(city, '/api/campaigns?appliesTo=420100-DH-01'), 200);
    // The two 2021 plans and the demo's current round of the district plan.
    expect(applying.items.map((c: { id: string }) => c.id).sort()).toEqual([eastLakeId, currentId, wuhanId].sort());
    // 洪山 asking about East Lake learns only what it may see anyway: the city plan.
    const seenByHongshan = expectStatus(await get(hongshan, '/api/campaigns?appliesTo=420100-DH'), 200);
    expect(seenByHongshan.items.map((c: { id: string }) => c.id)).toEqual([wuhanId]);
  });

  it('requires sign-in and campaign:read', async () => {
    expect((await t.app.inject({ method: 'GET', url: '/api/campaigns' })).statusCode).toBe(401);
    const auditor = await t.login('auditor');
    expect((await get(auditor, '/api/campaigns')).statusCode).toBe(403);
  });
});

describe('the S3 template, as seeded for 东湖风景区', () => {
  it('reproduces the four phases with their exact dates and tasks', async () => {
    const c = expectStatus(await get(eastLake, `/api/campaigns/${eastLakeId}`), 200);
    expect(c.title).toBe('东湖风景区物业管理领域侵害群众利益问题专项整治工作实施方案');
    expect(c).toMatchObject({ issuingUnit: '武汉市东湖生态旅游风景区管理委员会', issuedOn: '2021-09-03', startsOn: '2021-09-03', endsOn: '2021-11-30' });
    expect(c.phases.map((p: { name: string; startsOn: string | null; endsOn: string }) => [p.name, p.startsOn, p.endsOn])).toEqual([
      ['动员部署阶段', null, '2021-09-07'],
      ['自查自纠阶段', '2021-09-07', '2021-09-30'],
      ['集中整治阶段', '2021-10-01', '2021-11-14'],
      ['总结巩固阶段', '2021-11-15', '2021-11-30'],
    ]);
    expect(c.phases.map((p: { tasks: { title: string }[] }) => p.tasks.map((x) => x.title))).toEqual([
      ['拟制实施方案，部署整治工作'],
      ['开展宣传引导', '开展倡议和承诺', '开展企业自查'],
      ['加强部门联动', '查处违法行为', '为群众办实事', '加强正面宣传'],
      ['全面总结，建立长效监管机制'],
    ]);
    const deed = c.phases[2].tasks[2];
    expect(deed).toMatchObject({ targetCount: 1, effectiveDueOn: '2021-11-14' });
    expect(deed.description).toContain('活动期间至少为群众办1件实事');
    expect(c.phases[1].tasks[1].description).toBe('区物业协会向物业企业发出倡议，组织我区专业化住宅小区物业项目签订“合法经营、规范收费”承诺书。');
  });

  it('reproduces the six focus items in S3’s words, with legal basis and responsibility', async () => {
    const c = expectStatus(await get(eastLake, `/api/campaigns/${eastLakeId}`), 200);
    expect(c.focusItems.map((f: { seq: number }) => f.seq)).toEqual([1, 2, 3, 4, 5, 6]);
    const [f1, f2, f3, , f5, f6] = c.focusItems;
    expect(f1.description).toBe('以业主拖欠物业服务费、不配合管理为由，中断或以限时限量等方式变相中断供水、供电、供气、供热等损害业主合法权益的行为');
    expect(f5.description).toBe(
      '未在住宅小区显著位置公示物业服务、停车及其他有偿服务的收费项目、收费标准、收费方式和投诉电话、公共收益收支、特种设备维保单位及联系方式等信息等行为',
    );
    expect(f6.description).toBe('擅自提高物业服务收费标准，以及转供电代收加价等违规收取不合理费用行为');
    expect(f2.checklistText).toContain('未及时劝阻、制止，并向业主委员会和有关主管部门履行报告义务'); // 附件1's wording
    expect(f1).toMatchObject({ leadDepartmentType: 'housing' });
    expect(f3).toMatchObject({ leadDepartmentType: 'housing', coDepartmentTypes: ['police', 'civil'] });
    expect(f6).toMatchObject({ leadDepartmentType: 'market', coDepartmentTypes: ['housing'] });
    expect(f1.legalBasis.map((p: { citation: string }) => p.citation)).toEqual(['《民法典》第944条第3款', '《湖北条例》第36条第2款、第67条第（一）项']);
    const police = f3.legalBasis.filter((p: { actShortName: string }) => p.actShortName === '治安管理处罚法');
    expect(police.map((p: { article: string; effectiveTo: string | null }) => [p.article, p.effectiveTo])).toEqual(
      expect.arrayContaining([
        ['第42条', '2025-12-31'],
        ['第50条第1款', null],
      ]),
    );
    expect(f6.legalBasis.find((p: { article: string; actShortName: string }) => p.actShortName === '电力法' && p.article === '第66条').penaltyRange).toMatch(/5倍以下/);
  });

  it('carries the department split, the units’ own contacts, the report rule and the city parent', async () => {
    const c = expectStatus(await get(eastLake, `/api/campaigns/${eastLakeId}`), 200);
    const byType = Object.fromEntries(c.units.filter((u: { departmentType: string | null }) => u.departmentType).map((u: { departmentType: string }) => [u.departmentType, u]));
    expect(Object.keys(byType).sort()).toEqual(['civil', 'credit', 'housing', 'market', 'police']);
    expect(c.units[0]).toMatchObject({ role: 'lead', departmentType: 'housing', unitName: '东湖风景区建设（房管）局', responsibleLeader: '冯远山' });
    expect(byType.housing.duties).toBe('负责统筹推进专项整治工作，督促物业服务企业开展自查整改，会同有关部门对违法违规企业进行联合查处');
    expect(byType.credit.duties).toContain('联合惩戒');
    expect(byType.police.duties).toContain('治安管理处罚');
    expect(byType.civil.duties).toContain('三方联动');
    expect(byType.market.duties).toContain('价格违法行为');
    expect(c.units.some((u: { unitName: string }) => u.unitName === '东湖风景区依法治区办')).toBe(true);
    // The real contact persons printed in S3 are never reproduced: every demo contact phone is a
    // made-up 1390000xxxx number (S3 prints 8-digit local landlines and one real mobile).
    const phones = c.units.map((u: { contactPhone: string | null }) => u.contactPhone).filter(Boolean);
    expect(phones.length).toBeGreaterThan(0);
    for (const phone of phones) expect(phone).toMatch(/^1390000\d{4}$/);
    expect(c.monthlyReport.dueDay).toBe(1);
    expect(c.monthlyReportRule).toContain('每月1日前将上月专项整治工作开展情况');
    expect(c.parent).toMatchObject({ id: wuhanId, regionName: '武汉市' });
    expect(c.responsibilityRules).toHaveLength(14);
    expect(c.responsibilityRules[0]).toMatchObject({ priority: 1, conditionKind: 'violence_or_threat', leadDepartmentType: 'police' });
  });

  it('is offered as a template, and a coordinator creates it for another district and year', async () => {
    const templates = expectStatus(await get(hongshan, '/api/campaign-templates'), 200);
    const el = templates.items.find((x: { id: string }) => x.id === 'east-lake-2021');
    expect(el.phases).toHaveLength(4);
    expect(el.focusItemCount).toBe(6);

    const created = expectStatus(
      await t.as(hongshan, { method: 'POST', url: '/api/campaigns/from-template', payload: { templateId: 'east-lake-2021', regionCode: '420111', year: 2026 } }),
      201,
    );
    expect(created).toMatchObject({ regionCode: '420111', status: 'draft', startsOn: '2026-09-03', endsOn: '2026-11-30', issuedOn: '2026-09-03', parent: null });
    expect(created.phases.map((p: { startsOn: string | null; endsOn: string }) => [p.startsOn, p.endsOn])).toEqual([
      [null, '2026-09-07'],
      ['2026-09-07', '2026-09-30'],
      ['2026-10-01', '2026-11-14'],
      ['2026-11-15', '2026-11-30'],
    ]);
    const housing = created.units.find((u: { departmentType: string }) => u.departmentType === 'housing');
    expect(housing).toMatchObject({ unitName: '洪山区住房和城市更新局', responsibleLeader: '曹正' });
    expect(created.focusItems[2].legalBasis.length).toBeGreaterThan(5);
    const [audit] = await t.db.select().from(auditLog).where(and(eq(auditLog.action, 'campaign.create'), eq(auditLog.entityId, created.id)));
    expect(audit.note).toContain('east-lake-2021');

    // Without a year the same-year city plan becomes the parent automatically.
    const again = expectStatus(
      await t.as(hongshan, { method: 'POST', url: '/api/campaigns/from-template', payload: { templateId: 'east-lake-2021', regionCode: '420111' } }),
      201,
    );
    expect(again.parent?.id).toBe(wuhanId);
  });

  it('refuses a region outside the caller’s jurisdiction or of the wrong level', async () => {
    const outside = await t.as(eastLake, { method: 'POST', url: '/api/campaigns/from-template', payload: { templateId: 'east-lake-2021', regionCode: '420111' } });
    expect(outside.statusCode).toBe(422);
    expect(outside.json().error.details.fields.regionCode).toMatch(/管辖范围/);
    const street = await t.as(eastLake, { method: 'POST', url: '/api/campaigns/from-template', payload: { templateId: 'east-lake-2021', regionCode: '420100-DH-01' } });
    expect(street.statusCode).toBe(422);
    expect(street.json().error.details.fields.regionCode).toMatch(/区县/);
    const unknown = await t.as(eastLake, { method: 'POST', url: '/api/campaigns/from-template', payload: { templateId: 'nope', regionCode: '420100-DH' } });
    expect(unknown.json().error.details.fields.templateId).toBe('未知的模板');
    expect((await t.as(admin, { method: 'POST', url: '/api/campaigns/from-template', payload: { templateId: 'east-lake-2021', regionCode: '420100-DH' } })).statusCode).toBe(403);
  });
});

describe('editing a campaign', () => {
  it('edits a focus item with an audit row; other districts get 404, the city plan is read-only for a district', async () => {
    const c = expectStatus(await get(eastLake, `/api/campaigns/${eastLakeId}`), 200);
    const item5 = c.focusItems[4];
    const [pipl] = await t.db.select({ id: legalProvisions.id }).from(legalProvisions).where(eq(legalProvisions.key, 'price-law-42'));
    const url = `/api/campaigns/${eastLakeId}/focus-items/${item5.id}`;
    const updated = expectStatus(
      await t.as(eastLake, { method: 'PATCH', url, payload: { leadDepartmentType: 'housing', coDepartmentTypes: ['market'], legalProvisionIds: [pipl.id] } }),
      200,
    );
    expect(updated).toMatchObject({ leadDepartmentType: 'housing', coDepartmentTypes: ['market'], legalProvisionIds: [pipl.id] });
    const [audit] = await t.db.select().from(auditLog).where(and(eq(auditLog.action, 'campaign.focus_item.update'), eq(auditLog.entityId, item5.id)));
    expect(audit.before).toMatchObject({ leadDepartmentType: 'market' });
    expect(audit.after).toMatchObject({ leadDepartmentType: 'housing' });

    expect((await t.as(hongshan, { method: 'PATCH', url, payload: { title: 'x' } })).statusCode).toBe(404);
    const wuhan = expectStatus(await get(eastLake, `/api/campaigns/${wuhanId}`), 200);
    const cityItem = await t.as(eastLake, { method: 'PATCH', url: `/api/campaigns/${wuhanId}/focus-items/${wuhan.focusItems[0].id}`, payload: { title: '改' } });
    expect(cityItem.statusCode).toBe(403);
  });

  it('validates focus items field by field', async () => {
    const res = await t.as(eastLake, {
      method: 'POST',
      url: `/api/campaigns/${eastLakeId}/focus-items`,
      payload: { seq: 7, title: '其他', description: '测试', leadDepartmentType: 'market', coDepartmentTypes: ['market'], legalProvisionIds: [999999] },
    });
    expect(res.statusCode).toBe(422);
    expect(res.json().error.details.fields).toEqual({ coDepartmentTypes: '协办部门不能与牵头部门相同', legalProvisionIds: '条款不存在：999999' });
    const dup = await t.as(eastLake, {
      method: 'POST',
      url: `/api/campaigns/${eastLakeId}/focus-items`,
      payload: { seq: 1, title: '重复', description: '测试', leadDepartmentType: 'housing' },
    });
    expect(dup.statusCode).toBe(409);
  });

  it('saves the responsibility rules in order, audited, and the triage shape follows them', async () => {
    const c = expectStatus(await get(eastLake, `/api/campaigns/${eastLakeId}`), 200);
    const rules = c.responsibilityRules.map(({ id: _id, priority: _p, ...r }: { id: string; priority: number }) => r);
    const cat6 = rules.findIndex((r: { conditionKind: string; category: number | null }) => r.conditionKind === 'category' && r.category === 6);
    rules[cat6] = { ...rules[cat6], leadDepartmentType: 'housing', coDepartmentTypes: ['market'] };
    const saved = expectStatus(await t.as(eastLake, { method: 'PUT', url: `/api/campaigns/${eastLakeId}/responsibility-rules`, payload: { rules } }), 200);
    expect(saved.items[cat6]).toMatchObject({ priority: cat6 + 1, leadDepartmentType: 'housing', coDepartmentTypes: ['market'] });
    const shape = await responsibilityRulesFor(t.db, eastLakeId);
    expect(shape.byCategory[6]).toBe('housing');
    expect(shape.disclosure).toEqual({ feeItems: 'market', other: 'housing' });
    expect(shape.violenceLead).toBe('police');
    expect(shape.ordered.at(-1)).toMatchObject({ subCondition: 'outside_campaign', leadDepartmentType: 'none' });
    const audits = await t.db.select().from(auditLog).where(and(eq(auditLog.action, 'campaign.rules.replace'), eq(auditLog.entityId, eastLakeId)));
    expect(audits).toHaveLength(1);
  });

  it('refuses rules that cannot work, naming each row', async () => {
    const res = await t.as(eastLake, {
      method: 'PUT',
      url: `/api/campaigns/${eastLakeId}/responsibility-rules`,
      payload: {
        rules: [
          { conditionKind: 'category', leadDepartmentType: 'housing' },
          { conditionKind: 'category', category: 1, leadDepartmentType: 'none' },
          { conditionKind: 'violence_or_threat', leadDepartmentType: 'police', coDepartmentTypes: ['police'] },
          { conditionKind: 'violence_or_threat', leadDepartmentType: 'housing' },
          { conditionKind: 'category', category: 3, subCondition: 'price_disclosure', leadDepartmentType: 'housing' },
        ],
      },
    });
    expect(res.statusCode).toBe(422);
    const fields = res.json().error.details.fields;
    expect(fields['rules.0.category']).toBeTruthy();
    expect(fields['rules.1.leadDepartmentType']).toMatch(/范围外/);
    expect(fields['rules.2.coDepartmentTypes']).toBe('协办部门不能与牵头部门相同');
    expect(fields['rules.3.conditionKind']).toMatch(/第 3 条/);
    expect(fields['rules.4.subCondition']).toBeTruthy();
  });

  it('keeps the status machine: a closed campaign cannot be reopened', async () => {
    const created = expectStatus(
      await t.as(eastLake, {
        method: 'POST',
        url: '/api/campaigns',
        payload: { regionCode: '420100-DH', title: '测试行动', issuingUnit: '东湖风景区建设（房管）局', startsOn: '2026-03-01', endsOn: '2026-06-30', parentCampaignId: wuhanId },
      }),
      201,
    );
    expect(created.responsibilityRules).toHaveLength(14);
    expectStatus(await t.as(eastLake, { method: 'PATCH', url: `/api/campaigns/${created.id}`, payload: { status: 'active' } }), 200);
    expectStatus(await t.as(eastLake, { method: 'PATCH', url: `/api/campaigns/${created.id}`, payload: { status: 'closed' } }), 200);
    expect((await t.as(eastLake, { method: 'PATCH', url: `/api/campaigns/${created.id}`, payload: { status: 'active' } })).statusCode).toBe(409);
    const bad = await t.as(eastLake, { method: 'POST', url: `/api/campaigns/${created.id}/phases`, payload: { name: '越界', startsOn: '2026-02-01', endsOn: '2026-07-10' } });
    expect(bad.statusCode).toBe(422);
    expect(Object.keys(bad.json().error.details.fields).sort()).toEqual(['endsOn', 'startsOn']);
  });

  it('adds a participating unit with its leader and refuses a unit outside the campaign’s region', async () => {
    const res = await t.as(eastLake, { method: 'POST', url: `/api/campaigns/${eastLakeId}/units`, payload: { unitName: '区物业协会', role: 'member', responsibleLeader: '王主任', contactPhone: '12ab' } });
    expect(res.statusCode).toBe(422);
    expect(res.json().error.details.fields.contactPhone).toMatch(/电话号码/);
    const added = expectStatus(
      await t.as(eastLake, { method: 'POST', url: `/api/campaigns/${eastLakeId}/units`, payload: { unitName: '区物业协会', responsibleLeader: '王主任', contactPhone: '13900000099' } }),
      201,
    );
    expect(added).toMatchObject({ orgUnitId: null, unitName: '区物业协会', role: 'member' });
    const [hsUnit] = (await get(hongshan, '/api/org-units?region=420111&type=housing')).json().items;
    const outside = await t.as(eastLake, { method: 'POST', url: `/api/campaigns/${eastLakeId}/units`, payload: { orgUnitId: hsUnit.id } });
    expect(outside.json().error.details.fields.orgUnitId).toMatch(/区划范围/);
  });
});

describe('task progress per region', () => {
  it('shows the seeded progress per street and records more, audited', async () => {
    const before = expectStatus(await get(eastLake, `/api/campaigns/${eastLakeId}/progress`), 200);
    expect(before.regions.map((r: { code: string }) => r.code)).toEqual(expect.arrayContaining(['420100-DH', '420100-DH-01', '420100-DH-02']));
    const selfCheck = before.tasks.find((x: { title: string }) => x.title === '开展企业自查');
    const cell = (task: { cells: { regionCode: string; status: string; overdue: boolean }[] }, code: string) => task.cells.find((c) => c.regionCode === code);
    expect(cell(selfCheck, '420100-DH-01')?.status).toBe('done');
    expect(cell(selfCheck, '420100-DH-02')).toMatchObject({ status: 'pending', overdue: true });

    const url = `/api/campaigns/${eastLakeId}/tasks/${selfCheck.taskId}/progress/420100-DH-02`;
    const saved = expectStatus(await t.as(eastLake, { method: 'PUT', url, payload: { status: 'done', doneOn: '2021-10-08', note: '补报' } }), 200);
    expect(saved).toMatchObject({ regionCode: '420100-DH-02', regionName: '磨山街道', status: 'done', doneOn: '2021-10-08' });
    const after = expectStatus(await get(eastLake, `/api/campaigns/${eastLakeId}/progress`), 200);
    expect(cell(after.tasks.find((x: { title: string }) => x.title === '开展企业自查'), '420100-DH-02')?.status).toBe('done');
    const audits = await t.db.select().from(auditLog).where(and(eq(auditLog.action, 'campaign.task_progress.update'), eq(auditLog.entityId, selfCheck.taskId)));
    const mine = audits.filter((a) => a.actorName === 'district-housing');
    expect(mine).toHaveLength(1);
    expect(mine[0].note).toBe('磨山街道：开展企业自查');
    expect(mine[0].before).toMatchObject({ status: 'pending' });
    expect(mine[0].after).toMatchObject({ status: 'done', doneOn: '2021-10-08' });
  });

  it('checks the quantity a task demands and refuses future dates', async () => {
    const summary = expectStatus(await get(eastLake, `/api/campaigns/${eastLakeId}/progress`), 200);
    const deed = summary.tasks.find((x: { title: string }) => x.title === '为群众办实事');
    const url = `/api/campaigns/${eastLakeId}/tasks/${deed.taskId}/progress/420100-DH`;
    const res = await t.as(eastLake, { method: 'PUT', url, payload: { status: 'done', doneOn: '2099-01-01' } });
    expect(res.statusCode).toBe(422);
    expect(Object.keys(res.json().error.details.fields).sort()).toEqual(['doneOn', 'quantity']);
  });

  it('lets each district report on the city’s tasks for itself only', async () => {
    const [phase] = [expectStatus(await t.as(city, { method: 'POST', url: `/api/campaigns/${wuhanId}/phases`, payload: { name: '集中整治阶段', startsOn: '2021-10-01', endsOn: '2021-11-14' } }), 201)];
    const task = expectStatus(
      await t.as(city, { method: 'POST', url: `/api/campaigns/${wuhanId}/phases/${phase.id}/tasks`, payload: { title: '拉网式检查全部物业企业', responsibleDepartmentType: 'housing' } }),
      201,
    );
    const base = `/api/campaigns/${wuhanId}/tasks/${task.id}/progress`;
    expectStatus(await t.as(eastLake, { method: 'PUT', url: `${base}/420100-DH`, payload: { status: 'done', doneOn: '2021-11-10' } }), 200);
    expect((await t.as(eastLake, { method: 'PUT', url: `${base}/420111`, payload: { status: 'done', doneOn: '2021-11-10' } })).statusCode).toBe(404);
    expect((await t.as(hongshan, { method: 'PUT', url: `/api/campaigns/${eastLakeId}/tasks/${task.id}/progress/420111`, payload: { status: 'done' } })).statusCode).toBe(404);

    const cityView = expectStatus(await get(city, `/api/campaigns/${wuhanId}/progress`), 200);
    const cells = cityView.tasks[0].cells;
    expect(cells.find((c: { regionCode: string }) => c.regionCode === '420100-DH').status).toBe('done');
    expect(cells.find((c: { regionCode: string }) => c.regionCode === '420111').status).toBe('pending');
    const districtView = expectStatus(await get(eastLake, `/api/campaigns/${wuhanId}/progress`), 200);
    expect(districtView.regions.map((r: { code: string }) => r.code)).toEqual(['420100-DH']);
  });

  it('finds the most specific active campaign for a region', async () => {
    const [street] = await t.db.select({ id: campaigns.regionId }).from(campaigns).where(eq(campaigns.id, eastLakeId));
    expect((await campaignApplyingTo(t.db, street.id, '2021-10-10'))?.id).toBe(eastLakeId);
    expect(await campaignApplyingTo(t.db, street.id, '2024-10-10')).toBeNull();
  });
});
