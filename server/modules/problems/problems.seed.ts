import { eq, inArray, sql } from 'drizzle-orm';
import * as wd from '../../../core/working-days.js';
import { addCreditEvent } from '../credit/credit.service.js';
import { systemActor } from '../../http/actor.js';
import { getCalendar } from '../calendar/calendar.service.js';
import { queryRows } from '../../db/client.js';
import { enterprises, opinions, problemEvents, problemExtensions, problemReviews, problemSubmissions, problems, projects, regions } from '../../db/schema/index.js';
import type { SeedContext } from '../../db/seed/context.js';
import { EAST_LAKE } from '../../db/seed/regions.seed.js';
import { DEMO_ENTERPRISE_NAME } from '../enterprises/registry.seed.js';

/*
 * Demo problem ledger for 东湖风景区 (made-up data): every lifecycle state for the demo company
 * 武汉听涛物业服务有限公司 (so the enterprise-user account has work to do), a repeat offence
 * (屡改屡犯) with its credit event, an overdue problem under listed supervision (挂牌督办), a
 * rework, a pending extension; a few problems of other 东湖 companies; and an opinions list.
 */

type Step = {
  action: 'open' | 'start' | 'submit' | 'review' | 'close' | 'rework' | 'extension_request' | 'supervise';
  by: string;
  daysAgo: number;
  from?: string;
  to?: string;
  note?: string;
};

interface DemoProblem {
  key: string;
  enterprise: 'demo' | 'other1' | 'other2';
  projectIndex: number;
  source: 'inspection' | 'self_inspection' | 'spot_check' | 'supervision';
  category: number;
  title: string;
  description: string;
  measures: string;
  openedDaysAgo: number;
  /** Working days from today (negative = in the past). */
  deadlineWorkingDays: number;
  status: 'open' | 'rectifying' | 'submitted' | 'closed';
  reworkCount?: number;
  repeatOf?: string;
  supervisedWorkingDays?: number;
  steps: Step[];
  extension?: { days: number; reason: string };
}

const DEMO: DemoProblem[] = [
  {
    key: 'greenland-2025',
    enterprise: 'demo',
    projectIndex: 0,
    source: 'inspection',
    category: 2,
    title: '擅自将小区公共绿地改建为收费停车位',
    description: '执法检查发现小区 5 号楼南侧公共绿地约 200 平方米被硬化改建为停车位，并按月收取停车费，未经业主大会同意。',
    measures: '恢复绿地原状；已收取的停车费纳入公共收益并公示。',
    openedDaysAgo: 210,
    deadlineWorkingDays: -120,
    status: 'closed',
    steps: [
      { action: 'open', by: 'inspector-1', daysAgo: 210, to: 'open' },
      { action: 'start', by: 'enterprise-user', daysAgo: 208, from: 'open', to: 'rectifying', note: '已签收，组织施工恢复绿地。' },
      { action: 'submit', by: 'enterprise-user', daysAgo: 190, from: 'rectifying', to: 'submitted', note: '已拆除硬化地面并补种草皮，停车费 2.4 万元已计入公共收益并公示。' },
      { action: 'review', by: 'inspector-2', daysAgo: 185, from: 'submitted', to: 'submitted', note: '现场复查：通过。绿地已恢复。' },
      { action: 'close', by: 'district-housing', daysAgo: 184, from: 'submitted', to: 'closed', note: '整改到位，予以销号。' },
    ],
  },
  {
    key: 'greenland-repeat',
    enterprise: 'demo',
    projectIndex: 1,
    source: 'spot_check',
    category: 2,
    title: '利用小区架空层对外出租经营，收益未公示',
    description: '热线抽查及现场核实：小区 2 栋架空层被出租用于仓储经营，租金收益未纳入公共收益，也未向业主公示。',
    measures: '停止出租或经业主共同决定后依法经营；补公示近两年公共收益。',
    openedDaysAgo: 25,
    deadlineWorkingDays: 6,
    status: 'rectifying',
    repeatOf: 'greenland-2025',
    steps: [
      { action: 'open', by: 'district-housing', daysAgo: 25, to: 'open', note: '屡改屡犯：该企业12个月内已有同类问题 1 件' },
      { action: 'start', by: 'enterprise-user', daysAgo: 23, from: 'open', to: 'rectifying', note: '已通知承租方限期搬离。' },
    ],
  },
  {
    key: 'disclosure-submitted',
    enterprise: 'demo',
    projectIndex: 0,
    source: 'self_inspection',
    category: 5,
    title: '收费标准和投诉电话未在显著位置公示',
    description: '企业自查发现：小区出入口公示栏未张贴物业服务收费标准、公共收益收支情况和投诉电话。',
    measures: '在各出入口及单元门厅公示收费标准、公共收益和投诉电话。',
    openedDaysAgo: 12,
    deadlineWorkingDays: 3,
    status: 'submitted',
    steps: [
      { action: 'open', by: 'district-housing', daysAgo: 12, to: 'open' },
      { action: 'start', by: 'enterprise-user', daysAgo: 11, from: 'open', to: 'rectifying' },
      { action: 'submit', by: 'enterprise-user', daysAgo: 2, from: 'rectifying', to: 'submitted', note: '已在 3 个出入口和 12 个单元门厅张贴公示，附照片。' },
    ],
  },
  {
    key: 'fee-due-soon',
    enterprise: 'demo',
    projectIndex: 1,
    source: 'spot_check',
    category: 6,
    title: '公共区域用电按商业电价向业主分摊',
    description: '抽查发现小区公共照明及电梯用电按商业电价加价后向业主分摊，未执行居民电价。',
    measures: '按居民电价重新核算并退还多收费用，公示核算结果。',
    openedDaysAgo: 3,
    deadlineWorkingDays: 2,
    status: 'open',
    steps: [{ action: 'open', by: 'district-housing', daysAgo: 3, to: 'open' }],
  },
  {
    key: 'water-overdue',
    enterprise: 'demo',
    projectIndex: 0,
    source: 'supervision',
    category: 1,
    title: '以业主欠费为由限制二次供水',
    description: '督导检查发现物业以部分业主欠缴物业费为由，限制其所在单元二次供水加压时段。',
    measures: '立即恢复正常供水；通过协商或诉讼途径追缴物业费。',
    openedDaysAgo: 30,
    deadlineWorkingDays: -4,
    status: 'rectifying',
    supervisedWorkingDays: 3,
    steps: [
      { action: 'open', by: 'district-housing', daysAgo: 30, to: 'open' },
      { action: 'start', by: 'enterprise-user', daysAgo: 28, from: 'open', to: 'rectifying' },
      { action: 'supervise', by: 'district-supervisor', daysAgo: 2, note: '挂牌督办：已超过整改期限，限期恢复供水并书面报告。' },
    ],
  },
  {
    key: 'handover-rework',
    enterprise: 'other1',
    projectIndex: 0,
    source: 'inspection',
    category: 4,
    title: '合同终止后未按规定移交物业服务用房和资料',
    description: '检查发现原物业服务合同已终止，企业未向业主委员会移交物业服务用房、设施设备档案。',
    measures: '限期完成移交并办理交接手续，报街道备案。',
    openedDaysAgo: 40,
    deadlineWorkingDays: 8,
    status: 'rectifying',
    reworkCount: 1,
    steps: [
      { action: 'open', by: 'district-housing', daysAgo: 40, to: 'open' },
      { action: 'start', by: 'district-housing', daysAgo: 38, from: 'open', to: 'rectifying' },
      { action: 'submit', by: 'street-staff', daysAgo: 20, from: 'rectifying', to: 'submitted', note: '企业称已移交，附交接清单。' },
      { action: 'review', by: 'inspector-1', daysAgo: 15, from: 'submitted', to: 'rectifying', note: '资料复查：不通过，退回返工。设备档案缺电梯维保记录。' },
    ],
  },
  {
    key: 'extension-pending',
    enterprise: 'demo',
    projectIndex: 1,
    source: 'inspection',
    category: 3,
    title: '业主信息登记表随意放置，存在泄露风险',
    description: '检查发现物业服务中心前台随意放置业主信息登记表，未采取保管措施。',
    measures: '建立业主信息管理制度，纸质资料入柜上锁，电子资料设置权限。',
    openedDaysAgo: 8,
    deadlineWorkingDays: 4,
    status: 'rectifying',
    extension: { days: 5, reason: '信息管理系统权限改造需供应商排期，申请延期 5 个工作日。' },
    steps: [
      { action: 'open', by: 'inspector-1', daysAgo: 8, to: 'open' },
      { action: 'start', by: 'enterprise-user', daysAgo: 7, from: 'open', to: 'rectifying' },
    ],
  },
  {
    key: 'other-open',
    enterprise: 'other2',
    projectIndex: 0,
    source: 'spot_check',
    category: 5,
    title: '公布的投诉电话无人接听',
    description: '热线抽查连续 3 次拨打小区公示的物业投诉电话均无人接听。',
    measures: '落实专人值守投诉电话，建立来电登记台账。',
    openedDaysAgo: 1,
    deadlineWorkingDays: 10,
    status: 'open',
    steps: [{ action: 'open', by: 'district-supervisor', daysAgo: 1, to: 'open' }],
  },
  {
    key: 'other-closed',
    enterprise: 'other2',
    projectIndex: 0,
    source: 'inspection',
    category: 0,
    title: '消防通道堆放杂物',
    description: '检查发现 7 号楼消防通道堆放装修垃圾。',
    measures: '立即清理并建立日常巡查制度。',
    openedDaysAgo: 60,
    deadlineWorkingDays: -30,
    status: 'closed',
    steps: [
      { action: 'open', by: 'inspector-1', daysAgo: 60, to: 'open' },
      { action: 'start', by: 'district-housing', daysAgo: 59, from: 'open', to: 'rectifying' },
      { action: 'submit', by: 'street-staff', daysAgo: 55, from: 'rectifying', to: 'submitted', note: '已清理，附照片。' },
      { action: 'review', by: 'inspector-2', daysAgo: 54, from: 'submitted', to: 'submitted', note: '现场复查：通过。' },
      { action: 'close', by: 'district-housing', daysAgo: 54, from: 'submitted', to: 'closed' },
    ],
  },
];

const OPINIONS = [
  { region: `${EAST_LAKE}-01`, sourceUnit: '听涛社区居民委员会', submittedBy: '社区议事会业主代表', content: '建议在各小区统一设置物业服务投诉二维码，扫码即可反映问题。', response: '已纳入专项整治工作方案，由房管局统一制作并于下月张贴。' },
  { region: EAST_LAKE, sourceUnit: '东湖风景区人大代表联络站', submittedBy: '区人大代表座谈会', content: '建议对屡改屡犯的物业企业实行信用降级并向社会公开。', response: null },
  { region: `${EAST_LAKE}-02`, sourceUnit: '磨山街道办事处', submittedBy: '街道物业管理办公室', content: '建议组织物业企业开展业主信息保护专题培训。', response: null },
];

export async function seedProblems(ctx: SeedContext) {
  const { db } = ctx;
  const calendar = await getCalendar(db);
  const today = wd.chinaDate();
  const shiftDays = (days: number) => wd.addCalendarDays(today, days);
  const working = (n: number) => {
    try {
      return n >= 0 ? wd.addWorkingDays(calendar, today, n) : subtractWorkingDays(calendar, today, -n);
    } catch {
      return shiftDays(Math.round(n * 1.4));
    }
  };
  const at = (daysAgo: number) => new Date(Date.now() - daysAgo * 86_400_000);
  const user = (name: string) => {
    const id = ctx.userIds.get(name);
    if (!id) throw new Error(`seed problems: unknown user ${name}`);
    return id;
  };
  const names = new Map<string, string>();
  const userRows = await queryRows<{ id: string; display_name: string }>(db, sql`SELECT id, display_name FROM users`);
  for (const u of userRows) names.set(u.id, u.display_name);

  // Companies: the demo company and two other 东湖 companies that manage at least one project.
  const [demo] = await db.select({ id: enterprises.id }).from(enterprises).where(eq(enterprises.name, DEMO_ENTERPRISE_NAME));
  if (!demo) throw new Error('seed problems: demo enterprise missing');
  const eastLakeIds = ((ctx.refs.get('eastLakeProjectIds') as string[] | undefined) ?? []).slice(0, 400);
  const eastLakeProjects = eastLakeIds.length
    ? await db
        .select({ id: projects.id, regionId: projects.regionId, enterpriseId: projects.enterpriseId })
        .from(projects)
        .where(inArray(projects.id, eastLakeIds))
    : [];
  const byEnterprise = new Map<string, typeof eastLakeProjects>();
  for (const p of eastLakeProjects) if (p.enterpriseId) byEnterprise.set(p.enterpriseId, [...(byEnterprise.get(p.enterpriseId) ?? []), p]);
  const others = [...byEnterprise.keys()].filter((id) => id !== demo.id).sort();
  const enterpriseIds = { demo: demo.id, other1: others[0], other2: others[1] ?? others[0] };
  const [eastLakeRegion] = await db.select({ id: regions.id }).from(regions).where(eq(regions.code, EAST_LAKE));
  if (!eastLakeRegion) throw new Error('seed problems: 东湖 region missing');

  const ids = new Map<string, string>();
  for (const d of DEMO) {
    const enterpriseId = enterpriseIds[d.enterprise];
    if (!enterpriseId) continue;
    const entProjects = byEnterprise.get(enterpriseId) ?? [];
    const project = entProjects[d.projectIndex % Math.max(entProjects.length, 1)];
    const openedOn = shiftDays(-d.openedDaysAgo);
    const [seq] = await queryRows<{ n: string }>(db, sql`SELECT nextval('problem_code_seq')::text AS n`);
    const code = `WT-${openedOn.slice(0, 4)}-${String(seq?.n).padStart(6, '0')}`;
    const closeStep = d.steps.find((s) => s.action === 'close');
    const superviseStep = d.steps.find((s) => s.action === 'supervise');
    const [row] = await db
      .insert(problems)
      .values({
        code,
        source: d.source,
        regionId: project?.regionId ?? eastLakeRegion.id,
        projectId: project?.id ?? null,
        enterpriseId,
        category: d.category,
        title: d.title,
        description: d.description,
        measures: d.measures,
        responsibleOrgUnitId: ctx.orgUnitIds.get('dh-housing') ?? null,
        responsiblePerson: '吴嘉禾',
        deadline: working(d.deadlineWorkingDays),
        status: d.status,
        reworkCount: d.reworkCount ?? 0,
        repeatOffence: !!d.repeatOf,
        repeatOfProblemId: d.repeatOf ? (ids.get(d.repeatOf) ?? null) : null,
        suggestedNextStep: d.repeatOf ? 'interview' : null,
        supervised: d.supervisedWorkingDays !== undefined,
        supervisionDeadline: d.supervisedWorkingDays !== undefined ? working(d.supervisedWorkingDays) : null,
        supervisionNote: superviseStep?.note ?? null,
        supervisedBy: superviseStep ? user(superviseStep.by) : null,
        supervisedAt: superviseStep ? at(superviseStep.daysAgo) : null,
        openedOn,
        createdBy: user(d.steps[0]?.by ?? 'district-housing'),
        closedAt: closeStep ? at(closeStep.daysAgo) : null,
        closedBy: closeStep ? user(closeStep.by) : null,
        createdAt: at(d.openedDaysAgo),
        updatedAt: at(d.steps[d.steps.length - 1]?.daysAgo ?? d.openedDaysAgo),
      })
      .returning({ id: problems.id });
    if (!row) throw new Error('seed problems: insert failed');
    ids.set(d.key, row.id);

    let seqNo = 0;
    let lastSubmission: { id: string; by: string } | null = null;
    for (const s of d.steps) {
      const actorId = user(s.by);
      const byEnterprise = s.by === 'enterprise-user';
      if (s.action === 'submit') {
        const [sub] = await db
          .insert(problemSubmissions)
          .values({
            problemId: row.id,
            seq: ++seqNo,
            submittedBy: actorId,
            submittedByName: names.get(actorId) ?? s.by,
            byEnterprise,
            text: s.note ?? '已完成整改。',
            submittedAt: at(s.daysAgo),
          })
          .returning({ id: problemSubmissions.id });
        lastSubmission = sub ? { id: sub.id, by: actorId } : null;
      }
      if (s.action === 'review' && lastSubmission) {
        await db.insert(problemReviews).values({
          problemId: row.id,
          submissionId: lastSubmission.id,
          reviewerId: actorId,
          reviewerName: names.get(actorId) ?? s.by,
          method: s.note?.startsWith('现场') ? 'on_site' : 'documents',
          result: s.to === 'rectifying' ? 'fail' : 'pass',
          note: s.note ?? null,
          reviewedAt: at(s.daysAgo),
        });
      }
      await db.insert(problemEvents).values({
        problemId: row.id,
        action: s.action,
        fromStatus: s.from ?? null,
        toStatus: s.to ?? null,
        actorId,
        actorName: names.get(actorId) ?? s.by,
        actorEnterpriseId: byEnterprise ? enterpriseId : null,
        note: s.note ?? null,
        at: at(s.daysAgo),
      });
    }
    if (d.extension) {
      const deadline = working(d.deadlineWorkingDays);
      let requested: string;
      try {
        requested = wd.addWorkingDays(calendar, deadline, d.extension.days);
      } catch {
        requested = wd.addCalendarDays(deadline, d.extension.days + 2);
      }
      const requester = user('enterprise-user');
      await db.insert(problemExtensions).values({
        problemId: row.id,
        days: d.extension.days,
        reason: d.extension.reason,
        previousDeadline: deadline,
        requestedDeadline: requested,
        requestedBy: requester,
        requestedByName: names.get(requester) ?? '企业用户',
        requestedAt: at(1),
      });
      await db.insert(problemEvents).values({
        problemId: row.id,
        action: 'extension_request',
        actorId: requester,
        actorName: names.get(requester) ?? '企业用户',
        actorEnterpriseId: enterpriseId,
        note: `申请延期 ${d.extension.days} 个工作日（至 ${requested}）：${d.extension.reason}`,
        at: at(1),
      });
    }
    if (d.repeatOf) {
      await addCreditEvent(db, systemActor('seed'), {
        enterpriseId,
        type: 'repeat_offence',
        reason: `屡改屡犯：问题 ${code}（类别 ${d.category}）12个月内同类问题再次发生`,
        occurredOn: openedOn,
        sourceType: 'problem',
        sourceId: row.id,
      });
    }
  }
  ctx.refs.set('demoProblemIds', Object.fromEntries(ids));

  for (const o of OPINIONS) {
    const regionId = ctx.regionIds.get(o.region);
    if (!regionId) continue;
    await db.insert(opinions).values({
      regionId,
      sourceUnit: o.sourceUnit,
      content: o.content,
      submittedBy: o.submittedBy,
      status: o.response ? 'responded' : 'open',
      response: o.response,
      respondedBy: o.response ? user('district-housing') : null,
      respondedAt: o.response ? at(3) : null,
      createdBy: user('district-housing'),
      createdAt: at(o.response ? 20 : 5),
    });
  }
}

/** The working day n working days before `date` (the calendar module only counts forward). */
function subtractWorkingDays(calendar: wd.WorkingCalendar, date: string, n: number): string {
  let d = date;
  let left = n;
  while (left > 0) {
    d = wd.addCalendarDays(d, -1);
    if (wd.isWorkingDay(calendar, d)) left--;
  }
  return d;
}
