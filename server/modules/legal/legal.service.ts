import { type SQL, and, asc, count, eq, ilike, inArray, isNull, ne, or, sql } from 'drizzle-orm';
import { z } from 'zod';
import { ACT_LEVELS, CONFIDENCE_LEVELS, inForceOn } from '../../../core/legal.js';
import { DEPARTMENT_TYPES } from '../../../core/org.js';
import { addCalendarDays } from '../../../core/working-days.js';
import type { Db } from '../../db/client.js';
import { legalActs, legalProvisions, regions } from '../../db/schema/index.js';
import type { Actor } from '../../http/actor.js';
import { recordAudit } from '../../http/audit.js';
import { conflict, notFound, validationFailed } from '../../http/errors.js';
import { type PageQuery, limitOffset } from '../../http/pagination.js';

/*
 * The legal-provision library: reference data readable by all staff, maintained by admins.
 * Versions of one article are separate rows linked by supersedesId; `provisionsInForce` picks
 * the version in force on a date (the date of the act being sanctioned — 从旧兼从轻 is then a
 * human decision the enforcement module records, not something this library decides).
 */

const isoDate = z.iso.date('日期格式应为 YYYY-MM-DD');

export const actInput = z.object({
  title: z.string().trim().min(2, '请填写法规全称（不含书名号）').max(120).refine((v) => !/[《》]/.test(v), '名称不含书名号《》'),
  shortName: z.string().trim().min(2, '请填写简称').max(40),
  issuer: z.string().trim().min(2, '请填写制定机关').max(80),
  level: z.enum(ACT_LEVELS, { message: '请选择效力层级' }),
  regionCode: z.string().trim().max(32).nullish(),
  note: z.string().trim().max(500).nullish(),
});
export type ActInput = z.infer<typeof actInput>;

const provisionFields = {
  actId: z.number({ message: '请选择所属法规' }).int().positive('请选择所属法规'),
  article: z.string().trim().min(1, '请填写条款（如 第50条第1款）').max(60),
  versionLabel: z.string().trim().max(40).nullish(),
  summary: z.string().trim().min(5, '请填写条文要旨（至少 5 个字）').max(2000),
  penaltyRange: z.string().trim().max(1000).nullish(),
  penaltyMin: z.number().nonnegative('罚款下限不能为负数').max(1e12).nullish(),
  penaltyMax: z.number().nonnegative('罚款上限不能为负数').max(1e12).nullish(),
  enforcingDepartmentType: z.enum(DEPARTMENT_TYPES, { message: '未知的执法部门类型' }).nullish(),
  enforcer: z.string().trim().max(120).nullish(),
  effectiveFrom: isoDate,
  effectiveTo: isoDate.nullish(),
  supersedesId: z.number().int().positive().nullish(),
  confidence: z.enum(CONFIDENCE_LEVELS, { message: '核实程度须为 ✅、◐ 或 ❓' }),
  sourceUrl: z.url({ protocol: /^https?$/, message: '来源须为 http(s) 网址' }).max(500).nullish(),
  focusCategories: z
    .array(z.number().int().min(1, '整治重点编号为 1–20').max(20, '整治重点编号为 1–20'))
    .max(20)
    .default([])
    .refine((a) => new Set(a).size === a.length, '整治重点编号重复'),
  note: z.string().trim().max(1000).nullish(),
};
export const provisionInput = z.object(provisionFields);
export const provisionPatch = z.object(provisionFields).partial();
export type ProvisionInput = z.infer<typeof provisionInput>;

const columns = {
  id: legalProvisions.id,
  key: legalProvisions.key,
  actId: legalProvisions.actId,
  actTitle: legalActs.title,
  actShortName: legalActs.shortName,
  actLevel: legalActs.level,
  actIssuer: legalActs.issuer,
  actRegionCode: legalActs.regionCode,
  article: legalProvisions.article,
  versionLabel: legalProvisions.versionLabel,
  summary: legalProvisions.summary,
  penaltyRange: legalProvisions.penaltyRange,
  penaltyMin: legalProvisions.penaltyMin,
  penaltyMax: legalProvisions.penaltyMax,
  enforcingDepartmentType: legalProvisions.enforcingDepartmentType,
  enforcer: legalProvisions.enforcer,
  effectiveFrom: legalProvisions.effectiveFrom,
  effectiveTo: legalProvisions.effectiveTo,
  supersedesId: legalProvisions.supersedesId,
  confidence: legalProvisions.confidence,
  sourceUrl: legalProvisions.sourceUrl,
  focusCategories: legalProvisions.focusCategories,
  note: legalProvisions.note,
  updatedAt: legalProvisions.updatedAt,
};
type ProvisionRow = Awaited<ReturnType<typeof selectProvisions>>[number];

function selectProvisions(db: Db, where?: SQL) {
  return db.select(columns).from(legalProvisions).innerJoin(legalActs, eq(legalActs.id, legalProvisions.actId)).where(where);
}

/** API shape: the row plus the citation as documents print it (《治安管理处罚法》第50条第1款). */
export function presentProvision(row: ProvisionRow) {
  return { ...row, citation: `《${row.actShortName}》${row.article === '全文' ? '' : row.article}` };
}

export interface ProvisionFilter extends PageQuery {
  q?: string;
  category?: number;
  department?: string;
  inForceOn?: string;
  actId?: number;
  confidence?: string;
  applicableIn?: string;
}

export async function listProvisions(db: Db, f: ProvisionFilter) {
  const where = and(
    f.q
      ? or(ilike(legalProvisions.summary, `%${f.q}%`), ilike(legalProvisions.article, `%${f.q}%`), ilike(legalActs.title, `%${f.q}%`), ilike(legalActs.shortName, `%${f.q}%`))
      : undefined,
    f.category ? sql`${f.category}::int = ANY(${legalProvisions.focusCategories})` : undefined,
    f.department === 'none' ? isNull(legalProvisions.enforcingDepartmentType) : f.department ? eq(legalProvisions.enforcingDepartmentType, f.department) : undefined,
    f.inForceOn
      ? sql`${legalProvisions.effectiveFrom} <= ${f.inForceOn} AND (${legalProvisions.effectiveTo} IS NULL OR ${legalProvisions.effectiveTo} >= ${f.inForceOn})`
      : undefined,
    f.actId ? eq(legalProvisions.actId, f.actId) : undefined,
    f.confidence ? eq(legalProvisions.confidence, f.confidence) : undefined,
    // Nationwide acts, and local acts of the region or one of its ancestors.
    f.applicableIn
      ? sql`(${legalActs.regionCode} IS NULL OR (SELECT ${regions.path} FROM ${regions} WHERE ${regions.code} = ${f.applicableIn}) LIKE '%/' || ${legalActs.regionCode} || '/%')`
      : undefined,
  );
  const { limit, offset } = limitOffset(f);
  const [items, [{ total }]] = await Promise.all([
    selectProvisions(db, where).orderBy(asc(legalActs.level), asc(legalActs.shortName), asc(legalProvisions.effectiveFrom), asc(legalProvisions.id)).limit(limit).offset(offset),
    db.select({ total: count() }).from(legalProvisions).innerJoin(legalActs, eq(legalActs.id, legalProvisions.actId)).where(where),
  ]);
  return { items: items.map(presentProvision), total, page: f.page, pageSize: f.pageSize };
}

export async function getProvision(db: Db, id: number) {
  const [row] = await selectProvisions(db, eq(legalProvisions.id, id));
  if (!row) throw notFound('法律条款');
  const chain = await versionChain(db, id);
  return { ...presentProvision(row), versions: chain.map(presentProvision) };
}

/** Provision objects by id, in the order asked (unknown ids are skipped). */
export async function provisionsByIds(db: Db, ids: readonly number[]) {
  if (ids.length === 0) return [];
  const rows = await selectProvisions(db, inArray(legalProvisions.id, [...ids]));
  const byId = new Map(rows.map((r) => [r.id, r]));
  return ids.flatMap((id) => (byId.has(id) ? [presentProvision(byId.get(id) as ProvisionRow)] : []));
}

/** Every version of the article `id` belongs to, oldest first. */
async function versionChain(db: Db, id: number): Promise<ProvisionRow[]> {
  const links = await db.select({ id: legalProvisions.id, supersedesId: legalProvisions.supersedesId }).from(legalProvisions);
  const members = chainMembers(links, id);
  const rows = await selectProvisions(db, inArray(legalProvisions.id, [...members]));
  return rows.sort((a, b) => a.effectiveFrom.localeCompare(b.effectiveFrom) || a.id - b.id);
}

function chainMembers(links: { id: number; supersedesId: number | null }[], id: number): Set<number> {
  const members = new Set([id]);
  for (let grew = true; grew; ) {
    grew = false;
    for (const l of links) {
      const linked = l.supersedesId !== null && (members.has(l.id) || members.has(l.supersedesId));
      if (linked && !(members.has(l.id) && members.has(l.supersedesId as number))) {
        members.add(l.id);
        members.add(l.supersedesId as number);
        grew = true;
      }
    }
  }
  return members;
}

/**
 * For each provision id, the version of that article in force on `date` (following the
 * supersedes chain both ways), without duplicates. An article with no version in force on that
 * date is left out. Example: [治安法2012 第42条] on 2026-03-01 → [治安法2025 第50条第1款].
 */
export async function provisionsInForce(db: Db, ids: readonly number[], date: string) {
  if (ids.length === 0) return [];
  const all = await db
    .select({ id: legalProvisions.id, supersedesId: legalProvisions.supersedesId, effectiveFrom: legalProvisions.effectiveFrom, effectiveTo: legalProvisions.effectiveTo })
    .from(legalProvisions);
  const byId = new Map(all.map((p) => [p.id, p]));
  const chosen: number[] = [];
  for (const id of ids) {
    if (!byId.has(id)) continue;
    const members = [...chainMembers(all, id)].map((m) => byId.get(m)).filter((m) => m !== undefined);
    const current = members.find((m) => inForceOn(m, date));
    if (current && !chosen.includes(current.id)) chosen.push(current.id);
  }
  return provisionsByIds(db, chosen);
}

export async function listActs(db: Db) {
  const rows = await db
    .select({
      id: legalActs.id,
      key: legalActs.key,
      title: legalActs.title,
      shortName: legalActs.shortName,
      issuer: legalActs.issuer,
      level: legalActs.level,
      regionCode: legalActs.regionCode,
      note: legalActs.note,
      provisionCount: sql<number>`(SELECT count(*)::int FROM ${legalProvisions} WHERE ${legalProvisions.actId} = ${legalActs.id})`,
    })
    .from(legalActs)
    .orderBy(asc(legalActs.level), asc(legalActs.shortName));
  return rows.map((r) => ({ ...r, provisionCount: Number(r.provisionCount) }));
}

async function getAct(db: Db, id: number) {
  const [row] = await db.select().from(legalActs).where(eq(legalActs.id, id));
  if (!row) throw notFound('法规');
  return row;
}

async function checkActRegion(db: Db, regionCode: string | null | undefined, fields: Record<string, string>) {
  if (!regionCode) return;
  const [region] = await db.select({ level: regions.level }).from(regions).where(eq(regions.code, regionCode));
  if (!region) fields.regionCode = '适用区划不存在';
}

export async function createAct(db: Db, actor: Actor, input: ActInput) {
  return db.transaction(async (tx) => {
    const fields: Record<string, string> = {};
    await checkActRegion(tx, input.regionCode, fields);
    const [dup] = await tx.select({ id: legalActs.id }).from(legalActs).where(eq(legalActs.title, input.title));
    if (dup) fields.title = '同名法规已存在';
    if (Object.keys(fields).length) throw validationFailed(fields);
    const [row] = await tx.insert(legalActs).values({ ...input, regionCode: input.regionCode ?? null, note: input.note ?? null }).returning();
    await recordAudit(tx, actor, { action: 'legal_act.create', entityType: 'legal_act', entityId: row.id, after: row });
    return row;
  });
}

export async function updateAct(db: Db, actor: Actor, id: number, input: Partial<ActInput>) {
  return db.transaction(async (tx) => {
    const before = await getAct(tx, id);
    const fields: Record<string, string> = {};
    await checkActRegion(tx, input.regionCode, fields);
    if (input.title) {
      const [dup] = await tx.select({ id: legalActs.id }).from(legalActs).where(and(eq(legalActs.title, input.title), ne(legalActs.id, id)));
      if (dup) fields.title = '同名法规已存在';
    }
    if (Object.keys(fields).length) throw validationFailed(fields);
    const [after] = await tx.update(legalActs).set({ ...input, updatedAt: new Date() }).where(eq(legalActs.id, id)).returning();
    await recordAudit(tx, actor, { action: 'legal_act.update', entityType: 'legal_act', entityId: id, before, after });
    return after;
  });
}

/** Field problems of a provision as it would be after the change. */
async function provisionProblems(db: Db, p: ProvisionInput, selfId: number | null) {
  const fields: Record<string, string> = {};
  const [act] = await db.select({ id: legalActs.id }).from(legalActs).where(eq(legalActs.id, p.actId));
  if (!act) fields.actId = '所属法规不存在';
  if (p.effectiveTo && p.effectiveTo < p.effectiveFrom) fields.effectiveTo = '失效日期不能早于施行日期';
  if (p.penaltyMin != null && p.penaltyMax != null && p.penaltyMax < p.penaltyMin) fields.penaltyMax = '罚款上限不能低于下限';
  let superseded: { id: number; actId: number; effectiveFrom: string; effectiveTo: string | null } | null = null;
  if (p.supersedesId) {
    if (p.supersedesId === selfId) fields.supersedesId = '不能取代自身';
    else {
      const [old] = await db
        .select({ id: legalProvisions.id, actId: legalProvisions.actId, effectiveFrom: legalProvisions.effectiveFrom, effectiveTo: legalProvisions.effectiveTo })
        .from(legalProvisions)
        .where(eq(legalProvisions.id, p.supersedesId));
      if (!old) fields.supersedesId = '被取代的条款不存在';
      else if (old.actId !== p.actId) fields.supersedesId = '只能取代同一法规的旧版本条款';
      else if (old.effectiveFrom >= p.effectiveFrom) fields.supersedesId = '被取代的旧条款施行日期须早于本条款';
      else superseded = old;
    }
  }
  if (Object.keys(fields).length) throw validationFailed(fields);
  return superseded;
}

/** A new version ends the old one the day before it takes effect (no two versions in force at once). */
async function closeSuperseded(tx: Db, actor: Actor, old: { id: number; effectiveTo: string | null }, newFrom: string) {
  const end = addCalendarDays(newFrom, -1);
  if (old.effectiveTo !== null && old.effectiveTo <= end) return;
  const [before] = await tx.select().from(legalProvisions).where(eq(legalProvisions.id, old.id));
  const [after] = await tx.update(legalProvisions).set({ effectiveTo: end, updatedAt: new Date() }).where(eq(legalProvisions.id, old.id)).returning();
  await recordAudit(tx, actor, {
    action: 'legal_provision.update',
    entityType: 'legal_provision',
    entityId: old.id,
    before,
    after,
    note: '被新版本条款取代，失效日期调整为新版本施行前一日',
  });
}

function valuesOf(p: ProvisionInput) {
  return {
    actId: p.actId,
    article: p.article,
    versionLabel: p.versionLabel ?? null,
    summary: p.summary,
    penaltyRange: p.penaltyRange ?? null,
    penaltyMin: p.penaltyMin ?? null,
    penaltyMax: p.penaltyMax ?? null,
    enforcingDepartmentType: p.enforcingDepartmentType ?? null,
    enforcer: p.enforcer ?? null,
    effectiveFrom: p.effectiveFrom,
    effectiveTo: p.effectiveTo ?? null,
    supersedesId: p.supersedesId ?? null,
    confidence: p.confidence,
    sourceUrl: p.sourceUrl ?? null,
    focusCategories: p.focusCategories,
    note: p.note ?? null,
  };
}

export async function createProvision(db: Db, actor: Actor, input: ProvisionInput) {
  return db.transaction(async (tx) => {
    const superseded = await provisionProblems(tx, input, null);
    const [row] = await tx.insert(legalProvisions).values(valuesOf(input)).returning();
    if (superseded) await closeSuperseded(tx, actor, superseded, input.effectiveFrom);
    await recordAudit(tx, actor, { action: 'legal_provision.create', entityType: 'legal_provision', entityId: row.id, after: row });
    return getProvision(tx, row.id);
  });
}

export async function updateProvision(db: Db, actor: Actor, id: number, patch: z.infer<typeof provisionPatch>) {
  return db.transaction(async (tx) => {
    const [before] = await tx.select().from(legalProvisions).where(eq(legalProvisions.id, id));
    if (!before) throw notFound('法律条款');
    const merged: ProvisionInput = {
      ...(before as unknown as ProvisionInput),
      ...Object.fromEntries(Object.entries(patch).filter(([, v]) => v !== undefined)),
    } as ProvisionInput;
    if (merged.supersedesId) {
      const [cycle] = await tx.select({ id: legalProvisions.id }).from(legalProvisions).where(and(eq(legalProvisions.id, merged.supersedesId), eq(legalProvisions.supersedesId, id)));
      if (cycle) throw conflict('版本关系不能成环', { fields: { supersedesId: '该条款已取代本条款，不能互相取代' } });
    }
    const superseded = await provisionProblems(tx, merged, id);
    const [after] = await tx.update(legalProvisions).set({ ...valuesOf(merged), updatedAt: new Date() }).where(eq(legalProvisions.id, id)).returning();
    if (superseded && patch.supersedesId !== undefined) await closeSuperseded(tx, actor, superseded, merged.effectiveFrom);
    await recordAudit(tx, actor, { action: 'legal_provision.update', entityType: 'legal_provision', entityId: id, before, after });
    return getProvision(tx, id);
  });
}

/** key → id for the library rows with these stable keys (templates refer to provisions by key). */
export async function provisionIdsByKeys(db: Db, keys: readonly string[]): Promise<Map<string, number>> {
  if (keys.length === 0) return new Map();
  const rows = await db.select({ id: legalProvisions.id, key: legalProvisions.key }).from(legalProvisions).where(inArray(legalProvisions.key, [...keys]));
  return new Map(rows.map((r) => [r.key as string, r.id]));
}

/** The ids among `ids` that do not exist. */
export async function unknownProvisionIds(db: Db, ids: readonly number[]): Promise<number[]> {
  if (ids.length === 0) return [];
  const rows = await db.select({ id: legalProvisions.id }).from(legalProvisions).where(inArray(legalProvisions.id, [...ids]));
  const found = new Set(rows.map((r) => r.id));
  return ids.filter((id) => !found.has(id));
}
