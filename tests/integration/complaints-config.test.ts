import { and, desc, eq, isNotNull, like } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { auditLog, campaigns, complaints, orgUnits, projects, regions } from '../../server/db/schema/index.js';
import { EAST_LAKE, WUHAN } from '../../server/db/seed/regions.seed.js';
import { type TestContext, createTestContext, expectStatus } from '../helpers/app.js';
import { PNG_1PX, multipart } from '../helpers/xlsx-upload.js';

/*
 * Complaint configuration and measurement: time limits per campaign and lead department (API,
 * validation, permission, jurisdiction, effect on deadlines), attachment download of a lead's
 * timeline files, and triage accuracy from people's corrections.
 * The process clock is set to 2026-09-30 10:00 (China) so working-day deadlines cross the 2026
 * National Day holidays (Oct 1–7 off, Saturday Oct 10 worked).
 */

let t: TestContext;
let coordinator: string; // 东湖 coordinator + officer (campaign:manage)
let market: string; // 东湖 market officer (no campaign:manage)
let hongshan: string; // 洪山 coordinator
let eastLakeCampaign: string;
let wuhanCampaign: string;
let projectId: string;
let housingUnit: string;
let marketUnit: string;

const endOfDay = (date: string) => new Date(`${date}T23:59:59.999+08:00`).toISOString();
const get = (cookie: string, url: string) => t.as(cookie, { method: 'GET', url });
const post = (cookie: string, url: string, payload: unknown = {}) => t.as(cookie, { method: 'POST', url, payload: payload as object });
const put = (cookie: string, url: string, payload: unknown) => t.as(cookie, { method: 'PUT', url, payload: payload as object });
const limitsUrl = (id: string) => `/api/campaigns/${id}/complaint-time-limits`;

async function campaignAt(code: string) {
  const [row] = await t.db
    .select({ id: campaigns.id })
    .from(campaigns)
    .innerJoin(regions, eq(regions.id, campaigns.regionId))
    .where(eq(regions.code, code))
    // The newest plan at the region (the seed adds a current round of the district plan to the 2021 one).
    .orderBy(desc(campaigns.startsOn), desc(campaigns.createdAt))
    .limit(1);
  return row.id;
}

async function unitNamed(name: string) {
  return (await t.db.select({ id: orgUnits.id }).from(orgUnits).where(eq(orgUnits.name, name)))[0].id;
}

async function newLead(extra: Record<string, unknown> = {}) {
  return expectStatus<{ id: string }>(
    await post(coordinator, '/api/complaints', { channel: 'phone', description: '物业以欠费为由关闭了我家水阀，已经停水一天', contactPhone: '13900001111', projectId, ...extra }),
    201,
  ).id;
}

beforeAll(async () => {
  t = await createTestContext();
  vi.useFakeTimers({ toFake: ['Date'] });
  vi.setSystemTime(new Date('2026-09-30T10:00:00+08:00'));
  coordinator = await t.login('district-housing');
  market = await t.login('district-market');
  hongshan = await t.login('other-district-housing');
  eastLakeCampaign = await campaignAt(EAST_LAKE);
  wuhanCampaign = await campaignAt(WUHAN);
  const [p] = await t.db
    .select({ id: projects.id })
    .from(projects)
    .innerJoin(regions, eq(regions.id, projects.regionId))
    .where(and(like(regions.path, `%/${EAST_LAKE}/%`), isNotNull(projects.enterpriseId)))
    .limit(1);
  projectId = p.id;
  housingUnit = await unitNamed('东湖风景区建设（房管）局');
  marketUnit = await unitNamed('东湖风景区市场监督管理局');
});
afterAll(async () => {
  vi.useRealTimers();
  await t.close();
});

describe('time limits per campaign and lead department', () => {
  it('shows the defaults while a campaign has no rows of its own', async () => {
    const res = expectStatus(await get(coordinator, limitsUrl(eastLakeCampaign)), 200);
    expect(res).toMatchObject({ campaignId: eastLakeCampaign, canManage: true, usesDefaults: true, rows: [] });
    expect(res.defaults).toEqual({ signDays: 1, closeDays: 15, followUpDays: 5, urgentSignHours: 2, urgentActHours: 24 });
    expect(res.effective.map((e: { leadDepartment: string }) => e.leadDepartment)).toEqual(['*', 'housing', 'market', 'police', 'civil', 'credit']);
    for (const e of res.effective) expect(e).toMatchObject(res.defaults);
    // A district reads, but may not manage, the city's plan.
    expect(expectStatus(await get(coordinator, limitsUrl(wuhanCampaign)), 200).canManage).toBe(false);
    // A department officer reads without campaign:manage.
    expect(expectStatus(await get(market, limitsUrl(eastLakeCampaign)), 200).canManage).toBe(false);
  });

  it('hides another district’s campaign (404) but shows the shared city plan to 洪山', async () => {
    expect((await get(hongshan, limitsUrl(eastLakeCampaign))).statusCode).toBe(404);
    expect((await put(hongshan, limitsUrl(eastLakeCampaign), { limits: [{ leadDepartment: '*', closeDays: 3 }] })).statusCode).toBe(404);
    expect((await get(hongshan, limitsUrl(wuhanCampaign))).statusCode).toBe(200);
    expect((await get(coordinator, limitsUrl('00000000-0000-4000-8000-000000000000'))).statusCode).toBe(404);
  });

  it('refuses a change without campaign:manage (403) and on a higher level’s plan (403)', async () => {
    const body = { limits: [{ leadDepartment: '*', closeDays: 10 }] };
    const denied = await put(market, limitsUrl(eastLakeCampaign), body);
    expect(denied.statusCode).toBe(403);
    const city = await put(coordinator, limitsUrl(wuhanCampaign), body);
    expect(city.statusCode).toBe(403);
    expect(city.json().error.message).toMatch(/上级区划/);
    expect(expectStatus(await get(coordinator, limitsUrl(eastLakeCampaign)), 200).usesDefaults).toBe(true);
  });

  it('validates ranges, duplicates and consistency with Chinese field errors (422)', async () => {
    const range = await put(coordinator, limitsUrl(eastLakeCampaign), {
      limits: [{ leadDepartment: '*', signDays: 0, closeDays: 61, followUpDays: 2.5, urgentSignHours: 25, urgentActHours: 500 }],
    });
    expect(range.statusCode).toBe(422);
    const fields = range.json().error.details.fields;
    expect(fields['limits.0.signDays']).toMatch(/签收时限应为 1–10 个工作日/);
    expect(fields['limits.0.closeDays']).toMatch(/办结（答复）时限应为 1–60 个工作日/);
    expect(fields['limits.0.followUpDays']).toMatch(/回访时限/);
    expect(fields['limits.0.urgentSignHours']).toMatch(/紧急线索签收时限应为 1–24 小时/);
    expect(fields['limits.0.urgentActHours']).toMatch(/紧急线索处置时限应为 1–168 小时/);

    const dept = await put(coordinator, limitsUrl(eastLakeCampaign), { limits: [{ leadDepartment: 'water', closeDays: 5 }] });
    expect(dept.statusCode).toBe(422);
    expect(dept.json().error.details.fields['limits.0.leadDepartment']).toMatch(/牵头部门/);

    const logic = await put(coordinator, limitsUrl(eastLakeCampaign), {
      limits: [
        { leadDepartment: '*', signDays: 3, urgentSignHours: 12 },
        { leadDepartment: 'housing', closeDays: 2, urgentActHours: 6 },
        { leadDepartment: 'housing', closeDays: 8 },
        { leadDepartment: 'police' },
      ],
    });
    expect(logic.statusCode).toBe(422);
    const lf = logic.json().error.details.fields;
    // housing inherits sign 3 days / urgent sign 12 h from '*': close 2 days and act 6 h are shorter.
    expect(lf['limits.1.closeDays']).toMatch(/不能短于签收时限（3 个工作日）/);
    expect(lf['limits.1.urgentActHours']).toMatch(/不能短于紧急线索签收时限（12 小时）/);
    expect(lf['limits.2.leadDepartment']).toMatch(/与第 2 行的牵头部门重复/);
    expect(lf['limits.3.leadDepartment']).toMatch(/没有填写任何时限/);
    // Nothing was stored.
    expect(expectStatus(await get(coordinator, limitsUrl(eastLakeCampaign)), 200).usesDefaults).toBe(true);
  });

  it('replaces all rows in one transaction with an audit row; a dispatched lead gets the campaign’s deadlines', async () => {
    const first = expectStatus(await put(coordinator, limitsUrl(eastLakeCampaign), { limits: [{ leadDepartment: 'police', closeDays: 20 }] }), 200);
    expect(first.rows).toHaveLength(1);
    const saved = expectStatus(
      await put(coordinator, limitsUrl(eastLakeCampaign), {
        limits: [
          { leadDepartment: 'housing', signDays: 2, closeDays: 5 },
          { leadDepartment: '*', closeDays: 10, urgentActHours: 12 },
        ],
      }),
      200,
    );
    expect(saved.usesDefaults).toBe(false);
    expect(saved.rows).toEqual([
      { leadDepartment: '*', signDays: null, closeDays: 10, followUpDays: null, urgentSignHours: null, urgentActHours: 12 },
      { leadDepartment: 'housing', signDays: 2, closeDays: 5, followUpDays: null, urgentSignHours: null, urgentActHours: null },
    ]);
    const eff = Object.fromEntries(saved.effective.map((e: { leadDepartment: string }) => [e.leadDepartment, e]));
    expect(eff.housing).toMatchObject({ signDays: 2, closeDays: 5, followUpDays: 5, urgentSignHours: 2, urgentActHours: 12 });
    expect(eff.police).toMatchObject({ signDays: 1, closeDays: 10, urgentActHours: 12 });
    const [audit] = await t.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, 'campaign.complaint_time_limits.replace'), eq(auditLog.entityId, eastLakeCampaign)))
      .orderBy(desc(auditLog.id))
      .limit(1);
    expect(audit.before).toEqual([{ leadDepartment: 'police', signDays: null, closeDays: 20, followUpDays: null, urgentSignHours: null, urgentActHours: null }]);
    expect((audit.after as unknown[]).length).toBe(2);

    // A housing lead dispatched on Sep 30: sign within 2 working days (Oct 8, 9), reply within 5 (Oct 8, 9, 10, 12, 13).
    const housingLead = await newLead({ leadDepartment: 'housing', urgent: false });
    const [row] = await t.db.select({ campaignId: complaints.campaignId }).from(complaints).where(eq(complaints.id, housingLead));
    expect(row.campaignId).toBe(eastLakeCampaign);
    const d = expectStatus(await post(coordinator, `/api/complaints/${housingLead}/dispatch`, { leadOrgUnitId: housingUnit }), 200);
    expect(new Date(d.sla.signDueAt).toISOString()).toBe(endOfDay('2026-10-09'));
    expect(new Date(d.sla.dueAt).toISOString()).toBe(endOfDay('2026-10-13'));

    // A market lead takes the '*' row: reply within 10 working days (… Oct 16, 19, 20), sign by default 1 day.
    const marketLead = await newLead({ description: '物业公司超标准收取物业费，还乱收停车费，价格不公示', leadDepartment: 'market', urgent: false });
    const m = expectStatus(await post(coordinator, `/api/complaints/${marketLead}/dispatch`, { leadOrgUnitId: marketUnit }), 200);
    expect(new Date(m.sla.signDueAt).toISOString()).toBe(endOfDay('2026-10-08'));
    expect(new Date(m.sla.dueAt).toISOString()).toBe(endOfDay('2026-10-20'));

    // Saving an empty list returns the campaign to the defaults.
    const cleared = expectStatus(await put(coordinator, limitsUrl(eastLakeCampaign), { limits: [] }), 200);
    expect(cleared).toMatchObject({ usesDefaults: true, rows: [] });
  });
});

describe('attachment download', () => {
  let lead: string;
  let other: string;
  let used: string;
  let unused: string;

  beforeAll(async () => {
    lead = await newLead();
    other = await newLead({ description: '小区电梯坏了一个月没人修，物业推说没钱' });
    const upload = async (id: string, name: string) => {
      const up = multipart([{ name, data: PNG_1PX, type: 'image/png' }]);
      return expectStatus<{ fileId: string }>(await t.as(coordinator, { method: 'POST', url: `/api/complaints/${id}/attachments`, payload: up.payload, headers: up.headers }), 201).fileId;
    };
    used = await upload(lead, '现场照片 水阀.png');
    unused = await upload(lead, '未使用.png');
    expectStatus(await post(coordinator, `/api/complaints/${lead}/dispatch`, { leadOrgUnitId: housingUnit, attachments: [used] }), 200);
  });

  it('streams a file referenced by the lead’s timeline with its type and an RFC 5987 file name', async () => {
    const detail = expectStatus(await get(coordinator, `/api/complaints/${lead}`), 200);
    const dispatchEvent = detail.timeline.find((e: { action: string }) => e.action === 'dispatch');
    expect(dispatchEvent.attachments).toEqual([{ id: used, name: '现场照片 水阀.png', mime: 'image/png' }]);
    const res = await get(coordinator, `/api/complaints/${lead}/attachments/${used}`);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('image/png');
    expect(res.headers['content-disposition']).toBe(`inline; filename="____ __.png"; filename*=UTF-8''${encodeURIComponent('现场照片 水阀.png')}`);
    expect(res.headers['content-security-policy']).toContain('sandbox');
    expect(res.rawPayload.equals(PNG_1PX)).toBe(true);
    // Any staff member with complaint:read in the district may read it (the market officer).
    expect((await get(market, `/api/complaints/${lead}/attachments/${used}`)).statusCode).toBe(200);
    // Every opening is logged: who, which lead, which file.
    const rows = await t.db.select().from(auditLog).where(and(eq(auditLog.action, 'complaint.attachment.download'), eq(auditLog.entityId, lead)));
    expect(rows.map((r) => r.actorName).sort()).toEqual(['district-housing', 'district-market']);
    expect(rows[0].after).toMatchObject({ fileId: used, name: '现场照片 水阀.png' });
  });

  it('answers 404 for a file not on that lead’s timeline, through another lead, or outside the jurisdiction', async () => {
    expect((await get(coordinator, `/api/complaints/${lead}/attachments/${unused}`)).statusCode).toBe(404);
    expect((await get(coordinator, `/api/complaints/${other}/attachments/${used}`)).statusCode).toBe(404);
    expect((await get(coordinator, `/api/complaints/${lead}/attachments/00000000-0000-4000-8000-000000000000`)).statusCode).toBe(404);
    const outside = await get(hongshan, `/api/complaints/${lead}/attachments/${used}`);
    expect(outside.statusCode).toBe(404);
    expect(await t.db.select().from(auditLog).where(and(eq(auditLog.action, 'complaint.attachment.download'), eq(auditLog.actorName, 'other-district-housing')))).toHaveLength(0);
    expect(outside.body).not.toContain('PNG');
  });

  it('requires a login', async () => {
    expect((await t.as(null, { method: 'GET', url: `/api/complaints/${lead}/attachments/${used}` })).statusCode).toBe(401);
  });
});

describe('triage accuracy from corrections', () => {
  // Leads received on a day no seeded lead uses, so the numbers are exactly those of this test.
  const day = '2025-01-06';
  const stats = async (cookie: string, query = `from=${day}&to=${day}`) => expectStatus(await get(cookie, `/api/triage/stats?${query}`), 200);

  it('counts only confirmed leads and measures agreement, corrections and confusion', async () => {
    const empty = await stats(coordinator);
    expect(empty).toMatchObject({ total: 0, corrected: 0, categoryAgreement: null, leadDepartmentAgreement: null, urgentAgreement: null, confusion: [] });

    const receivedAt = `${day}T09:30:00+08:00`;
    const kept = await newLead({ receivedAt });
    const changed = await newLead({ receivedAt, description: '物业把小区绿地改成停车位出租，业主多次反映无人理睬' });
    await newLead({ receivedAt, description: '楼道里堆满杂物，物业不清理' }); // left 待派单: not confirmed

    // Confirmed as proposed: dispatched without correction.
    expectStatus(await post(coordinator, `/api/complaints/${kept}/dispatch`, { leadOrgUnitId: housingUnit }), 200);
    const keptProposal = expectStatus(await get(coordinator, `/api/complaints/${kept}`), 200).triage.proposal;

    // Corrected: another category, another lead department, urgency flipped.
    const proposal = expectStatus(await get(coordinator, `/api/complaints/${changed}`), 200).triage.proposal;
    const category = proposal.category === 4 ? 5 : 4;
    const leadDepartment = proposal.leadDepartment === 'market' ? 'police' : 'market';
    const corrected = expectStatus(
      await post(coordinator, `/api/complaints/${changed}/triage`, { category, leadDepartment, coDepartments: [], urgent: !proposal.urgent }),
      200,
    );
    expect(corrected.triage.correctedAt).not.toBeNull();
    expect(corrected.triage.proposal).toEqual(proposal);

    const s = await stats(coordinator);
    expect(s.total).toBe(2);
    expect(s.corrected).toBe(1);
    expect(s.categoryAgreement).toBe(0.5);
    expect(s.leadDepartmentAgreement).toBe(0.5);
    expect(s.urgentAgreement).toBe(0.5);
    const cells = [
      { proposed: keptProposal.category, corrected: keptProposal.category, count: 1 },
      { proposed: proposal.category, corrected: category, count: 1 },
    ];
    expect(s.confusion).toEqual(expect.arrayContaining(cells));
    expect(s.confusion.reduce((n: number, c: { count: number }) => n + c.count, 0)).toBe(2);
    expect(s.leadDepartmentConfusion).toContainEqual({ proposed: proposal.leadDepartment, corrected: leadDepartment, count: 1 });

    // Jurisdiction: 洪山 sees none of 东湖's leads; a region filter outside the caller's scope selects nothing.
    expect((await stats(hongshan)).total).toBe(0);
    expect((await stats(coordinator, `from=${day}&to=${day}&region=420111`)).total).toBe(0);
    expect((await stats(coordinator, `from=${day}&to=${day}&region=${EAST_LAKE}`)).total).toBe(2);
    // Outside the period.
    expect((await stats(coordinator, 'from=2025-01-07&to=2025-01-31')).total).toBe(0);
  });

  it('validates the period and needs complaint:read', async () => {
    const bad = await get(coordinator, '/api/triage/stats?from=2025-02-01&to=2025-01-01');
    expect(bad.statusCode).toBe(422);
    expect(JSON.stringify(bad.json().error.details.fields)).toMatch(/开始日期不能晚于结束日期/);
    const company = await t.login('enterprise-user');
    expect((await get(company, '/api/triage/stats')).statusCode).toBe(403);
  });
});
