import { type SQL, and, count, desc, eq, ilike, inArray, isNotNull, or } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import { z } from 'zod';
import { ENFORCEMENT_DOCUMENT_TITLES, ENFORCEMENT_TYPE_LABELS, type EnforcementType, PENALTY_TYPES } from '../../../core/enforcement/index.js';
import { redactPersonalData } from '../../../core/redaction/index.js';
import { type Db, escapeLike } from '../../db/client.js';
import { enforcementActions, enterprises, orgUnits, projects, regions, users } from '../../db/schema/index.js';
import { notFound } from '../../http/errors.js';
import { type PageQuery, limitOffset, pageQuery } from '../../http/pagination.js';
import type { LegalBasisSnapshot } from '../enforcement/enforcement.service.js';

/*
 * 行政处罚公示 (双公示, SPEC §12): the public portal lists penalty decisions (warning, fine,
 * confiscation, public-security penalty) once staff have marked them published
 * (POST /api/enforcement-actions/:id/publish sets published_at). No login. A decision that is not
 * published — or whose publication is ever revoked (published_at back to null) — is invisible: the
 * list leaves it out and its detail answers 404. The facts text goes through the residents'-data
 * redaction (names, phones, room and ID numbers), keeping the company, project and issuing unit
 * named; the staff who created or published it are named nowhere (their names are redacted from the
 * text too).
 */

export const publicPenaltiesQuery = pageQuery.extend({
  pageSize: z.coerce.number().int().min(1).max(50).default(10),
  q: z.string().trim().max(60, '关键词不超过 60 个字').optional(),
});
export type PublicPenaltiesQuery = z.infer<typeof publicPenaltiesQuery> & PageQuery;

export const publicPenalty = z.object({
  id: z.string(),
  documentNumber: z.string(),
  title: z.string(),
  type: z.string(),
  typeLabel: z.string(),
  decisionDate: z.string(),
  publishedAt: z.date(),
  issuingUnitName: z.string(),
  regionName: z.string(),
  enterpriseName: z.string(),
  creditCode: z.string(),
  projectName: z.string().nullable(),
  amount: z.number().nullable(),
  legalBasis: z.array(z.object({ actTitle: z.string(), article: z.string(), citation: z.string() })),
  facts: z.string(),
});
export type PublicPenalty = z.infer<typeof publicPenalty>;

const creator = alias(users, 'penalty_creator');
const publisher = alias(users, 'penalty_publisher');

/** Published penalty decisions only — the one condition both the list and the detail use. */
const published = and(isNotNull(enforcementActions.publishedAt), inArray(enforcementActions.type, [...PENALTY_TYPES])) as SQL;

const columns = {
  id: enforcementActions.id,
  documentNumber: enforcementActions.documentNumber,
  type: enforcementActions.type,
  decisionDate: enforcementActions.actionDate,
  publishedAt: enforcementActions.publishedAt,
  issuingUnitName: orgUnits.name,
  regionName: regions.name,
  enterpriseName: enterprises.name,
  creditCode: enterprises.creditCode,
  projectName: projects.name,
  amount: enforcementActions.amount,
  legalBasis: enforcementActions.legalBasis,
  facts: enforcementActions.facts,
  creatorName: creator.displayName,
  publisherName: publisher.displayName,
};

function query(db: Db, where: SQL) {
  return db
    .select(columns)
    .from(enforcementActions)
    .innerJoin(enterprises, eq(enterprises.id, enforcementActions.enterpriseId))
    .innerJoin(orgUnits, eq(orgUnits.id, enforcementActions.issuingOrgUnitId))
    .innerJoin(regions, eq(regions.id, enforcementActions.regionId))
    .leftJoin(projects, eq(projects.id, enforcementActions.projectId))
    .leftJoin(creator, eq(creator.id, enforcementActions.createdBy))
    .leftJoin(publisher, eq(publisher.id, enforcementActions.publishedBy))
    .where(where);
}

type Row = Awaited<ReturnType<typeof query>>[number];

function present(row: Row): PublicPenalty {
  const type = row.type as EnforcementType;
  const keep = [row.enterpriseName, row.projectName ?? '', row.issuingUnitName].filter(Boolean);
  const staff = [row.creatorName, row.publisherName].filter((n): n is string => !!n);
  return {
    id: row.id,
    documentNumber: row.documentNumber,
    title: ENFORCEMENT_DOCUMENT_TITLES[type],
    type,
    typeLabel: ENFORCEMENT_TYPE_LABELS[type],
    decisionDate: row.decisionDate,
    publishedAt: row.publishedAt as Date,
    issuingUnitName: row.issuingUnitName,
    regionName: row.regionName,
    enterpriseName: row.enterpriseName,
    creditCode: row.creditCode,
    projectName: row.projectName,
    amount: row.amount,
    legalBasis: (row.legalBasis as LegalBasisSnapshot[]).map((l) => ({ actTitle: l.actTitle, article: l.article, citation: l.citation })),
    facts: redactPersonalData(row.facts, { keep, knownNames: staff }).text,
  };
}


export async function listPublicPenalties(db: Db, q: PublicPenaltiesQuery) {
  const pattern = q.q ? `%${escapeLike(q.q)}%` : null;
  const where = and(
    published,
    pattern ? or(ilike(enterprises.name, pattern), ilike(enterprises.creditCode, pattern), ilike(enforcementActions.documentNumber, pattern)) : undefined,
  ) as SQL;
  const { limit, offset } = limitOffset(q);
  const rows = await query(db, where).orderBy(desc(enforcementActions.publishedAt), desc(enforcementActions.id)).limit(limit).offset(offset);
  const [total] = await db
    .select({ n: count() })
    .from(enforcementActions)
    .innerJoin(enterprises, eq(enterprises.id, enforcementActions.enterpriseId))
    .where(where);
  return { items: rows.map(present), total: Number(total?.n ?? 0), page: q.page, pageSize: q.pageSize };
}

/** One published penalty decision; anything else (unpublished, not a penalty, unknown) → 404. */
export async function getPublicPenalty(db: Db, id: string): Promise<PublicPenalty> {
  const [row] = await query(db, and(eq(enforcementActions.id, id), published) as SQL);
  if (!row) throw notFound('行政处罚公示');
  return present(row);
}
