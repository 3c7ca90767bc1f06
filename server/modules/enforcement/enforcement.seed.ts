import { seedActorFor } from '../auth/seed-actor.js';
import { eq } from 'drizzle-orm';
import { createAction } from './enforcement.service.js';
import { enforcementActions, legalProvisions, } from '../../db/schema/index.js';
import type { SeedContext } from '../../db/seed/context.js';

/**
 * Demo enforcement actions against the demo company (武汉听涛物业服务有限公司), through the real use
 * case so numbers, credit events and audit rows are produced exactly as in production:
 * a rectification order and a fine (published) by 东湖房, a warning by 东湖市监 awaiting publication.
 */

async function provisionId(ctx: SeedContext, key: string): Promise<number> {
  const [row] = await ctx.db.select({ id: legalProvisions.id }).from(legalProvisions).where(eq(legalProvisions.key, key));
  if (!row) throw new Error(`seed: legal provision ${key} missing`);
  return row.id;
}

export async function seedEnforcement(ctx: SeedContext) {
  const enterpriseId = ctx.refs.get('demoEnterpriseId') as string | undefined;
  if (!enterpriseId) return;
  const housing = await seedActorFor(ctx, 'district-housing');
  const market = await seedActorFor(ctx, 'district-market');
  const utilities = await provisionId(ctx, 'hubei-67-1');
  const commonParts = await provisionId(ctx, 'wygl-63');
  const priceMarking = await provisionId(ctx, 'price-law-42');

  const order = await createAction(ctx.db, housing, {
    type: 'rectification_order',
    enterpriseId,
    date: '2026-09-15',
    facts: '经查，该企业于2026年9月以催缴物业费为由，对所服务小区部分楼栋采取限时供水措施，影响业主正常生活。',
    legalBasisIds: [utilities],
    deadlineDays: 10,
  });
  const fine = await createAction(ctx.db, housing, {
    type: 'fine',
    enterpriseId,
    date: '2026-10-20',
    facts: '经查，该企业未经业主大会同意，擅自利用小区共用部位设置广告牌并收取广告费，经责令限期改正后仍未改正。',
    legalBasisIds: [commonParts],
    amount: 50000,
  });
  await ctx.db.update(enforcementActions).set({ publishedAt: new Date('2026-10-26T02:00:00Z'), publishedBy: housing.userId }).where(eq(enforcementActions.id, fine.id));
  const warning = await createAction(ctx.db, market, {
    type: 'warning',
    enterpriseId,
    date: '2026-11-16',
    facts: '经查，该企业在小区收费处未按规定公示物业服务收费项目、收费标准及价格举报电话。',
    legalBasisIds: [priceMarking],
  });
  ctx.refs.set('demoEnforcementActionIds', { order: order.id, fine: fine.id, warning: warning.id });
}
