import type { Db } from './db/client.js';
import { seedIfEmpty } from './db/seed/index.js';
import type { Env } from './env.js';
import type { FieldCipher } from './lib/crypto.js';
import { DEMO_SEEDERS } from './modules/seeds.js';

/** Reference data always; the modules' demo data on an empty database when SEED_DEMO is on. */
export function seedDatabase(db: Db, env: Env, cipher: FieldCipher): Promise<boolean> {
  return seedIfEmpty(db, env, cipher, DEMO_SEEDERS);
}
