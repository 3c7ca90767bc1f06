import { and, asc, count, eq, ilike, or, sql } from 'drizzle-orm';
import { z } from 'zod';
import { passwordProblems } from '../../../core/password-policy.js';
import { ROLES, type Role } from '../../../core/roles.js';
import { USERNAME_RE, isPhoneNumber } from '../../../core/validation.js';
import type { Db } from '../../db/client.js';
import { enterprises, orgUnits, regions, users } from '../../db/schema/index.js';
import { enterpriseVisible } from '../enterprises/enterprises.repository.js';
import type { Actor } from '../../http/actor.js';
import { recordAudit } from '../../http/audit.js';
import { conflict, notFound, validationFailed } from '../../http/errors.js';
import { type PageQuery, limitOffset } from '../../http/pagination.js';
import { regionByIdInScope, regionFilterPath, regionInScope, regionScope } from '../../http/scope.js';
import { hashPassword, temporaryPassword } from '../auth/passwords.js';
import { revokeUserSessions } from '../auth/sessions.js';

const rolesSchema = z
  .array(z.enum(ROLES, { message: '未知角色' }))
  .min(1, '至少选择一个角色')
  .refine((roles) => {
    // 三员分立: the system administrator and the security auditor hold no other role.
    const separated = roles.filter((r) => r === 'admin' || r === 'auditor');
    return separated.length === 0 || roles.length === 1;
  }, '系统管理员、安全审计员不能与其他角色兼任（三员分立）');

export const createUserInput = z.object({
  username: z.string().trim().regex(USERNAME_RE, '用户名 3–32 位，字母或数字开头，可含 . _ -'),
  displayName: z.string().trim().min(1, '请输入姓名').max(40),
  roles: rolesSchema,
  regionCode: z.string().optional(),
  orgUnitId: z.uuid('无效的单位').nullish(),
  enterpriseId: z.uuid('无效的企业').nullish(),
  phone: z.string().trim().refine(isPhoneNumber, '电话号码格式不正确').nullish(),
  certificateNo: z.string().trim().max(40).nullish(),
  password: z.string().optional(),
});
export type CreateUserInput = z.infer<typeof createUserInput>;

export const updateUserInput = createUserInput.omit({ username: true, password: true }).partial().extend({ disabled: z.boolean().optional() });

const columns = {
  id: users.id,
  username: users.username,
  displayName: users.displayName,
  roles: users.roles,
  regionId: users.regionId,
  regionCode: regions.code,
  regionName: regions.name,
  orgUnitId: users.orgUnitId,
  orgUnitName: orgUnits.name,
  enterpriseId: users.enterpriseId,
  phone: users.phone,
  certificateNo: users.certificateNo,
  mustChangePassword: users.mustChangePassword,
  lockedUntil: users.lockedUntil,
  lastLoginAt: users.lastLoginAt,
  disabled: users.disabled,
  createdAt: users.createdAt,
};

function baseQuery(db: Db) {
  return db.select(columns).from(users).innerJoin(regions, eq(regions.id, users.regionId)).leftJoin(orgUnits, eq(orgUnits.id, users.orgUnitId));
}

export async function listUsers(db: Db, actor: Actor, q: PageQuery & { q?: string; role?: string; region?: string }) {
  const within = await regionFilterPath(db, q.region);
  const where = and(
    regionScope(actor, users.regionId, within),
    q.role ? sql`${q.role} = ANY(${users.roles})` : undefined,
    q.q ? or(ilike(users.username, `%${q.q}%`), ilike(users.displayName, `%${q.q}%`)) : undefined,
  );
  const { limit, offset } = limitOffset(q);
  const [items, [{ total }]] = await Promise.all([
    baseQuery(db).where(where).orderBy(asc(regions.path), asc(users.username)).limit(limit).offset(offset),
    db.select({ total: count() }).from(users).where(where),
  ]);
  return { items, total, page: q.page, pageSize: q.pageSize };
}

export async function getUser(db: Db, actor: Actor, id: string) {
  const [row] = await baseQuery(db).where(and(eq(users.id, id), regionScope(actor, users.regionId)));
  if (!row) throw notFound('用户');
  return row;
}

/** Region and unit must agree: a unit's users sit at the unit's region. */
async function resolvePlacement(db: Db, actor: Actor, input: { regionCode?: string; orgUnitId?: string | null; roles?: Role[]; enterpriseId?: string | null }) {
  const fields: Record<string, string> = {};
  let regionId: number | undefined;
  if (input.orgUnitId) {
    const [unit] = await db.select({ regionId: orgUnits.regionId }).from(orgUnits).where(and(eq(orgUnits.id, input.orgUnitId), regionScope(actor, orgUnits.regionId)));
    if (!unit) fields.orgUnitId = '单位不存在或不在您的管辖范围内';
    else regionId = unit.regionId;
  }
  if (input.regionCode) {
    const region = await regionInScope(db, actor, input.regionCode).catch(() => null);
    if (!region) fields.regionCode = '区划不存在或不在您的管辖范围内';
    else if (regionId !== undefined && regionId !== region.id) fields.regionCode = '用户所在区划须与所属单位一致';
    else regionId = region.id;
  }
  if (input.roles?.includes('enterprise_user') && !input.enterpriseId) fields.enterpriseId = '物业企业用户须指定所属企业';
  if (input.enterpriseId) {
    const [ent] = await db.select({ id: enterprises.id }).from(enterprises).where(and(eq(enterprises.id, input.enterpriseId), enterpriseVisible(actor)));
    if (!ent) fields.enterpriseId = '企业不存在或不在您的管辖范围内';
  }
  if (input.roles && !input.roles.includes('enterprise_user') && !input.roles.includes('admin') && !input.roles.includes('auditor') && input.orgUnitId === null)
    fields.orgUnitId = '工作人员须指定所属单位';
  return { regionId, fields };
}

export async function createUser(db: Db, actor: Actor, input: CreateUserInput) {
  const { regionId, fields } = await resolvePlacement(db, actor, input);
  if (regionId === undefined && !fields.regionCode && !fields.orgUnitId) fields.regionCode = '请选择所属区划或单位';
  const password = input.password || temporaryPassword();
  const problems = passwordProblems(password, input.username);
  if (problems.length) fields.password = problems.join('；');
  if (Object.keys(fields).length) throw validationFailed(fields);
  const passwordHash = await hashPassword(password);
  return db.transaction(async (tx) => {
    const [exists] = await tx.select({ id: users.id }).from(users).where(eq(users.username, input.username));
    if (exists) throw conflict('用户名已存在', { fields: { username: '用户名已存在' } });
    const [row] = await tx
      .insert(users)
      .values({
        username: input.username,
        displayName: input.displayName,
        roles: input.roles,
        regionId: regionId as number,
        orgUnitId: input.orgUnitId ?? null,
        enterpriseId: input.enterpriseId ?? null,
        phone: input.phone ?? null,
        certificateNo: input.certificateNo ?? null,
        passwordHash,
        mustChangePassword: true,
      })
      .returning({ id: users.id });
    const created = await getUser(tx, actor, row.id);
    await recordAudit(tx, actor, { action: 'user.create', entityType: 'user', entityId: row.id, regionId: created.regionId, after: created });
    return { user: created, initialPassword: input.password ? null : password };
  });
}

export async function updateUser(db: Db, actor: Actor, id: string, input: z.infer<typeof updateUserInput>) {
  return db.transaction(async (tx) => {
    const before = await getUser(tx, actor, id);
    const { regionId, fields } = await resolvePlacement(tx, actor, {
      regionCode: input.regionCode,
      orgUnitId: input.orgUnitId,
      roles: input.roles,
      enterpriseId: input.enterpriseId === undefined ? before.enterpriseId : input.enterpriseId,
    });
    if (id === actor.userId && (input.disabled || (input.roles && !input.roles.includes('admin'))))
      fields.roles = '不能停用自己或取消自己的管理员角色';
    if (Object.keys(fields).length) throw validationFailed(fields);
    const { regionCode: _r, ...rest } = input;
    await tx.update(users).set({ ...rest, ...(regionId !== undefined ? { regionId } : {}), updatedAt: new Date() }).where(eq(users.id, id));
    if (input.disabled || input.roles) await revokeUserSessions(tx, id);
    const after = await getUser(tx, actor, id);
    await regionByIdInScope(tx, actor, after.regionId);
    await recordAudit(tx, actor, { action: 'user.update', entityType: 'user', entityId: id, regionId: after.regionId, before, after });
    return after;
  });
}

/** Admin reset: a temporary password the user must change at next login; all sessions end. */
export async function resetPassword(db: Db, actor: Actor, id: string) {
  const user = await getUser(db, actor, id);
  const password = temporaryPassword();
  const passwordHash = await hashPassword(password);
  await db.transaction(async (tx) => {
    await tx
      .update(users)
      .set({ passwordHash, mustChangePassword: true, failedLoginCount: 0, lockedUntil: null, updatedAt: new Date() })
      .where(eq(users.id, id));
    await revokeUserSessions(tx, id);
    await recordAudit(tx, actor, { action: 'user.password_reset', entityType: 'user', entityId: id, regionId: user.regionId });
  });
  return { temporaryPassword: password };
}

export async function unlockUser(db: Db, actor: Actor, id: string) {
  const user = await getUser(db, actor, id);
  await db.transaction(async (tx) => {
    await tx.update(users).set({ failedLoginCount: 0, lockedUntil: null }).where(eq(users.id, id));
    await recordAudit(tx, actor, { action: 'user.unlock', entityType: 'user', entityId: id, regionId: user.regionId });
  });
}
