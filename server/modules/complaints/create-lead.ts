import { randomUUID } from 'node:crypto';
import { type Column, getTableColumns, getTableName, type SQL, sql, type Table } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { auditLog, complaintEvents, complaints, triageCorrections } from '../../db/schema/index.js';

export interface LeadRows {
  complaint: Omit<typeof complaints.$inferInsert, 'id'>;
  correction: Omit<typeof triageCorrections.$inferInsert, 'complaintId'> | null;
  event: Omit<typeof complaintEvents.$inferInsert, 'complaintId'>;
  audit: (complaintId: string) => typeof auditLog.$inferInsert;
}

/**
 * The writes of new leads — each lead, its triage correction (when the registrar changed the
 * proposal), its first timeline event and its audit row — as ONE statement (data-modifying CTEs):
 * atomic on its own and one round trip instead of four plus BEGIN/COMMIT. Ids are chosen here so
 * the rows need not wait for each other; foreign keys are checked at the end of the statement.
 */
async function writeLeads(db: Db, leads: { id: string; rows: LeadRows }[]): Promise<void> {
  const corrections = leads.filter((l) => l.rows.correction);
  const parts: SQL[] = [sql`c AS (${db
    .insert(complaints)
    .values(leads.map((l) => ({ ...l.rows.complaint, id: l.id })))
    .getSQL()})`];
  if (corrections.length)
    parts.push(sql`t AS (${db
      .insert(triageCorrections)
      .values(corrections.map((l) => ({ ...(l.rows.correction as NonNullable<LeadRows['correction']>), complaintId: l.id })))
      .getSQL()})`);
  parts.push(sql`e AS (${db
    .insert(complaintEvents)
    .values(leads.map((l) => ({ ...l.rows.event, complaintId: l.id })))
    .getSQL()})`);
  await db.execute(sql`WITH ${sql.join(parts, sql`, `)} ${db
    .insert(auditLog)
    .values(leads.map((l) => l.rows.audit(l.id)))
    .getSQL()}`);
}

/** Column metadata of a table, read once: property key → column. */
const columnsOf = new Map<Table, [string, Column][]>();

/**
 * A multi-row INSERT as text and parameters, built from the table's Drizzle columns (names and
 * value encoders) without Drizzle's query builder, which was a sixth of a lead create's CPU time.
 * Columns no row sets are left to their defaults; a row without a value another row sets gets DEFAULT.
 */
function insertText(table: Table, rows: Record<string, unknown>[], params: unknown[]): string {
  let columns = columnsOf.get(table);
  if (!columns) {
    columns = Object.entries(getTableColumns(table));
    columnsOf.set(table, columns);
  }
  const used = columns.filter(([key]) => rows.some((r) => r[key] !== undefined));
  const tuples = rows.map(
    (row) =>
      `(${used
        .map(([key, column]) => {
          const value = row[key];
          if (value === undefined) return 'DEFAULT';
          params.push(value === null ? null : column.mapToDriverValue(value));
          return `$${params.length}`;
        })
        .join(', ')})`,
  );
  return `INSERT INTO "${getTableName(table)}" (${used.map(([, c]) => `"${c.name}"`).join(', ')}) VALUES ${tuples.join(', ')}`;
}

/** The same statement as `writeLeads`, sent straight to the driver (database root only, not a transaction). */
async function writeLeadsRaw(db: Db, leads: { id: string; rows: LeadRows }[]): Promise<void> {
  const params: unknown[] = [];
  const corrections = leads.filter((l) => l.rows.correction);
  const parts = [`c AS (${insertText(complaints, leads.map((l) => ({ ...l.rows.complaint, id: l.id })), params)})`];
  if (corrections.length)
    parts.push(`t AS (${insertText(triageCorrections, corrections.map((l) => ({ ...l.rows.correction, complaintId: l.id })), params)})`);
  parts.push(`e AS (${insertText(complaintEvents, leads.map((l) => ({ ...l.rows.event, complaintId: l.id })), params)})`);
  const text = `WITH ${parts.join(', ')} ${insertText(auditLog, leads.map((l) => l.rows.audit(l.id)) as Record<string, unknown>[], params)}`;
  await (db as unknown as { $client: { query(text: string, params: unknown[]): Promise<unknown> } }).$client.query(text, params);
}

/**
 * Group commit for leads written outside a transaction: while one statement is running, the leads
 * that arrive wait and then go together in the next one — one statement (and on PGlite one trip
 * through the embedded engine, on PostgreSQL one commit) for many leads. A lead alone is written at
 * once, so nothing waits at low load. Every lead's promise settles only after its rows are
 * committed; if a shared statement fails, each lead of it is retried alone, so one bad lead fails
 * only its own request. (decision 015)
 */
class LeadGroupWriter {
  private queue: { lead: { id: string; rows: LeadRows }; resolve: () => void; reject: (err: unknown) => void }[] = [];
  private running = 0;
  private scheduled = 0;

  constructor(
    private readonly db: Db,
    private readonly maxInFlight: number,
    private readonly maxBatch = 64,
  ) {}

  write(lead: { id: string; rows: LeadRows }): Promise<void> {
    return new Promise((resolve, reject) => {
      this.queue.push({ lead, resolve, reject });
      if (this.running + this.scheduled < this.maxInFlight) {
        // Flushed after the current turn of the event loop: the requests read in the same turn
        // join this statement (PGlite executes synchronously, so nothing else could join it).
        this.scheduled++;
        setImmediate(() => {
          this.scheduled--;
          void this.drain();
        });
      }
    });
  }

  private async drain() {
    this.running++;
    try {
      while (this.queue.length) {
        const batch = this.queue.splice(0, this.maxBatch);
        try {
          await writeLeadsRaw(
            this.db,
            batch.map((b) => b.lead),
          );
          for (const b of batch) b.resolve();
        } catch (err) {
          if (batch.length === 1) batch[0].reject(err);
          else
            for (const b of batch)
              await writeLeadsRaw(this.db, [b.lead]).then(
                () => b.resolve(),
                (e) => b.reject(e),
              );
        }
      }
    } finally {
      this.running--;
    }
  }
}

const writers = new WeakMap<Db, LeadGroupWriter>();

/**
 * Writes a new lead. `standalone`: `db` is the database itself, not a transaction — the lead may
 * then share a statement with concurrent leads (group commit); inside a transaction it is written
 * in that transaction, alone.
 */
export async function insertLead(db: Db, rows: LeadRows, opts: { standalone?: boolean; driver?: 'pglite' | 'postgres' } = {}): Promise<{ id: string }> {
  const id = randomUUID();
  if (!opts.standalone) {
    await writeLeads(db, [{ id, rows }]);
    return { id };
  }
  let writer = writers.get(db);
  if (!writer) {
    // PGlite runs one statement at a time anyway; a PostgreSQL pool can run a few side by side.
    writer = new LeadGroupWriter(db, opts.driver === 'postgres' ? 4 : 1);
    writers.set(db, writer);
  }
  await writer.write({ id, rows });
  return { id };
}
