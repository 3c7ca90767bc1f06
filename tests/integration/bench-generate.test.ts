import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LOADED_TABLES, loadDataset, pgliteSink } from '../../bench/lib/dataset.js';
import { createTestContext, expectStatus, type TestContext } from '../helpers/app.js';

/**
 * bench/generate at a tiny scale (0.002: 4,000 leads): the same seed gives the same rows, every
 * foreign key of the loaded tables points at a row, and a lead's place agrees with its project, so
 * the inbox reads it like real data. PGlite only (the loader's PostgreSQL path needs a URL; the
 * bench exercises it).
 */
const OPTS = { scale: 0.002, seed: 7, until: '2026-06-30' };

async function digest(ctx: TestContext): Promise<Record<string, string>> {
  const pglite = ctx.database.pglite;
  if (!pglite) throw new Error('PGlite only');
  const out: Record<string, string> = {};
  const q = async (name: string, text: string) => {
    out[name] = (await pglite.query<{ d: string }>(text)).rows[0].d;
  };
  await q('regions', `SELECT md5(string_agg(concat_ws(',', code, name, level, path), '|' ORDER BY code)) AS d FROM regions WHERE code LIKE 'G%'`);
  for (const t of LOADED_TABLES) {
    await q(t, `SELECT md5(string_agg((to_jsonb(x) - 'seq')::text, '|' ORDER BY x.id)) AS d FROM ${t} x WHERE x.id::text LIKE 'd47a____-0000-4000-8000-%'`);
  }
  return out;
}

describe.skipIf(process.env.TEST_DB_DRIVER === 'postgres')('bench/generate data set', () => {
  let a: TestContext;
  let b: TestContext;
  beforeAll(async () => {
    a = await createTestContext();
    b = await createTestContext();
    for (const ctx of [a, b]) await loadDataset(pgliteSink(ctx.database.pglite as NonNullable<TestContext['database']['pglite']>), OPTS);
  });
  afterAll(async () => {
    await a?.close();
    await b?.close();
  });

  it('loads the scaled counts, and the same seed gives the same rows', async () => {
    const pglite = a.database.pglite as NonNullable<TestContext['database']['pglite']>;
    // Generated ids are d47aTTTT-0000-4000-8000-NNNNNNNNNNNN (bench/lib/dataset.ts): the whole pattern,
    // since a random demo-seed uuid starts with 'd47a' about once in 65,536.
    const { rows } = await pglite.query<{ c: number; p: number; e: number; cities: number; districts: number }>(
      `SELECT (SELECT count(*)::int FROM complaints WHERE id::text LIKE 'd47a____-0000-4000-8000-%') AS c,
              (SELECT count(*)::int FROM projects WHERE id::text LIKE 'd47a____-0000-4000-8000-%') AS p,
              (SELECT count(*)::int FROM enterprises WHERE id::text LIKE 'd47a____-0000-4000-8000-%') AS e,
              (SELECT count(*)::int FROM regions WHERE level = 'city') AS cities,
              (SELECT count(*)::int FROM regions WHERE level = 'district') AS districts`,
    );
    expect(rows[0]).toEqual({ c: 4000, p: 120, e: 24, cities: 17, districts: 120 });
    const [da, db] = [await digest(a), await digest(b)];
    expect(Object.values(da).every(Boolean)).toBe(true);
    expect(db).toEqual(da);
  });

  it('leaves no dangling foreign key in the loaded tables', async () => {
    const pglite = a.database.pglite as NonNullable<TestContext['database']['pglite']>;
    const { rows: fks } = await pglite.query<{ child: string; col: string; parent: string; pcol: string }>(
      `SELECT c.conrelid::regclass::text AS child, ca.attname AS col, c.confrelid::regclass::text AS parent, pa.attname AS pcol
         FROM pg_constraint c
         JOIN pg_attribute ca ON ca.attrelid = c.conrelid AND ca.attnum = c.conkey[1]
         JOIN pg_attribute pa ON pa.attrelid = c.confrelid AND pa.attnum = c.confkey[1]
        WHERE c.contype = 'f' AND c.conrelid::regclass::text = ANY($1)`,
      [LOADED_TABLES],
    );
    expect(fks.length).toBeGreaterThan(20);
    for (const fk of fks) {
      const { rows } = await pglite.query<{ n: number }>(
        `SELECT count(*)::int AS n FROM ${fk.child} x WHERE x.${fk.col} IS NOT NULL AND NOT EXISTS (SELECT 1 FROM ${fk.parent} p WHERE p.${fk.pcol} = x.${fk.col})`,
      );
      expect({ fk: `${fk.child}.${fk.col}`, dangling: rows[0].n }).toEqual({ fk: `${fk.child}.${fk.col}`, dangling: 0 });
    }
  });

  it('places leads where their project is, under their lead unit, and the inbox reads them', async () => {
    const pglite = a.database.pglite as NonNullable<TestContext['database']['pglite']>;
    const { rows } = await pglite.query<{ misplaced: number; outside: number }>(
      `SELECT count(*) FILTER (WHERE p.id IS NOT NULL AND (p.region_id <> c.region_id OR p.enterprise_id IS DISTINCT FROM c.enterprise_id))::int AS misplaced,
              count(*) FILTER (WHERE u.id IS NOT NULL AND r.path NOT LIKE ur.path || '%')::int AS outside
         FROM complaints c JOIN regions r ON r.id = c.region_id
         LEFT JOIN projects p ON p.id = c.project_id
         LEFT JOIN org_units u ON u.id = c.lead_org_unit_id LEFT JOIN regions ur ON ur.id = u.region_id
        WHERE c.id::text LIKE 'd47a____-0000-4000-8000-%'`,
    );
    expect(rows[0]).toEqual({ misplaced: 0, outside: 0 });
    const cookie = await a.login('province-supervisor');
    const list = expectStatus<{ total: number }>(await a.as(cookie, { method: 'GET', url: '/api/complaints?pageSize=20&status=closed' }), 200);
    expect(list.total).toBeGreaterThan(3000);
  });
});
