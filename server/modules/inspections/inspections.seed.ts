import type { SeedContext } from '../../db/seed/context.js';
import { enterprises, inspectorCertificates, inspectorConflicts } from '../../db/schema/index.js';

/**
 * Demo 执法证 register (made-up numbers): the two inspectors of the East Lake housing bureau and
 * one officer each of its market and police bureaux, valid through 2028; the civil officer's
 * certificate has expired (he is listed but never drawn). One declared conflict of interest.
 */
export async function seedInspections(ctx: SeedContext): Promise<void> {
  const certs: Array<{ user: string; unit: string; no: string; from: string; until: string }> = [
    { user: 'inspector-1', unit: 'dh-housing', no: '鄂执字42010021001', from: '2020-01-01', until: '2028-12-31' },
    { user: 'inspector-2', unit: 'dh-housing', no: '鄂执字42010021002', from: '2020-01-01', until: '2028-12-31' },
    { user: 'district-market', unit: 'dh-market', no: '鄂执字42010031001', from: '2020-01-01', until: '2028-12-31' },
    { user: 'district-police', unit: 'dh-police', no: '鄂执字42010041001', from: '2020-01-01', until: '2028-12-31' },
    { user: 'district-civil', unit: 'dh-civil', no: '鄂执字42010051001', from: '2017-01-01', until: '2019-12-31' },
  ];
  for (const c of certs) {
    const userId = ctx.userIds.get(c.user);
    const orgUnitId = ctx.orgUnitIds.get(c.unit);
    if (!userId || !orgUnitId) continue;
    await ctx.db.insert(inspectorCertificates).values({ userId, orgUnitId, certificateNo: c.no, validFrom: c.from, validUntil: c.until });
  }
  const [ent] = await ctx.db.select({ id: enterprises.id }).from(enterprises).limit(1);
  const police = ctx.userIds.get('district-police');
  if (ent && police) await ctx.db.insert(inspectorConflicts).values({ userId: police, enterpriseId: ent.id, reason: '近亲属在该企业任项目经理（演示数据）' });
}
