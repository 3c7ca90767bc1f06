import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildApp } from '../../server/app.js';
import { migrateDatabase, openDatabase } from '../../server/db/client.js';
import { seedDatabase } from '../../server/seed.js';
import { loadEnv } from '../../server/env.js';
import { FieldCipher } from '../../server/lib/crypto.js';

/**
 * The platform as the benchmarks use it: a throwaway data folder, embedded PGlite migrated and
 * seeded with the demo data, the Fastify app (requests through app.inject), jobs off.
 * BENCH_DATABASE_URL (an empty PostgreSQL database) replaces PGlite, so that the process holds
 * the app alone (its memory is then the Node side's).
 */
export async function startBenchApp() {
  const dataDir = mkdtempSync(join(tmpdir(), 'wy-bench-'));
  const env = loadEnv({ NODE_ENV: 'test', DATA_DIR: dataDir, DATA_ENCRYPTION_KEY: '00112233445566778899aabbccddeeff', JOBS_ENABLED: 'false', LOG_LEVEL: 'error' });
  const databaseUrl = process.env.BENCH_DATABASE_URL;
  const database = await openDatabase(databaseUrl ? { databaseUrl } : { dataDir: join(dataDir, 'pglite') });
  await migrateDatabase(database);
  const cipher = new FieldCipher(env.DATA_ENCRYPTION_KEY as string);
  await seedDatabase(database.db, env, cipher);
  const app = await buildApp({ db: database.db, database, env, cipher }, { logger: false });
  return {
    app,
    db: database.db,
    database,
    cipher,
    env,
    /** The session cookie of a demo account. */
    async cookieFor(username: string) {
      const res = await app.inject({ method: 'POST', url: '/api/auth/login', payload: { username, password: env.DEMO_PASSWORD } });
      return `sid=${res.cookies.find((c) => c.name === 'sid')?.value}`;
    },
    async close() {
      await app.close();
      await database.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** A multipart/form-data body with one file in the field `file`. */
export function multipartFile(fileName: string, data: Buffer) {
  const boundary = '----bench0123456789';
  const head = Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${fileName}"\r\nContent-Type: application/octet-stream\r\n\r\n`);
  return { payload: Buffer.concat([head, data, Buffer.from(`\r\n--${boundary}--\r\n`)]), headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } };
}

/** Samples the resident set size every 100 ms; `stop()` returns the peak in MB, `lap()` the peak since the last lap. */
export function peakRss() {
  let peak = 0;
  let lapPeak = 0;
  const sample = () => {
    const rss = process.memoryUsage().rss;
    peak = Math.max(peak, rss);
    lapPeak = Math.max(lapPeak, rss);
  };
  const sampler = setInterval(sample, 100);
  return {
    lap() {
      sample();
      const mb = Math.round(lapPeak / 1024 / 1024);
      lapPeak = 0;
      return mb;
    },
    stop() {
      clearInterval(sampler);
      return Math.round(peak / 1024 / 1024);
    },
  };
}
