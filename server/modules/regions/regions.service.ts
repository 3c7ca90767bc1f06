import { asc, eq, sql } from 'drizzle-orm';
import { childLevelOf, type RegionLevel } from '../../../core/org.js';
import { isOfficialCode, nextCustomCode, pathOf } from '../../../core/region-codes.js';
import type { Db } from '../../db/client.js';
import { projects, regions } from '../../db/schema/index.js';
import type { Actor } from '../../http/actor.js';
import { recordAudit } from '../../http/audit.js';
import { AppError, conflict, validationFailed } from '../../http/errors.js';
import { regionInScope } from '../../http/scope.js';
import * as repo from './regions.repository.js';

/** Children of `parentCode` (default: the actor's own region), within the actor's jurisdiction. */
export async function listRegionChildren(db: Db, actor: Actor, parentCode?: string) {
  const parent = await regionInScope(db, actor, parentCode ?? actor.regionCode);
  return repo.listChildren(db, parent.id);
}

export async function getRegion(db: Db, actor: Actor, code: string) {
  const node = await regionInScope(db, actor, code);
  const row = await repo.findRegionById(db, node.id);
  const ancestors = await repo.ancestorsOf(db, node.path);
  return { row: row as repo.RegionRow, ancestors };
}

/** Adds a custom node (functional zone, street, community) one level below its parent. */
export async function createRegion(
  db: Db,
  actor: Actor,
  input: { parentCode: string; name: string; code?: string; sortOrder?: number },
) {
  return db.transaction(async (tx) => {
    const parent = await regionInScope(tx, actor, input.parentCode);
    const level = childLevelOf(parent.level as RegionLevel);
    if (!level) throw validationFailed({ parentCode: '社区是最末一级，不能再添加下级' });
    if (input.code && isOfficialCode(input.code))
      throw validationFailed({ code: '六位数字编码保留给国家行政区划代码（GB/T 2260），自定义节点请留空自动生成或使用带连字符的编码' });
    const code = input.code ?? nextCustomCode(parent.code, await repo.siblingCodes(tx, parent.id));
    if (await repo.findRegionByCode(tx, code)) throw conflict(`编码 ${code} 已被使用`, { fields: { code: '编码已被使用' } });
    const [row] = await tx
      .insert(regions)
      .values({ code, name: input.name, level, parentId: parent.id, path: pathOf(parent.path, code), codeSource: 'custom', sortOrder: input.sortOrder ?? 0 })
      .returning();
    await recordAudit(tx, actor, { action: 'region.create', entityType: 'region', entityId: code, regionId: row.id, after: row });
    return row;
  });
}

export async function updateRegion(db: Db, actor: Actor, code: string, input: { name?: string; sortOrder?: number }) {
  return db.transaction(async (tx) => {
    const node = await regionInScope(tx, actor, code);
    const before = await repo.findRegionById(tx, node.id);
    const [row] = await tx
      .update(regions)
      .set({ ...input, updatedAt: new Date() })
      .where(eq(regions.id, node.id))
      .returning();
    await recordAudit(tx, actor, { action: 'region.update', entityType: 'region', entityId: code, regionId: row.id, before, after: row });
    return row;
  });
}

/**
 * Moves a node (with its subtree) under a new parent of the level just above it. The actor must
 * have both the node and the new parent in scope; a node cannot move under its own subtree.
 */
export async function moveRegion(db: Db, actor: Actor, code: string, newParentCode: string) {
  return db.transaction(async (tx) => {
    const node = await regionInScope(tx, actor, code);
    const newParent = await regionInScope(tx, actor, newParentCode);
    if (node.path === actor.regionPath) throw new AppError('FORBIDDEN', 403, '不能移动自己所在的区划');
    if (newParent.path.startsWith(node.path)) throw validationFailed({ newParentCode: '不能移动到自身或其下级之下' });
    if (childLevelOf(newParent.level as RegionLevel) !== node.level)
      throw validationFailed({ newParentCode: '新的上级必须比本节点高一级' });
    if (node.parentId === newParent.id) return (await repo.findRegionById(tx, node.id)) as repo.RegionRow;
    const newPath = pathOf(newParent.path, node.code);
    const moved = await repo.rewriteSubtreePaths(tx, node.path, newPath);
    const [row] = await tx.update(regions).set({ parentId: newParent.id, updatedAt: new Date() }).where(eq(regions.id, node.id)).returning();
    await recordAudit(tx, actor, {
      action: 'region.move',
      entityType: 'region',
      entityId: code,
      regionId: node.id,
      before: { path: node.path, parentId: node.parentId },
      after: { path: newPath, parentId: newParent.id },
      note: `移动 ${moved} 个节点`,
    });
    return row;
  });
}

export async function regionTree(db: Db, actor: Actor, rootCode: string | undefined, depth: number) {
  const root = await regionInScope(db, actor, rootCode ?? actor.regionCode);
  return repo.listSubtree(db, root.path, depth);
}

/**
 * The deployment's service area: the deepest region containing every registered project (e.g.
 * the city), or the root when nothing is registered yet. A portal lead with no district is kept
 * there, in the coordinators' 待确定属地 box.
 */
export async function serviceAreaRegionId(db: Db): Promise<number> {
  const [span] = await db
    .select({ lo: sql<string | null>`min(${regions.path})`, hi: sql<string | null>`max(${regions.path})` })
    .from(projects)
    .innerJoin(regions, eq(regions.id, projects.regionId));
  let path: string | null = null;
  if (span?.lo && span.hi) {
    let i = 0;
    while (i < span.lo.length && span.lo[i] === span.hi[i]) i++;
    path = span.lo.slice(0, span.lo.lastIndexOf('/', i - 1) + 1);
    if (i === span.lo.length && span.lo === span.hi) path = span.lo;
  }
  if (path && path !== '/') {
    const [row] = await db.select({ id: regions.id }).from(regions).where(eq(regions.path, path));
    if (row) return row.id;
  }
  const [root] = await db.select({ id: regions.id }).from(regions).orderBy(sql`length(${regions.path})`, asc(regions.id)).limit(1);
  return root.id;
}

/** Levels a resident picks on the portal form (区 → 街道); communities are too fine for the form. */
const PUBLIC_LEVELS = new Set<string>(['province', 'city', 'district', 'street']);

/**
 * GET /api/public/regions (no login): the children of `parentCode`, or of the service area when
 * none is given — code, name and level only. The region tree is public information.
 */
export async function listPublicRegionChildren(db: Db, parentCode?: string) {
  let parentId: number;
  if (parentCode) {
    const parent = await repo.findRegionByCode(db, parentCode);
    if (!parent) throw new AppError('NOT_FOUND', 404, '区划不存在');
    parentId = parent.id;
  } else {
    parentId = await serviceAreaRegionId(db);
  }
  const rows = await db
    .select({ code: regions.code, name: regions.name, level: regions.level })
    .from(regions)
    .where(eq(regions.parentId, parentId))
    .orderBy(asc(regions.sortOrder), asc(regions.code));
  return rows.filter((r) => PUBLIC_LEVELS.has(r.level));
}
