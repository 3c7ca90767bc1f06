import { chinaDate } from '../../../core/working-days.js';
import { type SQL, and, count, desc, eq } from 'drizzle-orm';
import { z } from 'zod';
import { ENFORCEMENT_DOCUMENT_TITLES, type EnforcementType, amountInWords } from '../../../core/enforcement/index.js';
import { type RedactionFinding, redactPersonalData } from '../../../core/redaction/index.js';
import type { Db } from '../../db/client.js';
import { complaints, enforcementActions, enterprises, orgUnits, problems, projects, regions, typicalCases, users } from '../../db/schema/index.js';
import type { FieldCipher } from '../../lib/crypto.js';
import type { Actor } from '../../http/actor.js';
import { recordAudit } from '../../http/audit.js';
import { AppError, forbidden, invalidState, notFound, validationFailed } from '../../http/errors.js';
import { type PageQuery, limitOffset } from '../../http/pagination.js';
import { regionScope } from '../../http/scope.js';
import type { LegalBasisSnapshot } from '../enforcement/enforcement.service.js';

/*
 * Typical cases (典型案例, SPEC §12). Drafted from a closed complaint, a closed problem or an
 * enforcement action; each text field is redacted automatically and the drafter confirms the check
 * (redactionChecked) before submitting. States: draft → pending_approval → approved → published;
 * reject returns to draft; unpublish takes a published case back to approved. The approver must
 * not be the drafter. The portal shows published cases only, naming the company, never residents.
 */

export const CASE_STATES = ['draft', 'pending_approval', 'approved', 'published'] as const;
export const CASE_SOURCES = ['complaint', 'problem', 'enforcement_action'] as const;
const TEXT_FIELDS = ['basicSituation', 'illegalFacts', 'penaltyBasis', 'handlingResult'] as const;
type TextField = (typeof TEXT_FIELDS)[number];
const FIELD_LABELS: Record<TextField | 'title', string> = {
  title: '标题',
  basicSituation: '基本情况',
  illegalFacts: '违法事实',
  penaltyBasis: '处罚依据',
  handlingResult: '处理结果',
};

export const createCaseInput = z.object({
  sourceType: z.enum(CASE_SOURCES, { message: '请选择案例来源（投诉、问题或执法措施）' }),
  sourceId: z.uuid('无效的来源编号'),
  title: z.string().trim().min(4, '标题至少 4 个字').max(120).nullish(),
});
const text = z.string().max(5000, '不超过 5000 字');
export const updateCaseInput = z.object({
  title: z.string().trim().min(4, '标题至少 4 个字').max(120).optional(),
  basicSituation: text.optional(),
  illegalFacts: text.optional(),
  penaltyBasis: text.optional(),
  handlingResult: text.optional(),
  /** The drafter confirms the texts hold no residents' personal data. */
  redactionChecked: z.boolean().optional(),
});
export type UpdateCaseInput = z.infer<typeof updateCaseInput>;
export const listCasesQuery = z.object({ status: z.enum(CASE_STATES).optional(), sourceType: z.enum(CASE_SOURCES).optional() });

interface FieldFinding extends RedactionFinding {
  field: TextField | 'title';
}

interface Draft {
  regionId: number;
  enterpriseId: string | null;
  projectId: string | null;
  title: string;
  texts: Record<TextField, string>;
  keep: string[];
  knownNames: string[];
}

function fmtDate(d: Date | null): string {
  if (!d) return '';
  return isoToChinese(chinaDate(d));
}
const isoToChinese = (iso: string) => `${Number(iso.slice(0, 4))}年${Number(iso.slice(5, 7))}月${Number(iso.slice(8, 10))}日`;

async function names(db: Db, enterpriseId: string | null, projectId: string | null) {
  const [ent] = enterpriseId ? await db.select({ name: enterprises.name, creditCode: enterprises.creditCode }).from(enterprises).where(eq(enterprises.id, enterpriseId)) : [];
  const [proj] = projectId ? await db.select({ name: projects.name, address: projects.address }).from(projects).where(eq(projects.id, projectId)) : [];
  return { enterprise: ent ?? null, project: proj ?? null };
}

function basisText(basis: LegalBasisSnapshot[]): string {
  return basis.map((l) => `《${l.actTitle}》${l.article === '全文' ? '' : l.article}：${l.summary}`).join('\n');
}

async function draftFromAction(db: Db, actor: Actor, id: string): Promise<Draft> {
  const [a] = await db
    .select({ action: enforcementActions, unitName: orgUnits.name })
    .from(enforcementActions)
    .innerJoin(orgUnits, eq(orgUnits.id, enforcementActions.issuingOrgUnitId))
    .where(and(eq(enforcementActions.id, id), regionScope(actor, enforcementActions.regionId)));
  if (!a) throw notFound('执法措施');
  const act = a.action;
  const n = await names(db, act.enterpriseId, act.projectId);
  const entName = n.enterprise?.name ?? '';
  const title = ENFORCEMENT_DOCUMENT_TITLES[act.type as EnforcementType];
  const amount = act.amount ? `，${act.type === 'confiscation' ? '没收违法所得' : '罚款'}人民币${amountInWords(act.amount)}（${act.amount}元）` : '';
  return {
    regionId: act.regionId,
    enterpriseId: act.enterpriseId,
    projectId: act.projectId,
    title: `${entName}${n.project ? `在${n.project.name}` : ''}违法违规案`,
    texts: {
      basicSituation: `${entName}（统一社会信用代码：${n.enterprise?.creditCode ?? ''}）${n.project ? `为${n.project.name}提供物业服务。` : '为辖区物业服务企业。'}`,
      illegalFacts: act.facts,
      penaltyBasis: basisText(act.legalBasis as LegalBasisSnapshot[]),
      handlingResult: `${isoToChinese(act.actionDate)}，${a.unitName}依法向该企业下达${title}（${act.documentNumber}）${amount}${act.deadline ? `，责令于${isoToChinese(act.deadline)}前改正` : ''}。`,
    },
    keep: [entName, n.project?.name ?? ''].filter(Boolean),
    knownNames: [],
  };
}

async function relatedBasis(db: Db, column: typeof enforcementActions.problemId | typeof enforcementActions.complaintId, id: string) {
  const rows = await db
    .select({ legalBasis: enforcementActions.legalBasis, documentNumber: enforcementActions.documentNumber, type: enforcementActions.type, actionDate: enforcementActions.actionDate })
    .from(enforcementActions)
    .where(eq(column, id));
  const basis = new Map<number, LegalBasisSnapshot>();
  for (const r of rows) for (const l of r.legalBasis as LegalBasisSnapshot[]) basis.set(l.id, l);
  return { basis: basisText([...basis.values()]), actions: rows };
}

async function draftFromProblem(db: Db, actor: Actor, id: string): Promise<Draft> {
  const [p] = await db.select().from(problems).where(and(eq(problems.id, id), regionScope(actor, problems.regionId)));
  if (!p) throw notFound('问题');
  if (p.status !== 'closed') throw invalidState('只能从已销号的问题生成典型案例', { status: p.status });
  const n = await names(db, p.enterpriseId, p.projectId);
  const related = await relatedBasis(db, enforcementActions.problemId, p.id);
  const actionsText = related.actions.map((r) => `${isoToChinese(r.actionDate)}下达${ENFORCEMENT_DOCUMENT_TITLES[r.type as EnforcementType]}（${r.documentNumber}）`).join('；');
  return {
    regionId: p.regionId,
    enterpriseId: p.enterpriseId,
    projectId: p.projectId,
    title: p.title,
    texts: {
      basicSituation: `${n.enterprise?.name ?? '有关物业服务企业'}${n.project ? `（服务项目：${n.project.name}）` : ''}。问题编号 ${p.code}，${isoToChinese(p.openedOn)}立项。`,
      illegalFacts: p.description,
      penaltyBasis: related.basis,
      handlingResult: [p.measures ? `整改措施：${p.measures}` : '', actionsText ? `执法措施：${actionsText}。` : '', `经回头看复核，问题已于${fmtDate(p.closedAt)}整改销号。`]
        .filter(Boolean)
        .join('\n'),
    },
    keep: [n.enterprise?.name ?? '', n.project?.name ?? ''].filter(Boolean),
    knownNames: [],
  };
}

async function draftFromComplaint(db: Db, actor: Actor, cipher: FieldCipher, id: string): Promise<Draft> {
  const [c] = await db.select().from(complaints).where(and(eq(complaints.id, id), regionScope(actor, complaints.regionId)));
  if (!c) throw notFound('投诉线索');
  if (c.status !== 'closed') throw invalidState('只能从已办结的投诉生成典型案例', { status: c.status });
  const n = await names(db, c.enterpriseId, c.projectId);
  const related = await relatedBasis(db, enforcementActions.complaintId, c.id);
  // The complainant's own name is known: redact it wherever it appears, cue word or not.
  const knownNames: string[] = [];
  if (c.contactNameEnc) {
    try {
      const name = cipher.decrypt(c.contactNameEnc);
      if (name) knownNames.push(name);
    } catch {
      // undecryptable (rotated key): rely on the pattern-based redaction
    }
  }
  return {
    regionId: c.regionId,
    enterpriseId: c.enterpriseId,
    projectId: c.projectId,
    title: `${n.enterprise?.name ?? ''}${n.project ? `${n.project.name}` : ''}物业服务问题投诉案`,
    texts: {
      basicSituation: `${fmtDate(c.receivedAt)}，群众反映${n.project ? n.project.name : '辖区小区'}物业服务问题，涉及${n.enterprise?.name ?? '有关物业服务企业'}。`,
      illegalFacts: [c.description, c.findingDetails ?? ''].filter(Boolean).join('\n'),
      penaltyBasis: related.basis,
      handlingResult: [c.replyText ?? '', c.finding ? `核查结论：${c.finding}` : '', `该投诉已于${fmtDate(c.closedAt)}办结。`].filter(Boolean).join('\n'),
    },
    keep: [n.enterprise?.name ?? '', n.project?.name ?? ''].filter(Boolean),
    knownNames,
  };
}

function redactAll(draft: Pick<Draft, 'title' | 'texts' | 'keep' | 'knownNames'>) {
  const findings: FieldFinding[] = [];
  const opts = { keep: draft.keep, knownNames: draft.knownNames };
  const title = redactPersonalData(draft.title, opts);
  for (const f of title.findings) findings.push({ field: 'title', ...f });
  const texts = {} as Record<TextField, string>;
  for (const field of TEXT_FIELDS) {
    const r = redactPersonalData(draft.texts[field], opts);
    texts[field] = r.text;
    for (const f of r.findings) findings.push({ field, ...f });
  }
  return { title: title.text, texts, findings };
}

export async function createCase(db: Db, actor: Actor, cipher: FieldCipher, input: z.infer<typeof createCaseInput>) {
  if (!actor.userId) throw forbidden();
  return db.transaction(async (tx) => {
    const draft =
      input.sourceType === 'enforcement_action'
        ? await draftFromAction(tx, actor, input.sourceId)
        : input.sourceType === 'problem'
          ? await draftFromProblem(tx, actor, input.sourceId)
          : await draftFromComplaint(tx, actor, cipher, input.sourceId);
    if (input.title) draft.title = input.title;
    const red = redactAll(draft);
    const [row] = await tx
      .insert(typicalCases)
      .values({
        regionId: draft.regionId,
        sourceType: input.sourceType,
        sourceId: input.sourceId,
        enterpriseId: draft.enterpriseId,
        projectId: draft.projectId,
        title: red.title,
        ...red.texts,
        redactionFindings: red.findings,
        draftedBy: actor.userId as string,
      })
      .returning({ id: typicalCases.id });
    if (!row) throw new Error('case insert returned nothing');
    await recordAudit(tx, actor, {
      action: 'case.create',
      entityType: 'typical_case',
      entityId: row.id,
      regionId: draft.regionId,
      // findings hold the originals (personal data): only their count goes to the audit log
      after: { sourceType: input.sourceType, sourceId: input.sourceId, findings: red.findings.length },
    });
    return getCase(tx, actor, row.id);
  });
}

async function caseInScope(db: Db, actor: Actor, id: string, lock = false) {
  const q = db.select().from(typicalCases).where(and(eq(typicalCases.id, id), regionScope(actor, typicalCases.regionId)));
  const [row] = lock ? await q.for('update') : await q;
  if (!row) throw notFound('典型案例');
  return row;
}

/** Personal data still detected in the current texts (after human edits); shown as warnings. */
function remainingFindings(row: typeof typicalCases.$inferSelect, keep: string[]) {
  const out: FieldFinding[] = [];
  const t = redactPersonalData(row.title, { keep });
  for (const f of t.findings) out.push({ field: 'title', ...f });
  for (const field of TEXT_FIELDS) for (const f of redactPersonalData(row[field], { keep }).findings) out.push({ field, ...f });
  return out;
}

function allowedActions(row: typeof typicalCases.$inferSelect, actor: Actor): string[] {
  const canManage = actor.permissions.has('case:manage');
  const canApprove = actor.permissions.has('case:approve');
  const acts: string[] = [];
  if (row.status === 'draft' && canManage) acts.push('edit', 'submit');
  if (row.status === 'pending_approval' && canApprove && row.draftedBy !== actor.userId) acts.push('approve', 'reject');
  if (row.status === 'approved' && (canManage || canApprove)) acts.push('publish');
  if (row.status === 'published' && (canManage || canApprove)) acts.push('unpublish');
  return acts;
}

export async function getCase(db: Db, actor: Actor, id: string) {
  const row = await caseInScope(db, actor, id);
  const n = await names(db, row.enterpriseId, row.projectId);
  const [drafter] = await db.select({ displayName: users.displayName }).from(users).where(eq(users.id, row.draftedBy));
  const keep = [n.enterprise?.name ?? '', n.project?.name ?? ''].filter(Boolean);
  return {
    id: row.id,
    regionId: row.regionId,
    sourceType: row.sourceType,
    sourceId: row.sourceId,
    enterpriseId: row.enterpriseId,
    enterpriseName: n.enterprise?.name ?? null,
    projectId: row.projectId,
    projectName: n.project?.name ?? null,
    title: row.title,
    basicSituation: row.basicSituation,
    illegalFacts: row.illegalFacts,
    penaltyBasis: row.penaltyBasis,
    handlingResult: row.handlingResult,
    redactionFindings: row.redactionFindings as FieldFinding[],
    remainingFindings: remainingFindings(row, keep),
    redactionChecked: row.redactionChecked,
    redactionCheckedAt: row.redactionCheckedAt,
    status: row.status,
    draftedBy: row.draftedBy,
    drafterName: drafter?.displayName ?? null,
    submittedAt: row.submittedAt,
    approvedBy: row.approvedBy,
    approvedAt: row.approvedAt,
    returnNote: row.returnNote,
    publishedAt: row.publishedAt,
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
    allowedActions: allowedActions(row, actor),
  };
}

export async function listCases(db: Db, actor: Actor, q: z.infer<typeof listCasesQuery> & PageQuery) {
  const where = and(
    regionScope(actor, typicalCases.regionId),
    q.status ? eq(typicalCases.status, q.status) : undefined,
    q.sourceType ? eq(typicalCases.sourceType, q.sourceType) : undefined,
  ) as SQL;
  const { limit, offset } = limitOffset(q);
  const rows = await db
    .select({
      id: typicalCases.id,
      title: typicalCases.title,
      status: typicalCases.status,
      sourceType: typicalCases.sourceType,
      sourceId: typicalCases.sourceId,
      enterpriseId: typicalCases.enterpriseId,
      enterpriseName: enterprises.name,
      redactionChecked: typicalCases.redactionChecked,
      draftedBy: typicalCases.draftedBy,
      publishedAt: typicalCases.publishedAt,
      updatedAt: typicalCases.updatedAt,
    })
    .from(typicalCases)
    .leftJoin(enterprises, eq(enterprises.id, typicalCases.enterpriseId))
    .where(where)
    .orderBy(desc(typicalCases.updatedAt))
    .limit(limit)
    .offset(offset);
  const [total] = await db.select({ n: count() }).from(typicalCases).where(where);
  return { items: rows, total: Number(total?.n ?? 0), page: q.page, pageSize: q.pageSize };
}

export async function updateCase(db: Db, actor: Actor, id: string, input: UpdateCaseInput) {
  return db.transaction(async (tx) => {
    const row = await caseInScope(tx, actor, id, true);
    if (row.status !== 'draft') throw invalidState('只有草稿状态的案例可以修改；已提交的请先由审批人退回');
    const textChanged = (['title', ...TEXT_FIELDS] as const).some((f) => input[f] !== undefined && input[f] !== row[f]);
    // Changing the text voids an earlier check unless the same request confirms it again.
    const checked = input.redactionChecked ?? (textChanged ? false : row.redactionChecked);
    const set = {
      ...(input.title !== undefined ? { title: input.title } : {}),
      ...Object.fromEntries(TEXT_FIELDS.filter((f) => input[f] !== undefined).map((f) => [f, input[f]])),
      redactionChecked: checked,
      redactionCheckedBy: checked ? actor.userId : null,
      redactionCheckedAt: checked ? (row.redactionChecked && !textChanged && input.redactionChecked === undefined ? row.redactionCheckedAt : new Date()) : null,
      updatedAt: new Date(),
    };
    await tx.update(typicalCases).set(set).where(eq(typicalCases.id, id));
    await recordAudit(tx, actor, {
      action: 'case.update',
      entityType: 'typical_case',
      entityId: id,
      regionId: row.regionId,
      after: { fields: Object.keys(input), redactionChecked: checked },
    });
    return getCase(tx, actor, id);
  });
}

type Transition = 'submit' | 'approve' | 'reject' | 'publish' | 'unpublish';

export async function transition(db: Db, actor: Actor, id: string, action: Transition, note?: string | null) {
  return db.transaction(async (tx) => {
    const row = await caseInScope(tx, actor, id, true);
    const now = new Date();
    let set: Partial<typeof typicalCases.$inferInsert>;
    const need = (status: string, message: string) => {
      if (row.status !== status) throw invalidState(message, { status: row.status });
    };
    switch (action) {
      case 'submit': {
        need('draft', '只有草稿可以提交审批');
        const empty = Object.fromEntries(
          (['title', ...TEXT_FIELDS] as const).filter((f) => !row[f].trim()).map((f) => [f, `请填写${FIELD_LABELS[f]}`]),
        );
        if (Object.keys(empty).length > 0) throw validationFailed(empty, '案例内容不完整');
        if (!row.redactionChecked)
          throw new AppError('REDACTION_NOT_CHECKED', 422, '请先人工核对脱敏结果（确认文中不含居民姓名、电话、房号、身份证号等个人信息）后再提交', {
            fields: { redactionChecked: '请核对脱敏结果并勾选确认' },
          });
        set = { status: 'pending_approval', submittedAt: now, returnNote: null };
        break;
      }
      case 'approve':
        need('pending_approval', '只有待审批的案例可以审批');
        if (row.draftedBy === actor.userId) throw forbidden('不能审批本人起草的典型案例，请由其他有审批权限的人员审批');
        set = { status: 'approved', approvedBy: actor.userId, approvedAt: now };
        break;
      case 'reject':
        need('pending_approval', '只有待审批的案例可以退回');
        if (row.draftedBy === actor.userId) throw forbidden('不能审批本人起草的典型案例');
        set = { status: 'draft', returnNote: note ?? null, redactionChecked: false, redactionCheckedAt: null, redactionCheckedBy: null };
        break;
      case 'publish':
        need('approved', '只有审批通过的案例可以发布');
        set = { status: 'published', publishedAt: now, publishedBy: actor.userId };
        break;
      case 'unpublish':
        need('published', '该案例未发布');
        set = { status: 'approved', publishedAt: null, publishedBy: null };
        break;
    }
    await tx
      .update(typicalCases)
      .set({ ...set, updatedAt: now })
      .where(eq(typicalCases.id, id));
    await recordAudit(tx, actor, {
      action: `case.${action}`,
      entityType: 'typical_case',
      entityId: id,
      regionId: row.regionId,
      before: { status: row.status },
      after: { status: set.status, note: note ?? undefined },
    });
    return getCase(tx, actor, id);
  });
}

const publicColumns = {
  id: typicalCases.id,
  title: typicalCases.title,
  enterpriseName: enterprises.name,
  enterpriseCreditCode: enterprises.creditCode,
  projectName: projects.name,
  regionName: regions.name,
  basicSituation: typicalCases.basicSituation,
  illegalFacts: typicalCases.illegalFacts,
  penaltyBasis: typicalCases.penaltyBasis,
  handlingResult: typicalCases.handlingResult,
  publishedAt: typicalCases.publishedAt,
};

/** Portal: published cases only; no drafter, no findings, no source ids. */
export async function listPublicCases(db: Db, q: PageQuery) {
  const where = eq(typicalCases.status, 'published');
  const { limit, offset } = limitOffset(q);
  const rows = await db
    .select(publicColumns)
    .from(typicalCases)
    .leftJoin(enterprises, eq(enterprises.id, typicalCases.enterpriseId))
    .leftJoin(projects, eq(projects.id, typicalCases.projectId))
    .innerJoin(regions, eq(regions.id, typicalCases.regionId))
    .where(where)
    .orderBy(desc(typicalCases.publishedAt))
    .limit(limit)
    .offset(offset);
  const [total] = await db.select({ n: count() }).from(typicalCases).where(where);
  return { items: rows, total: Number(total?.n ?? 0), page: q.page, pageSize: q.pageSize };
}

export async function getPublicCase(db: Db, id: string) {
  const [row] = await db
    .select(publicColumns)
    .from(typicalCases)
    .leftJoin(enterprises, eq(enterprises.id, typicalCases.enterpriseId))
    .leftJoin(projects, eq(projects.id, typicalCases.projectId))
    .innerJoin(regions, eq(regions.id, typicalCases.regionId))
    .where(and(eq(typicalCases.id, id), eq(typicalCases.status, 'published')));
  if (!row) throw notFound('典型案例');
  return row;
}
