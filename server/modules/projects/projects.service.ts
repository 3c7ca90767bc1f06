import type { Db } from '../../db/client.js';
import type { Actor } from '../../http/actor.js';
import { recordAudit } from '../../http/audit.js';
import { conflict, notFound, validationFailed } from '../../http/errors.js';
import { limitOffset } from '../../http/pagination.js';
import { regionFilterPath, regionInScope } from '../../http/scope.js';
import { findEnterpriseForLink } from '../enterprises/enterprises.service.js';
import { listDisclosures } from './disclosures.service.js';
import { presentProject } from './projects.presenter.js';
import * as repo from './projects.repository.js';
import type { ProjectInput, ProjectListQuery, ProjectUpdate } from './projects.schemas.js';

export async function listProjects(db: Db, actor: Actor, q: ProjectListQuery) {
  const withinPath = await regionFilterPath(db, q.region);
  const { items, total } = await repo.listVisible(
    db,
    actor,
    { q: q.q, withinPath, enterpriseId: q.enterpriseId, disclosed: q.disclosed, hasOwnersCommittee: q.hasOwnersCommittee },
    limitOffset(q),
  );
  return { items: items.map(presentProject), total, page: q.page, pageSize: q.pageSize };
}

/** The project if the actor may see it (their subtree, or their own company's), else 404. */
export async function requireVisibleProject(db: Db, actor: Actor, id: string) {
  const row = await repo.findVisible(db, actor, id);
  if (!row) throw notFound('项目');
  return row;
}

export async function getProject(db: Db, actor: Actor, id: string) {
  const row = await requireVisibleProject(db, actor, id);
  return { ...presentProject(row), disclosures: await listDisclosures(db, actor, id) };
}

/** Region in the actor's scope; enterprise registered and — when newly linked — not deregistered. */
async function resolveReferences(db: Db, actor: Actor, input: { regionCode?: string; enterpriseId?: string | null }, currentEnterpriseId: string | null = null) {
  const fields: Record<string, string> = {};
  let regionId: number | undefined;
  if (input.regionCode !== undefined) {
    const region = await regionInScope(db, actor, input.regionCode).catch(() => null);
    if (!region) fields.regionCode = `区划代码 ${input.regionCode} 不存在或不在您的管辖范围内，请从区划列表中选择`;
    // The same rule as the import: a project sits in a district at least, best in its community.
    else if (region.level === 'province' || region.level === 'city') fields.regionCode = '项目所属区划至少应细到区县，最好到社区';
    else regionId = region.id;
  }
  if (input.enterpriseId) {
    const enterprise = await findEnterpriseForLink(db, input.enterpriseId);
    if (!enterprise) fields.enterpriseId = '物业服务企业不存在，请先登记企业';
    else if (enterprise.status === 'deregistered' && enterprise.id !== currentEnterpriseId) fields.enterpriseId = `${enterprise.name}已注销，不能再作为服务企业`;
  }
  if (Object.keys(fields).length) throw validationFailed(fields);
  return { regionId };
}

async function assertNameFree(db: Db, regionId: number, name: string, exceptId?: string) {
  const existing = await repo.findByKey(db, regionId, name);
  if (existing && existing.id !== exceptId) {
    const message = '该区划下已有同名项目，请核对是否重复登记（同一区划内项目名称不能相同）';
    throw conflict(message, { fields: { name: message }, existingId: existing.id });
  }
}

export async function createProject(db: Db, actor: Actor, input: ProjectInput) {
  return db.transaction(async (tx) => {
    const { regionId } = await resolveReferences(tx, actor, input);
    await assertNameFree(tx, regionId as number, input.name);
    const row = await repo.insertProject(tx, {
      name: input.name,
      address: input.address,
      regionId: regionId as number,
      enterpriseId: input.enterpriseId ?? null,
      households: input.households ?? null,
      buildingArea: input.buildingArea ?? null,
      lat: input.lat ?? null,
      lng: input.lng ?? null,
      hasOwnersCommittee: input.hasOwnersCommittee ?? false,
    });
    await recordAudit(tx, actor, { action: 'project.create', entityType: 'project', entityId: row.id, regionId: row.regionId, after: row });
    return getProject(tx, actor, row.id);
  });
}

export async function updateProject(db: Db, actor: Actor, id: string, input: ProjectUpdate) {
  return db.transaction(async (tx) => {
    await requireVisibleProject(tx, actor, id);
    const before = await repo.rawById(tx, id);
    const { regionId } = await resolveReferences(tx, actor, input, before.enterpriseId);
    if (regionId !== undefined || input.name !== undefined) await assertNameFree(tx, regionId ?? before.regionId, input.name ?? before.name, id);
    const changes: Partial<repo.NewProject> = {};
    if (regionId !== undefined) changes.regionId = regionId;
    for (const key of ['name', 'address', 'enterpriseId', 'households', 'buildingArea', 'lat', 'lng', 'hasOwnersCommittee'] as const) {
      if (input[key] !== undefined) (changes as Record<string, unknown>)[key] = input[key];
    }
    const after = await repo.updateProject(tx, id, changes);
    await recordAudit(tx, actor, { action: 'project.update', entityType: 'project', entityId: id, regionId: after.regionId, before, after });
    return getProject(tx, actor, id);
  });
}
