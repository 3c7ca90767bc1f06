import { DEFAULT_RULE_ROWS } from '../../../../core/campaigns.js';
import { FOCUS_CATEGORY_LABELS } from '../../../../core/triage/triage.js';
import type { CampaignTemplate } from './template.types.js';

/*
 * S3 (shared/seeds/003_1d2557455d3c2041.txt): 《东湖风景区物业管理领域侵害群众利益问题专项整治工作
 * 实施方案》, issued 2021-09-03 by 武汉市东湖生态旅游风景区管理委员会. Texts are the plan's own
 * words (trailing ；/。 dropped). The contact persons and phone numbers printed at the end of S3 are
 * real people and are deliberately NOT reproduced: participating units get their contacts from the
 * organisation tree when the campaign is created.
 */
export const EAST_LAKE_2021: CampaignTemplate = {
  id: 'east-lake-2021',
  name: '东湖风景区实施方案（2021）',
  summary:
    '按东湖风景区管委会2021年9月3日印发的实施方案原文：四个阶段及日期、各阶段任务、六项整治重点、五部门职责分工、每月1日前报送上月情况。整治重点的法律依据取自条款库；牵头/协办部门按方案职责分工与默认责任矩阵。',
  level: 'district',
  year: 2021,
  parentTemplateId: 'wuhan-2021',
  title: '东湖风景区物业管理领域侵害群众利益问题专项整治工作实施方案',
  documentNumber: null,
  issuingUnit: '武汉市东湖生态旅游风景区管理委员会',
  issuedOn: '2021-09-03',
  startsOn: '2021-09-03',
  endsOn: '2021-11-30',
  objective:
    '按照“属地管理、部门协同、共同整治”的原则，坚持问题导向，目标导向，效果导向，聚焦住宅小区物业管理服务中群众感受最直接、反映最强烈的“急难愁盼”问题，深入开展住宅小区物业管理领域侵害群众利益问题专项整治。通过整治，推动物业服务企业规范服务行为，完善服务措施，提升服务质量，切实维护业主合法权益，促进社会和谐稳定，增强人民群众幸福感、获得感、安全感。',
  monthlyReportDueDay: 1,
  monthlyReportRule:
    '每月1日前将上月专项整治工作开展情况（含相关数据、经验做法等）、典型案例（含基本情况、违法事实、处罚依据、处理结果等）分别报送至各对应市级部门。',
  dragnetDeadline: null,
  dragnetDescription: null,
  phases: [
    {
      name: '动员部署阶段',
      startsOn: null,
      endsOn: '2021-09-07',
      description: '（一）动员部署阶段（9月7日前）',
      tasks: [
        {
          title: '拟制实施方案，部署整治工作',
          description: '区建设（房管）局会同有关单位、部门结合本区实际，牵头拟制实施方案，部署安排我区整治工作，明确工作责任。',
          responsibleDepartmentType: 'housing',
          responsibleNote: '区建设（房管）局会同有关单位、部门',
        },
      ],
    },
    {
      name: '自查自纠阶段',
      startsOn: '2021-09-07',
      endsOn: '2021-09-30',
      description: '（二）自查自纠阶段（9月7日至9月30日）',
      tasks: [
        {
          title: '开展宣传引导',
          description: '在东湖风景区管委会网站向社会公布各有关部门投诉举报电话，畅通群众投诉举报渠道。',
          responsibleNote: '各有关部门（在管委会网站公布）',
        },
        {
          title: '开展倡议和承诺',
          description: '区物业协会向物业企业发出倡议，组织我区专业化住宅小区物业项目签订“合法经营、规范收费”承诺书。',
          responsibleNote: '区物业协会',
        },
        {
          title: '开展企业自查',
          description:
            '各单位、部门根据职责分工引导物业企业对照专项整治内容要求，举一反三、全面开展企业自查，对自查发现的问题要及时整改，并将自查自纠结果及情况表报区房管部门备案。',
          responsibleNote: '各单位、部门（结果报区房管部门备案）',
        },
      ],
    },
    {
      name: '集中整治阶段',
      startsOn: '2021-10-01',
      endsOn: '2021-11-14',
      description: '（三）集中整治阶段（10月1日至11月14日）',
      tasks: [
        {
          title: '加强部门联动',
          description:
            '各有关单位、部门结合日常监督检查以及市民服务热线等信访投诉办理工作，及时收集掌握物业小区反映、举报物业服务企业违法违规行为的问题线索，加强部门信息互通，强化问题联办，确保群众诉求和问题得到解决。',
          responsibleNote: '各有关单位、部门',
        },
        {
          title: '查处违法行为',
          description:
            '各有关单位、部门要加强对物业小区的巡查检查，认真摸排问题，建立台账清单，加强督办整改，实施销号管理。对专项整治行动发现的问题，可以就地化解的，应及时化解；无法化解的，要研究化解措施，督办整改问题。对群众反映强烈、投诉举报较多、问题整改不力的企业要严格依法查处，曝光典型案例，形成有力震慑。',
          responsibleNote: '各有关单位、部门',
        },
        {
          title: '为群众办实事',
          description:
            '各有关单位、部门要结合党史学习教育“我为群众办实事”实践活动开展情况，本着群众意愿和企业能力原则，从增设停车位、设置电动自行车充电设施、植树增绿、楼道清理等群众房前屋后的小事做起，活动期间至少为群众办1件实事。',
          responsibleNote: '各有关单位、部门（每单位至少1件）',
          targetCount: 1,
        },
        {
          title: '加强正面宣传',
          description: '区建设（房管）局结合“加强物业管理  共建美好家园”活动，宣传选树物业管理先进典型。',
          responsibleDepartmentType: 'housing',
          responsibleNote: '区建设（房管）局',
        },
      ],
    },
    {
      name: '总结巩固阶段',
      startsOn: '2021-11-15',
      endsOn: '2021-11-30',
      description: '（四）总结巩固阶段（11月15日至11月30日）',
      tasks: [
        {
          title: '全面总结，建立长效监管机制',
          description:
            '各有关单位、部门要对专项整治工作进行全面总结，针对专项整治中发现的问题，进一步完善物业服务企业及从业人员信用管理、企业“黑名单”制度、“双随机一公开”机制等监管措施，建立健全长效监管机制，从源头上遏制违法违规行为的发生，巩固整治工作成效。',
          responsibleNote: '各有关单位、部门',
        },
      ],
    },
  ],
  focusItems: [
    {
      seq: 1,
      title: FOCUS_CATEGORY_LABELS[1],
      description: '以业主拖欠物业服务费、不配合管理为由，中断或以限时限量等方式变相中断供水、供电、供气、供热等损害业主合法权益的行为',
      provisionKeys: ['civil-code-944-3', 'hubei-67-1'],
      leadDepartmentType: 'housing',
      coDepartmentTypes: ['civil'],
    },
    {
      seq: 2,
      title: FOCUS_CATEGORY_LABELS[2],
      description:
        '擅自允许他人利用共用部位、共用设施设备进行广告、宣传、经营等活动；对物业区域内违法违规行为，未履行及时发现、劝阻、制止，并向业主委员会和有关主管部门报告义务',
      checklistText:
        '擅自允许他人利用共用部位、共用设施设备进行广告、宣传、经营等活动，对物业区域内违法违规行为，未及时劝阻、制止，并向业主委员会和有关主管部门履行报告义务',
      provisionKeys: ['civil-code-282', 'wygl-54', 'wygl-63', 'wygl-62', 'wygl-45', 'civil-code-942-2', 'hubei-67-3'],
      leadDepartmentType: 'housing',
      coDepartmentTypes: ['market'],
    },
    {
      seq: 3,
      title: FOCUS_CATEGORY_LABELS[3],
      description: '泄露业主信息，与业委会共同侵害业主合法权益，对业主进行骚扰、恐吓、打击报复、采取暴力等违法行为',
      provisionKeys: [
        'civil-code-1032',
        'civil-code-1033',
        'civil-code-1038',
        'pipl-66-1',
        'pipl-66-2',
        'criminal-253-1',
        'public-security-2012-42',
        'public-security-2025-50-1',
        'public-security-2025-59',
        'public-security-2012-43',
        'civil-code-280-2',
        'civil-code-287',
      ],
      leadDepartmentType: 'housing',
      coDepartmentTypes: ['police', 'civil'],
    },
    {
      seq: 4,
      title: FOCUS_CATEGORY_LABELS[4],
      description:
        '擅自撤离物业管理区域、停止物业服务；物业服务合同终止后，拒不撤离物业服务项目，不按规定办理交接手续并移交物业服务用房和有关资料等行为',
      provisionKeys: ['civil-code-949', 'civil-code-950', 'civil-code-947', 'civil-code-948', 'wygl-38', 'wygl-39', 'wygl-58', 'hubei-67-5', 'hubei-67-4'],
      leadDepartmentType: 'housing',
      coDepartmentTypes: ['civil'],
    },
    {
      seq: 5,
      title: FOCUS_CATEGORY_LABELS[5],
      description:
        '未在住宅小区显著位置公示物业服务、停车及其他有偿服务的收费项目、收费标准、收费方式和投诉电话、公共收益收支、特种设备维保单位及联系方式等信息等行为',
      provisionKeys: ['civil-code-943', 'price-law-13', 'price-law-42', 'price-penalty-13', 'price-marking-56', 'property-fee-marking-5-8', 'hubei-67-2'],
      leadDepartmentType: 'market',
      coDepartmentTypes: ['housing'],
    },
    {
      seq: 6,
      title: FOCUS_CATEGORY_LABELS[6],
      description: '擅自提高物业服务收费标准，以及转供电代收加价等违规收取不合理费用行为',
      provisionKeys: ['wygl-41', 'wygl-44', 'electricity-44', 'electricity-66', 'price-penalty-9', 'price-law-14', 'price-penalty-7', 'price-law-39', 'price-law-40', 'property-fee-measures'],
      leadDepartmentType: 'market',
      coDepartmentTypes: ['housing'],
    },
  ],
  rules: DEFAULT_RULE_ROWS,
  departments: [
    {
      departmentType: 'housing',
      unitName: '区建设（房管）局',
      role: 'lead',
      duties: '负责统筹推进专项整治工作，督促物业服务企业开展自查整改，会同有关部门对违法违规企业进行联合查处',
    },
    {
      departmentType: 'credit',
      unitName: '区经发局（发改部门）',
      role: 'member',
      duties:
        '负责归集相关部门需推送至市社会信用信息服务平台的物业服务领域信用信息，并报送至市信用信息平台，对涉及严重违法失信行为的责任主体，联合其他部门依法依规实施联合惩戒措施',
    },
    {
      departmentType: 'police',
      unitName: '区公安分局',
      role: 'member',
      duties:
        '负责依法查处以暴力、威胁、恐吓、欺诈等方式侵害业主合法权益的物业服务企业和个人，对构成违反治安管理行为的，依法给予治安管理处罚；对构成犯罪的，依法追究刑事责任',
    },
    {
      departmentType: 'civil',
      unitName: '区城乡工作办事处（民政部门）',
      role: 'member',
      duties: '负责指导社区居民委员会配合开展专项整治工作，加快建立健全社区党组织领导下的居委会、业委会和物业服务企业“三方联动”机制',
    },
    {
      departmentType: 'market',
      unitName: '区市场监管局',
      role: 'member',
      duties: '负责会同物业有关行政主管部门，依法依职责对物业服务合同进行监督管理，查处不正当竞争和价格违法行为',
    },
  ],
  deadlines: [
    {
      kind: 'self_inspection_filing',
      dueOn: '2021-09-30',
      description: '自查自纠结果及情况表报区房管部门备案（自查自纠阶段结束前）',
    },
  ],
};
