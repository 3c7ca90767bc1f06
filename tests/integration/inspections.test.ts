import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditLog, campaignFocusItems, enterprises, inspectionDraws, inspections, problems, projects, regions, users } from '../../server/db/schema/index.js';
import { dragnetCoverage, inspectionStats } from '../../server/modules/inspections/inspections.report.js';
import { createTestContext, expectStatus, type TestContext } from '../helpers/app.js';
import { multipart, PNG_1PX } from '../helpers/xlsx-upload.js';

let t: TestContext;
let housing: string;
let leader: string;
let market: string;
let supervisor: string;
let insp1: string;
let insp2: string;
let hongshan: string;
let company: string;
let campaignId: string;
let userId: Record<string, string>;
let focus: Array<{ id: string; seq: number }>;
/** East Lake enterprises with their managed projects, the company user's own first. */
let firms: Array<{ id: string; projectIds: string[] }>;
let hongshanProject: string;

const post = (cookie: string, url: string, payload: unknown) => t.as(cookie, { method: 'POST', url, payload: payload as object });
const get = (cookie: string | null, url: string) => t.as(cookie, { method: 'GET', url });

beforeAll(async () => {
  t = await createTestContext();
  [housing, leader, market, supervisor, insp1, insp2, hongshan, company] = await Promise.all(
    ['district-housing', 'district-housing-leader', 'district-market', 'district-supervisor', 'inspector-1', 'inspector-2', 'other-district-housing', 'enterprise-user'].map((u) => t.login(u)),
  );
  const us = await t.db.select({ id: users.id, username: users.username, enterpriseId: users.enterpriseId }).from(users);
  userId = Object.fromEntries(us.map((u) => [u.username, u.id]));
  const companyId = us.find((u) => u.username === 'enterprise-user')?.enterpriseId as string;
  const campaigns = expectStatus(await get(housing, '/api/campaigns?pageSize=50'), 200);
  // The 2021 East Lake plan (the demo also holds a current round of the same template): the records below are dated 2021.
  campaignId =
    campaigns.items.find((c: { title: string; startsOn?: string | null }) => c.title.includes('东湖') && String(c.startsOn).startsWith('2021'))?.id ??
    campaigns.items[0].id;
  focus = await t.db.select({ id: campaignFocusItems.id, seq: campaignFocusItems.seq }).from(campaignFocusItems).where(eq(campaignFocusItems.campaignId, campaignId));
  const ps = await t.db
    .select({ id: projects.id, enterpriseId: projects.enterpriseId, path: regions.path })
    .from(projects)
    .innerJoin(regions, eq(regions.id, projects.regionId))
    .innerJoin(enterprises, eq(enterprises.id, projects.enterpriseId));
  const dh = ps.filter((p) => p.path.startsWith('/420000/420100/420100-DH/'));
  const byFirm = new Map<string, string[]>();
  for (const p of dh) byFirm.set(p.enterpriseId as string, [...(byFirm.get(p.enterpriseId as string) ?? []), p.id]);
  firms = [...byFirm.entries()].map(([id, projectIds]) => ({ id, projectIds })).sort((a, b) => (a.id === companyId ? -1 : b.id === companyId ? 1 : 0));
  hongshanProject = (ps.find((p) => p.path.includes('/420111/')) as { id: string }).id;
});
afterAll(async () => {
  await t.close();
});

describe('inspector register', () => {
  it('lists certified inspectors valid today in the region, never an expired certificate or another district', async () => {
    const list = expectStatus(await get(housing, '/api/inspectors?region=420100-DH'), 200);
    const ids = list.items.map((i: { id: string }) => i.id);
    expect(ids).toEqual(expect.arrayContaining([userId['inspector-1'], userId['inspector-2'], userId['district-market'], userId['district-police']]));
    expect(ids).not.toContain(userId['district-civil']);
    expect(list.items[0]).toMatchObject({ name: expect.any(String), department: expect.any(String), certificateNo: expect.any(String), validUntil: expect.any(String) });
    expect(expectStatus(await get(hongshan, '/api/inspectors'), 200).items.map((i: { id: string }) => i.id)).not.toContain(userId['inspector-1']);
    expectStatus(await get(company, '/api/inspectors'), 403);
  });

  it('refuses a duplicate certificate number and an end before the start', async () => {
    const dup = await post(housing, '/api/inspector-certificates', { userId: userId['district-housing-leader'], certificateNo: '鄂执字42010021001', validFrom: '2025-01-01', validUntil: '2027-01-01' });
    expectStatus(dup, 409);
    const back = await post(housing, '/api/inspector-certificates', { userId: userId['district-housing-leader'], certificateNo: '鄂执字42010029999', validFrom: '2025-01-01', validUntil: '2024-01-01' });
    expect(expectStatus(back, 422).error.details.fields).toHaveProperty('validUntil');
  });
});

describe('双随机 draw', () => {
  it('draws reproducibly, stores seed/inputs/version, verifies, and publishes targets without inspector names', async () => {
    const body = { campaignId, regionCode: '420100-DH', targetCount: 2, inspectorsPerTarget: 2, seed: 'test-seed-2026' };
    const a = expectStatus(await post(housing, '/api/inspection-draws', body), 201);
    const b = expectStatus(await post(housing, '/api/inspection-draws', body), 201);
    expect(a.algorithm).toBe('sdr-xoshiro128ss-v1');
    expect(a.seed).toBe('test-seed-2026');
    expect(a.targets).toHaveLength(2);
    expect(b.targets).toEqual(a.targets);
    for (const target of a.targets) {
      expect(target.inspectors).toHaveLength(2);
      expect(new Set(target.inspectors).size).toBe(2);
    }
    expect(expectStatus(await post(housing, `/api/inspection-draws/${a.id}/verify`, {}), 200).matches).toBe(true);

    const random = expectStatus(await post(housing, '/api/inspection-draws', { ...body, seed: undefined }), 201);
    expect(random.seed).toMatch(/^[0-9a-f]{32}$/);

    const pub = expectStatus(await get(null, '/api/public/inspection-draws'), 200);
    const mine = pub.items.find((d: { id: string }) => d.id === a.id);
    expect(mine.targets).toHaveLength(2);
    expect(mine.targets.every((x: { inspectorNames: string[] }) => x.inspectorNames.length === 0)).toBe(true);
    expect(JSON.stringify(mine)).not.toContain(userId['inspector-1'] as string);

    // Tampering with the stored result is detected.
    const [row] = await t.db.select().from(inspectionDraws).where(eq(inspectionDraws.id, a.id));
    const tampered = [...((row?.result ?? []) as unknown[])].reverse();
    await t.db.update(inspectionDraws).set({ result: tampered }).where(eq(inspectionDraws.id, a.id));
    expect(expectStatus(await post(housing, `/api/inspection-draws/${a.id}/verify`, {}), 200).matches).toBe(false);
    const audits = await t.db.select({ action: auditLog.action }).from(auditLog).where(eq(auditLog.entityId, a.id));
    expect(audits.map((x) => x.action)).toEqual(expect.arrayContaining(['inspection_draw.create', 'inspection_draw.verify']));
  });

  it('never draws an inspector for a company he declared a conflict with', async () => {
    const target = firms[0] as { id: string };
    expectStatus(await post(housing, '/api/inspector-conflicts', { userId: userId['inspector-1'], enterpriseId: target.id, reason: '配偶在该企业任职' }), 201);
    const total = firms.reduce((s, f) => s + f.projectIds.length, 0);
    for (let i = 0; i < 5; i++) {
      const d = expectStatus(await post(housing, '/api/inspection-draws', { campaignId, regionCode: '420100-DH', targetCount: total, inspectorsPerTarget: 2, seed: `conflict-${i}` }), 201);
      for (const x of d.targets) if (x.enterpriseId === target.id) expect(x.inspectors).not.toContain(userId['inspector-1']);
    }
  });

  it('refuses impossible or out-of-scope draws with clear messages', async () => {
    const base = { campaignId, regionCode: '420100-DH', targetCount: 1, inspectorsPerTarget: 2 };
    expect(expectStatus(await post(housing, '/api/inspection-draws', { ...base, targetCount: 100000 }), 422).error.details.fields).toHaveProperty('targetCount');
    expect(expectStatus(await post(housing, '/api/inspection-draws', { ...base, targetCount: 400 }), 422).error.details.fields.targetCount).toContain('超过');
    expect(expectStatus(await post(housing, '/api/inspection-draws', { ...base, inspectorsPerTarget: 1 }), 422).error.details.fields.inspectorsPerTarget).toContain('至少 2 名');
    expect(expectStatus(await post(housing, '/api/inspection-draws', { ...base, inspectorsPerTarget: 9 }), 422).error.details.fields.inspectorsPerTarget).toContain('不足');
    expect(expectStatus(await post(housing, '/api/inspection-draws', { ...base, departments: ['civil'] }), 422).error.details.fields.inspectorsPerTarget).toContain('不足');
    expect(expectStatus(await post(housing, '/api/inspection-draws', { ...base, minCoverage: 1 }), 422).error.details.fields.targetCount).toContain('最低覆盖率');
    expectStatus(await post(hongshan, '/api/inspection-draws', base), 404);
    expectStatus(await post(company, '/api/inspection-draws', base), 403);
    expectStatus(await post(insp1, '/api/inspection-draws', base), 403);
    expectStatus(await post(housing, '/api/inspection-draws', { ...base, campaignId: '00000000-0000-4000-8000-000000000000' }), 404);
    expectStatus(await post(housing, '/api/inspection-draws/00000000-0000-4000-8000-000000000000/verify', {}), 404);
  });
});

describe('covert (暗访) isolation', () => {
  let planId: string;
  let recordId: string;
  it('shows a covert plan and its records only to its staff and their supervisors', async () => {
    const body = { campaignId, regionCode: '420100-DH', type: 'special', mode: 'covert', title: '暗访-听涛片区收费公示', startsOn: '2021-10-01', endsOn: '2021-10-31', staffUserIds: [userId['inspector-1']] };
    planId = expectStatus(await post(housing, '/api/inspection-plans', body), 201).id;
    const open = expectStatus(await post(housing, '/api/inspection-plans', { ...body, mode: 'announced', title: '公开检查计划' }), 201).id;
    for (const who of [housing, insp1, supervisor, leader]) expectStatus(await get(who, `/api/inspection-plans/${planId}`), 200);
    for (const who of [market, insp2, hongshan, company]) {
      expectStatus(await get(who, `/api/inspection-plans/${planId}`), 404);
      const list = expectStatus(await get(who, '/api/inspection-plans?pageSize=200'), 200);
      expect(list.items.map((p: { id: string }) => p.id)).not.toContain(planId);
    }
    expectStatus(await get(market, `/api/inspection-plans/${open}`), 200);
    expect(expectStatus(await get(market, '/api/inspection-plans?pageSize=200'), 200).items.map((p: { id: string }) => p.id)).toContain(open);
    expect(expectStatus(await get(insp1, '/api/inspection-plans?mine=1'), 200).items.map((p: { id: string }) => p.id).sort()).toEqual([planId, open].sort());
    expect(expectStatus(await get(insp2, '/api/inspection-plans?mine=1'), 200).items).toEqual([]);
    const detail = expectStatus(await get(insp1, `/api/inspection-plans/${planId}`), 200);
    expect(detail.checklist.length).toBe(focus.length);

    const firm = firms[0] as { id: string; projectIds: string[] };
    recordId = expectStatus(
      await post(insp1, '/api/inspections', { enterpriseId: firm.id, projectIds: [firm.projectIds[0]], date: '2021-10-12', mode: 'announced', peopleDispatched: 2, inspectorIds: [userId['inspector-1']], planId }),
      201,
    ).id;
    const rec = expectStatus(await get(insp1, `/api/inspections/${recordId}`), 200);
    expect(rec.mode).toBe('covert');
    for (const who of [housing, supervisor]) expectStatus(await get(who, `/api/inspections/${recordId}`), 200);
    for (const who of [market, insp2, hongshan, company]) {
      expectStatus(await get(who, `/api/inspections/${recordId}`), 404);
      const list = expectStatus(await get(who, '/api/inspections?pageSize=200'), 200);
      expect(list.items.map((p: { id: string }) => p.id)).not.toContain(recordId);
    }
    expectStatus(await post(market, `/api/inspections/${recordId}/findings`, { findings: [{ focusItemId: focus[0]?.id, projectId: firm.projectIds[0], result: 'compliant' }] }), 404);
  });

  it('keeps draws of a covert plan off the portal and away from other staff', async () => {
    const d = expectStatus(await post(housing, '/api/inspection-draws', { campaignId, regionCode: '420100-DH', targetCount: 1, inspectorsPerTarget: 2, planId, seed: 'covert' }), 201);
    const pub = expectStatus(await get(null, '/api/public/inspection-draws'), 200);
    expect(pub.items.map((x: { id: string }) => x.id)).not.toContain(d.id);
    expectStatus(await get(market, `/api/inspection-draws/${d.id}`), 404);
    expect(expectStatus(await get(market, '/api/inspection-draws?pageSize=200'), 200).items.map((x: { id: string }) => x.id)).not.toContain(d.id);
    expectStatus(await get(insp1, `/api/inspection-draws/${d.id}`), 200);
    const target = d.targets[0] as { projectId: string; enterpriseId: string };
    expectStatus(await post(market, '/api/inspections', { enterpriseId: target.enterpriseId, projectIds: [target.projectId], date: '2021-03-01', mode: 'announced', peopleDispatched: 1, drawId: d.id }), 404);
  });

  it('refuses bad plans', async () => {
    const base = { campaignId, regionCode: '420100-DH', type: 'routine', mode: 'announced', title: '例行检查', startsOn: '2021-10-01', endsOn: '2021-10-31' };
    expect(expectStatus(await post(housing, '/api/inspection-plans', { ...base, endsOn: '2021-09-01' }), 422).error.details.fields).toHaveProperty('endsOn');
    expect(expectStatus(await post(housing, '/api/inspection-plans', { ...base, staffUserIds: [userId['district-civil']] }), 422).error.details.fields).toHaveProperty('staffUserIds');
    expect(expectStatus(await post(housing, '/api/inspection-plans', { ...base, type: 'nonsense' }), 422).error.details.fields).toHaveProperty('type');
    expectStatus(await post(hongshan, '/api/inspection-plans', base), 404);
    expectStatus(await post(insp1, '/api/inspection-plans', base), 403);
  });
});

describe('inspection records, findings and the ledger', () => {
  it('records a visit, opens ledger problems for problem findings in the same transaction, and refuses a separate visit in the quarter without a reason', async () => {
    const firm = firms[1] as { id: string; projectIds: string[] };
    const project = firm.projectIds[0] as string;
    const payload = { enterpriseId: firm.id, projectIds: [project], date: '2021-10-20', mode: 'announced', peopleDispatched: 3, inspectorIds: [userId['inspector-1'], userId['inspector-2']], departments: ['housing', 'market'] };
    const { id } = expectStatus(await post(housing, '/api/inspections', payload), 201);
    const rec = expectStatus(await get(housing, `/api/inspections/${id}`), 200);
    expect(rec).toMatchObject({ peopleDispatched: 3, date: '2021-10-20', mode: 'announced' });

    const item = focus.find((f) => f.seq === 5) as { id: string; seq: number };
    const other = focus.find((f) => f.seq === 1) as { id: string };
    // A batch with one bad finding writes nothing.
    const before = (await t.db.select().from(problems).where(eq(problems.source, 'inspection'))).length;
    const bad = await post(insp1, `/api/inspections/${id}/findings`, {
      findings: [
        { focusItemId: item.id, projectId: project, result: 'problem', description: '未公示收费标准' },
        { focusItemId: other.id, projectId: project, result: 'problem' },
      ],
    });
    expect(expectStatus(bad, 422).error.details.fields).toHaveProperty(['findings.1.description']);
    expect(await t.db.select().from(problems).where(eq(problems.source, 'inspection'))).toHaveLength(before);

    const saved = expectStatus(
      await post(insp1, `/api/inspections/${id}/findings`, {
        findings: [
          { focusItemId: item.id, projectId: project, result: 'problem', description: '小区公示栏未公示物业服务收费标准和投诉电话' },
          { focusItemId: other.id, projectId: project, result: 'compliant' },
        ],
      }),
      201,
    );
    const problemId = saved.findings[0].problemId as string;
    expect(problemId).toBeTruthy();
    expect(saved.findings[1].problemId).toBeNull();
    const ledger = expectStatus(await get(housing, '/api/problems?source=inspection&pageSize=200'), 200);
    const p = ledger.items.find((x: { id: string }) => x.id === problemId);
    expect(p).toMatchObject({ projectId: project, category: 5, source: 'inspection' });
    expect(p.deadline).toMatch(/^\d{4}-\d{2}-\d{2}$/);

    const dup = await post(insp1, `/api/inspections/${id}/findings`, { findings: [{ focusItemId: item.id, projectId: project, result: 'compliant' }] });
    expectStatus(dup, 422);
    const outside = await post(insp1, `/api/inspections/${id}/findings`, { findings: [{ focusItemId: item.id, projectId: hongshanProject, result: 'compliant' }] });
    expect(expectStatus(outside, 422).error.details.fields).toHaveProperty(['findings.0.projectId']);
    const street = await t.login('street-staff');
    expectStatus(await post(street, `/api/inspections/${id}/findings`, { findings: [{ focusItemId: other.id, projectId: project, result: 'compliant' }] }), 403);

    const prefill = expectStatus(await get(housing, `/api/inspections/${id}/enforcement-prefill`), 200);
    expect(prefill).toMatchObject({ enterpriseId: firm.id, projectId: project, problemId });
    expect(prefill.facts).toContain('未公示物业服务收费标准');

    // Joint inspection: one shared record, each participating department signs it.
    expect(expectStatus(await post(insp1, `/api/inspections/${id}/sign`, {}), 200)).toEqual({ signedDepartments: ['housing'], pendingDepartments: ['market'] });
    expect(expectStatus(await post(market, `/api/inspections/${id}/sign`, {}), 200).pendingDepartments).toEqual([]);
    expectStatus(await post(await t.login('district-police'), `/api/inspections/${id}/sign`, {}), 403);

    // Burden cap: another department's separate visit in the same quarter.
    const again = await post(market, '/api/inspections', { ...payload, date: '2021-11-03', inspectorIds: [userId['district-market']], departments: ['market'] });
    const refused = expectStatus(again, 409);
    expect(refused.error.code).toBe('REPEAT_VISIT');
    expect(refused.error.details.visits.map((v: { id: string }) => v.id)).toContain(id);
    expectStatus(await post(market, '/api/inspections', { ...payload, date: '2021-11-03', inspectorIds: [userId['district-market']], repeatReason: '群众反映停水问题需当场核实' }), 201);
    // Next quarter is fine.
    expectStatus(await post(market, '/api/inspections', { ...payload, date: '2022-01-05', inspectorIds: [userId['district-market']] }), 201);
    const visits = expectStatus(await get(housing, `/api/inspections/visits?enterpriseId=${firm.id}&date=2021-11-01`), 200);
    expect(visits.items).toHaveLength(2);
  });

  it('refuses bad records with every field named, and records outside the jurisdiction as 404', async () => {
    const firm = firms[2] ?? (firms[1] as { id: string; projectIds: string[] });
    const other = firms.find((f) => f.id !== firm.id) as { id: string; projectIds: string[] };
    const base = { enterpriseId: firm.id, projectIds: [firm.projectIds[0]], date: '2021-07-01', mode: 'announced', peopleDispatched: 2 };
    expect(expectStatus(await post(housing, '/api/inspections', { ...base, date: '2999-01-01' }), 422).error.details.fields).toHaveProperty('date');
    expect(expectStatus(await post(housing, '/api/inspections', { ...base, inspectorIds: [userId['district-civil']] }), 422).error.details.fields).toHaveProperty('inspectorIds');
    expect(expectStatus(await post(housing, '/api/inspections', { ...base, projectIds: [other.projectIds[0]] }), 422).error.details.fields).toHaveProperty('projectIds');
    expect(expectStatus(await post(housing, '/api/inspections', { ...base, peopleDispatched: 0 }), 422).error.details.fields).toHaveProperty('peopleDispatched');
    expect(expectStatus(await post(housing, '/api/inspections', { ...base, projectIds: [] }), 422).error.details.fields).toHaveProperty('projectIds');
    expectStatus(await post(housing, '/api/inspections', { ...base, projectIds: [hongshanProject] }), 404);
    expectStatus(await post(hongshan, '/api/inspections', base), 404);
    expectStatus(await post(company, '/api/inspections', base), 403);
    expect(await t.db.select().from(inspections).where(eq(inspections.enterpriseId, firm.id))).toHaveLength(0);
  });

  it('makes one record from a draft sent twice (idempotency key), with its findings', async () => {
    const firm = firms[firms.length - 1] as { id: string; projectIds: string[] };
    const body = {
      enterpriseId: firm.id,
      projectIds: [firm.projectIds[0]],
      date: '2021-08-02',
      mode: 'unannounced',
      peopleDispatched: 2,
      inspectorIds: [userId['inspector-2']],
      clientKey: 'draft-7f3a9c1e-0001',
      repeatReason: '演示',
      findings: [{ focusItemId: focus[0]?.id, projectId: firm.projectIds[0], result: 'compliant' }],
    };
    const first = expectStatus(await post(insp2, '/api/inspections', body), 201);
    const second = expectStatus(await post(insp2, '/api/inspections', body), 200);
    expect(second).toEqual({ id: first.id, duplicate: true });
    expect(await t.db.select().from(inspections).where(eq(inspections.clientKey, 'draft-7f3a9c1e-0001'))).toHaveLength(1);
    expect(expectStatus(await get(insp2, `/api/inspections/${first.id}`), 200).findings).toHaveLength(1);
    expect(expectStatus(await get(insp2, '/api/inspections?mine=1'), 200).items.map((x: { id: string }) => x.id)).toContain(first.id);
  });

  it('lets the company see its own non-covert records and nothing else', async () => {
    const own = expectStatus(await get(company, '/api/inspections?pageSize=200'), 200);
    expect(own.items.every((x: { enterpriseId: string }) => x.enterpriseId === firms[0]?.id)).toBe(true);
    expect(own.items.every((x: { mode: string }) => x.mode !== 'covert')).toBe(true);
  });
});

describe('inspection photos', () => {
  it('attaches uploaded photos to a finding, serves them with the record, and refuses foreign or non-image files', async () => {
    const firm = firms[firms.length - 1] as { id: string; projectIds: string[] };
    const up = multipart([{ name: '现场.png', data: PNG_1PX, type: 'image/png' }]);
    const photo = expectStatus(await t.as(insp1, { method: 'POST', url: '/api/inspection-photos', payload: up.payload, headers: up.headers }), 201).files[0].fileId as string;
    const pdf = multipart([{ name: 'x.txt', data: Buffer.from('not an image'), type: 'text/plain' }]);
    expectStatus(await t.as(insp1, { method: 'POST', url: '/api/inspection-photos', payload: pdf.payload, headers: pdf.headers }), 422);
    const rec = expectStatus(
      await post(insp1, '/api/inspections', { enterpriseId: firm.id, projectIds: [firm.projectIds[0]], date: '2021-05-06', mode: 'covert', peopleDispatched: 2, inspectorIds: [userId['inspector-1']] }),
      201,
    );
    const foreign = await post(insp1, `/api/inspections/${rec.id}/findings`, { findings: [{ focusItemId: focus[1]?.id, projectId: firm.projectIds[0], result: 'problem', description: '楼道堆放杂物', photoIds: ['00000000-0000-4000-8000-000000000000'] }] });
    expect(expectStatus(foreign, 422).error.details.fields).toHaveProperty(['findings.0.photoIds']);
    expectStatus(await post(insp1, `/api/inspections/${rec.id}/findings`, { findings: [{ focusItemId: focus[1]?.id, projectId: firm.projectIds[0], result: 'problem', description: '楼道堆放杂物', photoIds: [photo] }] }), 201);
    const img = await t.as(insp1, { method: 'GET', url: `/api/inspections/${rec.id}/photos/${photo}` });
    expect(img.statusCode).toBe(200);
    expect(img.headers['content-type']).toContain('image/png');
    expectStatus(await t.as(market, { method: 'GET', url: `/api/inspections/${rec.id}/photos/${photo}` }), 404);
  });
});

describe('dragnet warnings', () => {
  it('warns the district housing unit when the dragnet deadline is near and projects remain, once per deadline', async () => {
    const { warnDragnet } = await import('../../server/modules/inspections/inspections.jobs.js');
    const { campaigns } = await import('../../server/db/schema/index.js');
    await t.db.update(campaigns).set({ dragnetDeadline: '2021-11-30', status: 'active' }).where(eq(campaigns.id, campaignId));
    expect(await warnDragnet(t.db, '2021-10-01')).toBe(0);
    expect(await warnDragnet(t.db, '2021-11-25')).toBeGreaterThanOrEqual(1);
    const audits = await t.db.select({ action: auditLog.action }).from(auditLog).where(eq(auditLog.entityId, campaignId));
    expect(audits.map((a) => a.action)).toContain('inspection.dragnet_due_soon');
    expect(await warnDragnet(t.db, '2021-12-02')).toBeGreaterThanOrEqual(1);
    const after = await t.db.select({ action: auditLog.action }).from(auditLog).where(eq(auditLog.entityId, campaignId));
    expect(after.map((a) => a.action)).toContain('inspection.dragnet_overdue');
    await t.db.update(campaigns).set({ dragnetDeadline: null }).where(eq(campaigns.id, campaignId));
  });
});

describe('coverage and report figures', () => {
  it('reports dragnet coverage with drill-down and the not-yet-visited projects', async () => {
    const cov = expectStatus(await get(housing, `/api/campaigns/${campaignId}/coverage?region=420100-DH`), 200);
    const visited = await t.db.select({ projectIds: inspections.projectIds }).from(inspections).where(and(eq(inspections.date, '2021-10-20')));
    const visitedProject = visited[0]?.projectIds[0] as string;
    expect(cov.total).toBeGreaterThan(cov.inspected);
    expect(cov.inspected).toBeGreaterThanOrEqual(2);
    expect(cov.notInspected.map((p: { projectId: string }) => p.projectId)).not.toContain(visitedProject);
    expect(cov.notInspected.length).toBe(cov.total - cov.inspected);
    expect(cov.notInspected[0]).toMatchObject({ projectId: expect.any(String), name: expect.any(String) });
    expect(cov.regions.reduce((s: number, r: { total: number }) => s + r.total, 0)).toBeLessThanOrEqual(cov.total);
    expectStatus(await get(company, `/api/campaigns/${campaignId}/coverage`), 404);
    const outside = expectStatus(await get(housing, `/api/campaigns/${campaignId}/coverage?region=420111`), 200);
    expect(outside.total).toBe(0);
    expect(await dragnetCoverage(t.db, campaignId, '/420000/420100/420100-DH/')).toEqual({ total: cov.total, inspected: cov.inspected });
  });

  it('counts inspections and people dispatched in a period and region subtree, covert ones included', async () => {
    const stats = await inspectionStats(t.db, '/420000/420100/420100-DH/', '2021-10-01', '2021-12-31');
    // 2021-10-12 covert (2 people), 2021-10-20 (3), 2021-11-03 (3).
    expect(stats).toEqual({ inspections: 3, peopleDispatched: 8 });
    expect(await inspectionStats(t.db, '/420000/420100/420111/', '2021-01-01', '2021-12-31')).toEqual({ inspections: 0, peopleDispatched: 0 });
    const drill = expectStatus(await get(housing, '/api/inspections?region=420100-DH&from=2021-10-01&to=2021-12-31&pageSize=200'), 200);
    expect(drill.total).toBe(3);
  });
});
