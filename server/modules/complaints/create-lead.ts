import { randomUUID } from 'node:crypto';
import { type SQL, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { auditLog, complaintEvents, complaints, triageCorrections } from '../../db/schema/index.js';

/**
 * The writes of a new lead — the lead, the triage correction (when the registrar changed the
 * proposal), its first timeline event and the audit row — as ONE statement (data-modifying CTEs):
 * atomic on its own and one round trip instead of four plus BEGIN/COMMIT. The id is chosen here so
 * the rows need not wait for each other; foreign keys are checked at the end of the statement.
 */
export async function insertLead(
  tx: Db,
  rows: {
    complaint: Omit<typeof complaints.$inferInsert, 'id'>;
    correction: Omit<typeof triageCorrections.$inferInsert, 'complaintId'> | null;
    event: Omit<typeof complaintEvents.$inferInsert, 'complaintId'>;
    audit: (complaintId: string) => typeof auditLog.$inferInsert;
  },
): Promise<{ id: string }> {
  const id = randomUUID();
  const parts: SQL[] = [sql`c AS (${tx.insert(complaints).values({ ...rows.complaint, id }).getSQL()})`];
  if (rows.correction) parts.push(sql`t AS (${tx.insert(triageCorrections).values({ ...rows.correction, complaintId: id }).getSQL()})`);
  parts.push(sql`e AS (${tx.insert(complaintEvents).values({ ...rows.event, complaintId: id }).getSQL()})`);
  await tx.execute(sql`WITH ${sql.join(parts, sql`, `)} ${tx.insert(auditLog).values(rows.audit(id)).getSQL()}`);
  return { id };
}
