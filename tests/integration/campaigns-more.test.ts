import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditLog, campaignDeadlines, campaignFocusItems, campaignPhases, campaignTasks, campaignUnits, campaigns, orgUnits } from '../../server/db/schema/index.js';
import { createTestContext, expectStatus, type TestContext } from '../helpers/app.js';

/*
 * The campaign writes campaigns.test.ts does not reach: deadlines, the dragnet and monthly-report
 * fields, changing and removing phases, tasks and units, removing focus items — each audited,
 * validated, and closed (404) to another district's coordinator.
 */

let t: TestContext;
let eastLake: string; // district-housing: coordinator of 东湖风景区
let hongshan: string; // other-district-housing: coordinator of 洪山区
let city: string; // city-coordinator, 武汉市
let eastLakeId: string;
let wuhanId: string;

beforeAll(async () => {
  t = await createTestContext();
  eastLake = await t.login('district-housing');
  hongshan = await t.login('other-district-housing');
  city = await t.login('city-coordinator');
  const rows = await t.db.select({ id: campaigns.id, templateId: campaigns.templateId, startsOn: campaigns.startsOn }).from(campaigns);
  eastLakeId = rows.find((r) => r.templateId === 'east-lake-2021' && r.startsOn === '2021-09-03')?.id as string;
  wuhanId = rows.find((r) => r.templateId === 'wuhan-2021')?.id as string;
});
afterAll(() => t.close());

const get = (cookie: string, url: string) => t.as(cookie, { method: 'GET', url });
const detail = async (id = eastLakeId) => expectStatus(await get(eastLake, `/api/campaigns/${id}`), 200);
const auditsFor = (action: string, entityId: string) => t.db.select().from(auditLog).where(and(eq(auditLog.action, action), eq(auditLog.entityId, entityId)));
/** Every audit row the 洪山 coordinator wrote (their refused writes must add none). */
const hongshanAudits = async () => (await t.db.select({ id: auditLog.id }).from(auditLog).where(eq(auditLog.actorName, 'other-district-housing'))).length;
const fields = (res: { json(): { error: { details: { fields: Record<string, string> } } } }) => res.json().error.details.fields;

describe('campaign deadlines', () => {
  const base = () => `/api/campaigns/${eastLakeId}/deadlines`;

  it('carries the template’s deadline; a coordinator adds one, audited, and it shows in the campaign', async () => {
    const before = await detail();
    expect(before.deadlines).toEqual([expect.objectContaining({ kind: 'self_inspection_filing', dueOn: '2021-09-30' })]);

    const created = expectStatus(
      await t.as(eastLake, { method: 'POST', url: base(), payload: { kind: 'dragnet_inspection', dueOn: '2021-10-31', description: '完成辖区物业项目拉网式执法检查' } }),
      201,
    );
    expect(created).toEqual({ id: expect.any(String), kind: 'dragnet_inspection', dueOn: '2021-10-31', description: '完成辖区物业项目拉网式执法检查' });
    const after = await detail();
    expect(after.deadlines).toContainEqual(created);
    expect(after.deadlines).toHaveLength(2);

    const [audit] = await auditsFor('campaign.deadline.create', created.id);
    expect(audit).toMatchObject({ entityType: 'campaign_deadline', actorName: 'district-housing' });
    expect(audit.after).toMatchObject({ campaignId: eastLakeId, kind: 'dragnet_inspection', dueOn: '2021-10-31' });
  });

  it('validates kind, date and description field by field, and keeps the date inside the campaign', async () => {
    const bad = await t.as(eastLake, { method: 'POST', url: base(), payload: { kind: 'nonsense', dueOn: '2021/10/01', description: '  ' } });
    expect(bad.statusCode).toBe(422);
    expect(fields(bad)).toEqual({ kind: '未知的期限类型', dueOn: '日期格式应为 YYYY-MM-DD', description: '请填写说明' });

    const outside = await t.as(eastLake, { method: 'POST', url: base(), payload: { kind: 'other', dueOn: '2021-12-15', description: '期后' } });
    expect(outside.statusCode).toBe(422);
    expect(fields(outside)).toEqual({ dueOn: '期限须在专项行动期间内（2021-09-03 至 2021-11-30）' });
    const early = await t.as(eastLake, { method: 'POST', url: base(), payload: { kind: 'other', dueOn: '2021-09-02', description: '期前' } });
    expect(fields(early)).toHaveProperty('dueOn');
    expect((await detail()).deadlines.map((d: { description: string }) => d.description)).not.toEqual(expect.arrayContaining(['期后', '期前']));
  });

  it('edits a deadline with before and after in the audit row; a bad date changes nothing', async () => {
    const [seeded] = (await detail()).deadlines;
    const url = `${base()}/${seeded.id}`;
    const updated = expectStatus(await t.as(eastLake, { method: 'PATCH', url, payload: { dueOn: '2021-10-08', description: '自查结果延期备案' } }), 200);
    expect(updated).toEqual({ id: seeded.id, kind: 'self_inspection_filing', dueOn: '2021-10-08', description: '自查结果延期备案' });
    const [audit] = await auditsFor('campaign.deadline.update', seeded.id);
    expect(audit.before).toMatchObject({ dueOn: '2021-09-30' });
    expect(audit.after).toMatchObject({ dueOn: '2021-10-08', description: '自查结果延期备案' });

    const outside = await t.as(eastLake, { method: 'PATCH', url, payload: { dueOn: '2022-01-05' } });
    expect(outside.statusCode).toBe(422);
    expect(fields(outside).dueOn).toMatch(/期间内/);
    const badKind = await t.as(eastLake, { method: 'PATCH', url, payload: { kind: 'nope' } });
    expect(badKind.statusCode).toBe(422);
    const [stored] = await t.db.select().from(campaignDeadlines).where(eq(campaignDeadlines.id, seeded.id));
    expect(stored).toMatchObject({ dueOn: '2021-10-08', kind: 'self_inspection_filing' });
    expect(await auditsFor('campaign.deadline.update', seeded.id)).toHaveLength(1);
  });

  it('deletes a deadline, audited; a second delete and an unknown id are 404', async () => {
    const created = expectStatus(await t.as(eastLake, { method: 'POST', url: base(), payload: { kind: 'summary_report', dueOn: '2021-11-30', description: '报送总结' } }), 201);
    const url = `${base()}/${created.id}`;
    expect(expectStatus(await t.as(eastLake, { method: 'DELETE', url }), 200)).toEqual({ ok: true });
    expect((await detail()).deadlines.map((d: { id: string }) => d.id)).not.toContain(created.id);
    expect(await t.db.select().from(campaignDeadlines).where(eq(campaignDeadlines.id, created.id))).toEqual([]);
    const [audit] = await auditsFor('campaign.deadline.delete', created.id);
    expect(audit.before).toMatchObject({ kind: 'summary_report', description: '报送总结' });
    expect((await t.as(eastLake, { method: 'DELETE', url })).statusCode).toBe(404);
    expect((await t.as(eastLake, { method: 'PATCH', url, payload: { description: 'x' } })).statusCode).toBe(404);
    expect((await t.as(eastLake, { method: 'DELETE', url: `${base()}/not-a-uuid` })).statusCode).toBe(422);
  });

  it('does not reach another campaign’s deadline through this campaign’s address', async () => {
    const cityDeadline = expectStatus(
      await t.as(city, { method: 'POST', url: `/api/campaigns/${wuhanId}/deadlines`, payload: { kind: 'other', dueOn: '2021-10-15', description: '市级期限' } }),
      201,
    );
    expect((await t.as(eastLake, { method: 'PATCH', url: `${base()}/${cityDeadline.id}`, payload: { description: '被改' } })).statusCode).toBe(404);
    expect((await t.as(eastLake, { method: 'DELETE', url: `${base()}/${cityDeadline.id}` })).statusCode).toBe(404);
    // On the city's own plan a district may read but not write.
    expect((await t.as(eastLake, { method: 'DELETE', url: `/api/campaigns/${wuhanId}/deadlines/${cityDeadline.id}` })).statusCode).toBe(403);
    const [stored] = await t.db.select().from(campaignDeadlines).where(eq(campaignDeadlines.id, cityDeadline.id));
    expect(stored.description).toBe('市级期限');
  });

  it('keeps deadlines and task due dates inside the campaign when the campaign’s dates change', async () => {
    const fresh = expectStatus(
      await t.as(eastLake, {
        method: 'POST',
        url: '/api/campaigns',
        payload: { regionCode: '420100-DH', title: '期限测试', issuingUnit: '东湖风景区建设（房管）局', startsOn: '2026-03-01', endsOn: '2026-06-30' },
      }),
      201,
    );
    const url = `/api/campaigns/${fresh.id}`;
    expectStatus(await t.as(eastLake, { method: 'POST', url: `${url}/deadlines`, payload: { kind: 'summary_report', dueOn: '2026-06-20', description: '报送总结' } }), 201);
    const shorter = await t.as(eastLake, { method: 'PATCH', url, payload: { endsOn: '2026-06-10' } });
    expect(shorter.statusCode).toBe(422);
    expect(fields(shorter).endsOn).toBe('期限“报送总结”（2026-06-20）超出新的起止日期，请先调整期限');
    expect((await detail(fresh.id)).endsOn).toBe('2026-06-30');

    // The same for a task's own due date (its phase may end later than the task).
    const phase = expectStatus(await t.as(eastLake, { method: 'POST', url: `${url}/phases`, payload: { name: '整治', startsOn: '2026-03-01', endsOn: '2026-06-30' } }), 201);
    expectStatus(await t.as(eastLake, { method: 'POST', url: `${url}/phases/${phase.id}/tasks`, payload: { title: '早期检查', dueOn: '2026-03-10' } }), 201);
    const later = await t.as(eastLake, { method: 'PATCH', url, payload: { startsOn: '2026-03-15' } });
    expect(later.statusCode).toBe(422);
    expect(fields(later).startsOn).toMatch(/阶段“整治”/);
    expect(fields(later).startsOn).toMatch(/任务“早期检查”（2026-03-10）/);
    expect((await detail(fresh.id)).startsOn).toBe('2026-03-01');
  });

  it('answers 404 to another district’s coordinator on every deadline write and writes nothing', async () => {
    const [d] = (await detail()).deadlines;
    const auditsBefore = await hongshanAudits();
    expect((await t.as(hongshan, { method: 'POST', url: base(), payload: { kind: 'other', dueOn: '2021-10-10', description: '越权' } })).statusCode).toBe(404);
    expect((await t.as(hongshan, { method: 'PATCH', url: `${base()}/${d.id}`, payload: { description: '越权' } })).statusCode).toBe(404);
    expect((await t.as(hongshan, { method: 'DELETE', url: `${base()}/${d.id}` })).statusCode).toBe(404);
    const after = await detail();
    expect(after.deadlines.find((x: { id: string }) => x.id === d.id)).toEqual(d);
    expect(after.deadlines.some((x: { description: string }) => x.description === '越权')).toBe(false);
    expect(await hongshanAudits()).toBe(auditsBefore);
  });
});

describe('dragnet deadline and monthly report rule', () => {
  const url = () => `/api/campaigns/${eastLakeId}`;

  it('sets the dragnet inspection deadline and description, audited', async () => {
    expect(await detail()).toMatchObject({ dragnetDeadline: null, dragnetDescription: null });
    const saved = expectStatus(await t.as(eastLake, { method: 'PATCH', url: url(), payload: { dragnetDeadline: '2021-10-31', dragnetDescription: '对辖区全部物业项目开展拉网式执法检查' } }), 200);
    expect(saved).toMatchObject({ dragnetDeadline: '2021-10-31', dragnetDescription: '对辖区全部物业项目开展拉网式执法检查' });
    expect(await detail()).toMatchObject({ dragnetDeadline: '2021-10-31' });
    const audits = await auditsFor('campaign.update', eastLakeId);
    const last = audits.at(-1);
    expect(last?.before).toMatchObject({ dragnetDeadline: null });
    expect(last?.after).toMatchObject({ dragnetDeadline: '2021-10-31', dragnetDescription: '对辖区全部物业项目开展拉网式执法检查' });
  });

  it('keeps the dragnet deadline inside the campaign, also when the campaign’s dates change', async () => {
    const after = await t.as(eastLake, { method: 'PATCH', url: url(), payload: { dragnetDeadline: '2021-12-01' } });
    expect(after.statusCode).toBe(422);
    expect(fields(after)).toEqual({ dragnetDeadline: '拉网式检查截止日期须在专项行动期间内（2021-09-03 至 2021-11-30）' });
    const bad = await t.as(eastLake, { method: 'PATCH', url: url(), payload: { dragnetDeadline: '31.10.2021', dragnetDescription: 'x'.repeat(501) } });
    expect(Object.keys(fields(bad)).sort()).toEqual(['dragnetDeadline', 'dragnetDescription']);
    // A fresh plan without phases: moving its start past the dragnet date is refused too.
    const fresh = expectStatus(
      await t.as(eastLake, {
        method: 'POST',
        url: '/api/campaigns',
        payload: { regionCode: '420100-DH', title: '拉网测试', issuingUnit: '东湖风景区建设（房管）局', startsOn: '2026-03-01', endsOn: '2026-06-30', dragnetDeadline: '2026-04-15' },
      }),
      201,
    );
    const moved = await t.as(eastLake, { method: 'PATCH', url: `/api/campaigns/${fresh.id}`, payload: { startsOn: '2026-05-01' } });
    expect(moved.statusCode).toBe(422);
    expect(fields(moved)).toHaveProperty('dragnetDeadline');
    expect((await detail()).dragnetDeadline).toBe('2021-10-31');
  });

  it('edits the monthly report due day and rule, and clears them', async () => {
    const saved = expectStatus(await t.as(eastLake, { method: 'PATCH', url: url(), payload: { monthlyReportDueDay: 5, monthlyReportRule: '每月5日前报送上月整治情况' } }), 200);
    expect(saved).toMatchObject({ monthlyReportDueDay: 5, monthlyReportRule: '每月5日前报送上月整治情况', monthlyReport: { dueDay: 5, rule: '每月5日前报送上月整治情况' } });
    const last = (await auditsFor('campaign.update', eastLakeId)).at(-1);
    expect(last?.before).toMatchObject({ monthlyReportDueDay: 1 });
    expect(last?.after).toMatchObject({ monthlyReportDueDay: 5 });
    const cleared = expectStatus(await t.as(eastLake, { method: 'PATCH', url: url(), payload: { monthlyReportDueDay: null, monthlyReportRule: null } }), 200);
    expect(cleared.monthlyReport).toEqual({ dueDay: null, rule: null });
  });

  it('accepts only a due day from 1 to 28', async () => {
    for (const day of [0, 29, 31]) {
      const res = await t.as(eastLake, { method: 'PATCH', url: url(), payload: { monthlyReportDueDay: day } });
      expect(res.statusCode).toBe(422);
      expect(fields(res).monthlyReportDueDay).toBe('报送日须在 1–28 日之间');
    }
    const frac = await t.as(eastLake, { method: 'PATCH', url: url(), payload: { monthlyReportDueDay: 2.5 } });
    expect(fields(frac).monthlyReportDueDay).toBe('须为整数');
    const long = await t.as(eastLake, { method: 'PATCH', url: url(), payload: { monthlyReportRule: '长'.repeat(1001) } });
    expect(fields(long).monthlyReportRule).toBe('不超过 1000 个字');
    expect(expectStatus(await t.as(eastLake, { method: 'PATCH', url: url(), payload: { monthlyReportDueDay: 28 } }), 200).monthlyReportDueDay).toBe(28);
  });

  it('answers 404 to another district’s coordinator, and the city plan stays read-only for the district', async () => {
    const auditsBefore = await hongshanAudits();
    expect((await t.as(hongshan, { method: 'PATCH', url: url(), payload: { dragnetDeadline: '2021-10-01', monthlyReportDueDay: 9 } })).statusCode).toBe(404);
    expect(await detail()).toMatchObject({ dragnetDeadline: '2021-10-31', monthlyReportDueDay: 28 });
    expect(await hongshanAudits()).toBe(auditsBefore);
    expect((await t.as(eastLake, { method: 'PATCH', url: `/api/campaigns/${wuhanId}`, payload: { monthlyReportDueDay: 3 } })).statusCode).toBe(403);
  });
});

describe('changing and removing phases', () => {
  it('renames a phase and moves its dates, audited', async () => {
    const [first] = (await detail()).phases;
    const url = `/api/campaigns/${eastLakeId}/phases/${first.id}`;
    const updated = expectStatus(await t.as(eastLake, { method: 'PATCH', url, payload: { name: '动员部署', startsOn: '2021-09-03', endsOn: '2021-09-08', description: '召开动员会' } }), 200);
    expect(updated).toEqual({ id: first.id, seq: 1, name: '动员部署', startsOn: '2021-09-03', endsOn: '2021-09-08', description: '召开动员会' });
    expect((await detail()).phases[0]).toMatchObject({ name: '动员部署', endsOn: '2021-09-08' });
    const [audit] = await auditsFor('campaign.phase.update', first.id);
    expect(audit.before).toMatchObject({ name: '动员部署阶段', startsOn: null, endsOn: '2021-09-07' });
    expect(audit.after).toMatchObject({ name: '动员部署', endsOn: '2021-09-08' });
  });

  it('refuses dates outside the campaign or reversed, and a sequence number already taken', async () => {
    const [first, second] = (await detail()).phases;
    const url = `/api/campaigns/${eastLakeId}/phases/${second.id}`;
    const late = await t.as(eastLake, { method: 'PATCH', url, payload: { endsOn: '2021-12-10' } });
    expect(late.statusCode).toBe(422);
    expect(fields(late).endsOn).toBe('阶段结束日期不能晚于专项行动结束日期（2021-11-30）');
    const reversed = await t.as(eastLake, { method: 'PATCH', url, payload: { startsOn: '2021-09-20', endsOn: '2021-09-10' } });
    expect(fields(reversed).endsOn).toBe('阶段结束日期不能早于开始日期');
    const early = await t.as(eastLake, { method: 'PATCH', url, payload: { startsOn: '2021-08-01' } });
    expect(fields(early).startsOn).toMatch(/不能早于专项行动开始日期/);
    const taken = await t.as(eastLake, { method: 'PATCH', url, payload: { seq: first.seq } });
    expect(taken.statusCode).toBe(409);
    const [stored] = await t.db.select().from(campaignPhases).where(eq(campaignPhases.id, second.id));
    expect(stored).toMatchObject({ seq: 2, startsOn: '2021-09-07', endsOn: '2021-09-30' });
  });

  it('refuses to delete a phase that still has tasks, deletes an empty one, audited', async () => {
    const [first] = (await detail()).phases;
    const withTasks = await t.as(eastLake, { method: 'DELETE', url: `/api/campaigns/${eastLakeId}/phases/${first.id}` });
    expect(withTasks.statusCode).toBe(409);
    expect((await detail()).phases).toHaveLength(4);

    const extra = expectStatus(await t.as(eastLake, { method: 'POST', url: `/api/campaigns/${eastLakeId}/phases`, payload: { name: '回头看', startsOn: '2021-11-20', endsOn: '2021-11-30' } }), 201);
    expect(extra.seq).toBe(5);
    expectStatus(await t.as(eastLake, { method: 'DELETE', url: `/api/campaigns/${eastLakeId}/phases/${extra.id}` }), 200);
    expect((await detail()).phases.map((p: { id: string }) => p.id)).not.toContain(extra.id);
    const [audit] = await auditsFor('campaign.phase.delete', extra.id);
    expect(audit.before).toMatchObject({ name: '回头看' });
  });

  it('answers 404 for another campaign’s phase and to another district’s coordinator', async () => {
    const cityPhase = expectStatus(await t.as(city, { method: 'POST', url: `/api/campaigns/${wuhanId}/phases`, payload: { name: '市级阶段', endsOn: '2021-11-30' } }), 201);
    expect((await t.as(eastLake, { method: 'PATCH', url: `/api/campaigns/${eastLakeId}/phases/${cityPhase.id}`, payload: { name: '改' } })).statusCode).toBe(404);
    const [, second] = (await detail()).phases;
    const url = `/api/campaigns/${eastLakeId}/phases/${second.id}`;
    const auditsBefore = await hongshanAudits();
    expect((await t.as(hongshan, { method: 'PATCH', url, payload: { name: '越权' } })).statusCode).toBe(404);
    expect((await t.as(hongshan, { method: 'DELETE', url })).statusCode).toBe(404);
    expect((await t.as(hongshan, { method: 'POST', url: `/api/campaigns/${eastLakeId}/phases`, payload: { name: '越权', endsOn: '2021-11-30' } })).statusCode).toBe(404);
    expect((await detail()).phases[1]).toMatchObject({ id: second.id, name: '自查自纠阶段' });
    expect(await hongshanAudits()).toBe(auditsBefore);
  });
});

describe('changing and removing tasks', () => {
  const taskNamed = async (title: string) => {
    const c = await detail();
    for (const p of c.phases) for (const task of p.tasks) if (task.title === title) return { phase: p, task };
    throw new Error(`no task ${title}`);
  };

  it('edits a task’s title, due date, target and responsible unit, audited', async () => {
    const { task } = await taskNamed('开展宣传引导');
    const [police] = await t.db.select().from(orgUnits).where(eq(orgUnits.name, '东湖风景区公安分局'));
    const url = `/api/campaigns/${eastLakeId}/tasks/${task.id}`;
    const updated = expectStatus(
      await t.as(eastLake, { method: 'PATCH', url, payload: { title: '开展宣传引导活动', dueOn: '2021-09-25', targetCount: 3, responsibleOrgUnitId: police.id, responsibleNote: '配合宣传' } }),
      200,
    );
    expect(updated).toMatchObject({ id: task.id, title: '开展宣传引导活动', dueOn: '2021-09-25', targetCount: 3, responsibleOrgUnitId: police.id, responsibleNote: '配合宣传' });
    expect((await taskNamed('开展宣传引导活动')).task).toMatchObject({ effectiveDueOn: '2021-09-25', responsibleOrgUnitName: '东湖风景区公安分局' });
    const [audit] = await auditsFor('campaign.task.update', task.id);
    expect(audit.before).toMatchObject({ title: '开展宣传引导', targetCount: null });
    expect(audit.after).toMatchObject({ title: '开展宣传引导活动', targetCount: 3 });
  });

  it('moves a task to another phase of the same campaign only', async () => {
    const { task } = await taskNamed('加强正面宣传');
    const c = await detail();
    const last = c.phases[3];
    const url = `/api/campaigns/${eastLakeId}/tasks/${task.id}`;
    expectStatus(await t.as(eastLake, { method: 'PATCH', url, payload: { phaseId: last.id } }), 200);
    const moved = await taskNamed('加强正面宣传');
    expect(moved.phase.id).toBe(last.id);

    const cityPhase = expectStatus(await t.as(city, { method: 'POST', url: `/api/campaigns/${wuhanId}/phases`, payload: { name: '市级阶段二', endsOn: '2021-11-30' } }), 201);
    const foreign = await t.as(eastLake, { method: 'PATCH', url, payload: { phaseId: cityPhase.id } });
    expect(foreign.statusCode).toBe(422);
    expect(fields(foreign)).toEqual({ phaseId: '阶段不属于本专项行动' });
    expect((await taskNamed('加强正面宣传')).phase.id).toBe(last.id);
  });

  it('refuses a due date outside the campaign and a responsible unit of another district', async () => {
    const { task } = await taskNamed('查处违法行为');
    const [hsUnit] = (await get(hongshan, '/api/org-units?region=420111&type=housing')).json().items;
    const res = await t.as(eastLake, { method: 'PATCH', url: `/api/campaigns/${eastLakeId}/tasks/${task.id}`, payload: { dueOn: '2022-02-01', responsibleOrgUnitId: hsUnit.id } });
    expect(res.statusCode).toBe(422);
    expect(fields(res)).toEqual({ dueOn: '完成期限须在专项行动期间内（2021-09-03 至 2021-11-30）', responsibleOrgUnitId: '责任单位不存在或不在本专项行动的区划范围内' });
    const [stored] = await t.db.select().from(campaignTasks).where(eq(campaignTasks.id, task.id));
    expect(stored).toMatchObject({ dueOn: null, responsibleOrgUnitId: null });
  });

  it('refuses to delete a task a region has reported done, deletes one without, audited', async () => {
    const { task: selfCheck } = await taskNamed('开展企业自查');
    const refused = await t.as(eastLake, { method: 'DELETE', url: `/api/campaigns/${eastLakeId}/tasks/${selfCheck.id}` });
    expect(refused.statusCode).toBe(409);
    expect(refused.json().error.message).toMatch(/不能删除/);
    await taskNamed('开展企业自查');

    const { phase } = await taskNamed('开展倡议和承诺');
    const added = expectStatus(await t.as(eastLake, { method: 'POST', url: `/api/campaigns/${eastLakeId}/phases/${phase.id}/tasks`, payload: { title: '临时任务' } }), 201);
    expectStatus(await t.as(eastLake, { method: 'DELETE', url: `/api/campaigns/${eastLakeId}/tasks/${added.id}` }), 200);
    expect(await t.db.select().from(campaignTasks).where(eq(campaignTasks.id, added.id))).toEqual([]);
    const [audit] = await auditsFor('campaign.task.delete', added.id);
    expect(audit.before).toMatchObject({ title: '临时任务', phaseId: phase.id });
  });

  it('answers 404 to another district’s coordinator on task writes', async () => {
    const { phase, task } = await taskNamed('开展倡议和承诺');
    const auditsBefore = await hongshanAudits();
    expect((await t.as(hongshan, { method: 'PATCH', url: `/api/campaigns/${eastLakeId}/tasks/${task.id}`, payload: { title: '越权' } })).statusCode).toBe(404);
    expect((await t.as(hongshan, { method: 'DELETE', url: `/api/campaigns/${eastLakeId}/tasks/${task.id}` })).statusCode).toBe(404);
    expect((await t.as(hongshan, { method: 'POST', url: `/api/campaigns/${eastLakeId}/phases/${phase.id}/tasks`, payload: { title: '越权' } })).statusCode).toBe(404);
    expect((await taskNamed('开展倡议和承诺')).task).toEqual(task);
    expect(await hongshanAudits()).toBe(auditsBefore);
  });
});

describe('changing and removing participating units', () => {
  const unitOf = async (type: string) => (await detail()).units.find((u: { departmentType: string | null }) => u.departmentType === type);

  it('changes a unit’s leader and contact, audited', async () => {
    const market = await unitOf('market');
    const url = `/api/campaigns/${eastLakeId}/units/${market.id}`;
    const updated = expectStatus(await t.as(eastLake, { method: 'PATCH', url, payload: { responsibleLeader: '新领导', contactName: '联络员', contactPhone: '13900000088', role: 'lead' } }), 200);
    expect(updated).toMatchObject({ id: market.id, responsibleLeader: '新领导', contactName: '联络员', contactPhone: '13900000088', role: 'lead', unitName: market.unitName });
    expect(await unitOf('market')).toMatchObject({ responsibleLeader: '新领导', contactPhone: '13900000088' });
    const [audit] = await auditsFor('campaign.unit.update', market.id);
    expect(audit.before).toMatchObject({ responsibleLeader: market.responsibleLeader, role: 'member' });
    expect(audit.after).toMatchObject({ responsibleLeader: '新领导', role: 'lead' });
  });

  it('refuses a bad phone, an empty name, a unit of another district and a unit already listed', async () => {
    const civil = await unitOf('civil');
    const police = await unitOf('police');
    const url = `/api/campaigns/${eastLakeId}/units/${civil.id}`;
    const phone = await t.as(eastLake, { method: 'PATCH', url, payload: { contactPhone: '12ab' } });
    expect(fields(phone).contactPhone).toMatch(/电话号码/);
    const noName = await t.as(eastLake, { method: 'PATCH', url, payload: { unitName: null } });
    expect(noName.statusCode).toBe(422);
    expect(fields(noName)).toEqual({ unitName: '请填写单位名称' });
    const [hsUnit] = (await get(hongshan, '/api/org-units?region=420111&type=housing')).json().items;
    const outside = await t.as(eastLake, { method: 'PATCH', url, payload: { orgUnitId: hsUnit.id } });
    expect(fields(outside)).toEqual({ orgUnitId: '单位不存在或不在本专项行动的区划范围内' });
    const duplicate = await t.as(eastLake, { method: 'PATCH', url, payload: { orgUnitId: police.orgUnitId } });
    expect(duplicate.statusCode).toBe(409);
    const [stored] = await t.db.select().from(campaignUnits).where(eq(campaignUnits.id, civil.id));
    expect(stored).toMatchObject({ orgUnitId: civil.orgUnitId, unitName: civil.unitName, contactPhone: civil.contactPhone });
  });

  it('removes a unit, audited', async () => {
    const credit = await unitOf('credit');
    expectStatus(await t.as(eastLake, { method: 'DELETE', url: `/api/campaigns/${eastLakeId}/units/${credit.id}` }), 200);
    expect(await unitOf('credit')).toBeUndefined();
    const [audit] = await auditsFor('campaign.unit.delete', credit.id);
    expect(audit.before).toMatchObject({ departmentType: 'credit', unitName: credit.unitName });
    expect((await t.as(eastLake, { method: 'DELETE', url: `/api/campaigns/${eastLakeId}/units/${credit.id}` })).statusCode).toBe(404);
  });

  it('answers 404 to another district’s coordinator on unit writes', async () => {
    const housing = await unitOf('housing');
    const url = `/api/campaigns/${eastLakeId}/units/${housing.id}`;
    const auditsBefore = await hongshanAudits();
    expect((await t.as(hongshan, { method: 'PATCH', url, payload: { responsibleLeader: '越权' } })).statusCode).toBe(404);
    expect((await t.as(hongshan, { method: 'DELETE', url })).statusCode).toBe(404);
    expect((await t.as(hongshan, { method: 'POST', url: `/api/campaigns/${eastLakeId}/units`, payload: { unitName: '越权单位' } })).statusCode).toBe(404);
    expect(await unitOf('housing')).toEqual(housing);
    expect(await hongshanAudits()).toBe(auditsBefore);
  });
});

describe('removing focus items', () => {
  it('deletes a focus item, audited, and only through its own campaign', async () => {
    const c = await detail();
    const item6 = c.focusItems.find((f: { seq: number }) => f.seq === 6);
    const url = `/api/campaigns/${eastLakeId}/focus-items/${item6.id}`;

    const auditsBefore = await hongshanAudits();
    expect((await t.as(hongshan, { method: 'DELETE', url })).statusCode).toBe(404);
    expect(await hongshanAudits()).toBe(auditsBefore);
    expect(await t.db.select().from(campaignFocusItems).where(eq(campaignFocusItems.id, item6.id))).toHaveLength(1);
    // The city coordinator sees the district plan but the item is not reachable under the city plan's address.
    expect((await t.as(city, { method: 'DELETE', url: `/api/campaigns/${wuhanId}/focus-items/${item6.id}` })).statusCode).toBe(404);

    expect(expectStatus(await t.as(eastLake, { method: 'DELETE', url }), 200)).toEqual({ ok: true });
    expect((await detail()).focusItems.map((f: { seq: number }) => f.seq)).toEqual([1, 2, 3, 4, 5]);
    const [audit] = await auditsFor('campaign.focus_item.delete', item6.id);
    expect(audit).toMatchObject({ entityType: 'campaign_focus_item', actorName: 'district-housing' });
    expect(audit.before).toMatchObject({ seq: 6, leadDepartmentType: 'market' });
    expect((await t.as(eastLake, { method: 'DELETE', url })).statusCode).toBe(404);

    // Its number is free again.
    expectStatus(
      await t.as(eastLake, {
        method: 'POST',
        url: `/api/campaigns/${eastLakeId}/focus-items`,
        payload: { seq: 6, title: '违规收费', description: '擅自提高收费标准', leadDepartmentType: 'market', coDepartmentTypes: ['housing'] },
      }),
      201,
    );
  });

  it('needs campaign:manage: a supervisor of the same district is refused', async () => {
    const supervisor = await t.login('district-supervisor');
    const [item] = (await detail()).focusItems;
    const res = await t.as(supervisor, { method: 'DELETE', url: `/api/campaigns/${eastLakeId}/focus-items/${item.id}` });
    expect(res.statusCode).toBe(403);
    expect((await detail()).focusItems[0].id).toBe(item.id);
  });
});
