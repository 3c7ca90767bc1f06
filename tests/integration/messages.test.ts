import { and, eq, isNotNull, like, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { complaints, messageDeliveries, messageEvents, messages, orgUnits, problems, projects, regions, users } from '../../server/db/schema/index.js';
import { setChannelsForTest } from '../../server/modules/messages/channels.js';
import { deliverDue } from '../../server/modules/messages/messages.delivery.js';
import { fanOutEvents } from '../../server/modules/messages/messages.fanout.js';
import { drainOutbox } from '../../server/modules/messages/messages.jobs.js';
import { escalateOverdue } from '../../server/modules/complaints/complaints.service.js';
import { publishDeadlineReminders, publishMorningDigest } from '../../server/modules/messages/messages.reminders.js';
import { publishMessage } from '../../server/modules/messages/publish.js';
import { createTestContext, expectStatus, type TestContext } from '../helpers/app.js';

/*
 * Messages (issue 17): the outbox guarantees, the 消息中心 contract, who receives what, the
 * resident's SMS, quiet hours and the daily cap, preferences and templates.
 */

let t: TestContext;
let coordinator: string;
let leader: string;
let market: string;
let marketLeader: string;
let hongshan: string;
let company: string;
let admin: string;
let projectId: string;
let housingUnit: string;
let marketUnit: string;

const NAME = '欧阳明月';
const PHONE = '13900009876';
const TEXT = '小区3栋从昨天开始停水，物业说我家欠物业费就把水阀关了，到现在还没恢复';
const GOOD_REPLY =
  '经现场核查，您反映的物业以欠费为由关闭3栋供水阀门的情况属实。我局已责令物业服务企业当日恢复供水，并约谈企业负责人，要求其通过法律途径催缴物业费，不得以停水方式催费。';

/** A moment in Asia/Shanghai, `days` after today's date there (the clock injected into delivery). */
function shanghai(days: number, hhmm: string): Date {
  const local = new Date(Date.now() + 8 * 3600000);
  const [h, m] = hhmm.split(':').map(Number);
  return new Date(Date.UTC(local.getUTCFullYear(), local.getUTCMonth(), local.getUTCDate() + days, h - 8, m));
}

const deps = () => ({ db: t.db, database: t.database, env: t.env, cipher: t.cipher });
const drain = (now?: Date) => drainOutbox(deps(), now);
const post = (cookie: string | null, url: string, payload: unknown = {}) => t.as(cookie, { method: 'POST', url, payload: payload as object });
const get = (cookie: string | null, url: string) => t.as(cookie, { method: 'GET', url });
const act = (cookie: string, id: string, action: string, payload: unknown = {}) => post(cookie, `/api/complaints/${id}/${action}`, payload);
const userId = async (username: string) => (await t.db.select({ id: users.id }).from(users).where(eq(users.username, username)))[0].id;

async function newLead(overrides: Record<string, unknown> = {}) {
  return expectStatus<{ id: string; trackingCode: string }>(
    await post(coordinator, '/api/complaints', { channel: 'phone', description: TEXT, contactName: NAME, contactPhone: PHONE, projectId, ...overrides }),
    201,
  );
}

beforeAll(async () => {
  t = await createTestContext();
  [coordinator, leader, market, marketLeader, hongshan, company, admin] = await Promise.all(
    ['district-housing', 'district-housing-leader', 'district-market', 'district-market-leader', 'other-district-housing', 'enterprise-user', 'admin'].map((u) => t.login(u)),
  );
  // A project of the company the 'enterprise-user' account works for (the company-side tests read its messages).
  const [companyUser] = await t.db.select({ enterpriseId: users.enterpriseId }).from(users).where(eq(users.username, 'enterprise-user'));
  const [p] = await t.db
    .select({ id: projects.id })
    .from(projects)
    .innerJoin(regions, eq(regions.id, projects.regionId))
    .where(and(like(regions.path, '%/420100-DH/%'), eq(projects.enterpriseId, companyUser.enterpriseId as string)))
    .orderBy(projects.name)
    .limit(1);
  projectId = p.id;
  const unit = async (name: string) => (await t.db.select({ id: orgUnits.id }).from(orgUnits).where(eq(orgUnits.name, name)))[0].id;
  housingUnit = await unit('东湖风景区建设（房管）局');
  marketUnit = await unit('东湖风景区市场监督管理局');
  await drain(); // whatever the seed published
});
afterAll(() => t.close());

describe('the outbox', () => {
  it('notifies no one when the change rolls back', async () => {
    const market1 = await userId('district-market');
    const before = (await t.db.select({ n: sql<number>`count(*)::int` }).from(messageEvents))[0].n;
    await expect(
      t.db.transaction(async (tx) => {
        await publishMessage(tx, { kind: 'lead.dispatched', recipients: [{ type: 'user', userId: market1 }], record: { type: 'complaint', id: 'rolled-back' }, link: '/app/complaints/x' });
        throw new Error('the change fails');
      }),
    ).rejects.toThrow('the change fails');
    await drain();
    expect((await t.db.select({ n: sql<number>`count(*)::int` }).from(messageEvents))[0].n).toBe(before);
    expect(await t.db.select().from(messages).where(eq(messages.link, '/app/complaints/x'))).toHaveLength(0);
  });

  it('delivers a committed event exactly once, even when two instances drain it at once and again after a restart', async () => {
    const market1 = await userId('district-market');
    await t.db.transaction(async (tx) => {
      await publishMessage(tx, {
        kind: 'lead.dispatched',
        recipients: [{ type: 'user', userId: market1 }, { type: 'unit', orgUnitId: marketUnit }],
        record: { type: 'complaint', id: 'crash-test' },
        link: '/app/complaints/crash-test',
        vars: { trackingCode: 'TS-CRASH' },
      });
    });
    // The process "died" right after the commit: nothing was fanned out yet.
    expect(await t.db.select().from(messages).where(eq(messages.link, '/app/complaints/crash-test'))).toHaveLength(0);
    await Promise.all([fanOutEvents(deps()), fanOutEvents(deps())]);
    // A fanned-out batch replayed (as after a crash before processed_at was written) inserts nothing twice.
    await t.db.execute(sql`UPDATE message_events SET processed_at = NULL WHERE record_id = 'crash-test'`);
    await drain();
    const got = (await t.db.select().from(messages).where(eq(messages.link, '/app/complaints/crash-test'))).map((m) => m.userId);
    // the officer (named and in the unit) and the unit's leader (a handler too), each once
    expect(got).toHaveLength(2);
    expect(new Set(got)).toEqual(new Set([market1, await userId('district-market-leader')]));
  });
});

describe('消息中心 contract', () => {
  let leadId: string;

  it('tells the lead unit’s handlers of a dispatch (not the dispatcher), with a link to the lead', async () => {
    const lead = await newLead();
    leadId = lead.id;
    expectStatus(await act(coordinator, lead.id, 'dispatch', { leadOrgUnitId: marketUnit }), 200);
    await drain();
    const list = expectStatus(await get(market, '/api/messages?unread=true&kind=lead.dispatched'), 200);
    const m = list.items.find((i: { link: string }) => i.link.includes(lead.id));
    expect(m).toMatchObject({ kind: 'lead.dispatched', link: `/app/complaints/${lead.id}`, readAt: null });
    expect(m.title).toContain(lead.trackingCode);
    expect(Object.keys(m)).toEqual(expect.arrayContaining(['id', 'kind', 'title', 'body', 'link', 'createdAt', 'readAt']));
    expect(list.unread).toBeGreaterThan(0);
    expect(list.total).toBeGreaterThan(0);
    // the complainant's name, phone and words are not in it
    expect(JSON.stringify(m)).not.toContain(NAME);
    expect(JSON.stringify(m)).not.toContain('停水');
    const mine = expectStatus(await get(coordinator, '/api/messages?kind=lead.dispatched&pageSize=200'), 200);
    expect(mine.items.some((i: { link: string }) => i.link.includes(lead.id))).toBe(false);
  });

  it('marks one read, refuses another person’s message with 404, and marks all read', async () => {
    const list = expectStatus(await get(market, '/api/messages?unread=true'), 200);
    const id = list.items[0].id;
    expect((await post(hongshan, `/api/messages/${id}/read`)).statusCode).toBe(404);
    expect((await post(market, '/api/messages/not-a-uuid/read')).statusCode).toBe(404);
    expect((await get(hongshan, '/api/messages?pageSize=200')).json().items.some((i: { id: string }) => i.id === id)).toBe(false);
    expectStatus(await post(market, `/api/messages/${id}/read`), 200);
    const after = expectStatus(await get(market, '/api/messages'), 200);
    expect(after.unread).toBe(list.unread - 1);
    const all = expectStatus(await post(market, '/api/messages/read-all'), 200);
    expect(all.updated).toBe(list.unread - 1);
    expect(expectStatus(await get(market, '/api/messages'), 200).unread).toBe(0);
    expect((await get(null, '/api/messages')).statusCode).toBe(401);
  });

  it('tells the unit’s leaders a reply awaits approval, and the drafter when it is sent back', async () => {
    expectStatus(await act(market, leadId, 'sign'), 200);
    expectStatus(await act(market, leadId, 'findings', { finding: 'substantiated', outcome: 'resolved_on_site', details: '现场核查属实，已恢复供水' }), 200);
    expectStatus(await act(market, leadId, 'reply', { text: GOOD_REPLY }), 200);
    await drain();
    const l = expectStatus(await get(marketLeader, '/api/messages?kind=reply.awaiting_approval'), 200);
    expect(l.items.some((i: { link: string }) => i.link === `/app/complaints/${leadId}`)).toBe(true);
    expect(expectStatus(await get(leader, '/api/messages?kind=reply.awaiting_approval&pageSize=200'), 200).items.some((i: { link: string }) => i.link.includes(leadId))).toBe(false);
    expectStatus(await act(marketLeader, leadId, 'reject-reply', { reason: '请补充约谈情况' }), 200);
    await drain();
    const back = expectStatus(await get(market, '/api/messages?kind=reply.sent_back'), 200);
    expect(back.items[0].body).toContain('请补充约谈情况');
  });

  it('streams the unread count: a first event at once, another after a change', async () => {
    const address = await t.app.listen({ port: 0, host: '127.0.0.1' });
    const ctrl = new AbortController();
    const res = await fetch(`${address}/api/messages/stream`, { headers: { cookie: market }, signal: ctrl.signal });
    expect(res.headers.get('content-type')).toContain('text/event-stream');
    const reader = (res.body as ReadableStream<Uint8Array>).getReader();
    const decoder = new TextDecoder();
    let buffer = '';
    const nextUnread = async (): Promise<number> => {
      const deadline = Date.now() + 5000;
      for (;;) {
        const m = /data: (\{[^\n]*\})\n\n/.exec(buffer);
        if (m) {
          buffer = buffer.slice((m.index ?? 0) + m[0].length);
          return JSON.parse(m[1]).unread;
        }
        if (Date.now() > deadline) throw new Error('no event within 5 s');
        const { value } = await reader.read();
        buffer += decoder.decode(value);
      }
    };
    const first = await nextUnread();
    const lead = await newLead();
    expectStatus(await act(coordinator, lead.id, 'dispatch', { leadOrgUnitId: marketUnit }), 200);
    await drain();
    expect(await nextUnread()).toBe(first + 1);
    ctrl.abort();
  });
});

describe('companies and residents', () => {
  it('tells the company of a rectification order without naming or revealing the complainant', async () => {
    const lead = await newLead({ description: `${NAME}反映：${TEXT}` });
    expectStatus(await act(coordinator, lead.id, 'dispatch', { leadOrgUnitId: housingUnit }), 200);
    expectStatus(await act(coordinator, lead.id, 'sign'), 200);
    const deadline = new Date(Date.now() + 10 * 86400000).toISOString().slice(0, 10);
    const d = expectStatus(
      await act(coordinator, lead.id, 'findings', { finding: 'substantiated', outcome: 'rectification_ordered', details: `${NAME}家停水属实，责令整改`, rectificationMeasures: '立即恢复供水，不得以停水方式催缴物业费。', rectificationDeadline: deadline }),
      200,
    );
    await drain();
    const list = expectStatus(await get(company, '/api/messages?kind=problem.assigned&pageSize=200'), 200);
    const m = list.items.find((i: { link: string }) => i.link === `/app/problems/${d.problemId}`);
    expect(m).toBeDefined();
    expect(m.body).toContain(deadline);
    const all = JSON.stringify(expectStatus(await get(company, '/api/messages?pageSize=200'), 200));
    expect(all).not.toContain(NAME);
    expect(all).not.toContain(PHONE);
    expect(all).not.toContain(lead.id);
    expect(all).not.toContain(lead.trackingCode);
    // the company can open what it was sent
    expectStatus(await get(company, m.link.replace('/app/', '/api/')), 200);
  });

  it('sends the resident the tracking code by SMS (local outbox), masked for the administrator, without the complaint’s text', async () => {
    const res = await post(null, '/api/public/complaints', { description: TEXT, contactName: NAME, contactPhone: PHONE, projectId });
    const { trackingCode } = expectStatus(res, 201);
    await drain();
    const outbox = expectStatus(await get(admin, '/api/admin/outbox?channel=sms&template=complaint.received&pageSize=200'), 200);
    const item = outbox.items.find((i: { body: string }) => i.body.includes(trackingCode));
    expect(item).toMatchObject({ channel: 'sms', template: 'complaint.received', status: 'sent', attempts: 1, to: '139****9876' });
    expect(item.body).not.toContain('停水');
    expect(item.body).not.toContain(NAME);
    expect([...item.body].length).toBeLessThanOrEqual(134);
    expect(JSON.stringify(outbox)).not.toContain(PHONE);
    expect((await get(coordinator, '/api/admin/outbox')).statusCode).toBe(403);
  });

  it('texts the resident when the reply is published and when a dissatisfied rating starts a rework, which also reaches the unit', async () => {
    const { trackingCode } = expectStatus(await post(null, '/api/public/complaints', { description: TEXT, contactName: NAME, contactPhone: '13900003333', projectId }), 201);
    const [lead] = await t.db.select({ id: complaints.id }).from(complaints).where(eq(complaints.trackingCode, trackingCode));
    expectStatus(await act(coordinator, lead.id, 'dispatch', { leadOrgUnitId: housingUnit }), 200);
    expectStatus(await act(coordinator, lead.id, 'sign'), 200);
    expectStatus(await act(coordinator, lead.id, 'findings', { finding: 'substantiated', outcome: 'resolved_on_site', details: '现场核查属实，已恢复供水' }), 200);
    expectStatus(await act(coordinator, lead.id, 'reply', { text: GOOD_REPLY }), 200);
    expectStatus(await act(leader, lead.id, 'approve-reply'), 200);
    expectStatus(await post(null, `/api/public/complaints/${trackingCode}/rating`, { satisfaction: 'dissatisfied', comment: '还是没有水' }), 200);
    await drain();
    // (an urgent lead also reached the unit's liaison: only what went to the resident's number here)
    const sms = expectStatus(await get(admin, '/api/admin/outbox?channel=sms&pageSize=200'), 200).items.filter((i: { to: string }) => i.to === '139****3333');
    expect(sms.map((i: { template: string }) => i.template).sort()).toEqual(['complaint.received', 'complaint.reply_published', 'complaint.rework_started']);
    for (const i of sms) {
      expect(i.body).not.toMatch(/停水|欧阳|没有水/);
      expect([...i.body].length).toBeLessThanOrEqual(70);
    }
    const unit = expectStatus(await get(leader, '/api/messages?kind=lead.rework'), 200);
    expect(unit.items.some((m: { link: string }) => m.link === `/app/complaints/${lead.id}`)).toBe(true);
  });

  it('sends no SMS when the resident unticks the box, nor for a 12345 lead', async () => {
    const before = (await t.db.select({ n: sql<number>`count(*)::int` }).from(messageDeliveries).where(eq(messageDeliveries.template, 'complaint.received')))[0].n;
    expectStatus(await post(null, '/api/public/complaints', { description: TEXT, contactPhone: '13900001111', projectId, smsConsent: false }), 201);
    const { trackingCode } = expectStatus(await post(null, '/api/public/complaints', { description: TEXT, contactPhone: '13900002222', projectId }), 201);
    // as if it had come from the 12345 import
    await t.db.update(complaints).set({ channel: 'hotline_12345' }).where(eq(complaints.trackingCode, trackingCode));
    await drain();
    expect((await t.db.select({ n: sql<number>`count(*)::int` }).from(messageDeliveries).where(eq(messageDeliveries.template, 'complaint.received')))[0].n).toBe(before);
  });
});

describe('channels: quiet hours, daily cap, retries', () => {
  const queueSms = async (key: string, urgent = false) => {
    const marketId = await userId('district-market');
    await t.db.update(users).set({ phone: '13700001234' }).where(eq(users.id, marketId));
    expectStatus(await t.as(market, { method: 'PUT', url: '/api/me/notification-preferences', payload: { kinds: { 'lead.co_assigned': { sms: true, email: false } } } }), 200);
    await t.db.transaction((tx) =>
      publishMessage(tx, {
        kind: 'lead.co_assigned',
        recipients: [{ type: 'user', userId: marketId }],
        record: { type: 'complaint', id: key },
        link: `/app/complaints/${key}`,
        vars: { trackingCode: key },
        urgent,
      }),
    );
    await fanOutEvents(deps());
    const [d] = await t.db.select().from(messageDeliveries).where(like(messageDeliveries.idempotencyKey, `%${key}%`));
    return d;
  };
  const statusOf = async (id: string) => (await t.db.select().from(messageDeliveries).where(eq(messageDeliveries.id, id)))[0];

  it('holds a non-urgent SMS during the quiet hours until 08:00 and sends an urgent one at once', async () => {
    const d = await queueSms('QUIET-1');
    const u = await queueSms('QUIET-URGENT', true);
    await deliverDue(deps(), shanghai(1, '23:30'));
    expect(await statusOf(d.id)).toMatchObject({ status: 'queued', nextAttemptAt: shanghai(2, '08:00') });
    expect((await statusOf(u.id)).status).toBe('sent');
    await deliverDue(deps(), shanghai(2, '07:59'));
    expect((await statusOf(d.id)).status).toBe('queued');
    await deliverDue(deps(), shanghai(2, '08:00'));
    expect((await statusOf(d.id)).status).toBe('sent');
  });

  it('suppresses non-urgent SMS over the daily cap for one number', async () => {
    const day = shanghai(4, '10:00');
    const ids: string[] = [];
    for (let i = 0; i < t.env.MESSAGES_SMS_DAILY_CAP + 1; i++) ids.push((await queueSms(`CAP-${i}`)).id);
    await deliverDue(deps(), day);
    const rows = await Promise.all(ids.map(statusOf));
    expect(rows.filter((r) => r.status === 'sent')).toHaveLength(t.env.MESSAGES_SMS_DAILY_CAP);
    expect(rows.filter((r) => r.status === 'suppressed')).toHaveLength(1);
    expect(rows.find((r) => r.status === 'suppressed')?.error).toContain('每日短信上限');
  });

  it('records a provider’s refusal and retries with backoff', async () => {
    setChannelsForTest({ sms: { name: 'broken', send: async () => Promise.reject(new Error('isv.BUSINESS_LIMIT_CONTROL')) } });
    try {
      const d = await queueSms('FAIL-1', true);
      const now = shanghai(6, '10:00');
      await deliverDue(deps(), now);
      const row = await statusOf(d.id);
      expect(row).toMatchObject({ status: 'queued', attempts: 1, error: 'isv.BUSINESS_LIMIT_CONTROL' });
      expect(row.nextAttemptAt.getTime()).toBeGreaterThan(now.getTime());
      const outbox = expectStatus(await get(admin, '/api/admin/outbox?channel=sms&pageSize=200'), 200);
      expect(outbox.items.find((i: { id: string }) => i.id === d.id).history).toEqual([expect.objectContaining({ provider: 'broken', outcome: 'failed' })]);
    } finally {
      setChannelsForTest(null);
    }
  });
});

describe('preferences and templates', () => {
  it('reads and changes the user’s channels per kind, refusing unknown kinds', async () => {
    const p = expectStatus(await get(marketLeader, '/api/me/notification-preferences'), 200);
    expect(p.kinds['reply.awaiting_approval']).toEqual({ sms: false, email: false });
    const put = expectStatus(
      await t.as(marketLeader, { method: 'PUT', url: '/api/me/notification-preferences', payload: { kinds: { 'reply.awaiting_approval': { sms: true, email: true } }, email: 'leader@example.gov.cn' } }),
      200,
    );
    expect(put.kinds['reply.awaiting_approval']).toEqual({ sms: true, email: true });
    const bad = expectStatus(await t.as(marketLeader, { method: 'PUT', url: '/api/me/notification-preferences', payload: { kinds: { 'no.such': { sms: true, email: false } } } }), 422);
    expect(bad.error.details.fields.kinds).toContain('未知的消息类型');
  });

  it('lets the administrator edit a template with a preview, refusing unknown variables and over-long SMS', async () => {
    const list = expectStatus(await get(admin, '/api/admin/message-templates'), 200);
    expect(list.find((k: { kind: string }) => k.kind === 'complaint.received').smsSegments).toBe(1);
    const unknown = expectStatus(
      await t.as(admin, { method: 'PUT', url: '/api/admin/message-templates/lead.dispatched', payload: { title: '新线索 {trackingCode}', body: '投诉人 {contactName}' } }),
      422,
    );
    expect(unknown.error.details.fields.body).toContain('{contactName}');
    const long = expectStatus(
      await t.as(admin, { method: 'POST', url: '/api/admin/message-templates/lead.dispatched/preview', payload: { title: 'x', body: 'y', sms: '很长'.repeat(70) } }),
      422,
    );
    expect(long.error.details.fields.sms).toContain('超过两条');
    const preview = expectStatus(
      await t.as(admin, { method: 'POST', url: '/api/admin/message-templates/lead.dispatched/preview', payload: { title: '新线索 {trackingCode}', body: '请签收 {trackingCode}', sms: '【{platform}】新线索{trackingCode}' } }),
      200,
    );
    expect(preview.title).toBe('新线索 TS2026000123');
    const saved = expectStatus(
      await t.as(admin, { method: 'PUT', url: '/api/admin/message-templates/lead.dispatched', payload: { title: '【新】线索 {trackingCode}', body: '请签收 {trackingCode}' } }),
      200,
    );
    expect(saved.edited).toBe(true);
    const lead = await newLead();
    expectStatus(await act(coordinator, lead.id, 'dispatch', { leadOrgUnitId: marketUnit }), 200);
    await drain();
    expect(expectStatus(await get(market, '/api/messages?kind=lead.dispatched'), 200).items[0].title).toBe(`【新】线索 ${lead.trackingCode}`);
    expect((await t.as(coordinator, { method: 'GET', url: '/api/admin/message-templates' })).statusCode).toBe(403);
  });
});

describe('reminders, escalations and the liaison', () => {
  const kindsFor = async (username: string, link: string) =>
    (await t.db.select({ kind: messages.kind }).from(messages).where(and(eq(messages.userId, await userId(username)), eq(messages.link, link)))).map((m) => m.kind);

  it('reminds the lead unit in the deadline’s last fifth, once per deadline', async () => {
    const lead = await newLead();
    expectStatus(await act(coordinator, lead.id, 'dispatch', { leadOrgUnitId: marketUnit }), 200);
    const soon = new Date(Date.now() + 3600000);
    await t.db.update(complaints).set({ currentDueSoonAt: new Date(Date.now() - 60000), currentDueAt: soon }).where(eq(complaints.id, lead.id));
    expect(await publishDeadlineReminders(t.db)).toBeGreaterThan(0);
    await publishDeadlineReminders(t.db);
    await drain();
    const kinds = await kindsFor('district-market', `/app/complaints/${lead.id}`);
    expect(kinds.filter((k) => k === 'lead.deadline_approaching')).toHaveLength(1);
  });

  it('delivers an overdue escalation to the unit, its leader and the supervising office, and by SMS to the unit’s liaison', async () => {
    const lead = await newLead();
    expectStatus(await act(coordinator, lead.id, 'dispatch', { leadOrgUnitId: marketUnit }), 200);
    await t.db.update(complaints).set({ currentDueAt: new Date(Date.now() - 3600000) }).where(eq(complaints.id, lead.id));
    await escalateOverdue(t.db);
    await drain();
    const link = `/app/complaints/${lead.id}`;
    expect(await kindsFor('district-market', link)).toContain('lead.overdue');
    expect(await kindsFor('district-market-leader', link)).toContain('lead.overdue');
    expect(await kindsFor('district-supervisor', link)).toContain('lead.overdue');
    expect(await kindsFor('other-district-housing', link)).toEqual([]);
    const [unit] = await t.db.select({ phone: orgUnits.contactPhone }).from(orgUnits).where(eq(orgUnits.id, marketUnit));
    const sms = await t.db.select().from(messageDeliveries).where(and(eq(messageDeliveries.template, 'lead.overdue'), like(messageDeliveries.idempotencyKey, `%${lead.id}%liaison:${marketUnit}`)));
    expect(unit.phone).toBeTruthy();
    expect(sms).toHaveLength(1);
    expect(sms[0].body).toContain(lead.trackingCode);
    expect(sms[0].body).not.toContain('停水');
  });

  it('sends an urgent lead to the liaison by SMS at once, and a non-urgent one not', async () => {
    const urgent = await newLead({ urgent: true });
    const calm = await newLead({ urgent: false });
    expectStatus(await act(coordinator, urgent.id, 'dispatch', { leadOrgUnitId: marketUnit }), 200);
    expectStatus(await act(coordinator, calm.id, 'dispatch', { leadOrgUnitId: marketUnit }), 200);
    await drain(shanghai(1, '23:00'));
    const liaison = async (id: string) => t.db.select().from(messageDeliveries).where(like(messageDeliveries.idempotencyKey, `lead.dispatched|complaint:${id}|%liaison:%`));
    const [u] = await liaison(urgent.id);
    expect(u).toMatchObject({ status: 'sent', urgent: true });
    expect(await liaison(calm.id)).toHaveLength(0);
  });

  it('tells the dispatcher of a return, and the company of a rectification deadline near and passed', async () => {
    const lead = await newLead();
    expectStatus(await act(coordinator, lead.id, 'dispatch', { leadOrgUnitId: marketUnit }), 200);
    expectStatus(await act(market, lead.id, 'return', { reason: '该问题属于房管部门职责，不属于市场监管范围' }), 200);
    await drain();
    expect(await kindsFor('district-housing', `/app/complaints/${lead.id}`)).toContain('lead.returned');

    const [p] = await t.db.select().from(problems).where(and(isNotNull(problems.enterpriseId), sql`${problems.status} IN ('open', 'rectifying')`)).limit(1);
    const company1 = await t.db.select({ id: users.id }).from(users).where(eq(users.enterpriseId, p.enterpriseId as string));
    const day = (n: number) => new Date(Date.now() + 8 * 3600000 + n * 86400000).toISOString().slice(0, 10);
    await t.db.update(problems).set({ deadline: day(2) }).where(eq(problems.id, p.id));
    await publishDeadlineReminders(t.db);
    await t.db.update(problems).set({ deadline: day(-1) }).where(eq(problems.id, p.id));
    await publishDeadlineReminders(t.db);
    await publishDeadlineReminders(t.db);
    await drain();
    const got = await t.db.select({ kind: messages.kind, userId: messages.userId }).from(messages).where(eq(messages.link, `/app/problems/${p.id}`));
    expect(company1.length).toBeGreaterThan(0);
    expect(got.filter((m) => m.kind === 'problem.deadline_approaching').length).toBe(company1.length);
    expect(got.filter((m) => m.kind === 'problem.overdue').length).toBe(company1.length);
  });

  it('sends one morning digest per unit and day, from 08:00', async () => {
    expect(await publishMorningDigest(t.db, shanghai(0, '07:30'))).toBe(0);
    const first = await publishMorningDigest(t.db, shanghai(0, '08:05'));
    expect(first).toBeGreaterThan(0);
    expect(await publishMorningDigest(t.db, shanghai(0, '09:05'))).toBe(0);
    await drain();
    const digest = expectStatus(await get(market, '/api/messages?kind=lead.digest'), 200);
    expect(digest.items[0].title).toMatch(/今日待办：\d+ 件今日到期，\d+ 件已超期/);
  });
});
