import { type SQL, sql } from 'drizzle-orm';
import { PENALTY_TYPES } from '../../../core/enforcement/index.js';
import { MONTHLY_ROWS, monthRange, NO_SOURCE, type RowFigures } from '../../../core/reports/monthly.js';
import { type Db, escapeLike, queryRows } from '../../db/client.js';
import { signedCompanies, signedCompaniesByPath } from '../commitments/commitments.report.js';
import { inspectionStats, inspectionStatsByPath } from '../inspections/inspections.report.js';

/*
 * The rule of each 附件2 row (docs/reports.md lists them in words). A row is either a query that
 * yields the records behind the figure — `(id, label, on_date, qty)`; the figure is sum(qty) — or
 * an external source (inspections, commitments) that may not exist yet (null → 尚无数据来源).
 * The same query serves the figure and its drill-down list, so the two cannot disagree.
 */

/** Where the records are counted: a region's whole subtree, or only the region node itself (本级). */
export interface Scope {
  path: string;
  exact: boolean;
}

export interface Window {
  from: string;
  to: string;
}

function inRegion(col: SQL, scope: Scope): SQL {
  return scope.exact
    ? sql`${col} = (SELECT id FROM regions WHERE path = ${scope.path})`
    : sql`${col} IN (SELECT id FROM regions WHERE path LIKE ${`${escapeLike(scope.path)}%`})`;
}

/**
 * Where a rule's records are taken from, and what they are grouped by. A drill-down (`Scope`) keeps
 * the records in one region scope; a roll-up (`Buckets`) takes every record of a subtree once and
 * labels it with its bucket (the entry of the report it is counted in), so one grouped query yields
 * the figure of every entry: `bucketOf` maps each region id of the subtree to its bucket id.
 */
export interface Buckets {
  regionIds: number[];
  bucketIds: number[];
}
interface Target {
  /** JOIN clause (roll-up) or nothing. */
  join: (col: SQL) => SQL;
  /** WHERE condition (drill-down) or TRUE. */
  where: (col: SQL) => SQL;
  /** The bucket column (roll-up) or null. */
  key: SQL | null;
}
function targetOf(t: Scope | Buckets): Target {
  if ('path' in t) return { join: () => sql``, where: (col) => inRegion(col, t), key: null };
  // A VALUES list (integers only) gives the planner the true number of regions, so it hashes the map.
  const pairs = t.regionIds.map((id, i) => `(${Math.trunc(id)}, ${Math.trunc(t.bucketIds[i])})`).join(', ');
  const map = pairs ? sql`(VALUES ${sql.raw(pairs)})` : sql`(SELECT NULL::int, NULL::int WHERE FALSE)`;
  return { join: (col) => sql`JOIN ${map} AS bk(region_id, bucket) ON bk.region_id = ${col}`, where: () => sql`TRUE`, key: sql`bk.bucket` };
}
const keyCol = (t: Target) => t.key ?? sql`NULL::int`;
const groupKey = (t: Target) => (t.key ? sql`, ${t.key}` : sql``);

const cnDate = (col: SQL) => sql`(${col} AT TIME ZONE 'Asia/Shanghai')::date`;
const penaltyList = sql.join(
  PENALTY_TYPES.map((t) => sql`${t}`),
  sql`, `,
);

type RecordQuery = (t: Target, w: Window) => SQL;

/** Managed projects (professionally managed = has a company) registered by the window's end. */
const managed = (t: Target, w: Window, extra: SQL) =>
  sql`SELECT p.id::text AS id, p.name AS label, p.fully_disclosed_since::text AS on_date, 1 AS qty, 'project' AS kind, ${keyCol(t)} AS bucket FROM projects p ${t.join(sql`p.region_id`)}
      WHERE ${t.where(sql`p.region_id`)} AND p.enterprise_id IS NOT NULL AND ${cnDate(sql`p.created_at`)} <= ${w.to}::date AND ${extra}`;

const RECORD_QUERIES: Partial<Record<number, RecordQuery>> = {
  1: (t, w) => managed(t, w, sql`TRUE`),
  2: (t, w) => managed(t, w, sql`p.fully_disclosed_since <= ${w.to}::date`),
  3: (t, w) => managed(t, w, sql`(p.fully_disclosed_since IS NULL OR p.fully_disclosed_since > ${w.to}::date)`),
  4: (t, w) => managed(t, w, sql`p.fully_disclosed_since BETWEEN ${w.from}::date AND ${w.to}::date`),
  5: (t, w) =>
    sql`SELECT p.id::text AS id, p.name AS label, min(pr.opened_on)::text AS on_date, 1 AS qty, 'project' AS kind,
               bool_or(pr.category = 5) AS flag, ${keyCol(t)} AS bucket
        FROM problems pr JOIN projects p ON p.id = pr.project_id ${t.join(sql`pr.region_id`)}
        WHERE ${t.where(sql`pr.region_id`)} AND pr.status <> 'withdrawn' AND pr.opened_on BETWEEN ${w.from}::date AND ${w.to}::date
        GROUP BY p.id, p.name${groupKey(t)}`,
  8: (t, w) =>
    sql`SELECT e.id::text AS id, e.name AS label, min(ea.action_date)::text AS on_date, 1 AS qty, 'enterprise' AS kind, ${keyCol(t)} AS bucket
        FROM enforcement_actions ea JOIN enterprises e ON e.id = ea.enterprise_id ${t.join(sql`ea.region_id`)}
        WHERE ${t.where(sql`ea.region_id`)} AND ea.type IN (${penaltyList}) AND ea.action_date BETWEEN ${w.from}::date AND ${w.to}::date
        GROUP BY e.id, e.name${groupKey(t)}`,
  9: (t, w) =>
    sql`SELECT c.id::text AS id, c.title AS label, ${cnDate(sql`c.published_at`)}::text AS on_date, 1 AS qty, 'case' AS kind, ${keyCol(t)} AS bucket
        FROM typical_cases c ${t.join(sql`c.region_id`)} WHERE ${t.where(sql`c.region_id`)} AND c.status = 'published'
        AND ${cnDate(sql`c.published_at`)} BETWEEN ${w.from}::date AND ${w.to}::date`,
  10: (t, w) =>
    sql`SELECT e.id::text AS id, e.title AS label, e.held_on::text AS on_date, e.brochures AS qty, 'publicity' AS kind, ${keyCol(t)} AS bucket
        FROM publicity_events e ${t.join(sql`e.region_id`)} WHERE ${t.where(sql`e.region_id`)} AND e.held_on BETWEEN ${w.from}::date AND ${w.to}::date`,
  11: (t, w) =>
    sql`SELECT c.id::text AS id, c.tracking_code AS label, ${cnDate(sql`c.received_at`)}::text AS on_date, 1 AS qty, 'complaint' AS kind, ${keyCol(t)} AS bucket
        FROM complaints c ${t.join(sql`c.region_id`)} WHERE ${t.where(sql`c.region_id`)} AND c.status <> 'merged'
        AND ${cnDate(sql`c.received_at`)} BETWEEN ${w.from}::date AND ${w.to}::date`,
  13: (t, w) =>
    sql`SELECT m.id::text AS id, p.name AS label, m.selected_on::text AS on_date, 1 AS qty, 'model_project' AS kind, ${keyCol(t)} AS bucket
        FROM model_projects m JOIN projects p ON p.id = m.project_id ${t.join(sql`m.region_id`)}
        WHERE ${t.where(sql`m.region_id`)} AND m.selected_on BETWEEN ${w.from}::date AND ${w.to}::date`,
  14: (t, w) =>
    sql`SELECT d.id::text AS id, p.name || '：' || left(d.description, 40) AS label, d.done_on::text AS on_date, 1 AS qty, 'deed' AS kind, ${keyCol(t)} AS bucket
        FROM practical_deeds d JOIN projects p ON p.id = d.project_id ${t.join(sql`d.region_id`)}
        WHERE ${t.where(sql`d.region_id`)} AND d.done_on BETWEEN ${w.from}::date AND ${w.to}::date`,
};

const lastDay = (d: string) => monthRange(d.slice(0, 7)).to;
const nextMonthStart = (d: string) => {
  const y = Number(d.slice(0, 4));
  const m = Number(d.slice(5, 7));
  return m === 12 ? `${y + 1}-01-01` : `${y}-${String(m + 1).padStart(2, '0')}-01`;
};

/**
 * Row 11 over a long window from the lead roll-up (complaint_month_counts: leads not merged per
 * region and China month, kept exact by triggers): the whole months of the window from the roll-up,
 * a partial first month (a campaign starting mid-month) from the leads themselves. Same figure as
 * the record query (tested); used for 累积, where the record query would read every lead.
 */
function receivedLeadsRollup(t: Target, w: Window): SQL | null {
  if (!t.key || w.to !== lastDay(w.to)) return null;
  const head = w.from.endsWith('-01') ? null : { from: w.from, to: lastDay(w.from) < w.to ? lastDay(w.from) : w.to };
  const firstMonth = head ? nextMonthStart(w.from) : w.from;
  const lastMonth = `${w.to.slice(0, 7)}-01`;
  return sql`SELECT x.n AS qty, ${t.key} AS bucket FROM (
      SELECT k.region_id, k.n FROM complaint_month_counts k WHERE k.month BETWEEN ${firstMonth}::date AND ${lastMonth}::date
      ${head ? sql`UNION ALL SELECT c.region_id, 1 FROM complaints c WHERE c.status <> 'merged' AND ${cnDate(sql`c.received_at`)} BETWEEN ${head.from}::date AND ${head.to}::date` : sql``}
    ) x ${t.join(sql`x.region_id`)}`;
}

/**
 * Rows 1–4 of every bucket from one pass over the managed projects: the rows share the base rule
 * (`managed`, registered by the window's end — the same day for both windows) and differ only in
 * their extra condition on `fully_disclosed_since`, applied here as FILTERs. Same figures as the
 * four record queries (tested). Empty map when the windows do not end on the same day.
 */
async function managedByBucket(db: Db, t: Target, month: Window, cumulative: Window): Promise<Map<number, (bucket: number) => { month: number; cumulative: number }>> {
  if (!t.key || month.to !== cumulative.to) return new Map();
  const rows = await queryRows<{ bucket: number; r1: number; r2: number; r3: number; r4m: number; r4c: number }>(
    db,
    sql`SELECT bucket, count(*)::int AS r1,
               count(*) FILTER (WHERE fds <= ${month.to}::date)::int AS r2,
               count(*) FILTER (WHERE fds IS NULL OR fds > ${month.to}::date)::int AS r3,
               count(*) FILTER (WHERE fds BETWEEN ${month.from}::date AND ${month.to}::date)::int AS r4m,
               count(*) FILTER (WHERE fds BETWEEN ${cumulative.from}::date AND ${cumulative.to}::date)::int AS r4c
        FROM (SELECT p.fully_disclosed_since AS fds, ${t.key} AS bucket FROM projects p ${t.join(sql`p.region_id`)}
              WHERE p.enterprise_id IS NOT NULL AND ${cnDate(sql`p.created_at`)} <= ${month.to}::date) r
        GROUP BY bucket`,
  );
  const by = new Map(rows.map((r) => [Number(r.bucket), r]));
  const get = (b: number) => by.get(b) ?? { r1: 0, r2: 0, r3: 0, r4m: 0, r4c: 0 };
  return new Map([
    [1, (b: number) => ({ month: Number(get(b).r1), cumulative: Number(get(b).r1) })],
    [2, (b: number) => ({ month: Number(get(b).r2), cumulative: Number(get(b).r2) })],
    [3, (b: number) => ({ month: Number(get(b).r3), cumulative: Number(get(b).r3) })],
    [4, (b: number) => ({ month: Number(get(b).r4m), cumulative: Number(get(b).r4c) })],
  ]);
}

/**
 * Row 5 of every bucket for both windows from one pass over the problems of the 累积 window (the
 * 本月 window is its tail: same end, later start): a project counts in 本月 when one of its problems
 * in the bucket was opened on or after the month's first day. Same figures as the record query.
 */
async function problemProjectsByBucket(db: Db, t: Target, month: Window, cumulative: Window): Promise<Map<number, { m: number; mf: number; c: number; cf: number }>> {
  const rows = await queryRows<{ bucket: number; m: number; mf: number; c: number; cf: number }>(
    db,
    sql`SELECT bucket, count(*) FILTER (WHERE in_m)::int AS m, count(*) FILTER (WHERE flag_m)::int AS mf, count(*)::int AS c, count(*) FILTER (WHERE flag_c)::int AS cf
        FROM (SELECT ${t.key} AS bucket, p.id,
                     bool_or(pr.opened_on >= ${month.from}::date) AS in_m,
                     bool_or(pr.category = 5 AND pr.opened_on >= ${month.from}::date) AS flag_m,
                     bool_or(pr.category = 5) AS flag_c
              FROM problems pr JOIN projects p ON p.id = pr.project_id ${t.join(sql`pr.region_id`)}
              WHERE ${t.where(sql`pr.region_id`)} AND pr.status <> 'withdrawn' AND pr.opened_on BETWEEN ${cumulative.from}::date AND ${cumulative.to}::date
              GROUP BY p.id${groupKey(t)}) x
        GROUP BY bucket`,
  );
  return new Map(rows.map((r) => [Number(r.bucket), { m: Number(r.m), mf: Number(r.mf), c: Number(r.c), cf: Number(r.cf) }]));
}

/** External sources: subtree figures only; a region's own (本级) figure is its subtree minus its children's. */
type ExternalRule = (db: Db, path: string, w: Window) => Promise<number | null>;
const EXTERNAL: Partial<Record<number, ExternalRule>> = {
  6: async (db, path, w) => (await inspectionStats(db, path, w.from, w.to))?.inspections ?? null,
  7: async (db, path, w) => (await inspectionStats(db, path, w.from, w.to))?.peopleDispatched ?? null,
  12: (db, path, w) => signedCompanies(db, path, w.from, w.to),
};

export function isStock(no: number): boolean {
  return MONTHLY_ROWS.find((r) => r.no === no)?.kind === 'stock';
}

export interface RecordRow {
  id: string;
  label: string;
  on_date: string | null;
  qty: number;
  kind: string;
  flag?: boolean;
}

async function figure(db: Db, q: SQL, flagged = true): Promise<{ total: number; flagged: number }> {
  const [row] = await queryRows<{ total: number | string | null; flagged: number | string | null }>(
    db,
    sql`SELECT coalesce(sum(qty), 0)::int AS total, ${flagged ? sql`count(*) FILTER (WHERE (to_jsonb(r) ->> 'flag')::boolean)::int` : sql`0`} AS flagged FROM (${q}) r`,
  );
  return { total: Number(row?.total ?? 0), flagged: Number(row?.flagged ?? 0) };
}

/** The figure of each bucket (one grouped query); a bucket without records is absent (= 0). */
async function figuresByBucket(db: Db, q: SQL, flagged: boolean): Promise<Map<number, { total: number; flagged: number }>> {
  const rows = await queryRows<{ bucket: number; total: number | string | null; flagged: number | string | null }>(
    db,
    sql`SELECT bucket, coalesce(sum(qty), 0)::int AS total, ${flagged ? sql`count(*) FILTER (WHERE flag)::int` : sql`0`} AS flagged FROM (${q}) r GROUP BY bucket`,
  );
  return new Map(rows.map((r) => [Number(r.bucket), { total: Number(r.total ?? 0), flagged: Number(r.flagged ?? 0) }]));
}

/** The records behind one row's figure (drill-down), newest first, with their total. */
export async function rowRecords(db: Db, no: number, scope: Scope, w: Window, limit = 200): Promise<{ items: RecordRow[]; total: number } | null> {
  const q = RECORD_QUERIES[no];
  if (!q) return null;
  const query = q(targetOf(scope), w);
  const items = await queryRows<RecordRow>(db, sql`SELECT id, label, on_date, qty, kind FROM (${query}) r ORDER BY on_date DESC NULLS LAST, id LIMIT ${limit}`);
  const { total } = await figure(db, query, no === 5);
  return { items: items.map((i) => ({ ...i, qty: Number(i.qty) })), total };
}

/**
 * Rows 1–14 for one scope. `children` (paths) are needed only for an exact (本级) scope with
 * external sources: own = subtree − Σ children.
 */
export async function computeRows(db: Db, scope: Scope, month: Window, cumulative: Window, children: string[] = []): Promise<RowFigures[]> {
  const out: RowFigures[] = [];
  for (const def of MONTHLY_ROWS) {
    const q = RECORD_QUERIES[def.no];
    if (q) {
      const t = targetOf(scope);
      const m = await figure(db, q(t, month), def.no === 5);
      const c = def.kind === 'stock' ? m : await figure(db, q(t, cumulative), def.no === 5);
      const row: RowFigures = { no: def.no, label: def.label, month: m.total, cumulative: c.total, available: true };
      if (def.no === 5) row.note = `其中未公示：${m.flagged}/${c.flagged}`;
      out.push(row);
      continue;
    }
    const rule = EXTERNAL[def.no] as ExternalRule;
    const value = async (w: Window): Promise<number | null> => {
      const whole = await rule(db, scope.path, w);
      if (whole === null || !scope.exact) return whole;
      let rest = whole;
      for (const child of children) {
        const v = await rule(db, child, w);
        if (v === null) return null;
        rest -= v;
      }
      return rest;
    };
    const m = await value(month);
    const c = m === null ? null : await value(cumulative);
    const available = m !== null && c !== null;
    out.push({ no: def.no, label: def.label, month: available ? m : null, cumulative: available ? c : null, available, ...(available ? {} : { note: NO_SOURCE }) });
  }
  return out;
}

/**
 * One entry of a roll-up computed in bulk: a region counted over its subtree (`exact: false`, the
 * district-level entries) or over its own node only (`exact: true`, the 本级 of a city/province,
 * whose external figures are its subtree minus its `children`'s subtrees).
 */
export interface BucketNode {
  id: number;
  path: string;
  exact: boolean;
  children: string[];
}

/**
 * Rows 1–14 of every entry at once: the same rules as `computeRows`, each record query run once
 * per window over the whole subtree and grouped by bucket (`buckets` maps each region of the
 * subtree to the entry that counts it), the external sources once per window for all the paths
 * involved. `computeRows(db, { path, exact }, …)` of a node equals its entry here (tested).
 */
export async function computeRowsByBucket(db: Db, buckets: Buckets, nodes: BucketNode[], month: Window, cumulative: Window): Promise<Map<number, RowFigures[]>> {
  const out = new Map<number, RowFigures[]>(nodes.map((n) => [n.id, []]));
  const t = targetOf(buckets);
  const paths = [...new Set(nodes.flatMap((n) => [n.path, ...(n.exact ? n.children : [])]))];
  const inspections = new Map<string, Promise<Map<string, { inspections: number; peopleDispatched: number }>>>();
  const stats = (w: Window) => {
    const key = `${w.from}:${w.to}`;
    let p = inspections.get(key);
    if (!p) {
      p = inspectionStatsByPath(db, paths, w.from, w.to);
      inspections.set(key, p);
    }
    return p;
  };
  const externalValues = async (no: number, w: Window): Promise<Map<string, number>> => {
    if (no === 12) return signedCompaniesByPath(db, paths, w.from, w.to);
    const m = await stats(w);
    return new Map([...m].map(([k, v]) => [k, no === 6 ? v.inspections : v.peopleDispatched]));
  };
  const managedFigures = await managedByBucket(db, t, month, cumulative);
  for (const def of MONTHLY_ROWS) {
    const q = RECORD_QUERIES[def.no];
    if (q) {
      const managedRow = managedFigures.get(def.no);
      if (managedRow) {
        for (const n of nodes) {
          const f = managedRow(n.id);
          out.get(n.id)?.push({ no: def.no, label: def.label, month: f.month, cumulative: f.cumulative, available: true });
        }
        continue;
      }
      if (def.no === 5 && month.to === cumulative.to && month.from >= cumulative.from) {
        const f = await problemProjectsByBucket(db, t, month, cumulative);
        for (const n of nodes) {
          const x = f.get(n.id) ?? { m: 0, mf: 0, c: 0, cf: 0 };
          out.get(n.id)?.push({ no: 5, label: def.label, month: x.m, cumulative: x.c, available: true, note: `其中未公示：${x.mf}/${x.cf}` });
        }
        continue;
      }
      const rollup = (w: Window) => (def.no === 11 ? receivedLeadsRollup(t, w) : null) ?? q(t, w);
      const m = await figuresByBucket(db, rollup(month), def.no === 5);
      const c = def.kind === 'stock' ? m : await figuresByBucket(db, rollup(cumulative), def.no === 5);
      for (const n of nodes) {
        const fm = m.get(n.id) ?? { total: 0, flagged: 0 };
        const fc = c.get(n.id) ?? { total: 0, flagged: 0 };
        const row: RowFigures = { no: def.no, label: def.label, month: fm.total, cumulative: fc.total, available: true };
        if (def.no === 5) row.note = `其中未公示：${fm.flagged}/${fc.flagged}`;
        out.get(n.id)?.push(row);
      }
      continue;
    }
    const vm = await externalValues(def.no, month);
    const vc = await externalValues(def.no, cumulative);
    const value = (v: Map<string, number>, n: BucketNode) => {
      const whole = v.get(n.path) ?? 0;
      return n.exact ? n.children.reduce((rest, c) => rest - (v.get(c) ?? 0), whole) : whole;
    };
    for (const n of nodes) out.get(n.id)?.push({ no: def.no, label: def.label, month: value(vm, n), cumulative: value(vc, n), available: true });
  }
  return out;
}

/** The console list behind a row whose records live in another module. */
export function externalListLink(no: number, regionCode: string, w: Window): string | null {
  const r = encodeURIComponent(regionCode);
  if (no === 6 || no === 7) return `/app/inspections?region=${r}&from=${w.from}&to=${w.to}`;
  if (no === 12) return `/app/commitments?region=${r}&status=signed&signedFrom=${w.from}&signedTo=${w.to}`;
  return null;
}

/** Console path of one record behind a figure. */
export function recordLink(kind: string, id: string): string {
  switch (kind) {
    case 'project':
      return `/app/projects/${id}`;
    case 'enterprise':
      return `/app/enterprises/${id}`;
    case 'case':
      return `/app/cases/${id}`;
    case 'complaint':
      return `/app/complaints/${id}`;
    case 'publicity':
      return `/app/outcomes?tab=publicity&id=${id}`;
    case 'model_project':
      return `/app/outcomes?tab=models&id=${id}`;
    default:
      return `/app/outcomes?tab=deeds&id=${id}`;
  }
}
