import type { Db } from '../db/client.js';
import { auditLog } from '../db/schema/index.js';
import type { Actor } from './actor.js';

export interface AuditEntry {
  action: string;
  entityType: string;
  entityId?: string | number | null;
  regionId?: number | null;
  before?: unknown;
  after?: unknown;
  note?: string | null;
}

/**
 * Writes one audit row. Call it with the transaction of the change itself, so the change and
 * its audit record commit or roll back together. Never pass secrets (password hashes, tokens).
 */
export async function recordAudit(db: Db, actor: Actor, entry: AuditEntry): Promise<void> {
  await db.insert(auditLog).values(auditValues(actor, entry));
}

/** The audit row of an entry, for a use case that writes it inside a larger statement (still the same transaction). */
export function auditValues(actor: Actor, entry: AuditEntry): typeof auditLog.$inferInsert {
  return {
    actorId: actor.userId,
    actorName: actor.kind === 'system' ? `system:${actor.username}` : actor.username,
    action: entry.action,
    entityType: entry.entityType,
    entityId: entry.entityId === undefined || entry.entityId === null ? null : String(entry.entityId),
    regionId: entry.regionId ?? (actor.regionId || null),
    before: entry.before === undefined ? null : toJson(entry.before),
    after: entry.after === undefined ? null : toJson(entry.after),
    note: entry.note ?? null,
    ip: actor.ip,
    requestId: actor.requestId,
  };
}

function toJson(value: unknown): unknown {
  return JSON.parse(JSON.stringify(value, (_k, v) => (typeof v === 'bigint' ? Number(v) : v)));
}
