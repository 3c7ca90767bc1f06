import type { SeedContext } from '../../db/seed/context.js';
import type { Actor } from '../../http/actor.js';
import { loadActor } from './sessions.js';

/** The demo user's Actor, so that demo seeders go through the same use cases as people do. */
export async function seedActorFor(ctx: SeedContext, username: string): Promise<Actor> {
  const id = ctx.userIds.get(username);
  if (!id) throw new Error(`seed: unknown user ${username}`);
  return loadActor(ctx.db, id);
}
