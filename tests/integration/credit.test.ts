import { and, eq, notInArray, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditLog, creditEvents, enterprises, legalProvisions, regions } from '../../server/db/schema/index.js';
import { todayInChina } from '../../server/modules/campaigns/campaigns.service.js';
import { createTestContext, expectStatus, type TestContext } from '../helpers/app.js';

let t: TestContext;
let housing: string; // district-housing: coordinator (credit:manage)
let officer: string; // district-market: dept_officer (credit:read only)
let hongshan: string;
let company: string; // enterprise-user of 武汉听涛物业服务有限公司
let own: { id: string; creditCode: string; name: string }; // the enterprise user's company
let other: { id: string; creditCode: string; name: string }; // another 东湖 enterprise, no events yet
let wygl63: number;
const today = todayInChina();

async function cleanEnterprise(exclude: string[]) {
  const [row] = await t.db
    .select({ id: enterprises.id, creditCode: enterprises.creditCode, name: enterprises.name })
    .from(enterprises)
    .innerJoin(regions, eq(regions.id, enterprises.regionId))
    .where(
      and(
        eq(regions.code, '420100-DH'),
        eq(enterprises.status, 'active'),
        notInArray(enterprises.id, exclude.length ? exclude : ['00000000-0000-0000-0000-000000000000']),
        sql`NOT EXISTS (SELECT 1 FROM credit_events c WHERE c.enterprise_id = ${enterprises.id})`,
        sql`NOT EXISTS (SELECT 1 FROM blacklist_entries b WHERE b.enterprise_id = ${enterprises.id})`,
      ),
    )
    .orderBy(enterprises.name)
    .limit(1);
  if (!row) throw new Error('no clean enterprise');
  return row;
}

const credit = async (cookie: string, id: string) => expectStatus(await t.as(cookie, { method: 'GET', url: `/api/enterprises/${id}/credit` }), 200);

beforeAll(async () => {
  t = await createTestContext();
  [housing, officer, hongshan, company] = await Promise.all(['district-housing', 'district-market', 'other-district-housing', 'enterprise-user'].map((u) => t.login(u)));
  const [ent] = await t.db
    .select({ id: enterprises.id, creditCode: enterprises.creditCode, name: enterprises.name })
    .from(enterprises)
    .where(eq(enterprises.name, '武汉听涛物业服务有限公司'));
  if (!ent) throw new Error('demo enterprise missing');
  own = ent;
  other = await cleanEnterprise([own.id]);
  const [p] = await t.db.select({ id: legalProvisions.id }).from(legalProvisions).where(eq(legalProvisions.key, 'wygl-63'));
  wygl63 = p?.id as number;
});
afterAll(() => t.close());

describe('score from events', () => {
  it('starts at the base and follows penalties, orders, good conduct, expiry', async () => {
    const start = await credit(housing, other.id);
    expect(start).toMatchObject({ score: 100, grade: 'AA', blacklisted: false, events: [], blacklist: [] });

    const post = (payload: Record<string, unknown>) => t.as(housing, { method: 'POST', url: '/api/enforcement-actions', payload });
    const facts = '擅自利用共用部位设置广告牌并收取费用，经责令仍未改正。';
    expectStatus(await post({ type: 'fine', enterpriseId: other.id, date: '2026-03-02', facts, legalBasisIds: [wygl63], amount: 50000 }), 201);
    expect(await credit(housing, other.id)).toMatchObject({ score: 80, grade: 'B' });
    expectStatus(await post({ type: 'rectification_order', enterpriseId: other.id, date: '2026-03-03', facts, legalBasisIds: [wygl63], deadlineDays: 10 }), 201);
    expect(await credit(housing, other.id)).toMatchObject({ score: 75, grade: 'B' });
    expectStatus(await post({ type: 'interview', enterpriseId: other.id, date: '2026-03-04', facts }), 201);
    expect(await credit(housing, other.id)).toMatchObject({ score: 73, grade: 'C' });

    // an order of early 2025 has expired (12 months): recorded, listed, not counted
    expectStatus(await post({ type: 'rectification_order', enterpriseId: other.id, date: '2025-01-06', facts, legalBasisIds: [wygl63], deadlineDays: 10 }), 201);
    const c = await credit(housing, other.id);
    expect(c.score).toBe(73);
    const expired = c.events.find((e: { occurredOn: string }) => e.occurredOn === '2025-01-06');
    expect(expired).toMatchObject({ type: 'rectification_order', points: -5, validUntil: '2026-01-05', counts: false });

    // manual good conduct (+5), and a broken commitment far in the past (expired)
    expectStatus(await t.as(housing, { method: 'POST', url: '/api/credit/events', payload: { enterpriseId: other.id, type: 'good_conduct', reason: '主动公示收费项目并退还多收费用' } }), 201);
    expectStatus(
      await t.as(housing, { method: 'POST', url: '/api/credit/events', payload: { enterpriseId: other.id, type: 'broken_commitment', reason: '未履行服务承诺', occurredOn: '2020-05-01' } }),
      201,
    );
    expect((await credit(housing, other.id)).score).toBe(78);
    // penalty types cannot be entered by hand
    const manualFine = await t.as(housing, { method: 'POST', url: '/api/credit/events', payload: { enterpriseId: other.id, type: 'fine', reason: '手工罚款事件' } });
    expect(manualFine.statusCode).toBe(422);
    // a dept officer without credit:manage cannot record events
    const denied = await t.as(officer, { method: 'POST', url: '/api/credit/events', payload: { enterpriseId: other.id, type: 'good_conduct', reason: '良好行为记录' } });
    expect(denied.statusCode).toBe(403);
  });
});

describe('objection (异议)', () => {
  let eventId: string;
  beforeAll(async () => {
    const r = expectStatus(
      await t.as(housing, {
        method: 'POST',
        url: '/api/enforcement-actions',
        payload: { type: 'warning', enterpriseId: own.id, date: '2026-05-06', facts: '未按规定公示物业服务收费项目和标准。', legalBasisIds: [wygl63] },
      }),
      201,
    );
    eventId = r.creditEventId;
  });

  it('the company objects, staff uphold it, and the event stops counting', async () => {
    const before = await credit(company, own.id);
    expect(before.events.find((e: { id: string }) => e.id === eventId)).toMatchObject({ points: -10, counts: true, objectionStatus: 'none' });

    // staff cannot object in the company's name
    expect((await t.as(housing, { method: 'POST', url: `/api/credit/events/${eventId}/objection`, payload: { reason: '代企业提出的异议理由说明' } })).statusCode).toBe(403);
    expectStatus(await t.as(company, { method: 'POST', url: `/api/credit/events/${eventId}/objection`, payload: { reason: '该公示栏已于检查前张贴，附照片为证，请求撤销记录。' } }), 200);
    expect((await t.as(company, { method: 'POST', url: `/api/credit/events/${eventId}/objection`, payload: { reason: '再次提出同一异议的理由说明' } })).statusCode).toBe(409);
    // the company cannot decide its own objection
    expect((await t.as(company, { method: 'POST', url: `/api/credit/events/${eventId}/objection-decision`, payload: { uphold: true, note: '自己决定' } })).statusCode).toBe(403);
    // another district cannot see it
    expect((await t.as(hongshan, { method: 'POST', url: `/api/credit/events/${eventId}/objection-decision`, payload: { uphold: true, note: '越权处理' } })).statusCode).toBe(404);

    const decided = expectStatus(await t.as(housing, { method: 'POST', url: `/api/credit/events/${eventId}/objection-decision`, payload: { uphold: true, note: '经核实公示栏已张贴，异议成立' } }), 200);
    expect(decided.objectionStatus).toBe('upheld');
    const after = await credit(company, own.id);
    expect(after.score).toBe(before.score + 10);
    expect(after.events.find((e: { id: string }) => e.id === eventId)).toMatchObject({ objectionStatus: 'upheld', counts: false });
    expect((await t.as(housing, { method: 'POST', url: `/api/credit/events/${eventId}/objection-decision`, payload: { uphold: false, note: '再次处理' } })).statusCode).toBe(409);
    const [audit] = await t.db.select().from(auditLog).where(and(eq(auditLog.entityId, eventId), eq(auditLog.action, 'credit.objection.decide')));
    expect(audit).toBeTruthy();
  });

  it('a rejected objection leaves the event counting', async () => {
    const r = expectStatus(
      await t.as(housing, { method: 'POST', url: '/api/credit/events', payload: { enterpriseId: own.id, type: 'broken_commitment', reason: '未按承诺时限完成整改' } }),
      201,
    );
    expectStatus(await t.as(company, { method: 'POST', url: `/api/credit/events/${r.id}/objection`, payload: { reason: '整改已按时完成，只是报送晚了两天。' } }), 200);
    const pending = await credit(company, own.id);
    expectStatus(await t.as(housing, { method: 'POST', url: `/api/credit/events/${r.id}/objection-decision`, payload: { uphold: false, note: '逾期属实，异议不成立' } }), 200);
    const after = await credit(company, own.id);
    expect(after.score).toBe(pending.score);
    expect(after.events.find((e: { id: string }) => e.id === r.id)).toMatchObject({ objectionStatus: 'rejected', counts: true });
  });
});

describe('enterprise users', () => {
  it('read only their own company’s credit', async () => {
    expectStatus(await t.as(company, { method: 'GET', url: `/api/enterprises/${own.id}/credit` }), 200);
    expect((await t.as(company, { method: 'GET', url: `/api/enterprises/${other.id}/credit` })).statusCode).toBe(404);
    const events = expectStatus(await t.as(company, { method: 'GET', url: '/api/credit/events?pageSize=200' }), 200);
    expect(events.items.length).toBeGreaterThan(0);
    expect(events.items.every((e: { enterpriseId: string }) => e.enterpriseId === own.id)).toBe(true);
    // an event of another company: objection answers 404
    const [foreign] = await t.db.select({ id: creditEvents.id }).from(creditEvents).where(eq(creditEvents.enterpriseId, other.id)).limit(1);
    expect((await t.as(company, { method: 'POST', url: `/api/credit/events/${foreign?.id}/objection`, payload: { reason: '对其他企业事件提出的异议' } })).statusCode).toBe(404);
    expect((await t.as(company, { method: 'GET', url: '/api/credit/export?from=2026-01-01&to=2026-12-31' })).statusCode).toBe(403);
  });

  it('the credit department’s officer manages credit; another department’s officer only reads', async () => {
    const creditOfficer = await t.login('district-credit');
    const exported = expectStatus(await t.as(creditOfficer, { method: 'GET', url: '/api/credit/export?from=2026-01-01&to=2026-12-31&format=json' }), 200);
    const [logged] = await t.db.select().from(auditLog).where(and(eq(auditLog.action, 'credit.export'), eq(auditLog.actorName, 'district-credit')));
    expect(logged.after).toEqual({ from: '2026-01-01', to: '2026-12-31', records: exported.count });
    expect((await t.as(officer, { method: 'GET', url: '/api/credit/export?from=2026-01-01&to=2026-12-31&format=json' })).statusCode).toBe(403);
    const me = expectStatus(await t.as(creditOfficer, { method: 'GET', url: '/api/me' }), 200);
    expect(me.permissions ?? me.user?.permissions).toContain('credit:manage');
  });

  it('staff of another district get 404', async () => {
    expect((await t.as(hongshan, { method: 'GET', url: `/api/enterprises/${own.id}/credit` })).statusCode).toBe(404);
  });
});

describe('blacklist and credit repair', () => {
  it('lists, refuses a second active entry, repairs with a note', async () => {
    const entry = expectStatus(
      await t.as(housing, { method: 'POST', url: `/api/enterprises/${other.id}/blacklist`, payload: { reason: '一年内三次受到行政处罚，拒不整改', from: '2026-03-10', until: '2028-03-09' } }),
      201,
    );
    expect(entry).toMatchObject({ from: '2026-03-10', until: '2028-03-09', active: true });
    expect((await credit(housing, other.id)).blacklisted).toBe(true);
    expect((await t.as(housing, { method: 'POST', url: `/api/enterprises/${other.id}/blacklist`, payload: { reason: '重复列入黑名单' } })).statusCode).toBe(409);
    expect((await t.as(hongshan, { method: 'POST', url: `/api/blacklist/${entry.id}/repair`, payload: { note: '越权修复' } })).statusCode).toBe(404);
    const list = expectStatus(await t.as(housing, { method: 'GET', url: '/api/blacklist?active=true' }), 200);
    expect(list.items.map((i: { id: string }) => i.id)).toContain(entry.id);
    expect((await t.as(hongshan, { method: 'GET', url: '/api/blacklist' })).json().items.map((i: { id: string }) => i.id)).not.toContain(entry.id);

    const pub = expectStatus(await t.as(null, { method: 'GET', url: `/api/public/credit?code=${other.creditCode}` }), 200);
    expect(pub).toEqual({ creditCode: other.creditCode, name: other.name, grade: expect.any(String), blacklisted: true, asOf: today });

    const repaired = expectStatus(await t.as(housing, { method: 'POST', url: `/api/blacklist/${entry.id}/repair`, payload: { note: '已完成整改并公开承诺，准予信用修复' } }), 200);
    expect(repaired).toMatchObject({ active: false, repairNote: '已完成整改并公开承诺，准予信用修复' });
    expect((await credit(housing, other.id)).blacklisted).toBe(false);
    expect((await t.as(housing, { method: 'POST', url: `/api/blacklist/${entry.id}/repair`, payload: { note: '再次修复' } })).statusCode).toBe(409);
    expect((await t.as(null, { method: 'GET', url: `/api/public/credit?code=${other.creditCode}` })).json().blacklisted).toBe(false);
  });

  it('public lookup: unknown code 404, no personal data', async () => {
    expect((await t.as(null, { method: 'GET', url: '/api/public/credit?code=91420100MA4KXXXX0X' })).statusCode).toBe(404);
    const pub = expectStatus(await t.as(null, { method: 'GET', url: `/api/public/credit?code=${own.creditCode}` }), 200);
    expect(Object.keys(pub).sort()).toEqual(['asOf', 'blacklisted', 'creditCode', 'grade', 'name']);
  });
});

describe('export', () => {
  it('exports JSON keyed by credit code within the jurisdiction and period', async () => {
    const body = expectStatus(await t.as(housing, { method: 'GET', url: '/api/credit/export?from=2026-01-01&to=2026-12-31&format=json' }), 200);
    expect(body).toMatchObject({ schemaVersion: '1.0', from: '2026-01-01', to: '2026-12-31' });
    expect(body.count).toBe(body.records.length);
    const mine = body.records.filter((r: { creditCode: string }) => r.creditCode === other.creditCode);
    expect(mine.map((r: { eventType: string }) => r.eventType)).toEqual(expect.arrayContaining(['fine', 'rectification_order', 'interview', 'good_conduct', 'blacklist']));
    expect(mine.every((r: { occurredOn: string }) => r.occurredOn >= '2026-01-01' && r.occurredOn <= '2026-12-31')).toBe(true);
    const fine = mine.find((r: { eventType: string }) => r.eventType === 'fine');
    expect(fine).toMatchObject({ enterpriseName: other.name, recordType: 'credit_event', points: -20, grade: expect.any(String), blacklisted: false });
    const hs = expectStatus(await t.as(hongshan, { method: 'GET', url: '/api/credit/export?from=2026-01-01&to=2026-12-31' }), 200);
    expect(hs.records.some((r: { creditCode: string }) => r.creditCode === other.creditCode)).toBe(false);
    expect((await t.as(housing, { method: 'GET', url: '/api/credit/export?from=2026-12-31&to=2026-01-01' })).statusCode).toBe(422);
  });

  it('exports CSV as UTF-8 with BOM and the documented header', async () => {
    const res = await t.as(housing, { method: 'GET', url: '/api/credit/export?from=2026-01-01&to=2026-12-31&format=csv' });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('text/csv');
    const bytes = res.rawPayload;
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const lines = bytes.toString('utf8').slice(1).trimEnd().split('\r\n');
    expect(lines[0]).toBe(
      'creditCode,enterpriseName,recordId,recordType,eventType,eventLabel,points,reason,occurredOn,validUntil,objectionStatus,sourceType,sourceId,repairedAt,score,grade,blacklisted',
    );
    expect(lines.some((l) => l.startsWith(`${other.creditCode},${other.name},`) && l.includes(',fine,罚款,-20,'))).toBe(true);
  });
});

describe('rules', () => {
  it('reads the default rule, refuses an invalid one, applies a changed one to new events only', async () => {
    const rule = expectStatus(await t.as(officer, { method: 'GET', url: '/api/credit/rules' }), 200);
    expect(rule).toMatchObject({ base: 100, isDefault: true });
    expect(rule.items.fine).toEqual({ points: -20, validityMonths: 36 });
    expect((await t.as(officer, { method: 'PUT', url: '/api/credit/rules', payload: rule })).statusCode).toBe(403);
    const bad = await t.as(housing, { method: 'PUT', url: '/api/credit/rules', payload: { ...rule, grades: [{ grade: 'A', minScore: 90 }, { grade: 'AA', minScore: 100 }] } });
    expect(bad.statusCode).toBe(422);
    const { labels: _l, updatedAt: _u, isDefault: _d, ...body } = rule;
    const changed = expectStatus(
      await t.as(housing, { method: 'PUT', url: '/api/credit/rules', payload: { ...body, items: { ...body.items, good_conduct: { points: 8, validityMonths: 12 } } } }),
      200,
    );
    expect(changed).toMatchObject({ isDefault: false });
    const before = await credit(housing, other.id);
    const ev = expectStatus(await t.as(housing, { method: 'POST', url: '/api/credit/events', payload: { enterpriseId: other.id, type: 'good_conduct', reason: '组织业主开展消防演练' } }), 201);
    const after = await credit(housing, other.id);
    expect(after.score).toBe(before.score + 8);
    expect(after.events.find((e: { id: string }) => e.id === ev.id).points).toBe(8);
    // the earlier good-conduct event keeps its +5
    expect(after.events.filter((e: { type: string; points: number }) => e.type === 'good_conduct' && e.points === 5)).toHaveLength(1);
  });
});

describe('the company list', () => {
  const gradeOrder = ['C', 'B', 'A', 'AA', 'AAA'];
  type Row = { id: string; name: string; grade: string; score: number; exact: boolean; penalised: boolean };
  const list = async (query: string) => expectStatus(await t.as(housing, { method: 'GET', url: `/api/credit/enterprises?pageSize=200${query}` }), 200) as { items: Row[]; total: number };

  it('answers without a search: every company in the jurisdiction, worst grade first, then lowest score', async () => {
    const res = await list('');
    expect(res.total).toBeGreaterThan(5);
    expect(res.items.map((i) => i.id)).toEqual(expect.arrayContaining([own.id, other.id]));
    for (let i = 1; i < res.items.length; i++) {
      const [a, b] = [res.items[i - 1] as Row, res.items[i] as Row];
      const ga = gradeOrder.indexOf(a.grade);
      const gb = gradeOrder.indexOf(b.grade);
      expect(ga < gb || (ga === gb && a.score <= b.score), `${a.name} ${a.grade}/${a.score} before ${b.name} ${b.grade}/${b.score}`).toBe(true);
    }
    // another district's companies are not listed
    const theirs = expectStatus(await t.as(hongshan, { method: 'GET', url: '/api/credit/enterprises?pageSize=200' }), 200) as { items: Row[] };
    expect(theirs.items.map((i) => i.id)).not.toContain(other.id);
  });

  it('a search for "听涛" ranks exact matches first, then penalised ones', async () => {
    const [region] = await t.db.select({ id: regions.id }).from(regions).where(eq(regions.code, '420100-DH'));
    const made = await t.db
      .insert(enterprises)
      .values([
        { name: '武汉听涛湾物业有限公司', creditCode: '91420100TT0000001A', regionId: region?.id as number },
        { name: '武汉市听涛苑物业管理有限公司', creditCode: '91420100TT0000002B', regionId: region?.id as number },
      ])
      .returning({ id: enterprises.id, name: enterprises.name });
    const [plain, punished] = made as unknown as [{ id: string }, { id: string }];
    await t.db.insert(creditEvents).values({
      enterpriseId: punished.id,
      regionId: region?.id as number,
      type: 'warning',
      points: -10,
      reason: '擅自利用共用部位经营',
      occurredOn: today,
      validUntil: '2099-12-31',
    });
    const res = await list(`&q=${encodeURIComponent('听涛')}`);
    const ids = res.items.map((i) => i.id);
    expect(res.items[0]).toMatchObject({ id: own.id, exact: true });
    expect(ids).toEqual(expect.arrayContaining([plain.id, punished.id]));
    expect(res.items.every((i) => i.name.includes('听涛'))).toBe(true);
    // exact before partial; among partial matches the penalised one first
    const lastExact = res.items.map((i) => i.exact).lastIndexOf(true);
    const firstPartial = res.items.findIndex((i) => !i.exact);
    expect(lastExact).toBeLessThan(firstPartial);
    expect(res.items.find((i) => i.id === punished.id)).toMatchObject({ exact: false, penalised: true });
    expect(ids.indexOf(punished.id)).toBeLessThan(ids.indexOf(plain.id));
    // the company's own credit code finds it alone
    const byCode = await list(`&q=${own.creditCode}`);
    expect(byCode.items[0]).toMatchObject({ id: own.id, exact: true });
  });
});
