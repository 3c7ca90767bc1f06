import { type SQL, sql } from 'drizzle-orm';
import { PENALTY_TYPES } from '../../../core/enforcement/index.js';
import { MONTHLY_ROWS, NO_SOURCE, type RowFigures } from '../../../core/reports/monthly.js';
import { type Db, escapeLike, queryRows } from '../../db/client.js';
import { signedCompanies } from '../commitments/commitments.report.js';
import { inspectionStats } from '../inspections/inspections.report.js';

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

const cnDate = (col: SQL) => sql`(${col} AT TIME ZONE 'Asia/Shanghai')::date`;
const penaltyList = sql.join(
  PENALTY_TYPES.map((t) => sql`${t}`),
  sql`, `,
);

type RecordQuery = (scope: Scope, w: Window) => SQL;

/** Managed projects (professionally managed = has a company) registered by the window's end. */
const managed = (scope: Scope, w: Window, extra: SQL) =>
  sql`SELECT p.id::text AS id, p.name AS label, p.fully_disclosed_since::text AS on_date, 1 AS qty, 'project' AS kind FROM projects p
      WHERE ${inRegion(sql`p.region_id`, scope)} AND p.enterprise_id IS NOT NULL AND ${cnDate(sql`p.created_at`)} <= ${w.to}::date AND ${extra}`;

const RECORD_QUERIES: Partial<Record<number, RecordQuery>> = {
  1: (s, w) => managed(s, w, sql`TRUE`),
  2: (s, w) => managed(s, w, sql`p.fully_disclosed_since <= ${w.to}::date`),
  3: (s, w) => managed(s, w, sql`(p.fully_disclosed_since IS NULL OR p.fully_disclosed_since > ${w.to}::date)`),
  4: (s, w) => managed(s, w, sql`p.fully_disclosed_since BETWEEN ${w.from}::date AND ${w.to}::date`),
  5: (s, w) =>
    sql`SELECT p.id::text AS id, p.name AS label, min(pr.opened_on)::text AS on_date, 1 AS qty, 'project' AS kind,
               bool_or(pr.category = 5) AS flag
        FROM problems pr JOIN projects p ON p.id = pr.project_id
        WHERE ${inRegion(sql`pr.region_id`, s)} AND pr.status <> 'withdrawn' AND pr.opened_on BETWEEN ${w.from}::date AND ${w.to}::date
        GROUP BY p.id, p.name`,
  8: (s, w) =>
    sql`SELECT e.id::text AS id, e.name AS label, min(ea.action_date)::text AS on_date, 1 AS qty, 'enterprise' AS kind
        FROM enforcement_actions ea JOIN enterprises e ON e.id = ea.enterprise_id
        WHERE ${inRegion(sql`ea.region_id`, s)} AND ea.type IN (${penaltyList}) AND ea.action_date BETWEEN ${w.from}::date AND ${w.to}::date
        GROUP BY e.id, e.name`,
  9: (s, w) =>
    sql`SELECT c.id::text AS id, c.title AS label, ${cnDate(sql`c.published_at`)}::text AS on_date, 1 AS qty, 'case' AS kind
        FROM typical_cases c WHERE ${inRegion(sql`c.region_id`, s)} AND c.status = 'published'
        AND ${cnDate(sql`c.published_at`)} BETWEEN ${w.from}::date AND ${w.to}::date`,
  10: (s, w) =>
    sql`SELECT e.id::text AS id, e.title AS label, e.held_on::text AS on_date, e.brochures AS qty, 'publicity' AS kind
        FROM publicity_events e WHERE ${inRegion(sql`e.region_id`, s)} AND e.held_on BETWEEN ${w.from}::date AND ${w.to}::date`,
  11: (s, w) =>
    sql`SELECT c.id::text AS id, c.tracking_code AS label, ${cnDate(sql`c.received_at`)}::text AS on_date, 1 AS qty, 'complaint' AS kind
        FROM complaints c WHERE ${inRegion(sql`c.region_id`, s)} AND c.status <> 'merged'
        AND ${cnDate(sql`c.received_at`)} BETWEEN ${w.from}::date AND ${w.to}::date`,
  13: (s, w) =>
    sql`SELECT m.id::text AS id, p.name AS label, m.selected_on::text AS on_date, 1 AS qty, 'model_project' AS kind
        FROM model_projects m JOIN projects p ON p.id = m.project_id
        WHERE ${inRegion(sql`m.region_id`, s)} AND m.selected_on BETWEEN ${w.from}::date AND ${w.to}::date`,
  14: (s, w) =>
    sql`SELECT d.id::text AS id, p.name || '：' || left(d.description, 40) AS label, d.done_on::text AS on_date, 1 AS qty, 'deed' AS kind
        FROM practical_deeds d JOIN projects p ON p.id = d.project_id
        WHERE ${inRegion(sql`d.region_id`, s)} AND d.done_on BETWEEN ${w.from}::date AND ${w.to}::date`,
};

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

async function figure(db: Db, q: SQL): Promise<{ total: number; flagged: number }> {
  const [row] = await queryRows<{ total: number | string | null; flagged: number | string | null }>(
    db,
    sql`SELECT coalesce(sum(qty), 0)::int AS total, count(*) FILTER (WHERE (to_jsonb(r) ->> 'flag')::boolean)::int AS flagged FROM (${q}) r`,
  );
  return { total: Number(row?.total ?? 0), flagged: Number(row?.flagged ?? 0) };
}

/** The records behind one row's figure (drill-down), newest first, with their total. */
export async function rowRecords(db: Db, no: number, scope: Scope, w: Window, limit = 200): Promise<{ items: RecordRow[]; total: number } | null> {
  const q = RECORD_QUERIES[no];
  if (!q) return null;
  const query = q(scope, w);
  const items = await queryRows<RecordRow>(db, sql`SELECT * FROM (${query}) r ORDER BY on_date DESC NULLS LAST, id LIMIT ${limit}`);
  const { total } = await figure(db, query);
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
      const m = await figure(db, q(scope, month));
      const c = def.kind === 'stock' ? m : await figure(db, q(scope, cumulative));
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
