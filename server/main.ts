import { join } from 'node:path';
import { buildApp } from './app.js';
import { startBanner } from './banner.js';
import { migrateDatabase, openDatabase } from './db/client.js';
import { seedDatabase } from './seed.js';
import { loadEnv } from './env.js';
import './jobs/registry.js';
import { JobRunner } from './jobs/runner.js';
import { FieldCipher } from './lib/crypto.js';
import { resolveEncryptionKey } from './lib/keys.js';

/** Process entry: parse env, open and migrate the database, seed on first start, serve HTTP, run jobs. */
async function main() {
  const env = loadEnv();
  const database = await openDatabase(env.DATABASE_URL ? { databaseUrl: env.DATABASE_URL } : { dataDir: join(env.DATA_DIR, 'pglite') });
  await migrateDatabase(database);
  const cipher = new FieldCipher(resolveEncryptionKey(env));
  const seeded = await seedDatabase(database.db, env, cipher);
  const deps = { db: database.db, database, env, cipher };
  const app = await buildApp(deps);
  const runner = new JobRunner(deps, app.log, env.JOBS_POLL_MS);

  const shutdown = async (signal: string) => {
    app.log.info({ signal }, 'shutting down');
    await runner.stop();
    await app.close();
    await database.close();
    process.exit(0);
  };
  process.once('SIGINT', () => void shutdown('SIGINT'));
  process.once('SIGTERM', () => void shutdown('SIGTERM'));

  await app.listen({ port: env.PORT, host: env.HOST });
  if (env.JOBS_ENABLED) await runner.start();

  console.log(startBanner(env, database, seeded));
}

main().catch((err) => {
  console.error(err instanceof Error ? err.message : err);
  process.exit(1);
});
