/**
 * The request-path figures beside their bare limits, measured the same way in one run:
 *   npx tsx bench/http.ts [--seconds=5] [--connections=16] [--db=pglite,postgres] [--profile]
 * For each database it starts the REAL server (node server/main.ts, demo seed, jobs off) and the
 * bare server (bench/lib/bare-server.ts) on the same kind of database, then drives both from
 * outside with autocannon (16 connections):
 *   staff POST /api/complaints   vs  bare validate-and-insert  (target ≥ 0.5×)
 *   GET /api/me                  vs  bare GET /hello           (target ≥ 0.3×)
 * PostgreSQL needs BENCH_DATABASE_URL (a server where it may create databases); without it only
 * PGlite runs. Prints a markdown table and writes the figures as JSON to bench/results/http.json.
 * Also checks that a hashed /assets/*.js goes out compressed with immutable caching (when built).
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import autocannon from 'autocannon';
import pg from 'pg';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const args = Object.fromEntries(process.argv.slice(2).map((a) => a.replace(/^--/, '').split('=') as [string, string]));
const SECONDS = Number(args.seconds ?? 5);
const CONNECTIONS = Number(args.connections ?? 16);
const PROFILE = 'profile' in args;
const PG_URL = process.env.BENCH_DATABASE_URL;
const DBS = (args.db ?? (PG_URL ? 'pglite,postgres' : 'pglite')).split(',');

export interface Figure {
  db: string;
  path: string;
  reqPerSec: number;
  p50: number;
  p99: number;
  errors: number;
  non2xx: number;
  bare: string;
  bareReqPerSec: number;
  ratio: number;
  target: number;
}

export function startProcess(name: string, script: string[], env: Record<string, string>, readyText: RegExp): Promise<ChildProcess> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [...(PROFILE ? ['--cpu-prof', `--cpu-prof-dir=${join(ROOT, 'bench/results/profiles')}`] : []), '--import', 'tsx', ...script], {
      cwd: ROOT,
      env: { ...process.env, ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    const onData = (d: Buffer) => {
      out += d.toString();
      if (readyText.test(out)) resolve(child);
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', onData);
    child.on('exit', (code) => reject(new Error(`${name} exited (${code}):\n${out.slice(-3000)}`)));
  });
}

export async function stop(child: ChildProcess) {
  if (child.exitCode !== null) return;
  const done = new Promise((r) => child.once('exit', r));
  child.kill('SIGINT');
  await Promise.race([done, new Promise((r) => setTimeout(r, PROFILE ? 30_000 : 5000))]);
  if (child.exitCode === null) child.kill('SIGKILL');
}

export async function waitFor(url: string, ms = 120_000) {
  const until = Date.now() + ms;
  while (Date.now() < until) {
    try {
      if ((await fetch(url)).ok) return;
    } catch {}
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`${url} not ready`);
}

async function load(opts: { url: string; method?: 'GET' | 'POST'; headers?: Record<string, string>; body?: string; setupRequest?: (req: { headers?: Record<string, string> }) => { headers?: Record<string, string> } }) {
  const result = await autocannon({
    url: opts.url,
    method: opts.method ?? 'GET',
    headers: opts.headers,
    body: opts.body,
    connections: CONNECTIONS,
    duration: SECONDS,
    // setupRequest is a per-request option in autocannon (top-level it is ignored).
    ...(opts.setupRequest ? ({ requests: [{ method: opts.method ?? 'GET', headers: opts.headers, body: opts.body, setupRequest: opts.setupRequest }] } as Partial<autocannon.Options>) : {}),
  });
  return {
    reqPerSec: Math.round(result.requests.average),
    p50: result.latency.p50,
    p99: result.latency.p99,
    errors: result.errors + result.timeouts,
    non2xx: result.non2xx,
  };
}

const LEAD = {
  channel: 'phone',
  description: '小区物业公司长期不公示收费标准，电梯经常停运，业主多次反映无人处理，请尽快核查。',
  contactName: '张先生',
  contactPhone: '13800138000',
};

async function recreateDatabase(name: string) {
  const admin = new pg.Client({ connectionString: PG_URL });
  await admin.connect();
  await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const url = new URL(PG_URL as string);
  url.pathname = `/${name}`;
  return url.toString();
}

async function measure(db: string, port: number): Promise<{ figures: Figure[]; static: Record<string, string> | null; startMs: number }> {
  const dataDir = mkdtempSync(join(tmpdir(), `wy-bench-${db}-`));
  const appEnv: Record<string, string> = {
    NODE_ENV: 'development',
    PORT: String(port),
    HOST: '127.0.0.1',
    DATA_DIR: dataDir,
    DATA_ENCRYPTION_KEY: '00112233445566778899aabbccddeeff',
    JOBS_ENABLED: 'false',
    COOKIE_SECURE: 'false',
    // Only request.ip changes: the Open311 figure spreads its load over many client addresses
    // (X-Forwarded-For) so the per-client limit of 120 a minute, still counted, does not answer 429.
    TRUST_PROXY: 'true',
  };
  const bareEnv: Record<string, string> = { PORT: String(port + 1), BARE_DATA_DIR: join(dataDir, 'bare') };
  if (db === 'postgres') {
    appEnv.DATABASE_URL = await recreateDatabase('wy_bench_app');
    bareEnv.DATABASE_URL = await recreateDatabase('wy_bench_bare');
  }
  const started = performance.now();
  const app = await startProcess('server', ['server/main.ts'], appEnv, /running at/);
  await waitFor(`http://127.0.0.1:${port}/readyz`);
  const startMs = Math.round(performance.now() - started);
  const bare = await startProcess('bare', ['bench/lib/bare-server.ts'], bareEnv, /bare ready/);
  const base = `http://127.0.0.1:${port}`;
  const bareBase = `http://127.0.0.1:${port + 1}`;
  try {
    const login = await fetch(`${base}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username: 'district-housing', password: 'Demo@2026' }),
    });
    const sid = login.headers.getSetCookie().find((c) => c.startsWith('sid='));
    if (!login.ok || !sid) throw new Error(`login failed: ${login.status} ${await login.text()}`);
    const cookie = sid.split(';')[0];
    const json = { 'content-type': 'application/json', cookie };

    // Warm both up (JIT, plan caches, pools) before measuring.
    await autocannon({ url: `${bareBase}/hello`, connections: 4, duration: 1 });
    await autocannon({ url: `${base}/api/me`, headers: { cookie }, connections: 4, duration: 1 });

    const figures: Figure[] = [];
    const hello = await load({ url: `${bareBase}/hello` });
    const me = await load({ url: `${base}/api/me`, headers: { cookie } });
    figures.push({ db, path: 'GET /api/me', ...me, bare: 'GET /hello', bareReqPerSec: hello.reqPerSec, ratio: me.reqPerSec / hello.reqPerSec, target: 0.3 });
    const bareInsert = await load({ url: `${bareBase}/bare`, method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ description: LEAD.description }) });
    const create = await load({ url: `${base}/api/complaints`, method: 'POST', headers: json, body: JSON.stringify(LEAD) });
    figures.push({
      db,
      path: 'POST /api/complaints (staff)',
      ...create,
      bare: 'POST /bare (validate + insert)',
      bareReqPerSec: bareInsert.reqPerSec,
      ratio: create.reqPerSec / bareInsert.reqPerSec,
      target: 0.5,
    });
    // Public intake: Open311 (the 12345 platform's key from the demo seed), form-encoded as the spec posts.
    let client = 0;
    const open311 = await load({
      url: `${base}/open311/v2/requests.json`,
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ api_key: 'demo-open311-key-0000000000000000', service_code: '1', description: LEAD.description, address_string: '武汉市东湖风景区听涛路 1 号', phone: LEAD.contactPhone }).toString(),
      setupRequest: (req) => ({ ...req, headers: { ...req.headers, 'x-forwarded-for': `10.${(client >> 16) & 255}.${(client >> 8) & 255}.${client++ & 255}` } }),
    });
    figures.push({ db, path: 'POST /open311/v2/requests.json (public)', ...open311, bare: 'POST /bare (validate + insert)', bareReqPerSec: bareInsert.reqPerSec, ratio: open311.reqPerSec / bareInsert.reqPerSec, target: 0.5 });
    return { figures, static: await staticHeaders(base), startMs };
  } finally {
    await stop(app);
    await stop(bare);
    rmSync(dataDir, { recursive: true, force: true });
  }
}

/** The headers a browser gets for one hashed script, when the web apps are built. */
async function staticHeaders(base: string) {
  let assets: string[];
  try {
    assets = readdirSync(join(ROOT, 'web/dist/assets')).filter((f) => /-[\w-]{8,}\.js$/.test(f));
  } catch {
    return null;
  }
  if (!assets.length) return null;
  const res = await fetch(`${base}/assets/${assets[0]}`, { headers: { 'accept-encoding': 'br, gzip' } });
  await res.arrayBuffer();
  return {
    url: `/assets/${assets[0]}`,
    status: String(res.status),
    'content-encoding': res.headers.get('content-encoding') ?? '',
    'cache-control': res.headers.get('cache-control') ?? '',
  };
}

export function markdown(figures: Figure[]) {
  const lines = [
    '| database | path | req/s | p50 ms | p99 ms | bare limit | bare req/s | ratio | target |',
    '|---|---|---:|---:|---:|---|---:|---:|---:|',
    ...figures.map(
      (f) =>
        `| ${f.db} | ${f.path} | ${f.reqPerSec} | ${f.p50} | ${f.p99} | ${f.bare} | ${f.bareReqPerSec} | **${f.ratio.toFixed(2)}×** ${f.ratio >= f.target ? '✓' : '✗'} | ${f.target}× |`,
    ),
  ];
  return lines.join('\n');
}

export async function runHttpBench() {
  const all: Figure[] = [];
  const extra: Record<string, unknown> = {};
  let port = 3710;
  for (const db of DBS) {
    if (db === 'postgres' && !PG_URL) continue;
    const r = await measure(db, port);
    port += 2;
    all.push(...r.figures);
    extra[db] = { static: r.static, startToReadyMs: r.startMs };
    const bad = r.figures.filter((f) => f.errors || f.non2xx);
    if (bad.length) console.warn('errors or non-2xx answers:', bad.map((f) => `${f.path}: ${f.errors} errors, ${f.non2xx} non-2xx`).join('; '));
  }
  const conditions = { seconds: SECONDS, connections: CONNECTIONS, cpus: (await import('node:os')).cpus().length, node: process.version, at: new Date().toISOString() };
  console.log(`\n${markdown(all)}\n`);
  console.log(`conditions: ${JSON.stringify(conditions)}`);
  for (const [db, e] of Object.entries(extra)) console.log(`${db}: ${JSON.stringify(e)}`);
  mkdirSync(join(ROOT, 'bench/results'), { recursive: true });
  const out = { conditions, figures: all, ...extra };
  writeFileSync(join(ROOT, 'bench/results/http.json'), JSON.stringify(out, null, 2));
  console.log(JSON.stringify(out));
  return out;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  runHttpBench().catch((err) => {
    console.error(err);
    process.exit(1);
  });
}
