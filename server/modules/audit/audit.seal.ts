import { and, asc, desc, eq, gt, lt, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { auditLog, auditSeals } from '../../db/schema/index.js';
import type { FieldCipher } from '../../lib/crypto.js';

/*
 * The audit log's seal chain (schema: audit_seals). Sealing runs as the `audit.seal` job; rows are
 * sealed in id order once they are `lagSeconds` (5 minutes) old, so a transaction that took an id
 * earlier but committed later is not skipped. Verification recomputes the chain from the first
 * seal, and counts rows older than 10 minutes that no seal covers.
 */

type AuditRow = typeof auditLog.$inferSelect;

/** The row as sealed: every column, in a fixed order (jsonb comes back with a canonical key order). */
function canonical(r: AuditRow): string {
  return JSON.stringify([r.id, r.at.toISOString(), r.actorId, r.actorName, r.action, r.entityType, r.entityId, r.regionId, r.before, r.after, r.note, r.ip, r.requestId]);
}

const link = (cipher: FieldCipher, previous: string, row: AuditRow) => cipher.mac(`${previous}|${canonical(row)}`);

/** Seals the audit rows not sealed yet that are at least `lagSeconds` old; returns how many. */
export async function sealAuditLog(db: Db, cipher: FieldCipher, opts: { lagSeconds?: number; batch?: number; now?: Date } = {}): Promise<number> {
  const lag = opts.lagSeconds ?? 300;
  const batch = opts.batch ?? 2000;
  const cutoff = new Date((opts.now ?? new Date()).getTime() - lag * 1000);
  let sealed = 0;
  for (;;) {
    const n = await db.transaction(async (tx) => {
      // One sealer at a time (several app instances may run the job): the lock ends with the transaction.
      await tx.execute(sql`SELECT pg_advisory_xact_lock(hashtext('audit.seal'))`);
      const [last] = await tx.select().from(auditSeals).orderBy(desc(auditSeals.auditId)).limit(1);
      const rows = await tx
        .select()
        .from(auditLog)
        .where(and(last ? gt(auditLog.id, last.auditId) : undefined, lt(auditLog.at, cutoff)))
        .orderBy(asc(auditLog.id))
        .limit(batch);
      let previous = last?.mac ?? '';
      const seals = rows.map((row) => {
        previous = link(cipher, previous, row);
        return { auditId: row.id, mac: previous };
      });
      if (seals.length) await tx.insert(auditSeals).values(seals);
      return seals.length;
    });
    sealed += n;
    if (n < batch) return sealed;
  }
}

export interface IntegrityReport {
  ok: boolean;
  /** Seals checked in this call, and the last audit id they cover. */
  checked: number;
  checkedThrough: number | null;
  /** More seals follow: call again with afterId = checkedThrough. */
  more: boolean;
  /** Audit rows whose content no longer matches their seal (changed, or the chain broken before them). */
  mismatched: number[];
  /** Seals whose audit row is gone (deleted behind the application's back). */
  missing: number[];
  /** Audit rows older than 10 minutes that no seal covers (the seal job is not running, or rows were inserted into the past). */
  unsealed: number;
}

/**
 * Recomputes the chain over up to `limit` seals after `afterId` (from the start when absent) and
 * counts audit rows the sealer should have covered by now.
 */
export async function verifyAuditLog(db: Db, cipher: FieldCipher, opts: { afterId?: number; limit?: number; now?: Date } = {}): Promise<IntegrityReport> {
  const limit = Math.min(opts.limit ?? 50_000, 200_000);
  const afterId = opts.afterId ?? 0;
  const [prev] = afterId ? await db.select().from(auditSeals).where(eq(auditSeals.auditId, afterId)) : [];
  let previous = prev?.mac ?? '';
  const mismatched: number[] = [];
  const missing: number[] = [];
  let checked = 0;
  let through: number | null = null;
  let cursor = afterId;
  while (checked < limit) {
    const page = await db
      .select({ seal: auditSeals, row: auditLog })
      .from(auditSeals)
      .leftJoin(auditLog, eq(auditLog.id, auditSeals.auditId))
      .where(gt(auditSeals.auditId, cursor))
      .orderBy(asc(auditSeals.auditId))
      .limit(Math.min(5000, limit - checked));
    if (!page.length) break;
    for (const { seal, row } of page) {
      if (!row) missing.push(seal.auditId);
      else if (link(cipher, previous, row) !== seal.mac) mismatched.push(seal.auditId);
      // Continue from the stored seal, so one bad row is reported once, not as every row after it.
      previous = seal.mac;
      through = seal.auditId;
    }
    checked += page.length;
    cursor = through as number;
  }
  const [next] = await db.select({ id: auditSeals.auditId }).from(auditSeals).where(gt(auditSeals.auditId, cursor)).limit(1);
  const staleBefore = new Date((opts.now ?? new Date()).getTime() - 10 * 60 * 1000);
  const [{ n: unsealed }] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(auditLog)
    .where(and(lt(auditLog.at, staleBefore), sql`NOT EXISTS (SELECT 1 FROM ${auditSeals} s WHERE s.audit_id = ${auditLog.id})`));
  return { ok: mismatched.length === 0 && missing.length === 0 && unsealed === 0, checked, checkedThrough: through, more: !!next, mismatched, missing, unsealed };
}
