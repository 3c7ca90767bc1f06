import { chinaDate } from '../../../core/working-days.js';
import { DISCLOSURE_ITEM_INFO, type DisclosureItem, type DisclosureStatus, nextFullyDisclosedSince } from '../../../core/registry.js';
import type { Db } from '../../db/client.js';
import { type Actor, isEnterpriseUser } from '../../http/actor.js';
import { recordAudit } from '../../http/audit.js';
import { forbidden, notFound, validationFailed } from '../../http/errors.js';
import type { UploadedFile } from '../../http/multipart.js';
import { IMAGE_OR_PDF, type StoredFile, checkUpload, readUpload, recordFile, writeUpload } from '../../lib/files.js';
import { type EvidenceFile, presentDisclosure, presentDisclosures } from './projects.presenter.js';
import * as repo from './projects.repository.js';
import type { DisclosureInput } from './projects.schemas.js';

/**
 * The fee-disclosure record of a project (S3 §二.5): one state per required item, with photo
 * evidence. Enterprise users report what they posted (with evidence); staff can also verify.
 * After every change `refreshFullyDisclosedSince` recomputes the project's derived date in the
 * same transaction — the only writer of projects.fully_disclosed_since.
 */

export const MAX_EVIDENCE_PER_ITEM = 20;

async function requireProject(db: Db, actor: Actor, projectId: string) {
  const row = await repo.findVisible(db, actor, projectId);
  if (!row) throw notFound('项目');
  return row;
}

async function evidenceMap(db: Db, ids: string[]): Promise<Map<string, EvidenceFile>> {
  const rows = await repo.filesByIds(db, ids);
  return new Map(rows.map((f) => [f.id, f]));
}

/** All required items of a project the caller can see (the caller checked visibility). */
export async function listDisclosures(db: Db, _actor: Actor, projectId: string) {
  const rows = await repo.disclosureRows(db, projectId);
  return presentDisclosures(rows, await evidenceMap(db, rows.flatMap((r) => r.evidenceFileIds)));
}

export async function getDisclosure(db: Db, actor: Actor, projectId: string, item: DisclosureItem) {
  await requireProject(db, actor, projectId);
  return presentOne(db, projectId, item);
}

async function presentOne(db: Db, projectId: string, item: DisclosureItem) {
  const rows = await repo.disclosureRows(db, projectId);
  const row = rows.find((r) => r.item === item);
  return presentDisclosure(item, row, await evidenceMap(db, row?.evidenceFileIds ?? []));
}

/** Recomputes projects.fully_disclosed_since from the items (core/registry.ts rule). */
export async function refreshFullyDisclosedSince(db: Db, projectId: string) {
  const project = await repo.rawById(db, projectId);
  const rows = await repo.disclosureRows(db, projectId);
  const next = nextFullyDisclosedSince(
    project.fullyDisclosedSince,
    rows.map((r) => ({ item: r.item, status: r.status as DisclosureStatus, postedOn: r.postedOn })),
  );
  if (next !== project.fullyDisclosedSince) await repo.setFullyDisclosedSince(db, projectId, next);
  return { before: project.fullyDisclosedSince, after: next };
}


export async function setDisclosure(db: Db, actor: Actor, projectId: string, item: DisclosureItem, input: DisclosureInput) {
  return db.transaction(async (tx) => {
    const project = await requireProject(tx, actor, projectId);
    const before = await repo.rawDisclosure(tx, projectId, item);
    const label = DISCLOSURE_ITEM_INFO[item].label;
    if (input.status === 'verified' && isEnterpriseUser(actor)) throw forbidden('“已核实”须由主管部门工作人员现场或凭资料核实后标记');
    const today = chinaDate();
    let postedOn: string | null = null;
    if (input.status !== 'missing') {
      postedOn = input.postedOn ?? before?.postedOn ?? today;
      if (postedOn > today) throw validationFailed({ postedOn: '公示日期不能晚于今天' });
      if (isEnterpriseUser(actor) && !(before?.evidenceFileIds.length ?? 0)) {
        throw validationFailed({ status: `请先上传“${label}”的公示照片或文件，再标记为已公示` });
      }
    }
    const wasVerified = before?.status === 'verified';
    const row = await repo.upsertDisclosure(tx, {
      projectId,
      item,
      status: input.status,
      postedOn,
      evidenceFileIds: before?.evidenceFileIds ?? [],
      verifiedBy: input.status === 'verified' ? (wasVerified ? before.verifiedBy : actor.userId) : null,
      verifiedAt: input.status === 'verified' ? (wasVerified ? before.verifiedAt : new Date()) : null,
      note: input.note === undefined ? (before?.note ?? null) : input.note,
      updatedBy: actor.userId,
    });
    const derived = await refreshFullyDisclosedSince(tx, projectId);
    await recordAudit(tx, actor, {
      action: 'project.disclosure.update',
      entityType: 'project',
      entityId: projectId,
      regionId: project.regionId,
      before: { item, status: before?.status ?? 'missing', postedOn: before?.postedOn ?? null, fullyDisclosedSince: derived.before },
      after: { item, status: row.status, postedOn: row.postedOn, fullyDisclosedSince: derived.after },
      note: `公示事项“${label}”：${before?.status ?? 'missing'} → ${row.status}`,
    });
    return { disclosure: await presentOne(tx, projectId, item), fullyDisclosedSince: derived.after };
  });
}

export async function addEvidence(
  db: Db,
  actor: Actor,
  deps: { dataDir: string; maxBytes: number },
  projectId: string,
  item: DisclosureItem,
  uploads: UploadedFile[],
) {
  const project = await requireProject(db, actor, projectId);
  const checked = uploads.map((f) => ({ f, check: checkUpload(f.buffer, IMAGE_OR_PDF, deps.maxBytes) }));
  const bad = checked.find((c) => !c.check.ok);
  if (bad && !bad.check.ok) throw validationFailed({ file: `「${bad.f.fileName}」：${bad.check.message}` });
  const stored: StoredFile[] = [];
  for (const { f, check } of checked) if (check.ok) stored.push(await writeUpload(deps.dataDir, f.buffer, check.type, f.fileName));
  return db.transaction(async (tx) => {
    const before = await repo.rawDisclosure(tx, projectId, item);
    const existing = before?.evidenceFileIds ?? [];
    if (existing.length + stored.length > MAX_EVIDENCE_PER_ITEM) {
      throw validationFailed({ file: `每个公示事项最多保留 ${MAX_EVIDENCE_PER_ITEM} 个佐证文件，请先删除旧文件` });
    }
    const ids: string[] = [];
    for (const s of stored) ids.push(await recordFile(tx, s, { entityType: 'project_disclosure', entityId: `${projectId}/${item}`, uploadedBy: actor.userId }));
    await repo.upsertDisclosure(tx, {
      projectId,
      item,
      status: before?.status ?? 'missing',
      postedOn: before?.postedOn ?? null,
      evidenceFileIds: [...existing, ...ids],
      verifiedBy: before?.verifiedBy ?? null,
      verifiedAt: before?.verifiedAt ?? null,
      note: before?.note ?? null,
      updatedBy: actor.userId,
    });
    await recordAudit(tx, actor, {
      action: 'project.disclosure.evidence_add',
      entityType: 'project',
      entityId: projectId,
      regionId: project.regionId,
      after: { item, files: stored.map((s, i) => ({ id: ids[i], name: s.originalName, sha256: s.sha256, size: s.size })) },
    });
    return presentOne(tx, projectId, item);
  });
}

export async function removeEvidence(db: Db, actor: Actor, projectId: string, item: DisclosureItem, fileId: string) {
  return db.transaction(async (tx) => {
    const project = await requireProject(tx, actor, projectId);
    const before = await repo.rawDisclosure(tx, projectId, item);
    if (!before?.evidenceFileIds.includes(fileId)) throw notFound('佐证文件');
    await repo.upsertDisclosure(tx, { ...before, evidenceFileIds: before.evidenceFileIds.filter((id) => id !== fileId), updatedBy: actor.userId });
    await recordAudit(tx, actor, {
      action: 'project.disclosure.evidence_remove',
      entityType: 'project',
      entityId: projectId,
      regionId: project.regionId,
      before: { item, fileId },
      note: '文件本身保留备查，仅从该事项的佐证中移除',
    });
    return presentOne(tx, projectId, item);
  });
}

/** The bytes of one evidence file of a visible project's item (404 for anything else). */
export async function readEvidence(db: Db, actor: Actor, dataDir: string, projectId: string, item: DisclosureItem, fileId: string) {
  await requireProject(db, actor, projectId);
  const row = await repo.rawDisclosure(db, projectId, item);
  if (!row?.evidenceFileIds.includes(fileId)) throw notFound('佐证文件');
  const [file] = await repo.filesByIds(db, [fileId]);
  if (!file) throw notFound('佐证文件');
  return { name: file.name, mime: file.mime, buffer: await readUpload(dataDir, file.storageKey) };
}
