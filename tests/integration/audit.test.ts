import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditLog, orgUnits } from '../../server/db/schema/index.js';
import { createTestContext, expectStatus, type TestContext } from '../helpers/app.js';

let t: TestContext;
beforeAll(async () => {
  t = await createTestContext();
});
afterAll(() => t.close());

describe('audit log', () => {
  it('is written in the same transaction as the change, with before and after', async () => {
    const admin = await t.login('admin');
    const [unit] = await t.db.select().from(orgUnits).where(eq(orgUnits.name, '东湖风景区市场监督管理局'));
    expectStatus(await t.as(admin, { method: 'PATCH', url: `/api/org-units/${unit.id}`, payload: { hotline: '027-59909999' }, headers: { 'x-request-id': 'req-audit-test-1' } }), 200);
    const [row] = await t.db.select().from(auditLog).where(eq(auditLog.requestId, 'req-audit-test-1'));
    expect(row.action).toBe('org_unit.update');
    expect((row.before as { hotline: string }).hotline).toBe('13900000026');
    expect((row.after as { hotline: string }).hotline).toBe('027-59909999');
    expect(row.actorName).toBe('admin');
  });

  it('leaves no audit row and no change when the change fails', async () => {
    const admin = await t.login('admin');
    const before = await t.db.select({ n: sql<number>`count(*)::int` }).from(auditLog);
    const res = await t.as(admin, { method: 'POST', url: '/api/regions', payload: { parentCode: '420100-DH-01', name: '重复编码', code: '420100-DH-01-01' } });
    expect(res.statusCode).toBe(409);
    const after = await t.db.select({ n: sql<number>`count(*)::int` }).from(auditLog);
    expect(after[0].n).toBe(before[0].n);
  });

  it('refuses UPDATE, DELETE and TRUNCATE in the database itself', async () => {
    await expect(t.db.execute(sql`UPDATE audit_log SET action = 'x'`)).rejects.toThrow();
    await expect(t.db.execute(sql`DELETE FROM audit_log`)).rejects.toThrow();
    await expect(t.db.execute(sql`TRUNCATE audit_log`)).rejects.toThrow();
    const [{ n }] = await t.db.select({ n: sql<number>`count(*)::int` }).from(auditLog);
    expect(n).toBeGreaterThan(0);
  });

  it('is searchable by auditors and supervisors, but not by other staff', async () => {
    const auditor = await t.login('auditor');
    const all = expectStatus(await t.as(auditor, { method: 'GET', url: '/api/audit?action=auth.login' }), 200);
    expect(all.total).toBeGreaterThan(0);
    const officer = await t.login('district-market');
    expect((await t.as(officer, { method: 'GET', url: '/api/audit' })).statusCode).toBe(403);
    const admin = await t.login('admin');
    expect((await t.as(admin, { method: 'GET', url: '/api/audit' })).statusCode).toBe(403);
  });

  it('shows a district supervisor only the rows of their own district', async () => {
    await t.login('other-district-housing');
    const sup = await t.login('district-supervisor');
    const body = expectStatus(await t.as(sup, { method: 'GET', url: '/api/audit?pageSize=200' }), 200);
    expect(body.items.length).toBeGreaterThan(0);
    const names = new Set(body.items.map((r: { actorName: string }) => r.actorName));
    expect(names.has('other-district-housing')).toBe(false);
    expect(names.has('district-supervisor')).toBe(true);
  });
});
