import { createCase, transition, updateCase } from './cases.service.js';
import { seedActorFor } from '../auth/seed-actor.js';
import type { SeedContext } from '../../db/seed/context.js';

/**
 * Demo typical cases through the real workflow: the fine against the demo company drafted by the
 * housing coordinator, approved by the rule-of-law supervisor and published; the rectification
 * order drafted and waiting for approval.
 */
export async function seedCases(ctx: SeedContext) {
  const ids = ctx.refs.get('demoEnforcementActionIds') as { order: string; fine: string } | undefined;
  if (!ids) return;
  const drafter = await seedActorFor(ctx, 'district-housing');
  const approver = await seedActorFor(ctx, 'district-supervisor');
  const published = await createCase(ctx.db, drafter, ctx.cipher, {
    sourceType: 'enforcement_action',
    sourceId: ids.fine,
    title: '物业企业擅自利用共用部位经营广告被罚款案',
  });
  await updateCase(ctx.db, drafter, published.id, { redactionChecked: true });
  await transition(ctx.db, drafter, published.id, 'submit');
  await transition(ctx.db, approver, published.id, 'approve');
  await transition(ctx.db, drafter, published.id, 'publish');

  const pending = await createCase(ctx.db, drafter, ctx.cipher, {
    sourceType: 'enforcement_action',
    sourceId: ids.order,
    title: '物业企业以限时供水方式催缴物业费被责令整改案',
  });
  await updateCase(ctx.db, drafter, pending.id, { redactionChecked: true });
  await transition(ctx.db, drafter, pending.id, 'submit');
}
