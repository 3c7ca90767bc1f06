import { sql } from 'drizzle-orm';
import type { Env } from '../../env.js';
import type { FieldCipher } from '../../lib/crypto.js';
import { type Db, queryRows } from '../client.js';
import { seedCalendar } from './calendar.seed.js';
import type { SeedContext, Seeder } from './context.js';
import { seedLegalLibrary } from './legal.seed.js';
import { seedRegions } from './regions.seed.js';

export type { SeedContext, Seeder } from './context.js';

/**
 * Reference data (working-day calendar, legal library): seeded with or without demo data, and on
 * every start of an existing database too — each seeder only adds what is missing (idempotent,
 * safe when several instances start at once), so a newer data package brings its new years in.
 */
export const REFERENCE_SEEDERS: { name: string; run: (db: Db) => Promise<void> }[] = [
  { name: 'calendar', run: seedCalendar },
  { name: 'legal', run: seedLegalLibrary },
];

/**
 * Seeds the demo data once, on an empty database (no regions); the demo seeders are the modules'
 * own (`server/modules/seeds.ts`), passed in so that the database layer never imports module code. The regions are always seeded
 * (they are reference data); the rest only when SEED_DEMO is on. Runs in one transaction:
 * a failed seed leaves the database empty, and the next start tries again.
 */
export async function seedIfEmpty(db: Db, env: Env, cipher: FieldCipher, demoSeeders: readonly Seeder[]): Promise<boolean> {
  const [row] = await queryRows<{ n: number }>(db, sql`SELECT count(*)::int AS n FROM regions`);
  if (Number(row?.n) > 0) {
    await db.transaction(async (tx) => {
      for (const seeder of REFERENCE_SEEDERS) await seeder.run(tx);
    });
    return false;
  }
  await db.transaction(async (tx) => {
    const ctx: SeedContext = { db: tx, env, cipher, regionIds: await seedRegions(tx), orgUnitIds: new Map(), userIds: new Map(), refs: new Map() };
    for (const seeder of REFERENCE_SEEDERS) await seeder.run(tx);
    if (!env.SEED_DEMO) return;
    for (const seeder of demoSeeders) await seeder.run(ctx);
  });
  return true;
}
