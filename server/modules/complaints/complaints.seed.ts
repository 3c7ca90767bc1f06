import { and, eq, isNotNull, like, sql } from 'drizzle-orm';
import type { Channel } from '../../../core/complaints/state-machine.js';
import { isDepartmentType } from '../../../core/org.js';
import type { Actor } from '../../http/actor.js';
import { createComplaint, performAction, proposeAssignment } from './complaints.service.js';
import { complaintEvents, complaints, projects, regions, } from '../../db/schema/index.js';
import { seedActorFor } from '../auth/seed-actor.js';
import type { SeedContext } from '../../db/seed/context.js';
import { EAST_LAKE, HONGSHAN } from '../../db/seed/regions.seed.js';

/**
 * Demo complaints: a few dozen leads in every state across the East Lake zone and 洪山区, entered
 * through the same use cases as the API (triage engine, dispatch, sign, returns, findings, replies,
 * follow-ups), by the demo users. Complainants are invented (王先生, 李女士 …) with made-up phones
 * 1390000xxxx. Some leads are moved back in time afterwards so the inboxes show overdue and
 * due-soon items (their dates are shifted as a whole, so the working-day alignment of those few
 * demo deadlines is approximate).
 */

type Stage = 'received' | 'dispatched' | 'returned' | 'accepted' | 'handled' | 'reply_pending' | 'replied' | 'closed';

interface LeadSeed {
  district: 'dh' | 'hs';
  channel: Channel;
  text: (project: string) => string;
  stage: Stage;
  anonymous?: boolean;
  /** Days to move the whole lead back in time (overdue demo). */
  ageDays?: number;
  /** The text names no property project (neighbours, landlord). */
  noProject?: boolean;
}

const SURNAMES = ['王', '李', '张', '刘', '陈', '杨', '赵', '黄', '周', '吴', '徐', '孙'];

const LEADS: LeadSeed[] = [
  { district: 'dh', channel: 'phone', stage: 'received', text: (p) => `${p}3栋从昨天晚上开始停水，物业说我家欠了物业费就把水阀关了，家里老人小孩没水用，现在还没恢复。` },
  { district: 'dh', channel: 'web', stage: 'dispatched', text: (p) => `${p}物业把小区消防通道旁边的绿地改成收费停车位，还在地下室出租做仓库，业主都不知道收入去哪了。` },
  { district: 'dh', channel: 'hotline_12345', stage: 'accepted', text: (p) => `反映${p}物业公司没有公示收费标准和收费项目，电梯维保单位和维保记录也没有公示，要求公开。` },
  { district: 'dh', channel: 'letter', stage: 'handled', text: (p) => `我是${p}业主，物业经理带人堵在我家门口威胁我，说再投诉就让我好看，还把我的电话号码发到业主群里。` },
  { district: 'dh', channel: 'web', stage: 'reply_pending', text: (p) => `${p}物业合同到期后拒不撤离，业委会已经选聘了新物业，老物业不交接资料还锁了监控室。` },
  { district: 'dh', channel: 'visit', stage: 'replied', text: (p) => `${p}物业每月电费按每度1.2元收取，比供电局的价格高很多，多收的钱没有说明。` },
  { district: 'dh', channel: 'phone', stage: 'closed', text: (p) => `${p}楼道里堆满杂物，物业一直不清理，消防栓也被挡住了，请督促整改。` },
  { district: 'dh', channel: 'hotline_12345', stage: 'closed', text: (p) => `${p}物业突然宣布下个月起停止服务撤出小区，垃圾没人清运，门岗也没人值守。` },
  { district: 'dh', channel: 'web', stage: 'returned', text: (p) => `${p}业委会主任和物业勾结，伪造业主投票结果续聘物业，请查处。` },
  { district: 'dh', channel: 'phone', stage: 'dispatched', ageDays: 6, text: (p) => `${p}物业以业主没交停车费为由锁了单元门禁，不给开门，已经两天了。` },
  { district: 'dh', channel: 'web', stage: 'accepted', ageDays: 25, text: (p) => `${p}物业公司未经业主同意在小区广场搭建商铺对外出租，占用公共部位。` },
  { district: 'dh', channel: 'referral', stage: 'accepted', ageDays: 12, text: (p) => `街道转办：${p}物业服务中心未公示投诉电话，业主报修无人处理，要求物业公开服务标准。` },
  { district: 'dh', channel: 'inspection', stage: 'handled', text: (p) => `检查发现${p}物业未在显著位置公示物业服务收费项目、收费标准和停车收费标准。` },
  { district: 'dh', channel: 'web', stage: 'received', anonymous: true, text: (p) => `${p}物业保安深夜在小区里打人，被打的是外卖员，物业的人还在现场，快来人处理。` },
  { district: 'dh', channel: 'phone', stage: 'received', noProject: true, text: () => '我家楼上邻居每天半夜装修噪音很大，跟他沟通也没用，希望有人管一管。' },
  { district: 'dh', channel: 'web', stage: 'received', text: (p) => `${p}物业催缴物业费，我要求把这家物业公司列入黑名单，实施联合惩戒。` },
  { district: 'dh', channel: 'letter', stage: 'replied', text: (p) => `${p}物业把小区公共收益（电梯广告、停车费）一直不公开，业主要求公布账目。` },
  { district: 'dh', channel: 'hotline_12345', stage: 'dispatched', text: (p) => `${p}物业以欠费为由停了我家的暖气，现在天这么冷，家里有八十岁老人。` },
  { district: 'dh', channel: 'web', stage: 'accepted', text: (p) => `${p}物业私自将业主信息卖给装修公司，我天天接到骚扰电话。` },
  { district: 'dh', channel: 'phone', stage: 'closed', text: (p) => `${p}地下车库积水严重，物业一直不处理，车子都泡了。` },
  { district: 'hs', channel: 'web', stage: 'received', text: (p) => `${p}物业因为我投诉他们，把我家的门禁卡停用了，还让保安拦着不让进小区。` },
  { district: 'hs', channel: 'hotline_12345', stage: 'dispatched', text: (p) => `${p}物业没有公示电梯维保记录，电梯经常困人，物业说是正常现象。` },
  { district: 'hs', channel: 'phone', stage: 'accepted', text: (p) => `${p}物业把楼顶公共平台租给别人建了广告牌，收入没有公示。` },
  { district: 'hs', channel: 'web', stage: 'handled', text: (p) => `${p}物业合同早就终止了，老物业还赖着不走，继续收物业费。` },
  { district: 'hs', channel: 'letter', stage: 'replied', text: (p) => `${p}物业停车收费标准没有明码标价，每次收费都不一样。` },
  { district: 'hs', channel: 'visit', stage: 'closed', text: (p) => `${p}物业以业主拖欠物业费为由停止供水，已经恢复，但要求追究责任。` },
  { district: 'hs', channel: 'hotline_12345', stage: 'accepted', ageDays: 20, text: (p) => `${p}物业在小区里乱收装修押金和出入证费用，没有任何依据。` },
  { district: 'hs', channel: 'web', stage: 'dispatched', ageDays: 4, text: (p) => `${p}电梯坏了一个多月物业不修，老人上下楼很困难。` },
  { district: 'hs', channel: 'phone', stage: 'received', noProject: true, text: () => '我租的房子房东不退押金，说墙面弄脏了，请帮忙处理。' },
  { district: 'hs', channel: 'web', stage: 'closed', text: (p) => `${p}物业在消防通道上画停车位收费，车辆堵塞通道存在安全隐患。` },
];

const REPLY =
  '经核查，您反映的问题基本属实。主管部门已约谈物业服务企业负责人，责令其立即纠正并在小区公告栏公示整改情况，现场复核确认已整改到位。后续将持续跟踪，如再次发生请及时反映。';


export async function seedComplaints(ctx: SeedContext) {
  const { db } = ctx;
  const deps = { cipher: ctx.cipher };
  const districtPath = async (code: string) => (await db.select({ path: regions.path }).from(regions).where(eq(regions.code, code)))[0].path;
  const projectsIn = async (code: string) =>
    db
      .select({ id: projects.id, name: projects.name })
      .from(projects)
      .innerJoin(regions, eq(regions.id, projects.regionId))
      .where(and(like(regions.path, `${await districtPath(code)}%`), isNotNull(projects.enterpriseId)))
      .orderBy(projects.name)
      .limit(12);
  const pools = { dh: await projectsIn(EAST_LAKE), hs: await projectsIn(HONGSHAN) };
  if (!pools.dh.length || !pools.hs.length) return;

  const people = {
    dh: { coordinator: await seedActorFor(ctx, 'district-housing') },
    hs: { coordinator: await seedActorFor(ctx, 'other-district-housing') },
  };
  // The officer and the leader of each demo unit (the leader approves the unit's replies).
  const unitUsers = new Map<string, Actor>();
  const unitLeaders = new Map<string, Actor>();
  for (const u of ['district-housing', 'district-market', 'district-police', 'district-civil', 'district-credit', 'other-district-housing']) {
    const officer = await seedActorFor(ctx, u);
    if (officer.orgUnitId && !unitUsers.has(officer.orgUnitId)) unitUsers.set(officer.orgUnitId, officer);
    const leader = await seedActorFor(ctx, `${u}-leader`);
    if (leader.orgUnitId) unitLeaders.set(leader.orgUnitId, leader);
  }

  let phoneSeq = 2000;
  for (const [i, lead] of LEADS.entries()) {
    try {
      await seedLead(i, lead);
    } catch (err) {
      // Near the year's end a deadline may fall in a year whose holidays are not entered yet:
      // that lead then stays where it got to (the calendar refuses to guess).
      if ((err as { code?: string }).code !== 'CALENDAR_OUT_OF_RANGE') throw err;
    }
  }

  async function seedLead(i: number, lead: LeadSeed) {
    const pool = pools[lead.district];
    const project = pool[i % pool.length];
    const coordinator = people[lead.district].coordinator;
    const anonymous = lead.anonymous ?? false;
    const { id } = await createComplaint(db, deps, coordinator, {
      channel: lead.channel,
      description: lead.text(project.name),
      projectId: lead.noProject ? null : project.id,
      contactName: anonymous ? null : `${SURNAMES[i % SURNAMES.length]}${i % 2 ? '女士' : '先生'}`,
      contactPhone: anonymous ? null : `1390000${String(phoneSeq++).padStart(4, '0')}`,
      anonymous,
      confidential: i % 7 === 3,
    });
    if (lead.stage === 'received') return;

    const [c] = await db.select().from(complaints).where(eq(complaints.id, id));
    const proposal = await proposeAssignment(db, c);
    // Leads outside every campaign department, or without a unit in the district, go to housing.
    let leadUnit = proposal.leadOrgUnitId;
    if (!leadUnit || !isDepartmentType(c.leadDepartment) || !unitUsers.has(leadUnit)) leadUnit = coordinator.orgUnitId;
    if (!leadUnit) return;
    const handler = unitUsers.get(leadUnit) ?? coordinator;
    const act = (actor: Actor, action: Parameters<typeof performAction>[4], input: unknown) =>
      performAction(db, deps, actor, id, action, input as never);

    if (lead.stage === 'returned') {
      // Dispatched to housing first; housing returns it as a civil-affairs matter.
      await act(coordinator, 'dispatch', { leadOrgUnitId: coordinator.orgUnitId, coOrgUnitIds: [] });
      await act(coordinator, 'return', { reason: '反映的是业委会选举投票问题，属于民政/城乡工作办指导监督职责，不属于本单位职责' });
      return;
    }
    await act(coordinator, 'dispatch', { leadOrgUnitId: leadUnit, coOrgUnitIds: proposal.coOrgUnits.map((u) => u.id) });
    if (lead.stage === 'dispatched') {
      await shift(ctx, id, lead.ageDays);
      return;
    }
    await act(handler, 'sign', { note: '已签收，安排人员核查' });
    if (lead.stage === 'accepted') {
      await shift(ctx, id, lead.ageDays);
      return;
    }
    await act(handler, 'findings', {
      finding: 'substantiated',
      outcome: 'resolved_on_site',
      details: '工作人员到现场核查，情况属实，已当场责令物业服务企业纠正并现场复核。',
    });
    if (lead.stage === 'handled') return;
    await act(handler, 'reply', { text: REPLY });
    if (lead.stage === 'reply_pending') return;
    const approver = handler.orgUnitId ? unitLeaders.get(handler.orgUnitId) : undefined;
    if (!approver) throw new Error(`demo seed: no leader account for unit ${handler.orgUnitId}`);
    await act(approver, 'approve-reply', {});
    if (lead.stage === 'replied') return;
    await act(coordinator, 'follow-up', { satisfaction: i % 3 ? 'satisfied' : 'basically_satisfied', note: '电话回访，投诉人表示问题已解决' });
    await act(coordinator, 'close', { note: '已答复、已回访，办结' });
  }
}

/** Moves a whole lead back by `days` (received, dispatch, deadlines, timeline) for the overdue demo. */
async function shift(ctx: SeedContext, id: string, days?: number) {
  if (!days) return;
  const by = sql`make_interval(days => ${days})`;
  await ctx.db
    .update(complaints)
    .set({
      receivedAt: sql`${complaints.receivedAt} - ${by}`,
      dispatchedAt: sql`${complaints.dispatchedAt} - ${by}`,
      signedAt: sql`${complaints.signedAt} - ${by}`,
      signDueAt: sql`${complaints.signDueAt} - ${by}`,
      actDueAt: sql`${complaints.actDueAt} - ${by}`,
      dueAt: sql`${complaints.dueAt} - ${by}`,
      currentDueAt: sql`${complaints.currentDueAt} - ${by}`,
      currentDueSoonAt: sql`${complaints.currentDueSoonAt} - ${by}`,
      createdAt: sql`${complaints.createdAt} - ${by}`,
    })
    .where(eq(complaints.id, id));
  await ctx.db
    .update(complaintEvents)
    .set({ at: sql`${complaintEvents.at} - ${by}` })
    .where(eq(complaintEvents.complaintId, id));
}
