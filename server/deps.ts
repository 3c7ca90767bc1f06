import type { Database, Db } from './db/client.js';
import type { Env } from './env.js';
import type { FieldCipher } from './lib/crypto.js';

/** What every module receives at registration: the database, parsed settings and the field cipher. */
export interface AppDeps {
  db: Db;
  database: Database;
  env: Env;
  cipher: FieldCipher;
}
