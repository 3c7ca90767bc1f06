import { join } from 'node:path';
import { buildApp } from './app.js';
import { migrateDatabase, openDatabase } from './db/client.js';
import { seedIfEmpty } from './db/seed/index.js';
import { DEMO_USERS } from './db/seed/org.seed.js';
import { DEMO_ENTERPRISE_NAME, DEMO_ENTERPRISE_USER } from './db/seed/registry.seed.js';
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
  const seeded = await seedIfEmpty(database.db, env, cipher);
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

  const shownHost = env.HOST === '0.0.0.0' || env.HOST === '::' ? 'localhost' : env.HOST;
  const lines = [
    '',
    `物业服务专项整治监督平台 running at http://${shownHost}:${env.PORT}/`,
    `  public portal:  http://${shownHost}:${env.PORT}/portal`,
    `  API docs:       http://${shownHost}:${env.PORT}/api/docs`,
    `  database:       ${database.driver === 'pglite' ? `embedded PGlite in ${join(env.DATA_DIR, 'pglite')}` : 'PostgreSQL (DATABASE_URL)'}${seeded ? ' — migrated and seeded just now' : ''}`,
  ];
  if (env.SEED_DEMO) {
    lines.push(
      `  demo accounts (password: ${env.DEMO_PASSWORD}${env.NODE_ENV === 'production' ? ', must be changed at first login' : ''}):`,
      ...DEMO_USERS.map((u) => `    ${u.username.padEnd(Math.max(...DEMO_USERS.map((d) => d.username.length)) + 2)} ${u.displayName}`),
      `    ${DEMO_ENTERPRISE_USER.username.padEnd(26)} 物业企业用户（${DEMO_ENTERPRISE_NAME}）`,
      `  Open311 demo api_key: ${env.OPEN311_DEMO_KEY}`,
    );
  }
  console.log(lines.join('\n'));
}

main().catch((err) => {
  console.error(err instanceof Error ? err.message : err);
  process.exit(1);
});
