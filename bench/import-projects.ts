/**
 * Benchmark: a 60,000-row project spreadsheet through the real HTTP route on embedded PGlite.
 *   npx tsx bench/import-projects.ts [rows=60000]
 *   BENCH_DATABASE_URL=postgres://… npx tsx bench/import-projects.ts   (an empty database: the Node side alone)
 * Generates the xlsx with exceljs (streaming writer), then times: dry run, import (all new),
 * re-import (all updates) and the export of the same scope. Prints one line per step (time, peak RSS during it, memory after it) and the overall peak RSS.
 */
import { PassThrough } from 'node:stream';
import { sql } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { queryRows } from '../server/db/client.js';
import { multipartFile, peakRss, startBenchApp } from './lib/app.js';

const ROWS = Number(process.argv[2] ?? 60_000);
const WORDS = ['湖光', '翠柳', '金桥', '银杏', '丹桂', '紫荆', '碧水', '松涛', '梧桐', '书香', '清风', '锦绣', '枫林', '桃源', '星河', '阳光', '幸福', '和谐', '华庭', '御景'];

async function generate(rows: number, regionCodes: string[], creditCodes: string[]): Promise<Buffer> {
  const chunks: Buffer[] = [];
  const stream = new PassThrough();
  stream.on('data', (c: Buffer) => chunks.push(c));
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ stream, useSharedStrings: false, useStyles: false });
  const sheet = wb.addWorksheet('物业项目');
  sheet.addRow(['项目名称', '地址', '所属区划代码', '物业服务企业统一社会信用代码', '户数', '建筑面积（平方米）', '是否成立业委会', '经度', '纬度']).commit();
  for (let i = 0; i < rows; i++) {
    const managed = i % 7 !== 0;
    sheet
      .addRow([
        `${WORDS[i % WORDS.length]}${['小区', '花园', '家园', '苑'][i % 4]}${i + 1}号院`,
        `${WORDS[(i * 7) % WORDS.length]}路 ${(i % 900) + 1} 号`,
        regionCodes[i % regionCodes.length],
        managed ? creditCodes[i % creditCodes.length] : '',
        100 + (i % 2500),
        Math.round((100 + (i % 2500)) * 95.5 * 100) / 100,
        i % 3 === 0 ? '是' : '否',
        i % 2 ? 114.3 + (i % 100) / 1000 : '',
        i % 2 ? 30.5 + (i % 100) / 1000 : '',
      ])
      .commit();
  }
  sheet.commit();
  await wb.commit();
  return Buffer.concat(chunks);
}

async function main() {
  const bench = await startBenchApp();
  const { app, db } = bench;
  const cookie = await bench.cookieFor('city-coordinator');

  const regionCodes = (await queryRows<{ code: string }>(db, sql`SELECT code FROM regions WHERE path LIKE '/420000/420100/%' AND level IN ('street','community') ORDER BY code`)).map((r) => r.code);
  const creditCodes = (await queryRows<{ credit_code: string }>(db, sql`SELECT credit_code FROM enterprises ORDER BY credit_code`)).map((r) => r.credit_code);

  const baselineRssMb = Math.round(process.memoryUsage().rss / 1024 / 1024);
  const rss = peakRss();
  const time = async <T>(label: string, fn: () => Promise<T>) => {
    const t0 = performance.now();
    rss.lap();
    const out = await fn();
    const seconds = ((performance.now() - t0) / 1000).toFixed(2);
    const mem = process.memoryUsage();
    const mb = (n: number) => Math.round(n / 1024 / 1024);
    console.log(`${label.padEnd(36)} ${seconds.padStart(6)} s   peak RSS ${rss.lap()} MB, after: RSS ${mb(mem.rss)} MB, heap ${mb(mem.heapUsed)} MB, external ${mb(mem.external)} MB`);
    return out;
  };

  const file = await time(`generate ${ROWS} rows (${regionCodes.length} regions)`, () => generate(ROWS, regionCodes, creditCodes));
  console.log(`${'file size'.padEnd(36)} ${(file.length / 1024 / 1024).toFixed(1)} MB`);
  const upload = multipartFile('projects.xlsx', file);
  const post = (dryRun: boolean) => app.inject({ method: 'POST', url: `/api/projects/import?dryRun=${dryRun}`, headers: { cookie, ...upload.headers }, payload: upload.payload });

  const dry = await time('dry run (read + validate)', () => post(true));
  const d = dry.json();
  if (!d.ok) throw new Error(`dry run found errors: ${JSON.stringify(d.errors.slice(0, 5))}`);
  const t0 = performance.now();
  const real = await time('import (all new)', () => post(false));
  const importSeconds = Math.round((performance.now() - t0) / 10) / 100;
  console.log(`${'  → result'.padEnd(36)} ${JSON.stringify({ ok: real.json().ok, total: real.json().total, created: real.json().created, updated: real.json().updated })}`);
  const again = await time('re-import (all updates)', () => post(false));
  console.log(`${'  → result'.padEnd(36)} ${JSON.stringify({ created: again.json().created, updated: again.json().updated })}`);
  const exported = await time('export (whole city)', () => app.inject({ method: 'GET', url: '/api/projects/export', headers: { cookie } }));
  console.log(`${'  → export size'.padEnd(36)} ${(exported.rawPayload.length / 1024 / 1024).toFixed(1)} MB, HTTP ${exported.statusCode}`);
  const list = await time('list page 1 with 60k+ projects', () => app.inject({ method: 'GET', url: '/api/projects?pageSize=20', headers: { cookie } }));
  console.log(`${'  → total'.padEnd(36)} ${list.json().total}`);
  const peakRssMb = rss.stop();
  const where = process.env.BENCH_DATABASE_URL ? 'the app alone, PostgreSQL in its own process' : 'embedded PGlite and the app in this process';
  console.log(`${'peak RSS'.padEnd(36)} ${peakRssMb} MB (before the file was generated: ${baselineRssMb} MB — ${where})`);
  // One machine-readable line for bench/run.ts.
  console.log(`BENCH_JSON ${JSON.stringify({ rows: ROWS, importSeconds, peakRssMb, baselineRssMb, fileMb: Math.round(file.length / 1024 / 102.4) / 10 })}`);
  await bench.close();
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
