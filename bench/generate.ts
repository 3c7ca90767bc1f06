/**
 * `bench/generate`: the province-scale data set (issue 13), deterministic and bulk-loaded with COPY.
 *   npx tsx bench/generate.ts --data-dir=/tmp/wy-data [--scale=1] [--seed=13] [--until=YYYY-MM-DD]
 *   DATABASE_URL=postgres://… npx tsx bench/generate.ts [--scale=1] …
 * Opens the database the way the server does (PGlite in <data-dir>/pglite, or DATABASE_URL),
 * migrates and seeds it (demo data), then loads the generated rows (bench/lib/dataset.ts). Start the
 * server on the same DATA_DIR / DATABASE_URL afterwards (DATA_ENCRYPTION_KEY must be the one given
 * here, default the bench key). Prints the counts and the time of each phase as JSON.
 */
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { migrateDatabase, openDatabase } from '../server/db/client.js';
import { loadEnv } from '../server/env.js';
import { FieldCipher } from '../server/lib/crypto.js';
import { seedDatabase } from '../server/seed.js';
import { type DatasetResult, loadDataset, pgliteSink, postgresSink } from './lib/dataset.js';

export const BENCH_KEY = '00112233445566778899aabbccddeeff';

export interface GenerateTarget {
  dataDir?: string;
  databaseUrl?: string;
}

/** Migrate + seed + load. Returns the data set's counts and timings (seconds). */
export async function generateInto(target: GenerateTarget, opts: { scale: number; seed: number; until?: string; log?: (l: string) => void }): Promise<DatasetResult & { prepareSeconds: number }> {
  const t0 = performance.now();
  const env = loadEnv({ NODE_ENV: 'development', DATA_DIR: target.dataDir ?? '/tmp/wy-unused', DATA_ENCRYPTION_KEY: process.env.DATA_ENCRYPTION_KEY ?? BENCH_KEY, JOBS_ENABLED: 'false', LOG_LEVEL: 'error' });
  const database = await openDatabase(target.databaseUrl ? { databaseUrl: target.databaseUrl } : { dataDir: join(target.dataDir as string, 'pglite') });
  try {
    await migrateDatabase(database);
    await seedDatabase(database.db, env, new FieldCipher(env.DATA_ENCRYPTION_KEY as string));
    const prepareSeconds = Math.round((performance.now() - t0) / 100) / 10;
    opts.log?.(`migrated and seeded (${prepareSeconds} s)`);
    const sink = database.pglite ? pgliteSink(database.pglite) : await postgresSink(target.databaseUrl as string);
    try {
      return { ...(await loadDataset(sink, opts)), prepareSeconds };
    } finally {
      await sink.close();
    }
  } finally {
    await database.close();
  }
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const args = Object.fromEntries(process.argv.slice(2).map((a) => a.replace(/^--/, '').split('=') as [string, string]));
  const databaseUrl = args['database-url'] ?? process.env.DATABASE_URL;
  const dataDir = args['data-dir'] ?? process.env.DATA_DIR;
  if (!databaseUrl && !dataDir) {
    console.error('usage: npx tsx bench/generate.ts --data-dir=DIR | --database-url=URL [--scale=1] [--seed=13] [--until=YYYY-MM-DD]');
    process.exit(2);
  }
  const t0 = performance.now();
  generateInto(databaseUrl ? { databaseUrl } : { dataDir }, { scale: Number(args.scale ?? 1), seed: Number(args.seed ?? 13), until: args.until, log: (l) => console.log(l) })
    .then((r) => {
      console.log(JSON.stringify({ ...r, wallSeconds: Math.round((performance.now() - t0) / 100) / 10, peakRssMb: Math.round(process.resourceUsage().maxRSS / 1024) }));
    })
    .catch((err) => {
      console.error(err);
      process.exit(1);
    });
}
