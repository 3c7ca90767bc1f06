import { and, asc, eq, ne } from 'drizzle-orm';
import { addCreditEvent, addToBlacklist } from './credit.service.js';
import { enterprises, regions } from '../../db/schema/index.js';
import { seedActorFor } from '../auth/seed-actor.js';
import type { SeedContext } from '../../db/seed/context.js';

/**
 * Demo credit data besides what enforcement actions and the problem ledger record: good conduct
 * for the demo company, a "美好家园" model project and a blacklist entry for two other 东湖 companies.
 */
export async function seedCredit(ctx: SeedContext) {
  const demoId = ctx.refs.get('demoEnterpriseId') as string | undefined;
  if (!demoId) return;
  const actor = await seedActorFor(ctx, 'district-housing');
  await addCreditEvent(ctx.db, actor, {
    enterpriseId: demoId,
    type: 'good_conduct',
    reason: '主动在小区公示栏公示物业服务收费项目、标准及公共收益收支情况',
    occurredOn: '2026-06-18',
    sourceType: 'manual',
  });
  const others = await ctx.db
    .select({ id: enterprises.id })
    .from(enterprises)
    .innerJoin(regions, eq(regions.id, enterprises.regionId))
    .where(and(eq(regions.code, '420100-DH'), eq(enterprises.status, 'active'), ne(enterprises.id, demoId)))
    .orderBy(asc(enterprises.creditCode))
    .limit(2);
  const [model, listed] = others;
  if (model) {
    await addCreditEvent(ctx.db, actor, {
      enterpriseId: model.id,
      type: 'model_project',
      reason: '所服务项目获评“美好家园”示范项目',
      occurredOn: '2026-07-01',
      sourceType: 'manual',
    });
  }
  if (listed) {
    await addToBlacklist(ctx.db, actor, listed.id, {
      reason: '12个月内两次因擅自利用共用部位经营受到行政处罚，拒不改正',
      from: '2026-08-01',
      until: '2027-07-31',
    });
  }
}
