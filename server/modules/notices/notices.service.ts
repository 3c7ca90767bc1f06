import { and, desc, eq } from 'drizzle-orm';
import { ENFORCEMENT_DOCUMENT_TITLES, ENFORCEMENT_TYPE_LABELS, type EnforcementType } from '../../../core/enforcement/index.js';
import { redactPersonalData } from '../../../core/redaction/index.js';
import type { Db } from '../../db/client.js';
import { enforcementActions, enterprises, noticeReceipts, orgUnits, projects } from '../../db/schema/index.js';
import type { Actor } from '../../http/actor.js';
import { isEnterpriseUser } from '../../http/actor.js';
import { recordAudit } from '../../http/audit.js';
import { AppError, forbidden, notFound } from '../../http/errors.js';
import { regionScope } from '../../http/scope.js';
import { publishMessage } from '../messages/publish.js';

/*
 * Notices served on a company (送达): the enforcement documents issued to it appear in its account
 * and it confirms receipt (签收) once. What the company sees is an allowlist with the facts passed
 * through the complainant-redaction filter (core/redaction), as everywhere a company reads text
 * that may stem from a complaint; the complaint link is never shown.
 */

const columns = {
  id: enforcementActions.id,
  type: enforcementActions.type,
  documentNumber: enforcementActions.documentNumber,
  actionDate: enforcementActions.actionDate,
  enterpriseId: enforcementActions.enterpriseId,
  enterpriseName: enterprises.name,
  issuingUnitName: orgUnits.name,
  projectName: projects.name,
  facts: enforcementActions.facts,
  deadline: enforcementActions.deadline,
  amount: enforcementActions.amount,
  problemId: enforcementActions.problemId,
  regionId: enforcementActions.regionId,
  receivedAt: noticeReceipts.receivedAt,
  receivedByName: noticeReceipts.receivedByName,
};

function base(db: Db) {
  return db
    .select(columns)
    .from(enforcementActions)
    .innerJoin(enterprises, eq(enterprises.id, enforcementActions.enterpriseId))
    .innerJoin(orgUnits, eq(orgUnits.id, enforcementActions.issuingOrgUnitId))
    .leftJoin(projects, eq(projects.id, enforcementActions.projectId))
    .leftJoin(noticeReceipts, eq(noticeReceipts.enforcementActionId, enforcementActions.id));
}
type Row = Awaited<ReturnType<ReturnType<typeof base>['where']>>[number];

function present(r: Row) {
  const type = r.type as EnforcementType;
  return {
    id: r.id,
    type: r.type,
    typeLabel: ENFORCEMENT_TYPE_LABELS[type] ?? r.type,
    title: ENFORCEMENT_DOCUMENT_TITLES[type] ?? ENFORCEMENT_TYPE_LABELS[type] ?? r.type,
    documentNumber: r.documentNumber,
    actionDate: r.actionDate,
    issuingUnitName: r.issuingUnitName,
    projectName: r.projectName,
    deadline: r.deadline,
    amount: r.amount,
    problemId: r.problemId,
    received: r.receivedAt !== null,
    receivedAt: r.receivedAt,
    receivedBy: r.receivedByName,
  };
}

function requireCompany(actor: Actor): string {
  if (!isEnterpriseUser(actor) || !actor.enterpriseId) throw forbidden('仅物业服务企业账号可查看送达的文书');
  return actor.enterpriseId;
}

export async function listNotices(db: Db, actor: Actor) {
  const enterpriseId = requireCompany(actor);
  const rows = await base(db).where(eq(enforcementActions.enterpriseId, enterpriseId)).orderBy(desc(enforcementActions.actionDate), desc(enforcementActions.createdAt)).limit(500);
  return { items: rows.map(present), total: rows.length, unreceived: rows.filter((r) => r.receivedAt === null).length };
}

export async function getNotice(db: Db, actor: Actor, id: string) {
  const enterpriseId = requireCompany(actor);
  const [row] = await base(db).where(and(eq(enforcementActions.id, id), eq(enforcementActions.enterpriseId, enterpriseId)));
  if (!row) throw notFound('文书');
  const keep = [row.enterpriseName, row.projectName ?? '', row.issuingUnitName].filter(Boolean);
  return { ...present(row), facts: redactPersonalData(row.facts, { keep }).text };
}

export async function confirmReceipt(db: Db, actor: Actor, id: string) {
  const enterpriseId = requireCompany(actor);
  return db.transaction(async (tx) => {
    const [row] = await tx
      .select({ id: enforcementActions.id, regionId: enforcementActions.regionId })
      .from(enforcementActions)
      .where(and(eq(enforcementActions.id, id), eq(enforcementActions.enterpriseId, enterpriseId)));
    if (!row) throw notFound('文书');
    const inserted = await tx
      .insert(noticeReceipts)
      .values({ enforcementActionId: id, enterpriseId, receivedBy: actor.userId, receivedByName: actor.displayName, ip: actor.ip })
      .onConflictDoNothing()
      .returning({ receivedAt: noticeReceipts.receivedAt });
    if (!inserted[0]) throw new AppError('ALREADY_RECEIVED', 409, '该文书已签收');
    await recordAudit(tx, actor, { action: 'notice.receive', entityType: 'enforcement_action', entityId: id, regionId: row.regionId, after: { receivedAt: inserted[0].receivedAt } });
    return { id, receivedAt: inserted[0].receivedAt, receivedBy: actor.displayName };
  });
}

/** Staff: whether and when the company signed for the document (within the jurisdiction). */
export async function receiptOf(db: Db, actor: Actor, id: string) {
  const [row] = await base(db).where(and(eq(enforcementActions.id, id), regionScope(actor, enforcementActions.regionId)));
  if (!row) throw notFound('执法措施');
  return { id, received: row.receivedAt !== null, receivedAt: row.receivedAt, receivedBy: row.receivedByName };
}

/** Called by the enforcement module inside the transaction that issues a document: tell the company. */
export async function announceNoticeServed(tx: Db, actor: Actor, action: { id: string; enterpriseId: string; type: string; documentNumber: string }) {
  await publishMessage(tx, {
    kind: 'notice.served',
    recipients: [{ type: 'enterprise', enterpriseId: action.enterpriseId }],
    record: { type: 'enforcement_action', id: action.id },
    link: `/company/notices/${action.id}`,
    vars: { title: ENFORCEMENT_DOCUMENT_TITLES[action.type as EnforcementType] ?? action.type, documentNumber: action.documentNumber },
    actorUserId: actor.userId,
  });
}
