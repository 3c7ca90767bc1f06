/**
 * `npm run bench` — every issue-13 figure beside its bare limit or target, in one run, as a markdown
 * table and JSON (bench/results/bench.json):
 *   npm run bench -- [--scale=1] [--seconds=5] [--connections=16] [--db=pglite,postgres] [--samples=20] [--skip=import,triage,scale]
 * PostgreSQL figures need BENCH_DATABASE_URL (a server where the bench may create databases, as a
 * superuser for the COPY load); without it only PGlite runs.
 *   (a) lead intake, staff and Open311, vs the bare validate-and-insert route   bench/http.ts
 *   (b) authenticated read GET /api/me vs bare hello                            bench/http.ts
 *   (h) first start to ready on an empty database (migrate + seed)              bench/http.ts
 *   (c) inbox page 1 / 500, (d) monthly 附件2, (e) dashboards, on the generated data set
 *       (bench/generate.ts at --scale, default 1 = 2,000,000 leads)              bench/scale.ts
 *   (f) 60,000-project xlsx import: time and peak RSS                           bench/import-projects.ts
 *   (g) triage per lead in process                                              bench/triage.ts
 * The other files in bench/ (complaints-list, dispatch, import-hotline) still run on their own.
 */
import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { generateInto } from './generate.js';
import { type Figure, runHttpBench } from './http.js';
import { type ReadFigure, readMarkdown, runScaleBench } from './scale.js';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const args = Object.fromEntries(process.argv.slice(2).map((a) => a.replace(/^--/, '').split('=') as [string, string]));
const SCALE = Number(args.scale ?? 1);
const SAMPLES = Number(args.samples ?? 20);
const PG_URL = process.env.BENCH_DATABASE_URL;
const DBS = (args.db ?? (PG_URL ? 'pglite,postgres' : 'pglite')).split(',').filter((d) => d !== 'postgres' || PG_URL);
const SKIP = new Set((args.skip ?? '').split(',').filter(Boolean));
const UNTIL = args.until ?? new Date().toISOString().slice(0, 10);

/** One line of the summary: a measured value beside its limit (a bare route) or its target. */
interface Row {
  figure: string;
  db: string;
  value: string;
  limit: string;
  ratio: string;
  target: string;
  meets: boolean | null;
}

function runScript(script: string, scriptArgs: string[]): Promise<Record<string, number>> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', join(ROOT, script), ...scriptArgs], { cwd: ROOT, stdio: ['ignore', 'pipe', 'inherit'] });
    let out = '';
    child.stdout.on('data', (d: Buffer) => {
      out += d.toString();
      process.stdout.write(d);
    });
    child.on('exit', (code) => {
      const line = out.split('\n').find((l) => l.startsWith('BENCH_JSON '));
      if (code !== 0 || !line) reject(new Error(`${script} exited ${code}`));
      else resolve(JSON.parse(line.slice('BENCH_JSON '.length)));
    });
  });
}

async function freshPgDatabase(name: string) {
  const admin = new pg.Client({ connectionString: PG_URL });
  await admin.connect();
  await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const url = new URL(PG_URL as string);
  url.pathname = `/${name}`;
  return url.toString();
}

async function main() {
  const rows: Row[] = [];
  const json: Record<string, unknown> = { conditions: { scale: SCALE, until: UNTIL, samples: SAMPLES, dbs: DBS, cpus: cpus().length, node: process.version, at: new Date().toISOString() } };

  // (a)(b)(h)
  console.log('\n━━ (a)(b)(h) request path vs bare limits: bench/http.ts ━━');
  const http = (await runHttpBench()) as unknown as { figures: Figure[] } & Record<string, { startToReadyMs: number }>;
  json.http = http;
  for (const f of http.figures) {
    rows.push({
      figure: f.path.startsWith('GET') ? '(b) authenticated read' : f.path.includes('open311') ? '(a) intake, public Open311' : '(a) intake, staff',
      db: f.db,
      value: `${f.reqPerSec} req/s (p99 ${f.p99} ms)${f.errors || f.non2xx ? ` — ${f.errors} errors, ${f.non2xx} non-2xx: NOT a valid figure` : ''}`,
      limit: `${f.bare}: ${f.bareReqPerSec} req/s`,
      ratio: `${f.ratio.toFixed(2)}×`,
      target: `≥ ${f.target}×`,
      meets: f.ratio >= f.target && !f.errors && !f.non2xx,
    });
  }
  for (const db of DBS) {
    const ms = http[db]?.startToReadyMs;
    if (ms !== undefined) rows.push({ figure: '(h) first start to ready (empty database: migrate + seed)', db, value: `${(ms / 1000).toFixed(1)} s`, limit: '', ratio: '', target: db === 'pglite' ? '≤ 20 s' : '—', meets: db === 'pglite' ? ms <= 20_000 : null });
  }

  // (c)(d)(e)
  if (!SKIP.has('scale')) {
    const reads: ReadFigure[] = [];
    const generated: Record<string, unknown> = {};
    let port = 3780;
    for (const db of DBS as Array<'pglite' | 'postgres'>) {
      console.log(`\n━━ (c)(d)(e) generate the data set at scale ${SCALE} on ${db}, then read it through HTTP: bench/generate.ts + bench/scale.ts ━━`);
      const dataDir = mkdtempSync(join(tmpdir(), `wy-scale-${db}-`));
      try {
        const databaseUrl = db === 'postgres' ? await freshPgDatabase('wy_bench_scale') : undefined;
        const gen = await generateInto(databaseUrl ? { databaseUrl } : { dataDir }, { scale: SCALE, seed: 13, until: UNTIL, log: console.log });
        console.log(JSON.stringify(gen));
        const r = await runScaleBench({ db, dataDir, databaseUrl, port, samples: SAMPLES, month: UNTIL.slice(0, 7), log: console.log });
        port += 2;
        generated[db] = { ...gen, startToReadyLoadedMs: r.startToReadyMs };
        reads.push(...r.figures);
        rows.push({ figure: `generate + COPY the data set (${gen.counts.complaints.toLocaleString('en')} leads)`, db, value: `${gen.seconds.total} s (+ ${gen.prepareSeconds} s migrate/seed)`, limit: '', ratio: '', target: 'minutes', meets: null });
        rows.push({ figure: '(h′) start to ready on the loaded data set', db, value: `${(r.startToReadyMs / 1000).toFixed(1)} s`, limit: '', ratio: '', target: '—', meets: null });
      } finally {
        rmSync(dataDir, { recursive: true, force: true });
      }
    }
    json.generated = generated;
    json.reads = reads;
    for (const f of reads) {
      const name = f.group === 'inbox' ? '(c) inbox' : f.group === 'report' ? '(d) monthly 附件2' : '(e) dashboard';
      rows.push({
        figure: `${name} — ${f.who} \`${f.path.replace('/api/complaints?pageSize=20&', '…?').replace(/\/api\/reports\/monthly\?region=[^&]*&/, '…?')}\`${f.total === undefined ? '' : ` (${f.total} rows)`}`,
        db: f.db,
        value: `p50 ${f.p50} ms, p95 ${f.p95} ms`,
        limit: '',
        ratio: '',
        target: f.targetMs ? `p95 ≤ ${f.targetMs} ms` : '—',
        meets: f.targetMs ? f.p95 <= f.targetMs : null,
      });
    }
    console.log(`\n${readMarkdown(reads)}`);
  }

  // (f)
  if (!SKIP.has('import')) {
    console.log('\n━━ (f) 60,000-project xlsx import: bench/import-projects.ts ━━');
    const imp = await runScript('bench/import-projects.ts', ['60000']);
    json.import = imp;
    rows.push({ figure: '(f) xlsx import of 60,000 projects: time', db: 'pglite', value: `${imp.importSeconds} s`, limit: '', ratio: '', target: '≤ 30 s', meets: imp.importSeconds <= 30 });
    rows.push({
      figure: '(f) xlsx import: peak RSS of the process (PGlite + app in it)',
      db: 'pglite',
      value: `${imp.peakRssMb} MB (before: ${imp.baselineRssMb} MB)`,
      limit: '',
      ratio: '',
      target: '≤ 1024 MB',
      meets: imp.peakRssMb <= 1024,
    });
  }

  // (g)
  if (!SKIP.has('triage')) {
    console.log('\n━━ (g) triage per lead: bench/triage.ts ━━');
    const tri = await runScript('bench/triage.ts', ['10']);
    json.triage = tri;
    rows.push({ figure: '(g) triage per lead, in process', db: '—', value: `mean ${tri.mean} ms, p99 ${tri.p99} ms`, limit: '', ratio: '', target: '≤ 2 ms', meets: tri.mean <= 2 });
  }

  const table = [
    '| figure | database | measured | bare limit (same run) | ratio | target | meets target |',
    '|---|---|---|---|---:|---|---|',
    ...rows.map((r) => `| ${r.figure} | ${r.db} | ${r.value} | ${r.limit} | ${r.ratio} | ${r.target} | ${r.meets === null ? '' : r.meets ? '✓' : '✗'} |`),
  ].join('\n');
  json.summary = rows;
  console.log(`\n━━ summary ━━\n\n${table}\n\nconditions: ${JSON.stringify(json.conditions)}`);
  mkdirSync(join(ROOT, 'bench/results'), { recursive: true });
  writeFileSync(join(ROOT, 'bench/results/bench.json'), JSON.stringify(json, null, 2));
  writeFileSync(join(ROOT, 'bench/results/bench.md'), `${table}\n\nconditions: ${JSON.stringify(json.conditions)}\n`);
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
