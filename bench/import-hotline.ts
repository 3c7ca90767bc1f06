/**
 * Benchmark: a 12345 work-order export through the real HTTP route on embedded PGlite.
 *   npx tsx bench/import-hotline.ts [rows=2000]
 * Half the orders name a registered project, a quarter a company by its short name, the rest
 * neither; every lead is triaged, matched and stored with its timeline and audit row. Times the
 * dry run and the import, and prints peak RSS.
 */
import { sql } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { queryRows } from '../server/db/client.js';
import { multipartFile, peakRss, startBenchApp } from './lib/app.js';

const ROWS = Number(process.argv[2] ?? 2000);
const ISSUES = [
  '以欠费为由给我家停水，已经两天了，老人孩子没水用',
  '电梯坏了一个多月没人修，维保单位也不公示',
  '擅自把停车费从每月150元涨到300元，没有公示也没有业主大会决定',
  '小区公共收益去向不明，从来不公布账目',
  '物业保安威胁业主，不让业主进小区',
  '把业主的电话和房号贴在公告栏上催缴物业费',
];

async function main() {
  const bench = await startBenchApp();
  const { app, db } = bench;
  const cookie = await bench.cookieFor('district-housing');

  const projectNames = (await queryRows<{ name: string }>(db, sql`SELECT p.name FROM projects p JOIN regions r ON r.id = p.region_id WHERE r.path LIKE '%/420100-DH/%' ORDER BY p.name LIMIT 300`)).map((r) => r.name);
  const [{ n: projectCount }] = await queryRows<{ n: number }>(db, sql`SELECT count(*)::int AS n FROM projects`);
  const companies = ['关山物业', '南湖物业', '光谷物业', '东亭物业'];

  const wb = new ExcelJS.Workbook();
  const sheet = wb.addWorksheet('工单');
  sheet.addRow(['办件编号', '办件来源', '诉求主题', '诉求内容', '诉求人', '诉求人电话', '派发时间', '办件状态']);
  for (let i = 0; i < ROWS; i++) {
    const who = i % 4 < 2 ? projectNames[i % projectNames.length] : i % 4 === 2 ? companies[i % companies.length] : '我们小区物业';
    sheet.addRow([`BENCH${String(i).padStart(8, '0')}`, '12345热线', '物业管理', `${who}${ISSUES[i % ISSUES.length]}。`, `某${i % 50}`, `1390000${String(i % 10000).padStart(4, '0')}`, '2026-11-02 09:30', '已派发']);
  }
  const file = Buffer.from(await wb.xlsx.writeBuffer());
  const upload = multipartFile('12345.xlsx', file);
  const post = (dryRun: boolean) =>
    app.inject({ method: 'POST', url: `/api/complaints/import?dryRun=${dryRun}`, headers: { cookie, ...upload.headers }, payload: upload.payload });

  const rss = peakRss();
  const time = async <T>(label: string, fn: () => Promise<T>) => {
    const t0 = performance.now();
    const out = await fn();
    const s = (performance.now() - t0) / 1000;
    console.log(`${label.padEnd(36)} ${s.toFixed(2)} s`);
    return { out, s };
  };
  console.log(`${'orders / registered projects'.padEnd(36)} ${ROWS} / ${projectCount}`);
  const dry = await time('dry run (read + validate)', () => post(true));
  if (!dry.out.json().ok) throw new Error(`dry run found errors: ${JSON.stringify(dry.out.json().errors?.slice(0, 3) ?? dry.out.json())}`);
  const real = await time('import (all new leads)', () => post(false));
  const r = real.out.json();
  console.log(`${'  → result'.padEnd(36)} ${JSON.stringify({ ok: r.ok, total: r.total, created: r.created, updated: r.updated })}`);
  console.log(`${'  → per lead'.padEnd(36)} ${((real.s * 1000) / ROWS).toFixed(1)} ms`);
  const [matched] = await queryRows<{ projects: number; companies: number }>(
    db,
    sql`SELECT count(project_id)::int AS projects, count(enterprise_id)::int AS companies FROM complaints WHERE external_ref LIKE 'BENCH%'`,
  );
  console.log(`${'  → matched'.padEnd(36)} ${matched.projects} with a project, ${matched.companies} with a company`);
  console.log(`${'peak RSS'.padEnd(36)} ${rss.stop()} MB`);
  await bench.close();
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
