import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cumulativeRange, monthRange, type RowFigures, sumRows } from '../../core/reports/monthly.js';
import { chinaDate } from '../../core/working-days.js';
import { queryRows } from '../../server/db/client.js';
import { regions } from '../../server/db/schema/index.js';
import { computeRows } from '../../server/modules/reports/monthly.rows.js';
import { childRegions, governingCampaign } from '../../server/modules/reports/reports.repository.js';
import { createTestContext, expectStatus, type TestContext } from '../helpers/app.js';

/*
 * The city and province 附件2 are computed in bulk (one grouped query per row and window over the
 * whole subtree, records labelled with the entry that counts them). These tests hold the bulk figures
 * to the per-region rules: every district entry equals the drill-down lists of that district (本月
 * and 累积), and every entry of the province report equals the former region-by-region computation
 * (`computeRows` per scope; a child entry uses the windows of the report's own campaign).
 */

let t: TestContext;
let province: string;
const MONTH = chinaDate().slice(0, 7);
const RECORD_ROWS = [1, 2, 3, 4, 5, 8, 9, 10, 11, 13, 14];

type Row = RowFigures;
type Report = { rows: Row[]; subRegions: Array<{ regionCode: string; regionName: string; own: boolean; rows: Row[] }> };

async function monthly(region: string): Promise<Report> {
  return expectStatus(await t.as(province, { method: 'GET', url: `/api/reports/monthly?region=${encodeURIComponent(region)}&month=${MONTH}` }), 200);
}
async function drillTotal(region: string, no: number, span: 'month' | 'cumulative'): Promise<number> {
  const d = expectStatus<{ total: number }>(
    await t.as(province, { method: 'GET', url: `/api/reports/monthly/records?region=${encodeURIComponent(region)}&month=${MONTH}&row=${no}&span=${span}` }),
    200,
  );
  return d.total;
}
const strip = (rows: Row[]) => rows.map((r) => ({ no: r.no, month: r.month, cumulative: r.cumulative, available: r.available, note: r.note ?? null }));

beforeAll(async () => {
  t = await createTestContext();
  province = await t.login('province-supervisor');
});
afterAll(() => t.close());

describe('附件2 roll-up computed in bulk', () => {
  it('city: every district entry equals its drill-down lists (本月 and 累积), and is not all zero', async () => {
    const r = await monthly('420100');
    let nonZero = 0;
    for (const entry of r.subRegions.filter((s) => !s.own)) {
      for (const no of RECORD_ROWS) {
        const row = entry.rows.find((x) => x.no === no) as Row;
        expect([entry.regionCode, no, 'month', row.month]).toEqual([entry.regionCode, no, 'month', await drillTotal(entry.regionCode, no, 'month')]);
        expect([entry.regionCode, no, 'cumulative', row.cumulative]).toEqual([entry.regionCode, no, 'cumulative', await drillTotal(entry.regionCode, no, 'cumulative')]);
        nonZero += (row.month ?? 0) + (row.cumulative ?? 0);
      }
    }
    expect(nonZero).toBeGreaterThan(0);
  });

  it('province: every entry equals the per-scope rules (the former region-by-region computation)', async () => {
    const campaign = await governingCampaign(t.db, '/420000/');
    const mw = monthRange(MONTH);
    const cw = cumulativeRange(MONTH, campaign?.startsOn ?? null);
    // The former algorithm: a district-level region counts its subtree; a city/province one entry per
    // child (recursively) plus its own node, external sources own = subtree − Σ children.
    const legacy = async (region: { id: number; path: string; level: string }): Promise<Row[]> => {
      if (!['province', 'city'].includes(region.level)) return computeRows(t.db, { path: region.path, exact: false }, mw, cw);
      const children = await childRegions(t.db, region.id);
      const entries: Row[][] = [];
      for (const c of children) entries.push(await legacy(c));
      entries.push(await computeRows(t.db, { path: region.path, exact: true }, mw, cw, children.map((c) => c.path)));
      return sumRows(entries);
    };
    const r = await monthly('420000');
    const [hubei] = await t.db.select().from(regions).where(eq(regions.code, '420000'));
    const children = await childRegions(t.db, hubei.id);
    expect(r.subRegions.map((s) => s.regionCode)).toEqual([...children.map((c) => c.code), '420000']);
    for (const c of children) {
      expect([c.code, strip(r.subRegions.find((s) => s.regionCode === c.code && !s.own)?.rows ?? [])]).toEqual([c.code, strip(await legacy(c))]);
    }
    const own = await computeRows(t.db, { path: hubei.path, exact: true }, mw, cw, children.map((c) => c.path));
    expect(strip(r.subRegions.find((s) => s.own)?.rows ?? [])).toEqual(strip(own));
    expect(strip(r.rows)).toEqual(strip(await legacy(hubei)));
    expect(r.rows.some((x) => (x.cumulative ?? 0) > 0)).toBe(true);
  });

  it('a district whose campaign starts mid-month (东湖, 2021-09-03): 累积 equals the drill-down lists', async () => {
    const r = await monthly('420100-DH');
    for (const no of RECORD_ROWS) {
      const row = r.rows.find((x) => x.no === no) as Row;
      expect([no, row.cumulative]).toEqual([no, await drillTotal('420100-DH', no, 'cumulative')]);
    }
  });
});

describe('lead roll-up counts (triggers)', () => {
  const recount = async () => ({
    month: await queryRows<{ region_id: number; month: string; n: number }>(
      t.db,
      sql`SELECT region_id, month::text AS month, n FROM (
            SELECT region_id, month, sum(n)::int AS n FROM complaint_month_counts GROUP BY 1, 2 HAVING sum(n) <> 0
            EXCEPT SELECT region_id, date_trunc('month', received_at AT TIME ZONE 'Asia/Shanghai')::date, count(*)::int FROM complaints WHERE status <> 'merged' GROUP BY 1, 2) d
          UNION ALL
          SELECT region_id, month::text, n FROM (
            SELECT region_id, date_trunc('month', received_at AT TIME ZONE 'Asia/Shanghai')::date AS month, count(*)::int AS n FROM complaints WHERE status <> 'merged' GROUP BY 1, 2
            EXCEPT SELECT region_id, month, sum(n)::int FROM complaint_month_counts GROUP BY 1, 2 HAVING sum(n) <> 0) e`,
    ),
    status: await queryRows<{ region_id: number }>(
      t.db,
      sql`(SELECT region_id, category, status, sum(n)::int FROM complaint_status_counts GROUP BY 1, 2, 3 HAVING sum(n) <> 0
           EXCEPT SELECT region_id, category, status, count(*)::int FROM complaints GROUP BY 1, 2, 3)
          UNION ALL
          (SELECT region_id, category, status, count(*)::int FROM complaints GROUP BY 1, 2, 3
           EXCEPT SELECT region_id, category, status, sum(n)::int FROM complaint_status_counts GROUP BY 1, 2, 3 HAVING sum(n) <> 0)`,
    ),
  });

  it('stay equal to a recount of the leads through insert, merge, re-placement, re-dating, re-categorising, delete and compaction', async () => {
    expect(await recount()).toEqual({ month: [], status: [] });
    const [a, b, c] = await queryRows<{ id: string }>(t.db, sql`SELECT id FROM complaints WHERE status <> 'merged' ORDER BY id LIMIT 3`);
    const [other] = await queryRows<{ id: number }>(t.db, sql`SELECT id FROM regions WHERE level = 'street' ORDER BY id DESC LIMIT 1`);
    await t.db.execute(sql`UPDATE complaints SET status = 'merged', merged_into_id = ${b.id} WHERE id = ${a.id}`);
    await t.db.execute(sql`UPDATE complaints SET region_id = ${other.id}, category = (category + 1) % 7 WHERE id = ${b.id}`);
    await t.db.execute(sql`UPDATE complaints SET received_at = received_at - interval '40 days' WHERE id = ${c.id}`);
    await t.db.execute(sql`UPDATE complaints SET status = 'received', merged_into_id = NULL WHERE id = ${a.id}`);
    await t.db.execute(sql`UPDATE complaints SET description = description || '。' WHERE id = ${c.id}`);
    expect(await recount()).toEqual({ month: [], status: [] });
    await t.db.execute(sql`SELECT wy_compact_complaint_counts()`);
    expect(await recount()).toEqual({ month: [], status: [] });
    const [{ rows }] = await queryRows<{ rows: number }>(t.db, sql`SELECT count(*)::int AS rows FROM complaint_status_counts WHERE n <= 0`);
    expect(Number(rows)).toBe(0);
    await t.db.execute(sql`SELECT wy_rebuild_complaint_counts()`);
    expect(await recount()).toEqual({ month: [], status: [] });
  });
});
