import { boolean, index, integer, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { regions } from './regions.js';

/** A department, office or street at one region (SPEC §2), with its published complaint hotline. */
export const orgUnits = pgTable(
  'org_units',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    regionId: integer('region_id')
      .notNull()
      .references(() => regions.id),
    type: text('type').notNull(),
    name: text('name').notNull(),
    /** Abbreviation used in document numbers, e.g. 东湖房 in 东湖房责改〔2026〕12号. */
    shortName: text('short_name'),
    hotline: text('hotline'),
    contactName: text('contact_name'),
    contactPhone: text('contact_phone'),
    responsibleLeader: text('responsible_leader'),
    address: text('address'),
    active: boolean('active').notNull().default(true),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('org_units_region_type_idx').on(t.regionId, t.type)],
);
