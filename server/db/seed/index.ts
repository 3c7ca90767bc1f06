import { sql } from 'drizzle-orm';
import type { Env } from '../../env.js';
import type { FieldCipher } from '../../lib/crypto.js';
import { type Db, queryRows } from '../client.js';
import { seedCalendar } from './calendar.seed.js';
import { seedCampaigns } from './campaigns.seed.js';
import { seedCases } from './cases.seed.js';
import { seedComplaints } from './complaints.seed.js';
import { seedCredit } from './credit.seed.js';
import { seedEnforcement } from './enforcement.seed.js';
import { seedLegalLibrary } from './legal.seed.js';
import { seedOrganisation } from './org.seed.js';
import { seedProblems } from './problems.seed.js';
import { seedOpen311 } from '../../modules/open311/open311.seed.js';
import { seedRegions } from './regions.seed.js';
import { seedRegistry } from './registry.seed.js';

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

/**
 * Reference data (working-day calendar, legal library): seeded with or without demo data, and on
 * every start of an existing database too — each seeder only adds what is missing (idempotent,
 * safe when several instances start at once), so a newer data package brings its new years in.
 */
export const REFERENCE_SEEDERS: { name: string; run: (db: Db) => Promise<void> }[] = [
  { name: 'calendar', run: seedCalendar },
  { name: 'legal', run: seedLegalLibrary },
];

/** Demo seeders in dependency order. Capability modules append theirs here. */
export const SEEDERS: Seeder[] = [
  { name: 'organisation', run: seedOrganisation },
  { name: 'campaigns', run: seedCampaigns },
  { name: 'registry', run: seedRegistry },
  { name: 'complaints', run: seedComplaints },
  { name: 'problems', run: seedProblems },
  { name: 'open311', run: seedOpen311 },
  { name: 'enforcement', run: seedEnforcement },
  { name: 'credit', run: seedCredit },
  { name: 'cases', run: seedCases },
];

/**
 * Seeds the demo data once, on an empty database (no regions). The regions are always seeded
 * (they are reference data); the rest only when SEED_DEMO is on. Runs in one transaction:
 * a failed seed leaves the database empty, and the next start tries again.
 */
export async function seedIfEmpty(db: Db, env: Env, cipher: FieldCipher): Promise<boolean> {
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
    for (const seeder of SEEDERS) await seeder.run(ctx);
  });
  return true;
}
