import { type SQL, and, count, desc, eq, ilike, or, sql } from 'drizzle-orm';
import { type Db, escapeLike } from '../../db/client.js';
import { campaigns, commitments, enterprises, projects, regions } from '../../db/schema/index.js';
import type { Actor } from '../../http/actor.js';
import { recordScope } from '../../http/scope.js';
import type { CommitmentRecord } from './commitments.presenter.js';

const columns = {
  id: commitments.id,
  campaignId: commitments.campaignId,
  campaignTitle: campaigns.title,
  projectId: commitments.projectId,
  projectName: projects.name,
  enterpriseId: commitments.enterpriseId,
  enterpriseName: enterprises.name,
  regionCode: regions.code,
  regionName: regions.name,
  status: commitments.status,
  issuedAt: commitments.issuedAt,
  signedAt: commitments.signedAt,
  signedByName: commitments.signedByName,
  text: commitments.text,
  signedText: commitments.signedText,
  signedIp: commitments.signedIp,
};

function base(db: Db) {
  return db
    .select(columns)
    .from(commitments)
    .innerJoin(campaigns, eq(campaigns.id, commitments.campaignId))
    .innerJoin(projects, eq(projects.id, commitments.projectId))
    .innerJoin(enterprises, eq(enterprises.id, commitments.enterpriseId))
    .innerJoin(regions, eq(regions.id, commitments.regionId));
}

/** JURISDICTION: staff see their subtree, company users their own company (http/scope.ts). */
export function commitmentScope(actor: Actor, withinPath?: string): SQL {
  return recordScope(actor, { region: commitments.regionId, enterprise: commitments.enterpriseId }, withinPath);
}

export async function findCommitment(db: Db, actor: Actor, id: string): Promise<CommitmentRecord | undefined> {
  const [row] = await base(db).where(and(eq(commitments.id, id), commitmentScope(actor)));
  return row;
}

export interface CommitmentFilter {
  withinPath?: string;
  campaignId?: string;
  status?: string;
  projectId?: string;
  enterpriseId?: string;
  signedFrom?: string;
  signedTo?: string;
  q?: string;
}

function where(actor: Actor, f: CommitmentFilter): SQL | undefined {
  return and(
    commitmentScope(actor, f.withinPath),
    f.campaignId ? eq(commitments.campaignId, f.campaignId) : undefined,
    f.status ? eq(commitments.status, f.status) : undefined,
    f.projectId ? eq(commitments.projectId, f.projectId) : undefined,
    f.enterpriseId ? eq(commitments.enterpriseId, f.enterpriseId) : undefined,
    f.signedFrom ? sql`(${commitments.signedAt} AT TIME ZONE 'Asia/Shanghai')::date >= ${f.signedFrom}::date` : undefined,
    f.signedTo ? sql`(${commitments.signedAt} AT TIME ZONE 'Asia/Shanghai')::date <= ${f.signedTo}::date` : undefined,
    f.q ? or(ilike(projects.name, `%${escapeLike(f.q)}%`), ilike(enterprises.name, `%${escapeLike(f.q)}%`)) : undefined,
  );
}

export async function listCommitments(db: Db, actor: Actor, f: CommitmentFilter, limit: number, offset: number) {
  const w = where(actor, f);
  const rows = await base(db).where(w).orderBy(desc(commitments.issuedAt), projects.name).limit(limit).offset(offset);
  const [total] = await db
    .select({ n: count() })
    .from(commitments)
    .innerJoin(projects, eq(projects.id, commitments.projectId))
    .innerJoin(enterprises, eq(enterprises.id, commitments.enterpriseId))
    .where(w);
  return { rows, total: Number(total?.n ?? 0) };
}

export async function summaryByRegion(db: Db, actor: Actor, f: CommitmentFilter) {
  return db
    .select({
      regionCode: regions.code,
      regionName: regions.name,
      issued: count(),
      signed: sql<number>`count(*) FILTER (WHERE ${commitments.status} = 'signed')`.mapWith(Number),
      companiesSigned: sql<number>`count(DISTINCT ${commitments.enterpriseId}) FILTER (WHERE ${commitments.status} = 'signed')`.mapWith(Number),
    })
    .from(commitments)
    .innerJoin(regions, eq(regions.id, commitments.regionId))
    .innerJoin(projects, eq(projects.id, commitments.projectId))
    .innerJoin(enterprises, eq(enterprises.id, commitments.enterpriseId))
    .where(where(actor, f))
    .groupBy(regions.code, regions.name)
    .orderBy(regions.code);
}

export async function countCompaniesSigned(db: Db, actor: Actor, f: CommitmentFilter): Promise<number> {
  const [row] = await db
    .select({ n: sql<number>`count(DISTINCT ${commitments.enterpriseId})`.mapWith(Number) })
    .from(commitments)
    .innerJoin(projects, eq(projects.id, commitments.projectId))
    .innerJoin(enterprises, eq(enterprises.id, commitments.enterpriseId))
    .where(and(where(actor, f), eq(commitments.status, 'signed')));
  return row?.n ?? 0;
}
