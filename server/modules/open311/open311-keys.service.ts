import { type SQL, and, count, desc, eq, ilike, isNotNull, isNull, sql } from 'drizzle-orm';
import { z } from 'zod';
import { type Db, escapeLike } from '../../db/client.js';
import { auditLog, open311ApiKeys, regions, users } from '../../db/schema/index.js';
import type { Actor } from '../../http/actor.js';
import { recordAudit } from '../../http/audit.js';
import { conflict, notFound, validationFailed } from '../../http/errors.js';
import { type PageQuery, limitOffset } from '../../http/pagination.js';
import { regionFilterPath, regionInScope, regionScope } from '../../http/scope.js';
import { randomToken } from '../../lib/crypto.js';
import { hashApiKey } from './open311.keys.js';

/**
 * Issuing and revoking Open311 API keys (系统管理 → 接口密钥). A key is 32 random bytes
 * (43 base64url characters), shown to the administrator once in the create response; only its
 * SHA-256 is stored. A key belongs to a region: leads posted with it land there and keyed reads
 * see that subtree, so an administrator manages keys in their own subtree only (others are 404).
 * Revocation is immediate (findApiKey ignores revoked keys) and final. Neither the key nor its
 * hash is ever returned or audited. Who created or revoked a key is read from its audit rows,
 * written in the same transaction as the change.
 */

export const createKeyInput = z.object({
  name: z.string().trim().min(2, '名称至少 2 个字').max(60, '名称不超过 60 个字'),
  regionCode: z.string().trim().min(1, '请选择所属区划'),
});
export type CreateKeyInput = z.infer<typeof createKeyInput>;

export const KEY_STATUSES = ['active', 'revoked'] as const;
export type KeyListQuery = PageQuery & { q?: string; region?: string; status?: (typeof KEY_STATUSES)[number] };

const ENTITY = 'open311_api_key';

/** The display name of whoever wrote the key's `action` audit row (null for the seeded demo key). */
const auditedBy = (action: string): SQL<string | null> =>
  sql<string | null>`(SELECT COALESCE(${users.displayName}, ${auditLog.actorName}) FROM ${auditLog} LEFT JOIN ${users} ON ${users.id} = ${auditLog.actorId}
    WHERE ${auditLog.entityType} = ${ENTITY} AND ${auditLog.entityId} = ${open311ApiKeys.id}::text AND ${auditLog.action} = ${action}
    ORDER BY ${auditLog.id} LIMIT 1)`;

/** Explicit allowlist: never key_hash. */
const columns = {
  id: open311ApiKeys.id,
  name: open311ApiKeys.name,
  regionId: open311ApiKeys.regionId,
  regionCode: regions.code,
  regionName: regions.name,
  createdAt: open311ApiKeys.createdAt,
  createdBy: auditedBy('open311_key.create'),
  lastUsedAt: open311ApiKeys.lastUsedAt,
  revokedAt: open311ApiKeys.revokedAt,
  revokedBy: auditedBy('open311_key.revoke'),
};

const present = <T extends { revokedAt: Date | null }>(row: T) => ({ ...row, active: row.revokedAt === null });

function baseQuery(db: Db) {
  return db.select(columns).from(open311ApiKeys).innerJoin(regions, eq(regions.id, open311ApiKeys.regionId));
}

export async function listKeys(db: Db, actor: Actor, q: KeyListQuery) {
  const within = await regionFilterPath(db, q.region);
  const where = and(
    regionScope(actor, open311ApiKeys.regionId, within),
    q.q ? ilike(open311ApiKeys.name, `%${escapeLike(q.q)}%`) : undefined,
    q.status === 'active' ? isNull(open311ApiKeys.revokedAt) : q.status === 'revoked' ? isNotNull(open311ApiKeys.revokedAt) : undefined,
  );
  const { limit, offset } = limitOffset(q);
  const [items, [{ total }]] = await Promise.all([
    baseQuery(db).where(where).orderBy(desc(open311ApiKeys.createdAt), desc(open311ApiKeys.id)).limit(limit).offset(offset),
    db.select({ total: count() }).from(open311ApiKeys).where(where),
  ]);
  return { items: items.map(present), total, page: q.page, pageSize: q.pageSize };
}

export async function getKey(db: Db, actor: Actor, id: string) {
  const [row] = await baseQuery(db).where(and(eq(open311ApiKeys.id, id), regionScope(actor, open311ApiKeys.regionId)));
  if (!row) throw notFound('接口密钥');
  return present(row);
}

/** Issues a key for a region in the actor's subtree; the plaintext is returned here and nowhere else. */
export async function createKey(db: Db, actor: Actor, input: CreateKeyInput) {
  return db.transaction(async (tx) => {
    const region = await regionInScope(tx, actor, input.regionCode).catch(() => null);
    if (!region) throw validationFailed({ regionCode: '区划不存在或不在您的管辖范围内' });
    // Names are unique across the platform: the key's name identifies its client in leads and audit rows.
    const [taken] = await tx.select({ id: open311ApiKeys.id }).from(open311ApiKeys).where(eq(open311ApiKeys.name, input.name));
    if (taken) throw conflict('该名称已被使用（含已停用的密钥），请换一个名称', { fields: { name: '名称已被使用' } });
    const apiKey = randomToken(32);
    const [row] = await tx
      .insert(open311ApiKeys)
      .values({ name: input.name, keyHash: hashApiKey(apiKey), regionId: region.id })
      .returning({ id: open311ApiKeys.id });
    await recordAudit(tx, actor, {
      action: 'open311_key.create',
      entityType: ENTITY,
      entityId: row.id,
      regionId: region.id,
      after: { name: input.name, regionCode: region.code, regionName: region.name },
    });
    return { key: await getKey(tx, actor, row.id), apiKey };
  });
}

/** Revokes a key at once and for good; a key already revoked is 409, one outside the subtree 404. */
export async function revokeKey(db: Db, actor: Actor, id: string) {
  return db.transaction(async (tx) => {
    const before = await getKey(tx, actor, id);
    const revokedAt = new Date();
    const [done] = await tx
      .update(open311ApiKeys)
      .set({ revokedAt })
      .where(and(eq(open311ApiKeys.id, id), isNull(open311ApiKeys.revokedAt)))
      .returning({ id: open311ApiKeys.id });
    if (!done) throw conflict('该接口密钥已停用');
    await recordAudit(tx, actor, {
      action: 'open311_key.revoke',
      entityType: ENTITY,
      entityId: id,
      regionId: before.regionId,
      before: { name: before.name, regionCode: before.regionCode, revokedAt: null },
      after: { name: before.name, regionCode: before.regionCode, revokedAt },
    });
    return getKey(tx, actor, id);
  });
}
