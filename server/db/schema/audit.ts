import { bigint, bigserial, index, integer, jsonb, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';

/**
 * Append-only audit log (等保 安全审计). The application only inserts; a trigger
 * (server/db/sql/010-audit-append-only.sql) refuses UPDATE, DELETE and TRUNCATE.
 * `regionId` is the jurisdiction the change belongs to, so supervisors see their subtree only.
 */
export const auditLog = pgTable(
  'audit_log',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
    actorId: uuid('actor_id'),
    actorName: text('actor_name'),
    action: text('action').notNull(),
    entityType: text('entity_type').notNull(),
    entityId: text('entity_id'),
    regionId: integer('region_id'),
    before: jsonb('before'),
    after: jsonb('after'),
    note: text('note'),
    ip: text('ip'),
    requestId: text('request_id'),
  },
  (t) => [
    index('audit_at_idx').on(t.at),
    index('audit_entity_idx').on(t.entityType, t.entityId),
    index('audit_actor_idx').on(t.actorId, t.at),
    index('audit_region_at_idx').on(t.regionId, t.at),
  ],
);

/**
 * The audit log's seal chain (等保 数据完整性 for audit data): for each audit row, in id order,
 * mac = HMAC-SM3(key, previous mac | the row). The key is derived from DATA_ENCRYPTION_KEY and
 * never stored in the database, so a row changed, inserted or deleted behind the application's
 * back — even by someone able to drop the append-only trigger — no longer verifies. Written by
 * the `audit.seal` job; append-only like the log itself.
 */
export const auditSeals = pgTable('audit_seals', {
  auditId: bigint('audit_id', { mode: 'number' })
    .primaryKey()
    .references(() => auditLog.id),
  mac: text('mac').notNull(),
  sealedAt: timestamp('sealed_at', { withTimezone: true }).notNull().defaultNow(),
});
