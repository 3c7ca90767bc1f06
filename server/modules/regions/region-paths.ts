import { regions } from '../../db/schema/index.js';
import { cachedValue, changeFeedLive } from '../../db/changes.js';
import { eq } from 'drizzle-orm';
import type { Db } from '../../db/client.js';

/**
 * Every region's materialised path by id, in memory (a province has a few thousand regions):
 * jurisdiction checks on hot paths need no query. Dropped when regions change (db/changes.ts,
 * announced to every instance).
 */
const paths = cachedValue(['regions'], 10 * 60_000, async (db: Db) => {
  const rows = await db.select({ id: regions.id, path: regions.path, level: regions.level }).from(regions);
  return new Map(rows.map((r) => [r.id, { path: r.path, level: r.level }]));
});

async function regionOf(db: Db, regionId: number): Promise<{ path: string; level: string } | null> {
  if (!changeFeedLive()) {
    const [row] = await db.select({ path: regions.path, level: regions.level }).from(regions).where(eq(regions.id, regionId));
    return row ?? null;
  }
  return (await paths.get(db)).get(regionId) ?? null;
}

/** The materialised path of a region, or null when there is no such region. */
export async function regionPathOf(db: Db, regionId: number): Promise<string | null> {
  return (await regionOf(db, regionId))?.path ?? null;
}

/** The level of a region (province, city, district, …), or null when there is no such region. */
export async function regionLevelOf(db: Db, regionId: number): Promise<string | null> {
  return (await regionOf(db, regionId))?.level ?? null;
}
