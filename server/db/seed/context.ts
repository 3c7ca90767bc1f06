import type { Env } from '../../env.js';
import type { FieldCipher } from '../../lib/crypto.js';
import type { Db } from '../client.js';

/** What a demo seeder receives: the transaction, settings, and the ids earlier seeders created. */
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

/** A module's demo seeder; `server/modules/seeds.ts` lists them in dependency order. */
export type Seeder = { name: string; run: (ctx: SeedContext) => Promise<void> };
