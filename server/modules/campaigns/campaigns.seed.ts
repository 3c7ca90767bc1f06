import { systemActor } from '../../http/actor.js';
import { shiftDays } from '../../../core/campaigns.js';
import { addUnit, createFromTemplate, getCampaign, setTaskProgress, todayInChina } from './campaigns.service.js';
import type { SeedContext } from '../../db/seed/context.js';
import { EAST_LAKE, WUHAN } from '../../db/seed/regions.seed.js';

/**
 * Demo campaigns: the Wuhan city plan at 420100 and, under it, S3's East Lake plan from its
 * template at the seed district, with the district's demo units as participants (their made-up
 * leaders and contacts come from the unit rows — never the real names in S3) and some progress.
 * Written through the campaign service, so the seed is audited like any other change.
 */
export async function seedCampaigns(ctx: SeedContext) {
  const actor = systemActor('seed', '/', ['campaign:manage', 'campaign:read']);
  const db = ctx.db;
  await createFromTemplate(db, actor, { templateId: 'wuhan-2021', regionCode: WUHAN, status: 'active' });
  const eastLake = await createFromTemplate(db, actor, { templateId: 'east-lake-2021', regionCode: EAST_LAKE, status: 'active' });
  ctx.refs.set('campaign:east-lake', eastLake.id);

  const rol = ctx.orgUnitIds.get('dh-rol');
  if (rol) {
    await addUnit(db, actor, eastLake.id, {
      orgUnitId: rol,
      role: 'member',
      duties: '对专项整治工作落实情况进行监督，抽查投诉举报电话，对推进不力的单位予以通报',
      sortOrder: 10,
    });
  }

  const detail = await getCampaign(db, actor, eastLake.id);
  const task = (title: string) => {
    const found = detail.phases.flatMap((p) => p.tasks).find((t) => t.title === title);
    if (!found) throw new Error(`seed: East Lake template has no task ${title}`);
    return found.id;
  };
  const progress: [string, string, Parameters<typeof setTaskProgress>[5]][] = [
    ['拟制实施方案，部署整治工作', EAST_LAKE, { status: 'done', doneOn: '2021-09-06', note: '实施方案已印发，召开动员部署会' }],
    ['开展宣传引导', EAST_LAKE, { status: 'done', doneOn: '2021-09-10', note: '管委会网站公布6个部门投诉举报电话' }],
    ['开展倡议和承诺', EAST_LAKE, { status: 'done', doneOn: '2021-09-24', quantity: 38, note: '38个专业化住宅小区物业项目签订承诺书' }],
    ['开展企业自查', `${EAST_LAKE}-01`, { status: 'done', doneOn: '2021-09-28', note: '自查表已报区房管部门备案' }],
    ['开展企业自查', `${EAST_LAKE}-02`, { status: 'pending', note: '2家企业自查表未报送，已电话催办' }],
    ['加强部门联动', EAST_LAKE, { status: 'done', doneOn: '2021-10-15', note: '建立问题线索周通报、联办机制' }],
    ['为群众办实事', `${EAST_LAKE}-01`, { status: 'done', doneOn: '2021-11-05', quantity: 3, note: '增设电动自行车充电桩、清理楼道杂物、补植绿化' }],
    ['为群众办实事', `${EAST_LAKE}-02`, { status: 'done', doneOn: '2021-11-10', quantity: 1, note: '增设停车位12个' }],
  ];
  for (const [title, region, input] of progress) await setTaskProgress(db, actor, eastLake.id, task(title), region, input);

  // This year's round from the same district template, started a month ago, so that the current
  // month's figures, reports and dashboards have a campaign in force (the 2021 plans have ended).
  const current = await createFromTemplate(db, actor, { templateId: 'east-lake-2021', regionCode: EAST_LAKE, status: 'active', startsOn: shiftDays(todayInChina(), -30) });
  ctx.refs.set('campaign:east-lake-current', current.id);
}
