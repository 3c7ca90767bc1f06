/**
 * The read paths at province scale, through HTTP against the real server on a generated data set:
 *   npx tsx bench/scale.ts --data-dir=DIR | --database-url=URL [--month=YYYY-MM] [--samples=20] [--only=inbox,report,dashboard]
 * (generate the data set first: bench/generate.ts). Starts `node server/main.ts` on it (jobs off),
 * signs in as the demo district officer (东湖风景区), city coordinator (武汉) and province supervisor
 * (湖北), and times, one request after the other after two warm-ups, p50 and p95 of:
 *   (c) the inbox GET /api/complaints?pageSize=20, page 1 and page 500, with jurisdiction, status
 *       and due-date filters — target p95 ≤ 50 ms;
 *   (d) the monthly 附件2 GET /api/reports/monthly for the district, the city and the province —
 *       target (province) ≤ 1 s;
 *   (e) the dashboard GET /api/dashboard for each of the three.
 * Also reports start to ready on the loaded database.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { BENCH_KEY } from './generate.js';
import { startProcess, stop, waitFor } from './http.js';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');

export interface ReadFigure {
  db: string;
  group: 'inbox' | 'report' | 'dashboard';
  who: string;
  path: string;
  samples: number;
  p50: number;
  p95: number;
  total?: number;
  /** Target on p95 in ms, when the issue sets one. */
  targetMs?: number;
}

export interface ScaleOptions {
  db: 'pglite' | 'postgres';
  dataDir?: string;
  databaseUrl?: string;
  port?: number;
  samples?: number;
  month: string;
  /** Groups to time (default all). */
  only?: ReadFigure['group'][];
  log?: (l: string) => void;
}

const USERS = {
  district: { username: 'district-housing', region: '420100-DH' },
  city: { username: 'city-coordinator', region: '420100' },
  province: { username: 'province-supervisor', region: '420000' },
} as const;

export async function runScaleBench(o: ScaleOptions): Promise<{ figures: ReadFigure[]; startToReadyMs: number }> {
  const port = o.port ?? 3760;
  const samples = o.samples ?? 20;
  const log = o.log ?? (() => undefined);
  const env: Record<string, string> = {
    NODE_ENV: 'development',
    PORT: String(port),
    HOST: '127.0.0.1',
    DATA_DIR: o.dataDir ?? join(ROOT, 'tmp/unused-data'),
    DATA_ENCRYPTION_KEY: BENCH_KEY,
    JOBS_ENABLED: 'false',
    COOKIE_SECURE: 'false',
  };
  if (o.databaseUrl) env.DATABASE_URL = o.databaseUrl;
  const t0 = performance.now();
  const app = await startProcess('server', ['server/main.ts'], env, /running at/);
  const base = `http://127.0.0.1:${port}`;
  try {
    await waitFor(`${base}/readyz`);
    const startToReadyMs = Math.round(performance.now() - t0);
    const cookies: Record<string, string> = {};
    for (const [who, u] of Object.entries(USERS)) {
      const res = await fetch(`${base}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username: u.username, password: 'Demo@2026' }) });
      const sid = res.headers.getSetCookie().find((c) => c.startsWith('sid='));
      if (!res.ok || !sid) throw new Error(`login ${u.username}: ${res.status} ${await res.text()}`);
      cookies[who] = sid.split(';')[0];
    }
    const figures: ReadFigure[] = [];
    const time = async (group: ReadFigure['group'], who: keyof typeof USERS, path: string, n: number, targetMs?: number) => {
      const ms: number[] = [];
      let total: number | undefined;
      for (let i = 0; i < n + 2; i++) {
        const start = performance.now();
        const res = await fetch(`${base}${path}`, { headers: { cookie: cookies[who] } });
        const body = await res.text();
        const spent = performance.now() - start;
        if (res.status !== 200) throw new Error(`${who} ${path}: HTTP ${res.status} ${body.slice(0, 300)}`);
        if (i >= 2) ms.push(spent);
        if (group === 'inbox') total = (JSON.parse(body) as { total: number }).total;
      }
      ms.sort((a, b) => a - b);
      const pct = (p: number) => Math.round(ms[Math.min(ms.length - 1, Math.ceil((p / 100) * ms.length) - 1)] * 10) / 10;
      const f: ReadFigure = { db: o.db, group, who, path, samples: n, p50: pct(50), p95: pct(95), ...(total === undefined ? {} : { total }), ...(targetMs ? { targetMs } : {}) };
      log(`${o.db} ${group} ${who} ${path}: p50 ${f.p50} ms, p95 ${f.p95} ms${total === undefined ? '' : ` (total ${total})`}`);
      figures.push(f);
    };

    const want = (g: ReadFigure['group']) => !o.only || o.only.includes(g);
    // (c) inboxes
    const inbox = '/api/complaints?pageSize=20';
    if (want('inbox')) {
    for (const page of [1, 500]) {
      await time('inbox', 'district', `${inbox}&page=${page}`, samples, 50);
      await time('inbox', 'district', `${inbox}&status=closed&page=${page}`, samples, 50);
    }
    await time('inbox', 'district', `${inbox}&overdue=true&page=1`, samples, 50);
    await time('inbox', 'district', `${inbox}&box=in_progress&page=1`, samples, 50);
    await time('inbox', 'district', `${inbox}&dueSoon=true&page=1`, samples, 50);
    for (const page of [1, 500]) {
      await time('inbox', 'city', `${inbox}&page=${page}`, samples, 50);
      await time('inbox', 'city', `${inbox}&region=420111&status=closed&page=${page}`, samples, 50);
      await time('inbox', 'province', `${inbox}&page=${page}`, samples, 50);
    }
    await time('inbox', 'city', `${inbox}&overdue=true&page=1`, samples, 50);
    await time('inbox', 'province', `${inbox}&overdue=true&page=1`, samples, 50);
    }

    // (d) monthly 附件2, (e) dashboards
    const few = Math.max(3, Math.round(samples / 4));
    for (const who of want('report') ? (['district', 'city', 'province'] as const) : []) {
      await time('report', who, `/api/reports/monthly?region=${encodeURIComponent(USERS[who].region)}&month=${o.month}`, few, who === 'province' ? 1000 : undefined);
    }
    for (const who of want('dashboard') ? (['district', 'city', 'province'] as const) : []) await time('dashboard', who, '/api/dashboard', few);
    return { figures, startToReadyMs };
  } finally {
    await stop(app);
  }
}

export function readMarkdown(figures: ReadFigure[]) {
  return [
    '| database | figure | who | path | p50 ms | p95 ms | rows | target | meets target |',
    '|---|---|---|---|---:|---:|---:|---|---|',
    ...figures.map(
      (f) =>
        `| ${f.db} | ${f.group} | ${f.who} | \`${f.path}\` | ${f.p50} | ${f.p95} | ${f.total ?? ''} | ${f.targetMs ? `p95 ≤ ${f.targetMs} ms` : '—'} | ${f.targetMs ? (f.p95 <= f.targetMs ? '✓' : '✗') : ''} |`,
    ),
  ].join('\n');
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const args = Object.fromEntries(process.argv.slice(2).map((a) => a.replace(/^--/, '').split('=') as [string, string]));
  const databaseUrl = args['database-url'];
  runScaleBench({
    db: databaseUrl ? 'postgres' : 'pglite',
    databaseUrl,
    dataDir: args['data-dir'],
    samples: Number(args.samples ?? 20),
    month: args.month ?? new Date().toISOString().slice(0, 7),
    only: args.only ? (args.only.split(',') as ReadFigure['group'][]) : undefined,
    log: console.log,
  })
    .then((r) => {
      console.log(`\n${readMarkdown(r.figures)}\n\nstart to ready on the loaded database: ${r.startToReadyMs} ms`);
      mkdirSync(join(ROOT, 'bench/results'), { recursive: true });
      writeFileSync(join(ROOT, 'bench/results/scale.json'), JSON.stringify(r, null, 2));
    })
    .catch((err) => {
      console.error(err);
      process.exit(1);
    });
}
