import type { PractitionerRole } from '../../../core/registry.js';
import type { Db } from '../../db/client.js';
import type { Actor } from '../../http/actor.js';
import { recordAudit } from '../../http/audit.js';
import { notFound, validationFailed } from '../../http/errors.js';
import { limitOffset } from '../../http/pagination.js';
import { regionFilterPath } from '../../http/scope.js';
import * as enterpriseRepo from './enterprises.repository.js';
import * as repo from './practitioners.repository.js';
import type { PractitionerDto, PractitionerInput, PractitionerListQuery, PractitionerUpdate } from './practitioners.schemas.js';

/**
 * 从业人员 of property enterprises (for credit records). Reads and writes follow the
 * enterprise's visibility; people who leave are deactivated (active=false), never deleted, so
 * credit records keep their subject.
 */
function present(row: repo.PractitionerRow): PractitionerDto {
  return {
    id: row.id,
    enterpriseId: row.enterpriseId,
    enterpriseName: row.enterpriseName,
    projectId: row.projectId,
    projectName: row.projectName ?? null,
    name: row.name,
    role: row.role as PractitionerRole,
    certificateNo: row.certificateNo,
    phone: row.phone,
    active: row.active,
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
  };
}

export async function listPractitioners(db: Db, actor: Actor, q: PractitionerListQuery) {
  const withinPath = await regionFilterPath(db, q.region);
  const { items, total } = await repo.listVisible(db, actor, { ...q, withinPath }, limitOffset(q));
  return { items: items.map(present), total, page: q.page, pageSize: q.pageSize };
}

export async function getPractitioner(db: Db, actor: Actor, id: string) {
  const row = await repo.findVisible(db, actor, id);
  if (!row) throw notFound('从业人员');
  return present(row);
}

async function checkProject(db: Db, enterpriseId: string, projectId: string | null | undefined) {
  if (!projectId) return;
  const project = await repo.projectOf(db, projectId);
  if (!project || project.enterpriseId !== enterpriseId) throw validationFailed({ projectId: '所选项目不是该企业管理的项目' });
}

export async function createPractitioner(db: Db, actor: Actor, input: PractitionerInput) {
  return db.transaction(async (tx) => {
    const enterprise = await enterpriseRepo.findVisible(tx, actor, input.enterpriseId);
    if (!enterprise) throw validationFailed({ enterpriseId: '企业不存在或不在您的管辖范围内' });
    await checkProject(tx, input.enterpriseId, input.projectId);
    const row = await repo.insertPractitioner(tx, {
      enterpriseId: input.enterpriseId,
      projectId: input.projectId ?? null,
      name: input.name,
      role: input.role,
      certificateNo: input.certificateNo ?? null,
      phone: input.phone ?? null,
      active: input.active ?? true,
    });
    await recordAudit(tx, actor, { action: 'practitioner.create', entityType: 'practitioner', entityId: row.id, regionId: enterprise.regionId, after: row });
    return getPractitioner(tx, actor, row.id);
  });
}

export async function updatePractitioner(db: Db, actor: Actor, id: string, input: PractitionerUpdate) {
  return db.transaction(async (tx) => {
    const visible = await repo.findVisible(tx, actor, id);
    if (!visible) throw notFound('从业人员');
    const before = await repo.rawById(tx, id);
    await checkProject(tx, before.enterpriseId, input.projectId);
    const changes: Partial<repo.NewPractitioner> = {};
    for (const key of ['name', 'role', 'certificateNo', 'phone', 'projectId', 'active'] as const) {
      if (input[key] !== undefined) (changes as Record<string, unknown>)[key] = input[key];
    }
    const after = await repo.updatePractitioner(tx, id, changes);
    const enterprise = await enterpriseRepo.rawById(tx, before.enterpriseId);
    await recordAudit(tx, actor, { action: 'practitioner.update', entityType: 'practitioner', entityId: id, regionId: enterprise.regionId, before, after });
    return getPractitioner(tx, actor, id);
  });
}
