import { and, isNotNull, like } from 'drizzle-orm';
import { addCalendarDays } from '../../../core/reports/dates.js';
import { chinaDate } from '../../../core/working-days.js';
import type { SeedContext } from '../../db/seed/context.js';
import { projects, regions } from '../../db/schema/index.js';
import { eq } from 'drizzle-orm';
import { seedActorFor } from '../auth/seed-actor.js';
import { createDeed, createInstitutionalOutcome, createModelProject, createPublicityEvent } from './outcomes.service.js';

/** Demo outcome records in the East Lake district (made-up), so the monthly form's rows 10, 13 and 14 show figures. */
export async function seedOutcomes(ctx: SeedContext) {
  const actor = await seedActorFor(ctx, 'district-housing');
  const managed = await ctx.db
    .select({ id: projects.id })
    .from(projects)
    .innerJoin(regions, eq(regions.id, projects.regionId))
    .where(and(like(regions.path, '%/420100-DH/%'), isNotNull(projects.enterpriseId)))
    .limit(3);
  if (managed.length < 3) return;
  const today = chinaDate();
  const lastMonth = addCalendarDays(`${today.slice(0, 7)}-01`, -10);
  await createDeed(ctx.db, actor, { projectId: managed[0].id, type: 'charging', description: '增设电动自行车集中充电桩 24 个', date: `${today.slice(0, 7)}-01` });
  await createDeed(ctx.db, actor, { projectId: managed[1].id, type: 'stairwell', description: '清理楼道堆放杂物，打通消防通道', date: lastMonth });
  await createDeed(ctx.db, actor, { projectId: managed[2].id, type: 'parking', description: '利用闲置场地增设停车位 12 个', date: lastMonth });
  await createModelProject(ctx.db, actor, { projectId: managed[0].id, reasons: '环境整洁、服务规范、收费公开透明，业主满意度高', date: lastMonth });
  await createPublicityEvent(ctx.db, actor, { regionCode: '420100-DH', date: lastMonth, title: '《湖北省物业服务和管理条例》进社区宣讲', place: '听涛社区广场', brochures: 300, audience: 150 });
  await createPublicityEvent(ctx.db, actor, { regionCode: '420100-DH', date: `${today.slice(0, 7)}-01`, title: '物业收费公示政策解读', place: '磨山社区活动室', brochures: 120, audience: 60 });
  await createInstitutionalOutcome(ctx.db, actor, { regionCode: '420100-DH', title: '东湖风景区物业服务问题线索周通报制度', date: lastMonth, note: '每周汇总线索办理进度并通报' });
}
