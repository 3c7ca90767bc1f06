import { sql } from 'drizzle-orm';
import { check, index, integer, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { campaigns } from './campaigns.js';
import { regions } from './regions.js';
import { enterprises, projects } from './registry.js';
import { users } from './users.js';

/**
 * 承诺书 "合法经营、规范收费" (SPEC §7): one per project and campaign. `text` is rendered from the
 * template when issued; signing copies it to `signed_text`, which never changes afterwards (a later
 * template change does not alter what the company signed).
 */
export const commitments = pgTable(
  'commitments',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    campaignId: uuid('campaign_id')
      .notNull()
      .references(() => campaigns.id),
    projectId: uuid('project_id')
      .notNull()
      .references(() => projects.id),
    /** The company managing the project when issued: the one that must sign. */
    enterpriseId: uuid('enterprise_id')
      .notNull()
      .references(() => enterprises.id),
    /** The project's region: the jurisdiction of the record. */
    regionId: integer('region_id')
      .notNull()
      .references(() => regions.id),
    /** issued | signed */
    status: text('status').notNull().default('issued'),
    text: text('text').notNull(),
    issuedBy: uuid('issued_by').references(() => users.id),
    issuedAt: timestamp('issued_at', { withTimezone: true }).notNull().defaultNow(),
    signedText: text('signed_text'),
    signedAt: timestamp('signed_at', { withTimezone: true }),
    signedBy: uuid('signed_by').references(() => users.id),
    signedByName: text('signed_by_name'),
    signedIp: text('signed_ip'),
  },
  (t) => [
    uniqueIndex('commitments_campaign_project_uq').on(t.campaignId, t.projectId),
    index('commitments_region_status_idx').on(t.regionId, t.status),
    index('commitments_enterprise_idx').on(t.enterpriseId, t.status),
    check('commitments_status_ck', sql`${t.status} IN ('issued', 'signed')`),
    check('commitments_signed_ck', sql`(${t.status} = 'signed') = (${t.signedAt} IS NOT NULL AND ${t.signedText} IS NOT NULL)`),
  ],
);
