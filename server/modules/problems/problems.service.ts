import { and, eq, sql } from 'drizzle-orm';
import {
  PROBLEM_ACTION_LABELS,
  PROBLEM_SOURCE_LABELS,
  PROBLEM_STATUS_LABELS,
  type ProblemEventAction,
  type ProblemSource,
  type ProblemStatus,
} from '../../../core/problems/labels.js';
import { LADDER_LABELS, type LadderStep } from '../../../core/problems/repeat.js';
import {
  type ProblemAction,
  allowedActions,
  checkAction,
  countsRework,
  isDueSoon,
  bindingDeadline,
  isOverdue,
  isTerminal,
  nextStatus,
  statusAfterObjection,
} from '../../../core/problems/state.js';
import * as wd from '../../../core/working-days.js';
import type { Db } from '../../db/client.js';
import { enterprises, problemEvents, problemExtensions, problemObjections, problemReviews, problemSubmissions, problems, projects } from '../../db/schema/index.js';
import { redactPersonalData } from '../../../core/redaction/index.js';
import { type Actor, isEnterpriseUser } from '../../http/actor.js';
import { recordAudit } from '../../http/audit.js';
import { notFound, validationFailed } from '../../http/errors.js';
import type { UploadedFile } from '../../http/multipart.js';
import { regionByIdInScope, regionFilterPath, regionInScope, regionScope } from '../../http/scope.js';
import { EVIDENCE_TYPES, type StoredFile, checkUpload, readUpload, recordFile, writeUpload } from '../../lib/files.js';
import { todayInChina } from '../campaigns/campaigns.service.js';
import { addWorkingDays, getCalendar } from '../calendar/calendar.service.js';
import { annulCreditEventsFor } from '../credit/credit.service.js';
import { enterpriseVisible } from '../enterprises/enterprises.repository.js';
import { openProblem } from './problems.open.js';
import { actorFacts, checkError } from './problems.policy.js';
import * as repo from './problems.repository.js';
import type { CreateProblemInput, ListProblemsQuery, ProblemDetail } from './problems.schemas.js';
import { publishMessage } from '../messages/publish.js';

export { detectRepeat, openProblem, type OpenProblemInput } from './problems.open.js';

/*
 * The problem ledger use cases (SPEC §9). Every action: lock the row within the actor's scope
 * (404 outside), run the core state machine check (the same one that computes allowedActions),
 * apply the change, append a timeline event and an audit row — all in one transaction.
 */

const actorName = (actor: Actor) => (actor.kind === 'system' ? '系统' : actor.displayName);

async function workingDaysLeftFn(db: Db) {
  const calendar = await getCalendar(db);
  return (today: string, deadline: string): number | null => {
    try {
      return wd.countWorkingDays(calendar, today, deadline);
    } catch (err) {
      if (err instanceof wd.CalendarRangeError) return null;
      throw err;
    }
  };
}

type SummaryRow = Awaited<ReturnType<typeof repo.listProblems>>['items'][number];

function present(row: SummaryRow, today: string, left: (today: string, deadline: string) => number | null) {
  const status = row.status as ProblemStatus;
  const deadline = bindingDeadline(row.deadline, row.supervised, row.supervisionDeadline);
  const workingDaysLeft = isTerminal(status) ? null : left(today, deadline);
  return {
    ...row,
    sourceLabel: PROBLEM_SOURCE_LABELS[row.source as ProblemSource] ?? row.source,
    statusLabel: PROBLEM_STATUS_LABELS[status] ?? row.status,
    overdue: isOverdue(status, deadline, today),
    dueSoon: isDueSoon(status, deadline, today, workingDaysLeft),
    workingDaysLeft,
  };
}

export async function listProblems(db: Db, actor: Actor, q: ListProblemsQuery) {
  const today = todayInChina();
  let dueSoonUntil: string | undefined;
  if (q.dueSoon) {
    try {
      dueSoonUntil = wd.addWorkingDays(await getCalendar(db), today, 3);
    } catch (err) {
      if (!(err instanceof wd.CalendarRangeError)) throw err;
      dueSoonUntil = wd.addCalendarDays(today, 3);
    }
  }
  const { items, total } = await repo.listProblems(
    db,
    actor,
    {
      status: q.status,
      withinPath: await regionFilterPath(db, q.region),
      enterpriseId: q.enterpriseId,
      projectId: q.projectId,
      source: q.source,
      category: q.category,
      overdue: q.overdue,
      dueSoonUntil,
      supervised: q.supervised,
      repeatOffence: q.repeatOffence,
      q: q.q || undefined,
      today,
    },
    q,
  );
  const left = await workingDaysLeftFn(db);
  return { items: items.map((r) => present(r, today, left)), total, page: q.page, pageSize: q.pageSize };
}

/** The list's total for `region` broken down by child region of `parentPath`, category, status and overdue (one query; the dashboard). */
export async function problemBreakdown(db: Db, actor: Actor, region: string, parentPath: string) {
  return repo.countBreakdown(db, actor, { withinPath: await regionFilterPath(db, region), today: todayInChina() }, parentPath);
}

export async function getProblem(db: Db, actor: Actor, id: string): Promise<ProblemDetail> {
  const row = await repo.problemInScope(db, actor, id);
  const today = todayInChina();
  const left = await workingDaysLeftFn(db);
  const [facts, timeline, submissions, reviews, extensions, objections, previous] = await Promise.all([
    repo.factsOf(db, row),
    repo.timelineOf(db, id),
    repo.submissionsOf(db, id),
    repo.reviewsOf(db, id),
    repo.extensionsOf(db, id),
    repo.objectionsOf(db, id),
    repo.previousProblems(db, actor, row),
  ]);
  const allFileIds = [
    ...timeline.flatMap((e) => e.attachmentFileIds),
    ...submissions.flatMap((s) => s.fileIds),
    ...reviews.flatMap((r) => r.fileIds),
    ...objections.flatMap((o) => o.fileIds),
  ];
  const fileRows = await repo.problemFiles(db, id, [...new Set(allFileIds)]);
  const fileMap = new Map(fileRows.map((f) => [f.id, { id: f.id, name: f.name, mime: f.mime, size: f.size }]));
  const filesOf = (ids: readonly string[]) => ids.flatMap((i) => (fileMap.has(i) ? [fileMap.get(i) as NonNullable<ReturnType<typeof fileMap.get>>] : []));
  const enterpriseView = isEnterpriseUser(actor);
  // What staff wrote reaches the company only with residents' names, phones, rooms and ID numbers
  // removed: a note may quote the complainant (SPEC §5 protection). The company's own text is its own.
  const keep = [row.enterpriseName, row.projectName].filter((n): n is string => !!n);
  const staffText = <T extends string | null>(text: T): T => (enterpriseView && text ? (redactPersonalData(text, { keep }).text as T) : text);
  const step = row.suggestedNextStep as LadderStep | null;
  return {
    ...present(row, today, left),
    sourceId: enterpriseView && row.source === 'complaint' ? null : row.sourceId,
    complaintId: enterpriseView ? null : row.complaintId,
    description: staffText(row.description),
    measures: staffText(row.measures),
    responsibleOrgUnitId: row.responsibleOrgUnitId,
    responsibleOrgUnitName: row.responsibleOrgUnitName,
    responsiblePerson: row.responsiblePerson,
    supervisionNote: staffText(row.supervisionNote),
    allowedActions: allowedActions(facts, actorFacts(actor), today),
    repeat: {
      repeatOffence: row.repeatOffence,
      repeatOfProblemId: row.repeatOfProblemId,
      previous,
      // The regulator's internal judgement (建议执法措施) is not the company's to read.
      suggestedNextStep: enterpriseView ? null : step,
      suggestedNextStepLabel: enterpriseView || !step ? null : (LADDER_LABELS[step] ?? step),
    },
    timeline: timeline.map((e) => ({
      id: e.id,
      action: e.action,
      actionLabel: PROBLEM_ACTION_LABELS[e.action as ProblemEventAction] ?? e.action,
      fromStatus: e.fromStatus,
      toStatus: e.toStatus,
      actorName: e.actorName,
      byEnterprise: e.actorEnterpriseId !== null,
      note: e.actorEnterpriseId !== null ? e.note : staffText(e.note),
      attachments: filesOf(e.attachmentFileIds),
      at: e.at,
    })),
    submissions: submissions.map((s) => ({
      id: s.id,
      seq: s.seq,
      submittedByName: s.submittedByName,
      byEnterprise: s.byEnterprise,
      text: s.text,
      files: filesOf(s.fileIds),
      submittedAt: s.submittedAt,
    })),
    reviews: reviews.map((r) => ({
      id: r.id,
      submissionId: r.submissionId,
      reviewerName: r.reviewerName,
      method: r.method,
      result: r.result,
      note: staffText(r.note),
      files: filesOf(r.fileIds),
      reviewedAt: r.reviewedAt,
    })),
    extensions: extensions.map((x) => ({
      id: x.id,
      days: x.days,
      reason: x.reason,
      previousDeadline: x.previousDeadline,
      requestedDeadline: x.requestedDeadline,
      status: x.status,
      requestedByName: x.requestedByName,
      requestedAt: x.requestedAt,
      decidedAt: x.decidedAt,
      decisionNote: staffText(x.decisionNote),
    })),
    objections: objections.map((o) => ({
      id: o.id,
      reason: o.reason,
      status: o.status,
      raisedByName: o.raisedByName,
      raisedAt: o.raisedAt,
      files: filesOf(o.fileIds),
      decidedAt: o.decidedAt,
      decisionNote: staffText(o.decisionNote),
    })),
  };
}

/** POST /api/problems: staff open a problem from an inspection, self-inspection, spot check or supervision. */
export async function createProblem(db: Db, actor: Actor, input: CreateProblemInput): Promise<ProblemDetail> {
  const id = await db.transaction(async (tx) => {
    let regionId: number;
    if (input.regionCode) {
      regionId = (await regionInScope(tx, actor, input.regionCode)).id;
    } else if (input.projectId) {
      const [p] = await tx.select({ regionId: projects.regionId }).from(projects).where(eq(projects.id, input.projectId));
      if (!p) throw validationFailed({ projectId: '物业项目不存在' });
      regionId = p.regionId;
    } else {
      regionId = actor.regionId;
    }
    // The problem's region must lie in the creator's jurisdiction, and so must its project.
    await regionByIdInScope(tx, actor, regionId);
    if (input.projectId) {
      const [p] = await tx
        .select({ regionId: projects.regionId, enterpriseId: projects.enterpriseId })
        .from(projects)
        .where(and(eq(projects.id, input.projectId), regionScope(actor, projects.regionId)));
      if (!p) throw notFound('物业项目');
      if (input.regionCode && p.regionId !== regionId) throw validationFailed({ regionCode: '所选区域与物业项目所在区域不一致，请核对或不填区域' });
      if (input.enterpriseId && p.enterpriseId && p.enterpriseId !== input.enterpriseId) {
        throw validationFailed({ enterpriseId: '所选企业不是该项目的物业服务企业，请核对' });
      }
    }
    if (input.enterpriseId) {
      // Only a company the creator can see (registered here or managing an estate here, decision 005).
      const [e] = await tx.select({ id: enterprises.id }).from(enterprises).where(and(eq(enterprises.id, input.enterpriseId), enterpriseVisible(actor)));
      if (!e) throw notFound('物业服务企业');
    }
    if (!input.enterpriseId && !input.projectId) throw validationFailed({ enterpriseId: '请选择责任企业或物业项目' });
    const opened = await openProblem(tx, actor, { ...input, regionId });
    return opened.id;
  });
  return getProblem(db, actor, id);
}

interface ActionContext {
  tx: Db;
  problem: repo.ProblemRow;
  facts: Awaited<ReturnType<typeof repo.factsOf>>;
  today: string;
}

/** Runs one action: scope (404), state-machine check, the change, then the fresh detail. */
async function act(
  db: Db,
  actor: Actor,
  id: string,
  action: ProblemAction,
  apply: (c: ActionContext) => Promise<void>,
): Promise<ProblemDetail> {
  await db.transaction(async (tx) => {
    const problem = await repo.problemInScope(tx, actor, id, true);
    const facts = await repo.factsOf(tx, problem);
    const today = todayInChina();
    const check = checkAction(facts, actorFacts(actor), action, today);
    if (!check.ok) throw checkError(check);
    await apply({ tx, problem, facts, today });
  });
  return getProblem(db, actor, id);
}

async function addEvent(
  tx: Db,
  actor: Actor,
  problemId: string,
  e: { action: ProblemEventAction; from?: string | null; to?: string | null; note?: string | null; fileIds?: readonly string[] },
) {
  await tx.insert(problemEvents).values({
    problemId,
    action: e.action,
    fromStatus: e.from ?? null,
    toStatus: e.to ?? null,
    actorId: actor.userId,
    actorName: actorName(actor),
    actorEnterpriseId: isEnterpriseUser(actor) ? actor.enterpriseId : null,
    note: e.note ?? null,
    attachmentFileIds: [...(e.fileIds ?? [])],
  });
}

async function setStatus(tx: Db, problemId: string, to: ProblemStatus, extra: Partial<typeof problems.$inferInsert> = {}) {
  await tx
    .update(problems)
    .set({ status: to, updatedAt: new Date(), ...extra })
    .where(eq(problems.id, problemId));
}

async function audit(tx: Db, actor: Actor, p: repo.ProblemRow, action: string, before: unknown, after: unknown, note?: string | null) {
  await recordAudit(tx, actor, { action: `problem.${action}`, entityType: 'problem', entityId: p.id, regionId: p.regionId, before, after, note });
}

/** File ids must be attachments uploaded to this very problem. */
async function checkFiles(tx: Db, problemId: string, ids: readonly string[], field = 'fileIds') {
  if (!ids.length) return;
  const found = await repo.problemFiles(tx, problemId, ids);
  if (found.length !== new Set(ids).size) throw validationFailed({ [field]: '附件不存在或不属于该问题，请先通过本问题的“上传附件”上传' });
}

function checkNewDeadline(deadline: string | null | undefined, today: string, field = 'deadline') {
  if (deadline && deadline < today) throw validationFailed({ [field]: '新的整改期限不能早于今天' });
}

export async function start(db: Db, actor: Actor, id: string, input: { note: string | null }) {
  return act(db, actor, id, 'start', async ({ tx, problem }) => {
    const to = nextStatus(problem.status as ProblemStatus, 'start');
    await setStatus(tx, id, to);
    await addEvent(tx, actor, id, { action: 'start', from: problem.status, to, note: input.note });
    await audit(tx, actor, problem, 'start', { status: problem.status }, { status: to });
  });
}

export async function submit(db: Db, actor: Actor, id: string, input: { text: string; fileIds: string[] }) {
  return act(db, actor, id, 'submit', async ({ tx, problem, facts }) => {
    await checkFiles(tx, id, input.fileIds);
    const to = nextStatus(problem.status as ProblemStatus, 'submit');
    const [{ n } = { n: 0 }] = await tx
      .select({ n: sql<number>`coalesce(max(${problemSubmissions.seq}), 0)::int` })
      .from(problemSubmissions)
      .where(eq(problemSubmissions.problemId, id));
    const [sub] = await tx
      .insert(problemSubmissions)
      .values({
        problemId: id,
        seq: n + 1,
        submittedBy: actor.userId,
        submittedByName: actorName(actor),
        byEnterprise: isEnterpriseUser(actor),
        text: input.text,
        fileIds: input.fileIds,
      })
      .returning({ id: problemSubmissions.id });
    await setStatus(tx, id, to);
    await addEvent(tx, actor, id, { action: 'submit', from: problem.status, to, note: input.text, fileIds: input.fileIds });
    await audit(tx, actor, problem, 'submit', { status: problem.status, previousSubmission: facts.latestSubmission?.id ?? null }, { status: to, submissionId: sub?.id, seq: n + 1 });
    if (problem.responsibleOrgUnitId) {
      await publishMessage(tx, {
        kind: 'problem.submitted',
        recipients: [{ type: 'unit', orgUnitId: problem.responsibleOrgUnitId, permission: 'problem:review' }],
        record: { type: 'problem', id },
        link: `/app/problems/${id}`,
        vars: { code: problem.code },
        actorUserId: actor.userId,
        occurrence: String(n + 1),
      });
    }
  });
}

export async function review(
  db: Db,
  actor: Actor,
  id: string,
  input: { method: 'on_site' | 'documents'; result: 'pass' | 'fail'; note: string | null; fileIds: string[]; deadline?: string | null },
) {
  return act(db, actor, id, 'review', async ({ tx, problem, facts, today }) => {
    await checkFiles(tx, id, input.fileIds);
    if (input.result === 'pass' && input.deadline) throw validationFailed({ deadline: '复查通过时无需设置新的整改期限' });
    checkNewDeadline(input.deadline, today);
    const submission = facts.latestSubmission;
    if (!submission) throw new Error('unreachable: review checked a submission exists');
    const to = nextStatus(problem.status as ProblemStatus, 'review', input.result);
    await tx.insert(problemReviews).values({
      problemId: id,
      submissionId: submission.id,
      reviewerId: actor.userId,
      reviewerName: actorName(actor),
      method: input.method,
      result: input.result,
      note: input.note,
      fileIds: input.fileIds,
    });
    const rework = countsRework('review', input.result);
    await setStatus(tx, id, to, {
      ...(rework ? { reworkCount: problem.reworkCount + 1 } : {}),
      ...(input.deadline ? { deadline: input.deadline } : {}),
    });
    const label = `${input.method === 'on_site' ? '现场复查' : '资料复查'}：${input.result === 'pass' ? '通过' : '不通过，退回返工'}`;
    await addEvent(tx, actor, id, { action: 'review', from: problem.status, to, note: input.note ? `${label}。${input.note}` : label, fileIds: input.fileIds });
    await audit(tx, actor, problem, 'review', { status: problem.status, reworkCount: problem.reworkCount, deadline: problem.deadline }, {
      status: to,
      submissionId: submission.id,
      method: input.method,
      result: input.result,
      reworkCount: rework ? problem.reworkCount + 1 : problem.reworkCount,
      deadline: input.deadline ?? problem.deadline,
    });
  });
}

export async function close(db: Db, actor: Actor, id: string, input: { note: string | null }) {
  return act(db, actor, id, 'close', async ({ tx, problem, facts }) => {
    const to = nextStatus(problem.status as ProblemStatus, 'close');
    await setStatus(tx, id, to, { closedAt: new Date(), closedBy: actor.userId });
    await addEvent(tx, actor, id, { action: 'close', from: problem.status, to, note: input.note });
    await audit(tx, actor, problem, 'close', { status: problem.status }, { status: to, reviewedSubmissionId: facts.latestSubmission?.id });
  });
}

export async function rework(db: Db, actor: Actor, id: string, input: { reason: string; deadline?: string | null }) {
  return act(db, actor, id, 'rework', async ({ tx, problem, today }) => {
    checkNewDeadline(input.deadline, today);
    const to = nextStatus(problem.status as ProblemStatus, 'rework');
    await setStatus(tx, id, to, { reworkCount: problem.reworkCount + 1, ...(input.deadline ? { deadline: input.deadline } : {}) });
    await addEvent(tx, actor, id, { action: 'rework', from: problem.status, to, note: input.reason });
    await audit(tx, actor, problem, 'rework', { status: problem.status, reworkCount: problem.reworkCount, deadline: problem.deadline }, {
      status: to,
      reworkCount: problem.reworkCount + 1,
      deadline: input.deadline ?? problem.deadline,
    });
  });
}

export async function requestExtension(db: Db, actor: Actor, id: string, input: { days: number; reason: string }) {
  return act(db, actor, id, 'extension_request', async ({ tx, problem }) => {
    const requestedDeadline = await addWorkingDays(tx, problem.deadline, input.days);
    const [row] = await tx
      .insert(problemExtensions)
      .values({
        problemId: id,
        days: input.days,
        reason: input.reason,
        previousDeadline: problem.deadline,
        requestedDeadline,
        requestedBy: actor.userId,
        requestedByName: actorName(actor),
      })
      .returning({ id: problemExtensions.id });
    await addEvent(tx, actor, id, { action: 'extension_request', note: `申请延期 ${input.days} 个工作日（至 ${requestedDeadline}）：${input.reason}` });
    await audit(tx, actor, problem, 'extension_request', null, { extensionId: row?.id, days: input.days, requestedDeadline });
  });
}

export async function decideExtension(db: Db, actor: Actor, id: string, input: { extensionId: string; approve: boolean; note: string | null }) {
  return act(db, actor, id, 'extension_decision', async ({ tx, problem }) => {
    const pending = await repo.pendingExtension(tx, id);
    if (!pending || pending.id !== input.extensionId) throw notFound('待审批的延期申请');
    await tx
      .update(problemExtensions)
      .set({ status: input.approve ? 'approved' : 'refused', decidedBy: actor.userId, decidedAt: new Date(), decisionNote: input.note })
      .where(eq(problemExtensions.id, pending.id));
    if (input.approve) await tx.update(problems).set({ deadline: pending.requestedDeadline, updatedAt: new Date() }).where(eq(problems.id, id));
    const verdict = input.approve ? `同意延期至 ${pending.requestedDeadline}` : '不同意延期';
    await addEvent(tx, actor, id, { action: 'extension_decision', note: input.note ? `${verdict}。${input.note}` : verdict });
    await audit(tx, actor, problem, 'extension_decision', { deadline: problem.deadline }, {
      extensionId: pending.id,
      approve: input.approve,
      deadline: input.approve ? pending.requestedDeadline : problem.deadline,
    });
  });
}

export async function supervise(db: Db, actor: Actor, id: string, input: { deadline: string; note: string | null }) {
  return act(db, actor, id, 'supervise', async ({ tx, problem, today }) => {
    if (input.deadline < today) throw validationFailed({ deadline: '督办期限不能早于今天' });
    await tx
      .update(problems)
      .set({ supervised: true, supervisionDeadline: input.deadline, supervisionNote: input.note, supervisedBy: actor.userId, supervisedAt: new Date(), updatedAt: new Date() })
      .where(eq(problems.id, id));
    await addEvent(tx, actor, id, { action: 'supervise', note: `挂牌督办，督办期限 ${input.deadline}${input.note ? `：${input.note}` : ''}` });
    await audit(tx, actor, problem, 'supervise', { supervised: problem.supervised, supervisionDeadline: problem.supervisionDeadline }, { supervised: true, supervisionDeadline: input.deadline });
  });
}

export async function raiseObjection(db: Db, actor: Actor, id: string, input: { reason: string; fileIds: string[] }) {
  return act(db, actor, id, 'objection', async ({ tx, problem }) => {
    await checkFiles(tx, id, input.fileIds);
    const [row] = await tx
      .insert(problemObjections)
      .values({ problemId: id, reason: input.reason, fileIds: input.fileIds, raisedBy: actor.userId, raisedByName: actorName(actor) })
      .returning({ id: problemObjections.id });
    await addEvent(tx, actor, id, { action: 'objection', note: input.reason, fileIds: input.fileIds });
    await audit(tx, actor, problem, 'objection', null, { objectionId: row?.id });
  });
}

/**
 * Decides the pending objection. Rejected: the problem carries on unchanged. Upheld: the problem is
 * withdrawn (已撤销, terminal — the company need not rectify), a pending extension request lapses, and
 * the repeat-offence credit event recorded for it is annulled; all in this transaction.
 */
export async function decideObjection(db: Db, actor: Actor, id: string, input: { objectionId: string; uphold: boolean; note: string | null }) {
  return act(db, actor, id, 'objection_decision', async ({ tx, problem }) => {
    const pending = await repo.pendingObjection(tx, id);
    if (!pending || pending.id !== input.objectionId) throw notFound('待处理的异议');
    const decidedAt = new Date();
    await tx
      .update(problemObjections)
      .set({ status: input.uphold ? 'upheld' : 'rejected', decidedBy: actor.userId, decidedAt, decisionNote: input.note })
      .where(eq(problemObjections.id, pending.id));
    const from = problem.status as ProblemStatus;
    const to = statusAfterObjection(from, input.uphold);
    let lapsedExtensionId: string | null = null;
    let annulledCreditEventIds: string[] = [];
    if (to !== from) {
      await setStatus(tx, id, to);
      const ext = await repo.pendingExtension(tx, id);
      if (ext) {
        lapsedExtensionId = ext.id;
        await tx
          .update(problemExtensions)
          .set({ status: 'refused', decidedBy: actor.userId, decidedAt, decisionNote: '问题已撤销，延期申请不再审批' })
          .where(eq(problemExtensions.id, ext.id));
      }
      annulledCreditEventIds = await annulCreditEventsFor(
        tx,
        actor,
        { sourceType: 'problem', sourceId: id, types: ['repeat_offence'] },
        `问题 ${problem.code} 异议成立已撤销，相应信用记录作废`,
      );
    }
    const verdict = input.uphold ? '异议成立，问题撤销' : '异议不成立，继续整改';
    await addEvent(tx, actor, id, {
      action: 'objection_decision',
      from: to !== from ? from : null,
      to: to !== from ? to : null,
      note: input.note ? `${verdict}。${input.note}` : verdict,
    });
    await audit(
      tx,
      actor,
      problem,
      'objection_decision',
      { status: from },
      { objectionId: pending.id, uphold: input.uphold, status: to, lapsedExtensionId, annulledCreditEventIds },
      input.note,
    );
  });
}

/** Uploads evidence (photos, PDF) to a problem; the returned ids go into submit/review/objection. */
export async function uploadAttachments(db: Db, actor: Actor, deps: { dataDir: string; maxBytes: number }, id: string, uploads: UploadedFile[]) {
  const checked = uploads.map((f) => ({ f, check: checkUpload(f.buffer, EVIDENCE_TYPES, deps.maxBytes) }));
  const bad = checked.find((c) => !c.check.ok);
  if (bad && !bad.check.ok) throw validationFailed({ file: `「${bad.f.fileName}」：${bad.check.message}` });
  // Check scope and state before writing anything to disk.
  await db.transaction(async (tx) => {
    const problem = await repo.problemInScope(tx, actor, id);
    const check = checkAction(await repo.factsOf(tx, problem), actorFacts(actor), 'attach', todayInChina());
    if (!check.ok) throw checkError(check);
  });
  const stored: StoredFile[] = [];
  for (const { f, check } of checked) if (check.ok) stored.push(await writeUpload(deps.dataDir, f.buffer, check.type, f.fileName));
  return db.transaction(async (tx) => {
    const problem = await repo.problemInScope(tx, actor, id, true);
    const out: Array<{ fileId: string; name: string; size: number; mime: string }> = [];
    for (const s of stored) {
      const fileId = await recordFile(tx, s, { entityType: 'problem', entityId: id, uploadedBy: actor.userId });
      out.push({ fileId, name: s.originalName, size: s.size, mime: s.mime });
    }
    await audit(tx, actor, problem, 'attachment_upload', null, { files: out.map((o, i) => ({ ...o, sha256: stored[i]?.sha256 })) });
    return { fileId: out[0]?.fileId as string, files: out };
  });
}

/** The bytes of an attachment of a visible problem (404 for anything else). */
export async function readAttachment(db: Db, actor: Actor, dataDir: string, id: string, fileId: string) {
  const p = await repo.problemInScope(db, actor, id);
  const [file] = await repo.problemFiles(db, id, [fileId]);
  if (!file) throw notFound('附件');
  const buffer = await readUpload(dataDir, file.storageKey);
  await recordAudit(db, actor, { action: 'problem.attachment.download', entityType: 'problem', entityId: id, regionId: p.regionId, after: { fileId, name: file.name } });
  return { name: file.name, mime: file.mime, buffer };
}
