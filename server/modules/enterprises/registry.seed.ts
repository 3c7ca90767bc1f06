import { chinaDate } from '../../../core/working-days.js';
import { inArray } from 'drizzle-orm';
import { DISCLOSURE_ITEMS, type DisclosureStatus, PRACTITIONER_ROLES, type PractitionerRole, deriveFullyDisclosedSince } from '../../../core/registry.js';
import { generateUscc } from '../../../core/uscc.js';
import { hashPassword } from '../auth/passwords.js';
import { enterprises, practitioners, projectDisclosures, projects, users } from '../../db/schema/index.js';
import type { SeedContext } from '../../db/seed/context.js';
import { EAST_LAKE, HONGSHAN } from '../../db/seed/regions.seed.js';

/**
 * Demo registry: made-up property companies (valid generated credit codes, invented legal
 * representatives, phones 1390000xxxx) and a few hundred residential projects across Wuhan —
 * the East Lake zone, 洪山区 and other districts — with a realistic mix of fully disclosed,
 * partly disclosed and undisclosed fee information, and some projects without a managing
 * company. Deterministic: a seeded PRNG; posted dates are relative to the seeding day so
 * "newly disclosed this month" has data whenever the demo is started.
 * Also the demo enterprise account `enterprise-user` (company 武汉听涛物业服务有限公司).
 */

function mulberry32(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Region node → the six-digit code of the registering authority (functional zones use the city's). */
const DISTRICTS: Array<{ region: string; codePrefix: string; share: number; streets: string[] }> = [
  {
    region: EAST_LAKE,
    codePrefix: '420100',
    share: 0.34,
    streets: [`${EAST_LAKE}-01-01`, `${EAST_LAKE}-01-02`, `${EAST_LAKE}-01-03`, `${EAST_LAKE}-02-01`, `${EAST_LAKE}-02-02`, '420106490-01', '420106490-02', '420111491', `${EAST_LAKE}-01`, `${EAST_LAKE}-02`],
  },
  {
    region: HONGSHAN,
    codePrefix: HONGSHAN,
    share: 0.33,
    streets: ['420111002-01', '420111002-02', '420111003-01', '420111003-02', '420111001', '420111002', '420111003', '420111004', '420111005', '420111006'],
  },
  { region: '420106', codePrefix: '420106', share: 0.09, streets: ['420106001', '420106002', '420106003', '420106005'] },
  { region: '420102', codePrefix: '420102', share: 0.08, streets: ['420102002', '420102003', '420102004', '420102005'] },
  { region: '420103', codePrefix: '420103', share: 0.06, streets: ['420103001', '420103002', '420103003'] },
  { region: '420107', codePrefix: '420107', share: 0.05, streets: ['420107001', '420107002', '420107003'] },
  { region: '420115', codePrefix: '420115', share: 0.05, streets: ['420115001', '420115002'] },
];

const CENTRES: Record<string, [number, number]> = {
  [EAST_LAKE]: [30.553, 114.402],
  [HONGSHAN]: [30.5, 114.343],
  '420106': [30.553, 114.316],
  '420102': [30.6, 114.309],
  '420103': [30.601, 114.27],
  '420107': [30.64, 114.385],
  '420115': [30.354, 114.322],
};

const COMPANY_WORDS = ['听涛', '磨山', '珞珈', '光谷', '楚天', '江城', '梨园', '晴川', '长江', '南湖', '沙湖', '紫阳', '东亭', '卓刀泉', '关山', '汉水', '黄鹤', '琴台', '白沙', '龟山', '茶港', '徐东', '青山', '武泰', '鹦鹉', '杨园', '和平', '中南', '洪福', '金桥'];
const COMPANY_SUFFIX = ['物业服务有限公司', '物业管理有限公司', '物业服务有限公司', '物业服务集团有限公司', '物业发展有限公司'];
const SURNAMES = ['王', '李', '张', '刘', '陈', '杨', '黄', '赵', '周', '吴', '徐', '孙', '胡', '朱', '高', '林', '何', '郭', '马', '罗', '梁', '宋', '郑', '谢', '韩', '唐', '冯', '邓', '曹', '彭'];
const GIVEN = ['建国', '志强', '海燕', '晓东', '丽华', '文斌', '秀英', '国平', '新民', '春梅', '立新', '红霞', '伟', '静', '敏', '勇', '军', '磊', '洋', '婷', '浩然', '子涵', '思远', '雨萱', '明轩'];
const ESTATE_WORDS = ['湖光', '翠柳', '金桥', '银杏', '丹桂', '紫荆', '碧水', '松涛', '梧桐', '书香', '珞珈', '清风', '东湖', '锦绣', '枫林', '桃源', '星河', '阳光', '幸福', '和谐', '华庭', '御景', '江南', '滨湖', '凤凰', '长青', '怡景', '嘉园', '兰亭', '雅苑', '恒安', '康居', '百瑞', '盛世', '玉兰', '新华', '建设', '铁机', '工农', '友谊'];
const ESTATE_SUFFIX = ['小区', '花园', '家园', '苑', '公寓', '新村', '名邸', '城', '雅居', '华府'];
const PHASES = ['', '', '', '', '一期', '二期', '三期'];

export const DEMO_ENTERPRISE_NAME = '武汉听涛物业服务有限公司';
export const DEMO_ENTERPRISE_USER = { username: 'enterprise-user', displayName: '周晓（听涛物业）' };

function isoDaysAgo(days: number): string {
  const today = chinaDate();
  const d = new Date(`${today}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() - days);
  return d.toISOString().slice(0, 10);
}

export async function seedRegistry(ctx: SeedContext) {
  const { db } = ctx;
  const rand = mulberry32(20250907);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(rand() * list.length)];
  const regionId = (code: string) => {
    const id = ctx.regionIds.get(code);
    if (!id) throw new Error(`seed: unknown region ${code}`);
    return id;
  };
  const person = () => pick(SURNAMES) + pick(GIVEN);
  let phoneSeq = 1000;
  const phone = () => `1390000${String(phoneSeq++).padStart(4, '0')}`;

  // ── enterprises ──────────────────────────────────────────────────────────────────────────
  const usedNames = new Set<string>([DEMO_ENTERPRISE_NAME]);
  const enterpriseSeeds: Array<typeof enterprises.$inferInsert & { district: string }> = [];
  const addEnterprise = (name: string, district: (typeof DISTRICTS)[number]) => {
    const contact = person();
    enterpriseSeeds.push({
      creditCode: generateUscc(district.codePrefix, rand),
      name,
      legalRepresentative: person(),
      regionId: regionId(district.region),
      address: `武汉市${district.region === EAST_LAKE ? '东湖风景区' : ''}${pick(ESTATE_WORDS)}路 ${1 + Math.floor(rand() * 300)} 号`,
      contactName: contact,
      contactPhone: phone(),
      qualification: rand() < 0.3 ? pick(['一级', '二级', '三级']) : null,
      status: rand() < 0.05 ? 'suspended' : 'active',
      district: district.region,
    });
  };
  addEnterprise(DEMO_ENTERPRISE_NAME, DISTRICTS[0]);
  for (const district of DISTRICTS) {
    const count = Math.max(2, Math.round(district.share * 40));
    for (let i = 0; i < count; i++) {
      let name = '';
      do name = `武汉${pick(COMPANY_WORDS)}${pick(COMPANY_SUFFIX)}`;
      while (usedNames.has(name));
      usedNames.add(name);
      addEnterprise(name, district);
    }
  }
  const insertedEnterprises = await db
    .insert(enterprises)
    .values(enterpriseSeeds.map(({ district: _d, ...e }) => e))
    .returning({ id: enterprises.id, name: enterprises.name, regionId: enterprises.regionId, status: enterprises.status });
  const byDistrict = new Map<string, typeof insertedEnterprises>();
  insertedEnterprises.forEach((e, i) => {
    const d = enterpriseSeeds[i].district;
    byDistrict.set(d, [...(byDistrict.get(d) ?? []), e]);
  });
  const active = insertedEnterprises.filter((e) => e.status === 'active');
  const demoEnterprise = insertedEnterprises[0];

  // ── projects ─────────────────────────────────────────────────────────────────────────────
  const TOTAL_PROJECTS = 360;
  const projectSeeds: Array<typeof projects.$inferInsert> = [];
  const usedKeys = new Set<string>();
  for (const district of DISTRICTS) {
    const count = Math.round(district.share * TOTAL_PROJECTS);
    const local = (byDistrict.get(district.region) ?? []).filter((e) => e.status === 'active');
    const [clat, clng] = CENTRES[district.region];
    for (let i = 0; i < count; i++) {
      const street = pick(district.streets);
      let name = '';
      do name = `${pick(ESTATE_WORDS)}${pick(ESTATE_SUFFIX)}${pick(PHASES)}`;
      while (usedKeys.has(`${street}/${name}`));
      usedKeys.add(`${street}/${name}`);
      const households = 120 + Math.floor(rand() * 2400);
      const managed = rand() >= 0.13;
      // Most estates are run by a company of the same district; some by one from elsewhere.
      const enterprise = managed ? (district.region === EAST_LAKE && i % 6 === 0 ? demoEnterprise : local.length && rand() < 0.75 ? pick(local) : pick(active)) : null;
      projectSeeds.push({
        name,
        address: `${pick(ESTATE_WORDS)}路 ${1 + Math.floor(rand() * 500)} 号`,
        regionId: regionId(street),
        enterpriseId: enterprise?.id ?? null,
        households,
        buildingArea: Math.round(households * (75 + rand() * 55) * 100) / 100,
        lat: rand() < 0.7 ? Math.round((clat + (rand() - 0.5) * 0.06) * 1e6) / 1e6 : null,
        lng: null,
        hasOwnersCommittee: rand() < 0.4,
      });
      const last = projectSeeds[projectSeeds.length - 1];
      if (last.lat !== null) last.lng = Math.round((clng + (rand() - 0.5) * 0.06) * 1e6) / 1e6;
    }
  }
  const insertedProjects: Array<{ id: string; regionId: number; enterpriseId: string | null }> = [];
  for (let i = 0; i < projectSeeds.length; i += 500) {
    insertedProjects.push(
      ...(await db
        .insert(projects)
        .values(projectSeeds.slice(i, i + 500))
        .returning({ id: projects.id, regionId: projects.regionId, enterpriseId: projects.enterpriseId })),
    );
  }

  // ── disclosures: ~35 % complete, ~40 % partial, the rest nothing recorded ───────────────
  const verifierByDistrict: Record<string, string | undefined> = {
    [EAST_LAKE]: ctx.userIds.get('district-housing'),
    [HONGSHAN]: ctx.userIds.get('other-district-housing'),
  };
  const districtOfRegionId = new Map<number, string>();
  for (const d of DISTRICTS) for (const s of d.streets) districtOfRegionId.set(regionId(s), d.region);
  const disclosureRows: Array<typeof projectDisclosures.$inferInsert> = [];
  const fullySince = new Map<string, string>();
  for (const p of insertedProjects) {
    const r = rand();
    const managed = p.enterpriseId !== null;
    const complete = managed ? r < 0.38 : r < 0.05;
    const partial = !complete && (managed ? r < 0.8 : r < 0.3);
    if (!complete && !partial) continue;
    const items = complete ? [...DISCLOSURE_ITEMS] : DISCLOSURE_ITEMS.filter(() => rand() < 0.5);
    if (!complete && items.length === DISCLOSURE_ITEMS.length) items.pop();
    const verifier = verifierByDistrict[districtOfRegionId.get(p.regionId) ?? ''] ?? ctx.userIds.get('city-coordinator') ?? null;
    const start = 10 + Math.floor(rand() * 110);
    const states: Array<{ item: string; status: DisclosureStatus; postedOn: string }> = [];
    for (const item of items) {
      const postedOn = isoDaysAgo(Math.max(1, start - Math.floor(rand() * 10)));
      const verified = verifier !== null && rand() < 0.3;
      states.push({ item, status: verified ? 'verified' : 'posted', postedOn });
      disclosureRows.push({
        projectId: p.id,
        item,
        status: verified ? 'verified' : 'posted',
        postedOn,
        verifiedBy: verified ? verifier : null,
        verifiedAt: verified ? new Date(`${postedOn}T10:00:00+08:00`) : null,
      });
    }
    // A few partly disclosed projects once had a missing item explicitly recorded.
    if (partial && rand() < 0.3) {
      const missing = DISCLOSURE_ITEMS.find((i) => !items.includes(i));
      if (missing) disclosureRows.push({ projectId: p.id, item: missing, status: 'missing', note: '检查时未见公示，已要求限期张贴' });
    }
    const since = deriveFullyDisclosedSince(states);
    if (since) fullySince.set(p.id, since);
  }
  for (let i = 0; i < disclosureRows.length; i += 1000) await db.insert(projectDisclosures).values(disclosureRows.slice(i, i + 1000));
  // One UPDATE per distinct date rather than per project.
  const byDate = new Map<string, string[]>();
  for (const [id, since] of fullySince) byDate.set(since, [...(byDate.get(since) ?? []), id]);
  for (const [since, ids] of byDate) await db.update(projects).set({ fullyDisclosedSince: since }).where(inArray(projects.id, ids));

  // ── practitioners: a manager per company, project managers on some projects ──────────────
  const practitionerRows: Array<typeof practitioners.$inferInsert> = [];
  let cert = 1;
  for (const e of insertedEnterprises) practitionerRows.push({ enterpriseId: e.id, name: person(), role: 'manager', phone: phone() });
  for (const p of insertedProjects) {
    if (!p.enterpriseId || rand() > 0.35) continue;
    const role: PractitionerRole = rand() < 0.8 ? 'project_manager' : pick(PRACTITIONER_ROLES.filter((r) => r !== 'manager'));
    practitionerRows.push({
      enterpriseId: p.enterpriseId,
      projectId: p.id,
      name: person(),
      role,
      certificateNo: role === 'project_manager' ? `WYXM-4201-${String(cert++).padStart(5, '0')}` : null,
      phone: phone(),
      active: rand() > 0.05,
    });
  }
  for (let i = 0; i < practitionerRows.length; i += 1000) await db.insert(practitioners).values(practitionerRows.slice(i, i + 1000));

  // ── the demo enterprise account ──────────────────────────────────────────────────────────
  const [account] = await db
    .insert(users)
    .values({
      username: DEMO_ENTERPRISE_USER.username,
      displayName: DEMO_ENTERPRISE_USER.displayName,
      roles: ['enterprise_user'],
      regionId: demoEnterprise.regionId,
      enterpriseId: demoEnterprise.id,
      phone: phone(),
      passwordHash: await hashPassword(ctx.env.DEMO_PASSWORD),
      mustChangePassword: ctx.env.NODE_ENV === 'production',
    })
    .returning({ id: users.id });
  ctx.userIds.set(DEMO_ENTERPRISE_USER.username, account.id);

  const demoProjects = insertedProjects.filter((p) => p.enterpriseId === demoEnterprise.id).map((p) => p.id);
  ctx.refs.set('demoEnterpriseId', demoEnterprise.id);
  ctx.refs.set('demoEnterpriseIds', insertedEnterprises.map((e) => e.id));
  ctx.refs.set('demoEnterpriseProjectIds', demoProjects);
  ctx.refs.set(
    'eastLakeProjectIds',
    insertedProjects.filter((p) => districtOfRegionId.get(p.regionId) === EAST_LAKE).map((p) => p.id),
  );
  ctx.refs.set(
    'hongshanProjectIds',
    insertedProjects.filter((p) => districtOfRegionId.get(p.regionId) === HONGSHAN).map((p) => p.id),
  );
}
