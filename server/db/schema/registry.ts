import { sql } from 'drizzle-orm';
import {
  bigint,
  boolean,
  date,
  doublePrecision,
  index,
  integer,
  jsonb,
  numeric,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { regions } from './regions.js';
import { users } from './users.js';

/**
 * The registry (SPEC §3): property-service enterprises, the projects (residential communities)
 * they manage with their fee-disclosure record, and their practitioners. Also the uploaded-file
 * metadata and the import-job rows that give large xlsx imports a progress bar.
 */

/** 物业服务企业. `creditCode` is the normalised 统一社会信用代码 (GB 32100), unique. */
export const enterprises = pgTable(
  'enterprises',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    creditCode: text('credit_code').notNull(),
    /** Set when a user with enterprise:confirm_checksum accepted a code failing only the check character. */
    creditCodeChecksumConfirmedBy: uuid('credit_code_checksum_confirmed_by').references(() => users.id),
    creditCodeChecksumConfirmedAt: timestamp('credit_code_checksum_confirmed_at', { withTimezone: true }),
    name: text('name').notNull(),
    legalRepresentative: text('legal_representative'),
    /** Registered region (注册地); the jurisdiction that maintains the record. */
    regionId: integer('region_id')
      .notNull()
      .references(() => regions.id),
    address: text('address'),
    contactName: text('contact_name'),
    contactPhone: text('contact_phone'),
    qualification: text('qualification'),
    /** 'active' | 'suspended' | 'deregistered' (core/registry.ts). */
    status: text('status').notNull().default('active'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('enterprises_credit_code_uq').on(t.creditCode),
    index('enterprises_region_status_idx').on(t.regionId, t.status),
    index('enterprises_name_idx').on(t.name),
  ],
);

/**
 * 物业项目 / 住宅小区. `enterpriseId` null = not professionally managed (无物业).
 * The import key is (region, name): a project is identified by its name within its region node,
 * so a change of managing company updates the project rather than duplicating it.
 */
export const projects = pgTable(
  'projects',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    name: text('name').notNull(),
    address: text('address').notNull(),
    regionId: integer('region_id')
      .notNull()
      .references(() => regions.id),
    enterpriseId: uuid('enterprise_id').references(() => enterprises.id),
    households: integer('households'),
    buildingArea: numeric('building_area', { precision: 14, scale: 2, mode: 'number' }),
    lat: doublePrecision('lat'),
    lng: doublePrecision('lng'),
    hasOwnersCommittee: boolean('has_owners_committee').notNull().default(false),
    /** Derived from project_disclosures by one service function; never written elsewhere. */
    fullyDisclosedSince: date('fully_disclosed_since', { mode: 'string' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('projects_region_name_uq').on(t.regionId, t.name),
    index('projects_region_enterprise_idx').on(t.regionId, t.enterpriseId),
    index('projects_enterprise_idx').on(t.enterpriseId),
    index('projects_name_idx').on(t.name),
    index('projects_disclosed_idx').on(t.fullyDisclosedSince),
  ],
);

/** One row per (project, S3 §二.5 item) once recorded; an absent row means 'missing'. */
export const projectDisclosures = pgTable(
  'project_disclosures',
  {
    projectId: uuid('project_id')
      .notNull()
      .references(() => projects.id, { onDelete: 'cascade' }),
    item: text('item').notNull(),
    /** 'missing' | 'posted' | 'verified' (core/registry.ts). */
    status: text('status').notNull().default('missing'),
    postedOn: date('posted_on', { mode: 'string' }),
    /** File ids (files table) of the photos or PDFs showing the posted notice. */
    evidenceFileIds: uuid('evidence_file_ids').array().notNull().default(sql`'{}'::uuid[]`),
    verifiedBy: uuid('verified_by').references(() => users.id),
    verifiedAt: timestamp('verified_at', { withTimezone: true }),
    note: text('note'),
    updatedBy: uuid('updated_by').references(() => users.id),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.projectId, t.item], name: 'project_disclosures_pk' })],
);

/** 从业人员, for credit records. */
export const practitioners = pgTable(
  'practitioners',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    enterpriseId: uuid('enterprise_id')
      .notNull()
      .references(() => enterprises.id),
    /** The project they work on, if any (e.g. a 项目经理). */
    projectId: uuid('project_id').references(() => projects.id),
    name: text('name').notNull(),
    role: text('role').notNull(),
    certificateNo: text('certificate_no'),
    phone: text('phone'),
    active: boolean('active').notNull().default(true),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('practitioners_enterprise_idx').on(t.enterpriseId, t.active), index('practitioners_name_idx').on(t.name)],
);

/**
 * Uploaded files (server/lib/files.ts stores the bytes under DATA_DIR/uploads). The storage key
 * is generated, never derived from the uploaded name. `entityType`/`entityId` name the owning
 * record, so a download route can check the owner's jurisdiction.
 */
export const files = pgTable(
  'files',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    storageKey: text('storage_key').notNull(),
    originalName: text('original_name').notNull(),
    mime: text('mime').notNull(),
    size: bigint('size', { mode: 'number' }).notNull(),
    sha256: text('sha256').notNull(),
    entityType: text('entity_type').notNull(),
    entityId: text('entity_id'),
    uploadedBy: uuid('uploaded_by').references(() => users.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('files_storage_key_uq').on(t.storageKey), index('files_entity_idx').on(t.entityType, t.entityId)],
);

/**
 * One row per xlsx import run (dry run or real). Counters are updated between phases so the web
 * can poll progress; `errors` keeps the first errors for the preview; `fileId` keeps the file of
 * a committed import for traceability.
 */
export const importJobs = pgTable(
  'import_jobs',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    kind: text('kind').notNull(),
    dryRun: boolean('dry_run').notNull(),
    /** 'reading' | 'validating' | 'writing' | 'done' | 'failed'. */
    status: text('status').notNull().default('reading'),
    fileName: text('file_name'),
    fileSha256: text('file_sha256'),
    fileId: uuid('file_id').references(() => files.id),
    total: integer('total').notNull().default(0),
    processed: integer('processed').notNull().default(0),
    created: integer('created').notNull().default(0),
    updated: integer('updated').notNull().default(0),
    errorCount: integer('error_count').notNull().default(0),
    errors: jsonb('errors').notNull().default([]),
    createdBy: uuid('created_by').references(() => users.id),
    regionId: integer('region_id').references(() => regions.id),
    startedAt: timestamp('started_at', { withTimezone: true }).notNull().defaultNow(),
    finishedAt: timestamp('finished_at', { withTimezone: true }),
  },
  (t) => [index('import_jobs_created_by_idx').on(t.createdBy, t.startedAt)],
);
