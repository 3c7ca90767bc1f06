/**
 * Benchmark: the lead inboxes at province scale (SPEC §16: millions of leads over years).
 *   npx tsx bench/complaints-list.ts [leads=300000]
 * Fills embedded PGlite with `leads` complaints spread over every Wuhan street and community
 * (a realistic status mix: most closed, some open, some overdue), then times the inbox queries
 * through the real HTTP routes for a district officer and the city coordinator, the hot-spot view
 * and a public tracking lookup. Each query is run 5 times; the median is printed.
 */
import { sql } from 'drizzle-orm';
import { queryRows } from '../server/db/client.js';
import { startBenchApp } from './lib/app.js';

const LEADS = Number(process.argv[2] ?? 300_000);

async function main() {
  const bench = await startBenchApp();
  const { app, db, cookieFor } = bench;

  const t0 = performance.now();
  // One INSERT … SELECT: regions and projects drawn by index, statuses by a fixed mix.
  await db.execute(sql`
    WITH r AS (SELECT array_agg(id ORDER BY id) AS ids FROM regions WHERE path LIKE '/420000/420100/%' AND level IN ('street', 'community')),
         p AS (SELECT array_agg(id ORDER BY id) AS ids FROM projects),
         u AS (SELECT array_agg(id ORDER BY id) AS ids FROM org_units WHERE type = 'housing')
    INSERT INTO complaints (tracking_code, channel, description, region_id, project_id, category, lead_department, triage,
                           status, lead_org_unit_id, received_at, dispatched_at, current_due_at, current_due_soon_at, closed_at)
    SELECT 'B' || upper(lpad(to_hex(g), 9, '0')),
           (ARRAY['web','phone','hotline_12345','letter'])[1 + g % 4],
           '第' || g || '号线索：物业公司' || (ARRAY['乱收费','停水停电','侵占公共收益','未公示收费标准','服务质量差'])[1 + g % 5] || '，请尽快处理',
           r.ids[1 + g % array_length(r.ids, 1)],
           CASE WHEN g % 5 = 0 THEN NULL ELSE p.ids[1 + g % array_length(p.ids, 1)] END,
           g % 7, 'housing', '{}'::jsonb,
           s.status, u.ids[1 + g % array_length(u.ids, 1)],
           now() - make_interval(mins => g % 1000000),
           now() - make_interval(mins => g % 1000000) + interval '1 hour',
           CASE WHEN s.status = 'closed' THEN NULL ELSE now() + make_interval(hours => (g % 400) - 100) END,
           CASE WHEN s.status = 'closed' THEN NULL ELSE now() + make_interval(hours => (g % 400) - 148) END,
           CASE WHEN s.status = 'closed' THEN now() - make_interval(mins => g % 500000) END
    FROM generate_series(1, ${LEADS}) AS g, r, p, u,
         LATERAL (SELECT CASE WHEN g % 100 < 85 THEN 'closed' WHEN g % 100 < 89 THEN 'dispatched' WHEN g % 100 < 96 THEN 'accepted' ELSE 'replied' END AS status) s`);
  await db.execute(sql`ANALYZE`);
  const [{ n }] = await queryRows<{ n: number }>(db, sql`SELECT count(*)::int AS n FROM complaints`);
  console.log(`${`insert ${n} leads`.padEnd(44)} ${((performance.now() - t0) / 1000).toFixed(1)} s`);

  const district = await cookieFor('district-housing');
  const city = await cookieFor('city-coordinator');
  const time = async (label: string, cookie: string | undefined, url: string) => {
    const ms: number[] = [];
    let total: unknown;
    for (let i = 0; i < 5; i++) {
      const start = performance.now();
      const res = await app.inject({ method: 'GET', url, headers: cookie ? { cookie } : {} });
      ms.push(performance.now() - start);
      if (res.statusCode !== 200) throw new Error(`${url}: HTTP ${res.statusCode} ${res.body.slice(0, 200)}`);
      total = res.json().total;
    }
    ms.sort((a, b) => a - b);
    console.log(`${label.padEnd(44)} ${ms[2].toFixed(0).padStart(6)} ms${total === undefined ? '' : `  (total ${total})`}`);
  };

  await time('district: all leads, page 1', district, '/api/complaints?pageSize=20');
  await time('district: to sign', district, '/api/complaints?box=to_sign&pageSize=20');
  await time('district: in progress (own unit)', district, '/api/complaints?box=in_progress&pageSize=20');
  await time('district: overdue', district, '/api/complaints?box=overdue&pageSize=20');
  await time('district: due soon', district, '/api/complaints?box=due_soon&pageSize=20');
  await time('district: keyword 停水', district, `/api/complaints?q=${encodeURIComponent('停水')}&pageSize=20`);
  await time('city: all leads, page 1', city, '/api/complaints?pageSize=20');
  await time('city: overdue', city, '/api/complaints?box=overdue&pageSize=20');
  await time('city: category 3, page 50', city, '/api/complaints?category=3&page=50&pageSize=20');
  await time('city: hot spots (90 days)', city, '/api/complaints/hot-spots?days=90');
  await time('public tracking lookup', undefined, '/api/public/complaints/B00000BEEF');
  await bench.close();
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
