import { isChecksumOnlyFailure, validateUscc } from '../../../core/uscc.js';
import type { Db } from '../../db/client.js';
import { type Actor, can } from '../../http/actor.js';
import { recordAudit } from '../../http/audit.js';
import { AppError, conflict, forbidden, notFound } from '../../http/errors.js';
import { limitOffset } from '../../http/pagination.js';
import { regionFilterPath, regionInScope } from '../../http/scope.js';
import { presentEnterprise } from './enterprises.presenter.js';
import * as repo from './enterprises.repository.js';
import type { EnterpriseInput, EnterpriseListQuery, EnterpriseUpdate } from './enterprises.schemas.js';

export async function listEnterprises(db: Db, actor: Actor, q: EnterpriseListQuery) {
  const withinPath = await regionFilterPath(db, q.region);
  const { items, total } = await repo.listVisible(db, actor, { q: q.q, withinPath, status: q.status }, limitOffset(q));
  return { items: items.map(presentEnterprise), total, page: q.page, pageSize: q.pageSize };
}

export async function getEnterprise(db: Db, actor: Actor, id: string) {
  const row = await repo.findVisible(db, actor, id);
  if (!row) throw notFound('企业');
  return presentEnterprise(row);
}

/** For other modules: the enterprise must be visible to the actor, else 404. */
export async function requireVisibleEnterprise(db: Db, actor: Actor, id: string) {
  return getEnterprise(db, actor, id);
}

/** For other modules linking a record to an enterprise: any registered enterprise by id. */
export async function findEnterpriseForLink(db: Db, id: string) {
  return repo.findById(db, id);
}

/** For imports elsewhere: credit code → enterprise, in bulk, regardless of jurisdiction. */
export async function enterprisesByCreditCode(db: Db, codes: string[]) {
  return repo.findManyByCreditCode(db, codes);
}

export interface CreditCodeDecision {
  creditCode: string;
  /** The code fails only the check character and the actor confirmed it. */
  checksumConfirmed: boolean;
}

/**
 * GB 32100 check of a submitted code. A code failing only the check character is accepted when
 * the caller asks (`confirmChecksum`) and holds enterprise:confirm_checksum; otherwise a 422
 * whose details say whether confirmation would be possible, so the form can offer it.
 */
export function decideCreditCode(actor: Actor, raw: string, confirmChecksum: boolean | undefined): CreditCodeDecision {
  const check = validateUscc(raw);
  if (check.ok) return { creditCode: check.normalized, checksumConfirmed: false };
  const checksumOnly = isChecksumOnlyFailure(check);
  if (checksumOnly && confirmChecksum) {
    if (!can(actor, 'enterprise:confirm_checksum')) {
      throw forbidden('人工确认统一社会信用代码校验位需要“确认信用代码”权限（部门负责人或牵头部门），请联系有权限的人员确认');
    }
    return { creditCode: check.normalized, checksumConfirmed: true };
  }
  throw new AppError('VALIDATION_FAILED', 422, '统一社会信用代码不正确，请按提示修改', {
    fields: { creditCode: check.message },
    creditCodeCheck: {
      normalized: check.normalized,
      problems: check.problems,
      expectedCheckChar: check.expectedCheckChar,
      checksumOnly,
      canConfirm: checksumOnly && can(actor, 'enterprise:confirm_checksum'),
    },
  });
}

async function resolveRegion(db: Db, actor: Actor, code: string) {
  try {
    return await regionInScope(db, actor, code);
  } catch {
    throw new AppError('VALIDATION_FAILED', 422, '提交的内容有误，请按提示修改', {
      fields: { regionCode: `区划代码 ${code} 不存在或不在您的管辖范围内，请从区划列表中选择` },
    });
  }
}

async function assertCodeFree(db: Db, actor: Actor, creditCode: string, exceptId?: string) {
  const existing = await repo.findByCreditCode(db, creditCode);
  if (!existing || existing.id === exceptId) return;
  const visible = await repo.findVisible(db, actor, existing.id);
  const message = visible ? `该统一社会信用代码已登记（${visible.name}），请勿重复登记` : '该统一社会信用代码已由其他辖区登记，请勿重复登记';
  throw conflict(message, { fields: { creditCode: message }, existingId: visible ? existing.id : undefined });
}

export async function createEnterprise(db: Db, actor: Actor, input: EnterpriseInput) {
  const decision = decideCreditCode(actor, input.creditCode, input.confirmChecksum);
  return db.transaction(async (tx) => {
    const region = await resolveRegion(tx, actor, input.regionCode);
    await assertCodeFree(tx, actor, decision.creditCode);
    const now = new Date();
    const row = await repo.insertEnterprise(tx, {
      creditCode: decision.creditCode,
      creditCodeChecksumConfirmedBy: decision.checksumConfirmed ? actor.userId : null,
      creditCodeChecksumConfirmedAt: decision.checksumConfirmed ? now : null,
      name: input.name,
      legalRepresentative: input.legalRepresentative ?? null,
      regionId: region.id,
      address: input.address ?? null,
      contactName: input.contactName ?? null,
      contactPhone: input.contactPhone ?? null,
      qualification: input.qualification ?? null,
      status: input.status ?? 'active',
    });
    await recordAudit(tx, actor, { action: 'enterprise.create', entityType: 'enterprise', entityId: row.id, regionId: region.id, after: row });
    if (decision.checksumConfirmed) await auditChecksumConfirmation(tx, actor, row.id, region.id, decision.creditCode);
    return getEnterprise(tx, actor, row.id);
  });
}

async function auditChecksumConfirmation(db: Db, actor: Actor, id: string, regionId: number, code: string) {
  const check = validateUscc(code);
  await recordAudit(db, actor, {
    action: 'enterprise.confirm_checksum',
    entityType: 'enterprise',
    entityId: id,
    regionId,
    after: { creditCode: code, expectedCheckChar: check.expectedCheckChar },
    note: `人工确认校验位不符的统一社会信用代码 ${code}（按算法第 18 位应为 ${check.expectedCheckChar}）`,
  });
}

export async function updateEnterprise(db: Db, actor: Actor, id: string, input: EnterpriseUpdate) {
  return db.transaction(async (tx) => {
    const visible = await repo.findVisible(tx, actor, id);
    if (!visible) throw notFound('企业');
    if (!visible.editable) throw forbidden('该企业注册地不在您的辖区，只能由注册地主管部门修改企业信息');
    const before = await repo.rawById(tx, id);
    const changes: Partial<repo.NewEnterprise> = {};
    let confirmed = false;
    if (input.creditCode !== undefined) {
      const decision = decideCreditCode(actor, input.creditCode, input.confirmChecksum);
      if (decision.creditCode !== before.creditCode) {
        await assertCodeFree(tx, actor, decision.creditCode, id);
        changes.creditCode = decision.creditCode;
        changes.creditCodeChecksumConfirmedBy = decision.checksumConfirmed ? actor.userId : null;
        changes.creditCodeChecksumConfirmedAt = decision.checksumConfirmed ? new Date() : null;
        confirmed = decision.checksumConfirmed;
      }
    }
    if (input.regionCode !== undefined) changes.regionId = (await resolveRegion(tx, actor, input.regionCode)).id;
    for (const key of ['name', 'legalRepresentative', 'address', 'contactName', 'contactPhone', 'qualification', 'status'] as const) {
      if (input[key] !== undefined) (changes as Record<string, unknown>)[key] = input[key];
    }
    const after = await repo.updateEnterprise(tx, id, changes);
    await recordAudit(tx, actor, { action: 'enterprise.update', entityType: 'enterprise', entityId: id, regionId: after.regionId, before, after });
    if (confirmed) await auditChecksumConfirmation(tx, actor, id, after.regionId, after.creditCode);
    return getEnterprise(tx, actor, id);
  });
}
