import type { OrgUnitType } from '../../../core/org.js';
import type { Role } from '../../../core/roles.js';
import { hashPassword } from '../auth/passwords.js';
import { orgUnits, users } from '../../db/schema/index.js';
import type { SeedContext } from '../../db/seed/context.js';
import { EAST_LAKE, HONGSHAN, HUBEI, WUHAN } from '../../db/seed/regions.seed.js';

/** Made-up contacts: names are invented, phones are 1390000xxxx, hotlines 027-5990xxxx. */
interface UnitSeed {
  key: string;
  region: string;
  type: OrgUnitType;
  name: string;
  shortName?: string;
  hotline?: string;
  contactName?: string;
  contactPhone?: string;
  responsibleLeader?: string;
}

export const DEMO_UNITS: UnitSeed[] = [
  { key: 'platform', region: HUBEI, type: 'platform', name: '平台运维中心' },
  { key: 'hubei-rol', region: HUBEI, type: 'rule_of_law_office', name: '湖北省委依法治省办', shortName: '鄂法治', hotline: '027-59900001', contactName: '李文博', contactPhone: '13900000001', responsibleLeader: '陈志远' },
  { key: 'hubei-housing', region: HUBEI, type: 'housing', name: '湖北省住房和城乡建设厅', shortName: '鄂建', hotline: '027-59900002', contactName: '王晓岚', contactPhone: '13900000002' },
  { key: 'wuhan-rol', region: WUHAN, type: 'rule_of_law_office', name: '武汉市委依法治市办', shortName: '武法治', hotline: '027-59900011', contactName: '赵明哲', contactPhone: '13900000011' },
  { key: 'wuhan-housing', region: WUHAN, type: 'housing', name: '武汉市住房保障和房屋管理局', shortName: '武房', hotline: '027-59900012', contactName: '孙悦', contactPhone: '13900000012', responsibleLeader: '周启航' },
  { key: 'wuhan-market', region: WUHAN, type: 'market', name: '武汉市市场监督管理局', shortName: '武市监', hotline: '12315', contactName: '钱立', contactPhone: '13900000013' },
  { key: 'dh-rol', region: EAST_LAKE, type: 'rule_of_law_office', name: '东湖风景区依法治区办', shortName: '东湖法治', hotline: '027-59900021', contactName: '郑雨桐', contactPhone: '13900000021', responsibleLeader: '韩冬' },
  { key: 'dh-housing', region: EAST_LAKE, type: 'housing', name: '东湖风景区建设（房管）局', shortName: '东湖房', hotline: '027-59900022', contactName: '吴嘉禾', contactPhone: '13900000022', responsibleLeader: '冯远山' },
  { key: 'dh-credit', region: EAST_LAKE, type: 'credit', name: '东湖风景区经发局', shortName: '东湖经发', hotline: '027-59900023', contactName: '褚思源', contactPhone: '13900000023', responsibleLeader: '卫青松' },
  { key: 'dh-police', region: EAST_LAKE, type: 'police', name: '东湖风景区公安分局', shortName: '东湖公', hotline: '027-59900024', contactName: '蒋立言', contactPhone: '13900000024', responsibleLeader: '沈国栋' },
  { key: 'dh-civil', region: EAST_LAKE, type: 'civil', name: '东湖风景区城乡工作办事处', shortName: '东湖城乡', hotline: '027-59900025', contactName: '韦晴', contactPhone: '13900000025', responsibleLeader: '杨帆' },
  { key: 'dh-market', region: EAST_LAKE, type: 'market', name: '东湖风景区市场监督管理局', shortName: '东湖市监', hotline: '13900000026', contactName: '朱可欣', contactPhone: '13900000026', responsibleLeader: '秦朗' },
  { key: 'dh-street-1', region: `${EAST_LAKE}-01`, type: 'street_office', name: '听涛街道办事处', hotline: '027-59900031', contactName: '何宁', contactPhone: '13900000031' },
  { key: 'dh-street-2', region: `${EAST_LAKE}-02`, type: 'street_office', name: '磨山街道办事处', hotline: '027-59900032', contactName: '吕晨', contactPhone: '13900000032' },
  { key: 'dh-community-1', region: `${EAST_LAKE}-01-01`, type: 'community_committee', name: '听涛社区居民委员会', hotline: '027-59900041', contactName: '施雨', contactPhone: '13900000041' },
  { key: 'hs-rol', region: HONGSHAN, type: 'rule_of_law_office', name: '洪山区委依法治区办', shortName: '洪法治', hotline: '027-59900051', contactName: '张若愚', contactPhone: '13900000051' },
  { key: 'hs-housing', region: HONGSHAN, type: 'housing', name: '洪山区住房和城市更新局', shortName: '洪房', hotline: '027-59900052', contactName: '孔繁星', contactPhone: '13900000052', responsibleLeader: '曹正' },
  { key: 'hs-market', region: HONGSHAN, type: 'market', name: '洪山区市场监督管理局', shortName: '洪市监', hotline: '027-59900053', contactName: '严冬', contactPhone: '13900000053' },
  { key: 'hs-police', region: HONGSHAN, type: 'police', name: '武汉市公安局洪山区分局', shortName: '洪公', hotline: '027-59900054', contactName: '华峰', contactPhone: '13900000054' },
  { key: 'hs-civil', region: HONGSHAN, type: 'civil', name: '洪山区民政局', shortName: '洪民', hotline: '027-59900055', contactName: '金蕾', contactPhone: '13900000055' },
  { key: 'hs-credit', region: HONGSHAN, type: 'credit', name: '洪山区发展和改革局', shortName: '洪发改', hotline: '027-59900056', contactName: '魏然', contactPhone: '13900000056' },
];

export interface UserSeed {
  username: string;
  displayName: string;
  roles: Role[];
  unit: string;
  certificateNo?: string;
}

/** The demo accounts named in the foundation issue (and a unit leader for approvals). */
export const DEMO_USERS: UserSeed[] = [
  { username: 'admin', displayName: '系统管理员', roles: ['admin'], unit: 'platform' },
  { username: 'auditor', displayName: '安全审计员', roles: ['auditor'], unit: 'platform' },
  { username: 'province-supervisor', displayName: '陈志远', roles: ['supervisor'], unit: 'hubei-rol' },
  { username: 'city-coordinator', displayName: '孙悦', roles: ['coordinator'], unit: 'wuhan-housing' },
  { username: 'district-supervisor', displayName: '郑雨桐', roles: ['supervisor'], unit: 'dh-rol' },
  { username: 'district-housing', displayName: '吴嘉禾', roles: ['coordinator', 'dept_officer'], unit: 'dh-housing' },
  { username: 'district-housing-leader', displayName: '冯远山', roles: ['dept_leader'], unit: 'dh-housing' },
  { username: 'district-market', displayName: '朱可欣', roles: ['dept_officer'], unit: 'dh-market' },
  { username: 'district-police', displayName: '蒋立言', roles: ['dept_officer'], unit: 'dh-police' },
  { username: 'district-civil', displayName: '韦晴', roles: ['dept_officer'], unit: 'dh-civil' },
  { username: 'district-credit', displayName: '褚思源', roles: ['dept_officer'], unit: 'dh-credit' },
  { username: 'district-market-leader', displayName: '时嘉木', roles: ['dept_leader'], unit: 'dh-market' },
  { username: 'district-police-leader', displayName: '祁文澜', roles: ['dept_leader'], unit: 'dh-police' },
  { username: 'district-civil-leader', displayName: '车书宁', roles: ['dept_leader'], unit: 'dh-civil' },
  { username: 'district-credit-leader', displayName: '乔怀远', roles: ['dept_leader'], unit: 'dh-credit' },
  { username: 'street-staff', displayName: '何宁', roles: ['street_staff'], unit: 'dh-street-1' },
  { username: 'inspector-1', displayName: '林海', roles: ['inspector'], unit: 'dh-housing', certificateNo: '鄂执字42010021001' },
  { username: 'inspector-2', displayName: '邓杰', roles: ['inspector'], unit: 'dh-housing', certificateNo: '鄂执字42010021002' },
  { username: 'other-district-housing', displayName: '孔繁星', roles: ['coordinator', 'dept_officer'], unit: 'hs-housing' },
  { username: 'other-district-housing-leader', displayName: '区晓岚', roles: ['dept_leader'], unit: 'hs-housing' },
];

export async function seedOrganisation(ctx: SeedContext) {
  const { db } = ctx;
  for (const u of DEMO_UNITS) {
    const regionId = ctx.regionIds.get(u.region);
    if (!regionId) throw new Error(`seed: unknown region ${u.region}`);
    const { key, region, ...values } = u;
    const [row] = await db.insert(orgUnits).values({ ...values, regionId }).returning({ id: orgUnits.id });
    ctx.orgUnitIds.set(key, row.id);
  }
  const passwordHash = await hashPassword(ctx.env.DEMO_PASSWORD);
  // In development demo users log in directly; in production they must change the demo password.
  const mustChangePassword = ctx.env.NODE_ENV === 'production';
  for (const u of DEMO_USERS) {
    const unit = DEMO_UNITS.find((x) => x.key === u.unit);
    const [row] = await db
      .insert(users)
      .values({
        username: u.username,
        displayName: u.displayName,
        roles: u.roles,
        regionId: ctx.regionIds.get(unit?.region as string) as number,
        orgUnitId: ctx.orgUnitIds.get(u.unit) ?? null,
        certificateNo: u.certificateNo ?? null,
        passwordHash,
        mustChangePassword,
      })
      .returning({ id: users.id });
    ctx.userIds.set(u.username, row.id);
  }
}
