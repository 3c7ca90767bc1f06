import { sql } from 'drizzle-orm';
import { DISCLOSURE_ITEM_INFO, DISCLOSURE_ITEMS, DISCLOSURE_STATUS_LABELS, type DisclosureStatus } from '../../../core/registry.js';
import { chinaDate } from '../../../core/working-days.js';
import { type Db, escapeLike, queryRows } from '../../db/client.js';

/*
 * Public portal reads (SPEC §15), no login: the blacklist in force and the fee disclosure of a
 * project. Only what is published anyway (company names, credit codes, reasons, posted items);
 * nothing about residents.
 */

/** Blacklist entries in force today: not annulled, not repaired, and within their period. */
export async function publicBlacklist(db: Db) {
  const today = chinaDate();
  const rows = await queryRows<{ id: string; enterprise_name: string; credit_code: string; region_name: string; reason: string; listed_from: string; listed_until: string | null }>(
    db,
    sql`SELECT b.id, e.name AS enterprise_name, e.credit_code, r.name AS region_name, b.reason, b.listed_from::text AS listed_from, b.listed_until::text AS listed_until
        FROM blacklist_entries b JOIN enterprises e ON e.id = b.enterprise_id JOIN regions r ON r.id = b.region_id
        WHERE b.annulled_at IS NULL AND b.repaired_at IS NULL AND b.listed_from <= ${today}::date AND (b.listed_until IS NULL OR b.listed_until >= ${today}::date)
        ORDER BY b.listed_from DESC LIMIT 500`,
  );
  return {
    items: rows.map((r) => ({ id: r.id, enterpriseName: r.enterprise_name, creditCode: r.credit_code, regionName: r.region_name, reason: r.reason, listedFrom: r.listed_from, listedUntil: r.listed_until })),
  };
}

/** Projects whose name contains `q` (at least two characters), with each S3 §二.5 disclosure item's state. */
export async function feeDisclosureLookup(db: Db, q: string) {
  const projects = await queryRows<{ id: string; name: string; address: string; region_name: string; enterprise_name: string | null; fully_disclosed_since: string | null }>(
    db,
    sql`SELECT p.id, p.name, p.address, r.name AS region_name, e.name AS enterprise_name, p.fully_disclosed_since::text AS fully_disclosed_since
        FROM projects p JOIN regions r ON r.id = p.region_id LEFT JOIN enterprises e ON e.id = p.enterprise_id
        WHERE p.name ILIKE ${`%${escapeLike(q)}%`} ORDER BY p.name LIMIT 20`,
  );
  const ids = projects.map((p) => p.id);
  const items = ids.length
    ? await queryRows<{ project_id: string; item: string; status: string; posted_on: string | null }>(
        db,
        sql`SELECT project_id, item, status, posted_on::text AS posted_on FROM project_disclosures WHERE project_id IN (${sql.join(
          ids.map((id) => sql`${id}::uuid`),
          sql`, `,
        )})`,
      )
    : [];
  return {
    items: projects.map((p) => ({
      id: p.id,
      name: p.name,
      address: p.address,
      regionName: p.region_name,
      enterpriseName: p.enterprise_name,
      fullyDisclosedSince: p.fully_disclosed_since,
      disclosures: DISCLOSURE_ITEMS.map((item) => {
        const d = items.find((x) => x.project_id === p.id && x.item === item);
        const status = (d?.status ?? 'missing') as DisclosureStatus;
        return { item, label: DISCLOSURE_ITEM_INFO[item].label, status, statusLabel: DISCLOSURE_STATUS_LABELS[status], postedOn: d?.posted_on ?? null };
      }),
    })),
  };
}
