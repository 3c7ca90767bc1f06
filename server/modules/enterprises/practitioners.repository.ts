import { and, asc, eq, ilike, sql } from 'drizzle-orm';
import { type Db, escapeLike } from '../../db/client.js';
import { enterprises, practitioners, projects } from '../../db/schema/index.js';
import type { Actor } from '../../http/actor.js';
import { regionScope } from '../../http/scope.js';
import { enterpriseVisible } from './enterprises.repository.js';

/*
 * PRACTITIONER JURISDICTION: a practitioner is visible exactly when their enterprise is
 * (enterprises.repository.ts `enterpriseVisible`); everything else is 404.
 */
const columns = {
  id: practitioners.id,
  enterpriseId: practitioners.enterpriseId,
  enterpriseName: enterprises.name,
  projectId: practitioners.projectId,
  projectName: projects.name,
  name: practitioners.name,
  role: practitioners.role,
  certificateNo: practitioners.certificateNo,
  phone: practitioners.phone,
  active: practitioners.active,
  createdAt: practitioners.createdAt,
  updatedAt: practitioners.updatedAt,
};

function base(db: Db) {
  return db
    .select(columns)
    .from(practitioners)
    .innerJoin(enterprises, eq(enterprises.id, practitioners.enterpriseId))
    .leftJoin(projects, eq(projects.id, practitioners.projectId));
}

export async function findVisible(db: Db, actor: Actor, id: string) {
  const [row] = await base(db).where(and(eq(practitioners.id, id), enterpriseVisible(actor)));
  return row;
}
export type PractitionerRow = NonNullable<Awaited<ReturnType<typeof findVisible>>>;

export async function listVisible(
  db: Db,
  actor: Actor,
  f: { q?: string; enterpriseId?: string; role?: string; active?: boolean; withinPath?: string },
  page: { limit: number; offset: number },
) {
  const q = f.q?.trim();
  const where = and(
    enterpriseVisible(actor),
    // A region narrows to people of companies registered there or working on a project there.
    f.withinPath
      ? sql`(${regionScope(actor, enterprises.regionId, f.withinPath)} OR ${practitioners.projectId} IN (SELECT ${projects.id} FROM ${projects} WHERE ${regionScope(actor, projects.regionId, f.withinPath)}))`
      : undefined,
    f.enterpriseId ? eq(practitioners.enterpriseId, f.enterpriseId) : undefined,
    f.role ? eq(practitioners.role, f.role) : undefined,
    f.active === undefined ? undefined : eq(practitioners.active, f.active),
    q ? sql`(${ilike(practitioners.name, `%${escapeLike(q)}%`)} OR ${ilike(practitioners.certificateNo, `${escapeLike(q)}%`)})` : undefined,
  );
  const [items, [{ total }]] = await Promise.all([
    base(db).where(where).orderBy(asc(enterprises.name), asc(practitioners.name), asc(practitioners.id)).limit(page.limit).offset(page.offset),
    db
      .select({ total: sql<number>`count(*)::int`.mapWith(Number) })
      .from(practitioners)
      .innerJoin(enterprises, eq(enterprises.id, practitioners.enterpriseId))
      .where(where),
  ]);
  return { items, total };
}

export async function projectOf(db: Db, projectId: string) {
  const [row] = await db.select({ id: projects.id, enterpriseId: projects.enterpriseId }).from(projects).where(eq(projects.id, projectId));
  return row;
}

export type NewPractitioner = typeof practitioners.$inferInsert;

export async function insertPractitioner(db: Db, values: NewPractitioner) {
  const [row] = await db.insert(practitioners).values(values).returning();
  return row;
}

export async function updatePractitioner(db: Db, id: string, values: Partial<NewPractitioner>) {
  const [row] = await db.update(practitioners).set({ ...values, updatedAt: new Date() }).where(eq(practitioners.id, id)).returning();
  return row;
}

export async function rawById(db: Db, id: string) {
  const [row] = await db.select().from(practitioners).where(eq(practitioners.id, id));
  return row;
}
