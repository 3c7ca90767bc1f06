import type { SeedContext } from '../../db/seed/context.js';
import { EAST_LAKE } from '../../db/seed/regions.seed.js';
import { open311ApiKeys } from '../../db/schema/index.js';
import { hashApiKey } from './open311.keys.js';

/** The demo Open311 client (the 12345 platform) with the key from OPEN311_DEMO_KEY; its leads land in the East Lake zone. */
export async function seedOpen311(ctx: SeedContext): Promise<void> {
  const regionId = ctx.regionIds.get(EAST_LAKE);
  if (!regionId) return;
  await ctx.db
    .insert(open311ApiKeys)
    .values({ name: '12345 热线平台（演示）', keyHash: hashApiKey(ctx.env.OPEN311_DEMO_KEY), regionId })
    .onConflictDoNothing();
}
