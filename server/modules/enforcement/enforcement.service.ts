import { type SQL, and, asc, count, desc, eq, gte, ilike, inArray, isNotNull, isNull, lte, sql } from 'drizzle-orm';
import { z } from 'zod';
import type { CreditEventType } from '../../../core/credit/index.js';
import {
  ENFORCEMENT_DOCUMENT_TITLES,
  ENFORCEMENT_TYPES,
  ENFORCEMENT_TYPE_LABELS,
  type EnforcementType,
  PUBLICATION_WORKING_DAYS,
  REQUIRED_UNIT_TYPE,
  actionRuleProblems,
  normaliseActionInput,
  formatDocumentNumber,
  isPenalty,
} from '../../../core/enforcement/index.js';
import { inForceOn } from '../../../core/legal.js';
import { announceNoticeServed } from '../notices/notices.service.js';
import { openProblem } from '../problems/problems.open.js';
import { type Db, queryRows, escapeLike } from '../../db/client.js';
import { complaints, enforcementActions, enterprises, legalProvisions, orgUnits, problems, projects, regions } from '../../db/schema/index.js';
import type { Actor } from '../../http/actor.js';
import { recordAudit } from '../../http/audit.js';
import { AppError, invalidState, notFound, validationFailed } from '../../http/errors.js';
import { type PageQuery, limitOffset } from '../../http/pagination.js';
import { regionFilterPath, regionScope } from '../../http/scope.js';
import { enterpriseVisible } from '../enterprises/enterprises.repository.js';
import { addWorkingDays } from '../calendar/calendar.service.js';
import { todayInChina } from '../campaigns/campaigns.service.js';
import { getCreditRule, addCreditEvent } from '../credit/credit.service.js';
import { provisionsByIds, provisionsInForce } from '../legal/legal.service.js';

/*
 * Enforcement actions (SPEC §10). Create: enforcement:create, the enterprise (and any linked
 * project, complaint, problem) inside the caller's jurisdiction (else 404), the issuing unit is the
 * caller's org unit. One transaction: number from the unit's yearly sequence, the action, its
 * credit event, the audit row. Read: enforcement:read within the jurisdiction.
 */

const isoDate = z.iso.date('日期格式应为 YYYY-MM-DD');

export const createActionInput = z.object({
  type: z.enum(ENFORCEMENT_TYPES, { message: '请选择执法措施类型' }),
  enterpriseId: z.uuid('请选择物业服务企业'),
  projectId: z.uuid('无效的项目编号').nullish(),
  complaintId: z.uuid('无效的投诉编号').nullish(),
  problemId: z.uuid('无效的问题编号').nullish(),
  date: isoDate,
  facts: z.string().trim().min(10, '请填写违法事实（至少 10 个字）').max(5000, '违法事实不超过 5000 字'),
  legalBasisIds: z.array(z.number().int().positive()).max(20, '法律依据最多 20 条').default([]),
  amount: z.number().positive('金额应大于 0').max(1e10, '金额过大').nullish(),
  deadlineDays: z.number().int('整改期限应为整数').nullish(),
  /** Focus category (0–6) of the ledger problem a rectification order opens; default: the lead's, else 0. */
  category: z.number().int().min(0, '问题类别应为 0–6').max(6, '问题类别应为 0–6').nullish(),
});
export type CreateActionInput = z.infer<typeof createActionInput>;

export const listActionsQuery = z.object({
  type: z.enum(ENFORCEMENT_TYPES).optional(),
  enterpriseId: z.uuid().optional(),
  region: z.string().trim().max(32).optional(),
  problemId: z.uuid().optional(),
  complaintId: z.uuid().optional(),
  publicationDue: z.enum(['true', 'false']).optional(),
  from: isoDate.optional(),
  to: isoDate.optional(),
  q: z.string().trim().max(60).optional(),
});
export type ListActionsQuery = z.infer<typeof listActionsQuery> & PageQuery;

export interface LegalBasisSnapshot {
  id: number;
  citation: string;
  actTitle: string;
  actShortName: string;
  article: string;
  summary: string;
  effectiveFrom: string;
  effectiveTo: string | null;
}

/** The cited provisions, each checked to be in force on `date`; 422 naming the one that is not. */
async function checkLegalBasis(db: Db, ids: readonly number[], date: string): Promise<LegalBasisSnapshot[]> {
  const unique = [...new Set(ids)];
  if (unique.length === 0) return [];
  const found = await provisionsByIds(db, unique);
  const fields: Record<string, string> = {};
  const byId = new Map(found.map((p) => [p.id, p]));
  for (const [i, id] of unique.entries()) {
    const p = byId.get(id);
    if (!p) {
      fields[`legalBasisIds.${i}`] = `法律条款 ${id} 不存在，请从法规库中选择`;
      continue;
    }
    if (!inForceOn(p, date)) {
      const [current] = await provisionsInForce(db, [id], date);
      const period = `${p.effectiveFrom} 至 ${p.effectiveTo ?? '今'}`;
      fields[`legalBasisIds.${i}`] =
        `${p.citation}${p.versionLabel ? `（${p.versionLabel}）` : ''}在 ${date} 不在施行期内（施行期 ${period}）` +
        (current ? `，请改用当日施行的 ${current.citation}${current.versionLabel ? `（${current.versionLabel}）` : ''}` : '，请选择当日施行的条款');
    }
  }
  if (Object.keys(fields).length > 0) throw validationFailed(fields, '法律依据须为执法行为当日施行的条款');
  return unique.map((id) => {
    const p = byId.get(id) as NonNullable<ReturnType<typeof byId.get>>;
    return {
      id: p.id,
      citation: p.citation,
      actTitle: p.actTitle,
      actShortName: p.actShortName,
      article: p.article,
      summary: p.summary,
      effectiveFrom: p.effectiveFrom,
      effectiveTo: p.effectiveTo,
    };
  });
}

/**
 * Takes the next number of the unit's sequence for `year`. The upsert locks the counter row until
 * the surrounding transaction ends: a concurrent request waits, and a rolled-back request releases
 * its number (so numbers have no gaps and are never issued twice).
 */
export async function nextDocumentSeq(tx: Db, orgUnitId: string, year: number): Promise<number> {
  const [row] = await queryRows<{ last_value: number }>(
    tx,
    sql`INSERT INTO document_sequences (org_unit_id, year, last_value) VALUES (${orgUnitId}, ${year}, 1)
        ON CONFLICT (org_unit_id, year) DO UPDATE SET last_value = document_sequences.last_value + 1, updated_at = now()
        RETURNING last_value`,
  );
  if (!row) throw new Error('document sequence upsert returned nothing');
  return Number(row.last_value);
}

async function issuingUnit(db: Db, actor: Actor) {
  if (!actor.orgUnitId) throw new AppError('NO_ORG_UNIT', 422, '当前账号未归属执法单位，无法生成文号；请联系管理员设置所属单位');
  const [unit] = await db
    .select({ id: orgUnits.id, name: orgUnits.name, shortName: orgUnits.shortName, type: orgUnits.type, regionId: orgUnits.regionId })
    .from(orgUnits)
    .where(eq(orgUnits.id, actor.orgUnitId));
  if (!unit) throw new AppError('NO_ORG_UNIT', 422, '当前账号所属单位不存在');
  return unit;
}

export async function createAction(db: Db, actor: Actor, raw: CreateActionInput) {
  const input = normaliseActionInput({ ...raw, type: raw.type as EnforcementType });
  const type = input.type;
  const problems0 = actionRuleProblems(input);
  if (Object.keys(problems0).length > 0) throw validationFailed(problems0);

  return db.transaction(async (tx) => {
    const unit = await issuingUnit(tx, actor);
    const requiredUnit = REQUIRED_UNIT_TYPE[type];
    if (requiredUnit && unit.type !== requiredUnit)
      throw validationFailed({ type: `${ENFORCEMENT_TYPE_LABELS[type]}只能由公安机关作出；请由公安部门账号办理，或选择其他措施` });

    const [ent] = await tx
      .select({ id: enterprises.id, name: enterprises.name, regionId: enterprises.regionId })
      .from(enterprises)
      .where(and(eq(enterprises.id, input.enterpriseId), enterpriseVisible(actor)));
    if (!ent) throw notFound('物业服务企业');
    // The action belongs to the jurisdiction where it was taken: the project's region, else the
    // issuing unit's (a company registered elsewhere may manage an estate here — decision 005).
    let regionId = unit.regionId;
    if (input.projectId) {
      const [p] = await tx
        .select({ id: projects.id, regionId: projects.regionId, enterpriseId: projects.enterpriseId })
        .from(projects)
        .where(and(eq(projects.id, input.projectId), regionScope(actor, projects.regionId)));
      if (!p) throw notFound('物业项目');
      if (p.enterpriseId !== ent.id) throw validationFailed({ projectId: '该项目不由所选企业提供物业服务，请核对所选企业或项目' });
      regionId = p.regionId;
    }
    let complaintCategory: number | null = null;
    if (input.complaintId) {
      const [c] = await tx
        .select({ id: complaints.id, enterpriseId: complaints.enterpriseId, category: complaints.category })
        .from(complaints)
        .where(and(eq(complaints.id, input.complaintId), regionScope(actor, complaints.regionId)));
      if (!c) throw notFound('投诉线索');
      if (c.enterpriseId && c.enterpriseId !== ent.id) throw validationFailed({ complaintId: '该线索反映的是其他企业，请核对所选企业或线索' });
      complaintCategory = c.category;
    }
    if (input.problemId) {
      const [p] = await tx
        .select({ id: problems.id, enterpriseId: problems.enterpriseId })
        .from(problems)
        .where(and(eq(problems.id, input.problemId), regionScope(actor, problems.regionId)));
      if (!p) throw notFound('问题');
      if (p.enterpriseId && p.enterpriseId !== ent.id) throw validationFailed({ problemId: '该问题属于其他企业，请核对所选企业或问题' });
    }

    const legalBasis = await checkLegalBasis(tx, input.legalBasisIds, input.date);
    const deadline = input.deadlineDays ? await addWorkingDays(tx, input.date, input.deadlineDays) : null;
    const publicationDueOn = isPenalty(type) ? await addWorkingDays(tx, input.date, PUBLICATION_WORKING_DAYS) : null;

    const year = Number(input.date.slice(0, 4));
    const seq = await nextDocumentSeq(tx, unit.id, year);
    const documentNumber = formatDocumentNumber(unit.shortName || unit.name, type, year, seq);

    // "整改一件，销号一件": an order not attached to a ledger problem opens one, so its deadline is
    // tracked, flagged when overdue and closed only after a review (SPEC §9).
    let problemId = input.problemId ?? null;
    if (type === 'rectification_order' && !problemId && deadline) {
      const opened = await openProblem(tx, actor, {
        source: input.complaintId ? 'complaint' : 'inspection',
        complaintId: input.complaintId ?? null,
        regionId,
        projectId: input.projectId ?? null,
        enterpriseId: ent.id,
        category: input.category ?? complaintCategory ?? 0,
        title: `${ENFORCEMENT_DOCUMENT_TITLES[type]} ${documentNumber}`,
        description: input.facts,
        responsibleOrgUnitId: unit.id,
        deadline,
        openedOn: input.date,
      });
      problemId = opened.id;
    }
    const [row] = await tx
      .insert(enforcementActions)
      .values({
        type,
        issuingOrgUnitId: unit.id,
        year,
        seq,
        documentNumber,
        regionId,
        enterpriseId: ent.id,
        projectId: input.projectId ?? null,
        complaintId: input.complaintId ?? null,
        problemId,
        actionDate: input.date,
        facts: input.facts,
        legalBasisIds: legalBasis.map((l) => l.id),
        legalBasis,
        amount: input.amount ?? null,
        deadlineDays: input.deadlineDays ?? null,
        deadline,
        publicationDueOn,
        createdBy: actor.userId,
      })
      .returning({ id: enforcementActions.id });
    if (!row) throw new Error('enforcement insert returned nothing');


    // Credit event in the same transaction, when the rule scores this type.
    const rule = await getCreditRule(tx);
    const item = rule.items[type as CreditEventType];
    let creditEventId: string | null = null;
    if (item && item.points !== 0) {
      const ev = await addCreditEvent(tx, actor, {
        enterpriseId: ent.id,
        type: type as CreditEventType,
        reason: `${ENFORCEMENT_DOCUMENT_TITLES[type]} ${documentNumber}`,
        occurredOn: input.date,
        sourceType: 'enforcement_action',
        sourceId: row.id,
        regionId,
      });
      creditEventId = ev.id;
      await tx.update(enforcementActions).set({ creditEventId }).where(eq(enforcementActions.id, row.id));
    }
    await recordAudit(tx, actor, {
      action: 'enforcement.create',
      entityType: 'enforcement_action',
      entityId: row.id,
      regionId,
      after: { ...input, problemId, documentNumber, deadline, publicationDueOn, creditEventId },
    });
    await announceNoticeServed(tx, actor, { id: row.id, enterpriseId: ent.id, type, documentNumber });
    return { id: row.id, documentNumber, deadline, publicationDueOn, creditEventId, problemId };
  });
}

const listColumns = {
  id: enforcementActions.id,
  type: enforcementActions.type,
  documentNumber: enforcementActions.documentNumber,
  actionDate: enforcementActions.actionDate,
  enterpriseId: enforcementActions.enterpriseId,
  enterpriseName: enterprises.name,
  creditCode: enterprises.creditCode,
  issuingOrgUnitId: enforcementActions.issuingOrgUnitId,
  issuingUnitName: orgUnits.name,
  amount: enforcementActions.amount,
  deadline: enforcementActions.deadline,
  publicationDueOn: enforcementActions.publicationDueOn,
  publishedAt: enforcementActions.publishedAt,
  problemId: enforcementActions.problemId,
  complaintId: enforcementActions.complaintId,
  projectId: enforcementActions.projectId,
  createdAt: enforcementActions.createdAt,
};

function present<T extends { type: string; publicationDueOn: string | null; publishedAt: Date | null }>(row: T, today: string) {
  const type = row.type as EnforcementType;
  return {
    ...row,
    typeLabel: ENFORCEMENT_TYPE_LABELS[type],
    title: ENFORCEMENT_DOCUMENT_TITLES[type],
    penalty: isPenalty(type),
    publicationOverdue: row.publicationDueOn !== null && row.publishedAt === null && row.publicationDueOn < today,
  };
}

export async function listActions(db: Db, actor: Actor, q: ListActionsQuery) {
  const within = await regionFilterPath(db, q.region);
  const where = and(
    regionScope(actor, enforcementActions.regionId, within),
    q.type ? eq(enforcementActions.type, q.type) : undefined,
    q.enterpriseId ? eq(enforcementActions.enterpriseId, q.enterpriseId) : undefined,
    q.problemId ? eq(enforcementActions.problemId, q.problemId) : undefined,
    q.complaintId ? eq(enforcementActions.complaintId, q.complaintId) : undefined,
    q.publicationDue === 'true' ? and(isNotNull(enforcementActions.publicationDueOn), isNull(enforcementActions.publishedAt)) : undefined,
    q.publicationDue === 'false' ? isNotNull(enforcementActions.publishedAt) : undefined,
    q.from ? gte(enforcementActions.actionDate, q.from) : undefined,
    q.to ? lte(enforcementActions.actionDate, q.to) : undefined,
    q.q ? ilike(enforcementActions.documentNumber, `%${escapeLike(q.q)}%`) : undefined,
  ) as SQL;
  const { limit, offset } = limitOffset(q);
  const order =
    q.publicationDue === 'true'
      ? [asc(enforcementActions.publicationDueOn), asc(enforcementActions.id)]
      : [desc(enforcementActions.actionDate), desc(enforcementActions.createdAt)];
  const rows = await db
    .select(listColumns)
    .from(enforcementActions)
    .innerJoin(enterprises, eq(enterprises.id, enforcementActions.enterpriseId))
    .innerJoin(orgUnits, eq(orgUnits.id, enforcementActions.issuingOrgUnitId))
    .where(where)
    .orderBy(...order)
    .limit(limit)
    .offset(offset);
  const [total] = await db.select({ n: count() }).from(enforcementActions).where(where);
  const today = todayInChina();
  return { items: rows.map((r) => present(r, today)), total: Number(total?.n ?? 0), page: q.page, pageSize: q.pageSize };
}

/** Full record for the detail page and the document; outside jurisdiction → 404. */
export async function getAction(db: Db, actor: Actor, id: string) {
  const [row] = await db
    .select({
      ...listColumns,
      facts: enforcementActions.facts,
      legalBasisIds: enforcementActions.legalBasisIds,
      legalBasis: enforcementActions.legalBasis,
      deadlineDays: enforcementActions.deadlineDays,
      year: enforcementActions.year,
      seq: enforcementActions.seq,
      regionId: enforcementActions.regionId,
      creditEventId: enforcementActions.creditEventId,
      enterpriseAddress: enterprises.address,
      issuingUnitShortName: orgUnits.shortName,
      issuingUnitAddress: orgUnits.address,
      issuingUnitHotline: orgUnits.hotline,
    })
    .from(enforcementActions)
    .innerJoin(enterprises, eq(enterprises.id, enforcementActions.enterpriseId))
    .innerJoin(orgUnits, eq(orgUnits.id, enforcementActions.issuingOrgUnitId))
    .where(and(eq(enforcementActions.id, id), regionScope(actor, enforcementActions.regionId)));
  if (!row) throw notFound('执法措施');
  let projectName: string | null = null;
  if (row.projectId) {
    const [p] = await db.select({ name: projects.name }).from(projects).where(eq(projects.id, row.projectId));
    projectName = p?.name ?? null;
  }
  return { ...present(row, todayInChina()), legalBasis: row.legalBasis as LegalBasisSnapshot[], projectName };
}

export type ActionDetail = Awaited<ReturnType<typeof getAction>>;

/** The 复议机关 and the court a 行政处罚决定书 names (行政复议法 第24条; 行政诉讼法 第18条). */
export interface RemedyBodies {
  reviewBody: string;
  court: string;
}

/**
 * Derived from the issuing unit's region: a district department → the people's government and the
 * basic court of that district ("武汉市洪山区人民政府", "武汉市洪山区人民法院"); a functional zone
 * (风景区/开发区, no GB/T 2260 code, no people's government of its own) or a city department →
 * the city's government and intermediate court. A deployment whose practice differs edits the text.
 */
export async function remedyBodies(db: Db, orgUnitId: string): Promise<RemedyBodies> {
  const [unit] = await db.select({ path: regions.path }).from(orgUnits).innerJoin(regions, eq(regions.id, orgUnits.regionId)).where(eq(orgUnits.id, orgUnitId));
  const codes = (unit?.path ?? '').split('/').filter(Boolean);
  const chain = codes.length
    ? await db.select({ code: regions.code, name: regions.name, level: regions.level, codeSource: regions.codeSource }).from(regions).where(inArray(regions.code, codes))
    : [];
  const byCode = new Map(chain.map((r) => [r.code, r]));
  const ordered = codes.map((c) => byCode.get(c)).filter((r) => !!r);
  const city = ordered.find((r) => r.level === 'city');
  const district = ordered.find((r) => r.level === 'district' && r.codeSource === 'gb2260');
  if (district) {
    const name = city && !district.name.startsWith(city.name) ? `${city.name}${district.name}` : district.name;
    return { reviewBody: `${name}人民政府`, court: `${name}人民法院` };
  }
  if (city) return { reviewBody: `${city.name}人民政府`, court: `${city.name}中级人民法院` };
  const top = ordered[0]?.name ?? '';
  return { reviewBody: `${top}人民政府`, court: `${top}人民法院` };
}

/** 双公示: marks a penalty decision as published. Only penalty decisions, only once. */
export async function publishAction(db: Db, actor: Actor, id: string) {
  return db.transaction(async (tx) => {
    const [row] = await tx
      .select({ id: enforcementActions.id, type: enforcementActions.type, publishedAt: enforcementActions.publishedAt, regionId: enforcementActions.regionId })
      .from(enforcementActions)
      .where(and(eq(enforcementActions.id, id), regionScope(actor, enforcementActions.regionId)))
      .for('update');
    if (!row) throw notFound('执法措施');
    if (!isPenalty(row.type as EnforcementType)) throw invalidState('只有行政处罚决定需要公示');
    if (row.publishedAt) throw invalidState('该处罚决定已公示');
    const publishedAt = new Date();
    await tx.update(enforcementActions).set({ publishedAt, publishedBy: actor.userId }).where(eq(enforcementActions.id, id));
    await recordAudit(tx, actor, { action: 'enforcement.publish', entityType: 'enforcement_action', entityId: id, regionId: row.regionId, after: { publishedAt } });
    return { ok: true as const, publishedAt };
  });
}

/** Provision ids in the library (for seeds and tests that pick by key). */
export async function provisionIdByKey(db: Db, key: string): Promise<number | null> {
  const [row] = await db.select({ id: legalProvisions.id }).from(legalProvisions).where(eq(legalProvisions.key, key));
  return row?.id ?? null;
}
