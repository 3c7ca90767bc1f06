import { and, eq, isNull } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { open311ApiKeys, regions } from '../../db/schema/index.js';
import { sha256 } from '../../lib/crypto.js';

/** Only this digest of an API key is stored; keys are long random strings, so a plain SHA-256 suffices. */
export function hashApiKey(key: string): string {
  return sha256(`open311:${key}`);
}

export interface ApiKeyRow {
  id: string;
  name: string;
  regionId: number;
  regionPath: string;
}

/** The active key matching `key`, with its region, or null. */
export async function findApiKey(db: Db, key: string): Promise<ApiKeyRow | null> {
  if (!key || key.length > 200) return null;
  const [row] = await db
    .select({ id: open311ApiKeys.id, name: open311ApiKeys.name, regionId: open311ApiKeys.regionId, regionPath: regions.path })
    .from(open311ApiKeys)
    .innerJoin(regions, eq(regions.id, open311ApiKeys.regionId))
    .where(and(eq(open311ApiKeys.keyHash, hashApiKey(key)), isNull(open311ApiKeys.revokedAt)));
  return row ?? null;
}
