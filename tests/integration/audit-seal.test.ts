import { count, eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditLog, auditSeals } from '../../server/db/schema/index.js';
import { FieldCipher } from '../../server/lib/crypto.js';
import { sealAuditLog, verifyAuditLog } from '../../server/modules/audit/audit.seal.js';
import { createTestContext, expectStatus, type TestContext } from '../helpers/app.js';

/*
 * 等保 数据完整性 for audit data: the seal chain detects a row changed, deleted or slipped in
 * behind the application's back — here by someone who can switch the append-only trigger off.
 */

let t: TestContext;
let auditor: string;
beforeAll(async () => {
  t = await createTestContext();
  auditor = await t.login('auditor');
});
afterAll(() => t.close());

const integrity = async () => expectStatus(await t.as(auditor, { method: 'GET', url: '/api/audit/integrity' }), 200);
const later = () => new Date(Date.now() + 3600_000);

describe('audit seal chain', () => {
  it('seals every row once it is old enough, in id order, and verifies clean', async () => {
    expect(await sealAuditLog(t.db, t.cipher, { now: new Date(Date.now() - 86400_000 * 365 * 10) })).toBe(0); // nothing is that old
    const [{ n: rows }] = await t.db.select({ n: count() }).from(auditLog);
    const sealed = await sealAuditLog(t.db, t.cipher, { now: later(), batch: 500 });
    expect(sealed).toBeGreaterThanOrEqual(rows);
    expect(await sealAuditLog(t.db, t.cipher, { now: later() })).toBe(0); // idempotent
    const report = await integrity();
    expect(report).toMatchObject({ ok: true, mismatched: [], missing: [], unsealed: 0, more: false });
    expect(report.checked).toBe(sealed);
  });

  it('finds a row changed behind the application’s back, and only that row', async () => {
    const [victim] = await t.db.select().from(auditLog).where(eq(auditLog.action, 'auth.login')).limit(1);
    await t.db.execute(sql`ALTER TABLE audit_log DISABLE TRIGGER audit_log_no_update`);
    await t.db.execute(sql`UPDATE audit_log SET actor_name = 'someone-else' WHERE id = ${victim.id}`);
    await t.db.execute(sql`ALTER TABLE audit_log ENABLE TRIGGER audit_log_no_update`);
    const report = await integrity();
    expect(report.ok).toBe(false);
    expect(report.mismatched).toEqual([victim.id]);
  });

  it('finds a sealed row deleted, and a row slipped in that no seal covers', async () => {
    const [victim] = await t.db.select().from(auditLog).where(eq(auditLog.action, 'auth.login')).orderBy(sql`id DESC`).limit(1);
    // someone able to drop the foreign key and switch the trigger off
    await t.db.execute(sql`ALTER TABLE audit_seals DROP CONSTRAINT audit_seals_audit_id_audit_log_id_fk`);
    await t.db.execute(sql`ALTER TABLE audit_log DISABLE TRIGGER audit_log_no_update`);
    await t.db.execute(sql`DELETE FROM audit_log WHERE id = ${victim.id}`);
    await t.db.execute(sql`ALTER TABLE audit_log ENABLE TRIGGER audit_log_no_update`);
    const report = await integrity();
    expect(report.ok).toBe(false);
    expect(report.missing).toEqual([victim.id]);
    // a forged row dated in the past is never sealed (the chain has moved on): it is counted
    await t.db.execute(sql`INSERT INTO audit_log (at, action, entity_type, actor_name) VALUES (now() - interval '1 day', 'user.delete', 'user', 'forged')`);
    const [{ n }] = await t.db.select({ n: count() }).from(auditSeals);
    const after = await integrity();
    expect(after.unsealed).toBe(1);
    expect(after.checked).toBe(n);
  });

  it('is for the auditor only', async () => {
    const supervisor = await t.login('district-supervisor');
    expect((await t.as(supervisor, { method: 'GET', url: '/api/audit/integrity' })).statusCode).toBe(403);
    expect((await t.as(await t.login('admin'), { method: 'GET', url: '/api/audit/integrity' })).statusCode).toBe(403);
  });

  it('depends on the deployment key: another key verifies nothing', async () => {
    const other = new FieldCipher('ffeeddccbbaa99887766554433221100');
    const report = await verifyAuditLog(t.db, other, { limit: 100 });
    expect(report.mismatched.length).toBe(report.checked);
  });
});
