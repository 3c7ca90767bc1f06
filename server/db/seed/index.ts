import { sql } from 'drizzle-orm';
import type { Env } from '../../env.js';
import type { FieldCipher } from '../../lib/crypto.js';
import { type Db, queryRows } from '../client.js';
import { seedOrganisation } from './org.seed.js';
import { seedRegions } from './regions.seed.js';

export interface SeedContext {
  db: Db;
  env: Env;
  cipher: FieldCipher;
  regionIds: Map<string, number>;
  orgUnitIds: Map<string, string>;
  userIds: Map<string, string>;
  /** Free-form shared references between seeders (e.g. demo enterprise ids). */
  refs: Map<string, unknown>;
}

type Seeder = { name: string; run: (ctx: SeedContext) => Promise<void> };

/** Demo seeders in dependency order. Capability modules append theirs here. */
export const SEEDERS: Seeder[] = [{ name: 'organisation', run: seedOrganisation }];

/**
 * Seeds the demo data once, on an empty database (no regions). The regions are always seeded
 * (they are reference data); the rest only when SEED_DEMO is on. Runs in one transaction:
 * a failed seed leaves the database empty, and the next start tries again.
 */
export async function seedIfEmpty(db: Db, env: Env, cipher: FieldCipher): Promise<boolean> {
  const [row] = await queryRows<{ n: number }>(db, sql`SELECT count(*)::int AS n FROM regions`);
  if (Number(row?.n) > 0) return false;
  await db.transaction(async (tx) => {
    const ctx: SeedContext = { db: tx, env, cipher, regionIds: await seedRegions(tx), orgUnitIds: new Map(), userIds: new Map(), refs: new Map() };
    if (!env.SEED_DEMO) return;
    for (const seeder of SEEDERS) await seeder.run(ctx);
  });
  return true;
}
