import { eq, inArray, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryRows } from '../../server/db/client.js';
import { auditLog, complaintEvents, complaints, regions, users } from '../../server/db/schema/index.js';
import { insertLead, type LeadRows } from '../../server/modules/complaints/create-lead.js';
import { createTestContext, expectStatus, type TestContext } from '../helpers/app.js';

/*
 * Group commit of new leads (create-lead.ts, decision 015): leads created at the same moment share
 * one statement, each request still answers only after its own rows are committed, and one bad lead
 * in a shared statement fails alone.
 */
let t: TestContext;
beforeAll(async () => {
  t = await createTestContext();
});
afterAll(() => t.close());

describe('leads written together', () => {
  it('64 leads posted at once are all stored, each with its first event and audit row, under its own tracking code', async () => {
    const cookie = await t.login('district-housing');
    const results = await Promise.all(
      Array.from({ length: 64 }, (_, i) =>
        t.as(cookie, {
          method: 'POST',
          url: '/api/complaints',
          payload: { channel: 'phone', description: `并发登记测试第${i}条：物业以欠费为由停水，请核查处理。`, contactName: '张先生', contactPhone: '13900000001' },
        }),
      ),
    );
    const created = results.map((r) => expectStatus<{ id: string; trackingCode: string }>(r, 201));
    const ids = created.map((c) => c.id);
    expect(new Set(ids).size).toBe(64);
    const rows = await t.db.select({ id: complaints.id, trackingCode: complaints.trackingCode, description: complaints.description }).from(complaints).where(inArray(complaints.id, ids));
    expect(rows).toHaveLength(64);
    for (const c of created) expect(rows.find((r) => r.id === c.id)?.trackingCode).toBe(c.trackingCode);
    const events = await t.db.select({ id: complaintEvents.complaintId }).from(complaintEvents).where(inArray(complaintEvents.complaintId, ids));
    expect(new Set(events.map((e) => e.id)).size).toBe(64);
    const audits = await t.db.select({ id: auditLog.entityId }).from(auditLog).where(inArray(auditLog.entityId, ids));
    expect(audits).toHaveLength(64);
  });

  it('a lead that breaks a constraint fails alone; the leads that shared its statement are stored', async () => {
    const [user] = await t.db.select({ id: users.id }).from(users).where(eq(users.username, 'district-housing'));
    const [region] = await queryRows<{ id: number }>(t.db, sql`SELECT id FROM ${regions} ORDER BY id LIMIT 1`);
    const now = new Date();
    const rowsFor = (code: string, regionId: number): LeadRows => ({
      complaint: { trackingCode: code, channel: 'phone', description: '组提交测试：物业停水。', regionId, triage: {}, status: 'received', receivedAt: now, createdBy: user.id, createdAt: now, updatedAt: now },
      correction: null,
      event: { at: now, actorUserId: user.id, action: 'create', toStatus: 'received', note: '登记受理' },
      audit: (id) => ({ actorId: user.id, actorName: 'district-housing', action: 'complaint.create', entityType: 'complaint', entityId: id }),
    });
    const outcomes = await Promise.allSettled([
      insertLead(t.db, rowsFor('GCTEST0001', region.id), { standalone: true, driver: t.database.driver }),
      insertLead(t.db, rowsFor('GCTEST0002', -1), { standalone: true, driver: t.database.driver }), // no such region
      insertLead(t.db, rowsFor('GCTEST0003', region.id), { standalone: true, driver: t.database.driver }),
    ]);
    expect(outcomes.map((o) => o.status)).toEqual(['fulfilled', 'rejected', 'fulfilled']);
    const stored = await t.db.select({ code: complaints.trackingCode }).from(complaints).where(inArray(complaints.trackingCode, ['GCTEST0001', 'GCTEST0002', 'GCTEST0003']));
    expect(stored.map((s) => s.code).sort()).toEqual(['GCTEST0001', 'GCTEST0003']);
  });
});
