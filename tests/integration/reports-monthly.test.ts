import ExcelJS from 'exceljs';
import { and, eq, isNotNull, like } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chinaDate } from '../../core/working-days.js';
import { projects, regions } from '../../server/db/schema/index.js';
import { createTestContext, expectStatus, type TestContext } from '../helpers/app.js';

let t: TestContext;
let district: string; // district-housing: coordinator of East Lake (submits)
let city: string; // city-coordinator: Wuhan (reviews)
let other: string; // other-district-housing: Hongshan
let projectId: string;
const EAST_LAKE = '420100-DH';
const WUHAN = '420100';
const MONTH = chinaDate().slice(0, 7);
const DAY = `${MONTH}-01`;

type Row = { no: number; month: number | null; cumulative: number | null; available: boolean; note?: string };
type Report = { status: string; version: number; rows: Row[]; subRegions: Array<{ regionCode: string; own: boolean; rows: Row[] }> };

async function monthly(cookie: string, region: string, month = MONTH): Promise<Report> {
  return expectStatus(await t.as(cookie, { method: 'GET', url: `/api/reports/monthly?region=${encodeURIComponent(region)}&month=${month}` }), 200);
}
const fig = (r: Report, no: number) => r.rows.find((x) => x.no === no) as Row;

/** Every row unchanged except `moved`, which moved by `by` in both 本月 and 累积. */
function expectOnlyRowMoved(before: Report, after: Report, moved: number, by: number) {
  for (const b of before.rows) {
    const a = fig(after, b.no);
    if (!b.available) {
      expect(a.available).toBe(false);
      continue;
    }
    const d = b.no === moved ? by : 0;
    expect([b.no, a.month]).toEqual([b.no, (b.month as number) + d]);
    expect([b.no, a.cumulative]).toEqual([b.no, (b.cumulative as number) + d]);
  }
}

beforeAll(async () => {
  t = await createTestContext();
  [district, city, other] = await Promise.all(['district-housing', 'city-coordinator', 'other-district-housing'].map((u) => t.login(u)));
  const [p] = await t.db
    .select({ id: projects.id })
    .from(projects)
    .innerJoin(regions, eq(regions.id, projects.regionId))
    .where(and(like(regions.path, `%/${EAST_LAKE}/%`), isNotNull(projects.enterpriseId)))
    .limit(1);
  projectId = p.id;
});
afterAll(() => t.close());

describe('monthly summary (附件2): rows by rule', () => {
  it('has rows 1–14; sources not built yet say so instead of 0', async () => {
    const r = await monthly(district, EAST_LAKE);
    expect(r.rows.map((x) => x.no)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14]);
    for (const no of [6, 7, 12]) {
      const row = fig(r, no);
      if (!row.available) expect([row.month, row.note]).toEqual([null, '尚无数据来源']);
    }
    // rows 2 and 3 split row 1 (managed projects: disclosed + not disclosed)
    expect((fig(r, 2).month as number) + (fig(r, 3).month as number)).toBe(fig(r, 1).month);
    expect(fig(r, 1).month).toBeGreaterThan(0);
  });

  it('a practical deed moves exactly row 14', async () => {
    const before = await monthly(district, EAST_LAKE);
    expectStatus(await t.as(district, { method: 'POST', url: '/api/deeds', payload: { projectId, type: 'charging', description: '增设电动自行车充电桩 20 个', date: DAY } }), 201);
    expectOnlyRowMoved(before, await monthly(district, EAST_LAKE), 14, 1);
  });

  it('a publicity event moves exactly row 10 by its brochures', async () => {
    const before = await monthly(district, EAST_LAKE);
    expectStatus(await t.as(district, { method: 'POST', url: '/api/publicity-events', payload: { regionCode: EAST_LAKE, date: DAY, title: '物业法规进社区', brochures: 37 } }), 201);
    expectOnlyRowMoved(before, await monthly(district, EAST_LAKE), 10, 37);
  });

  it('a 美好家园 selection moves exactly row 13', async () => {
    const before = await monthly(district, EAST_LAKE);
    expectStatus(await t.as(district, { method: 'POST', url: '/api/model-projects', payload: { projectId, reasons: '环境整洁、服务规范', date: DAY } }), 201);
    expectOnlyRowMoved(before, await monthly(district, EAST_LAKE), 13, 1);
  });

  it('rejects a bad deed type (422) and a project outside jurisdiction (404)', async () => {
    expectStatus(await t.as(district, { method: 'POST', url: '/api/deeds', payload: { projectId, type: 'rocket', description: '——', date: DAY } }), 422);
    expectStatus(await t.as(other, { method: 'POST', url: '/api/deeds', payload: { projectId, type: 'other', description: '越界登记', date: DAY } }), 404);
    expectStatus(await t.as(other, { method: 'GET', url: `/api/reports/monthly?region=${EAST_LAKE}&month=${MONTH}` }), 404);
  });

  it('each figure drills down to records that add up to it', async () => {
    const r = await monthly(district, EAST_LAKE);
    for (const no of [1, 2, 3, 4, 5, 8, 9, 10, 11, 13, 14]) {
      const d = expectStatus(await t.as(district, { method: 'GET', url: `/api/reports/monthly/records?region=${EAST_LAKE}&month=${MONTH}&row=${no}&span=month` }), 200);
      expect([no, d.total]).toEqual([no, fig(r, no).month]);
      if (d.items.length < 200) expect(d.items.reduce((s: number, i: { quantity: number }) => s + i.quantity, 0)).toBe(d.total);
    }
  });
});

describe('roll-up 区→市', () => {
  it('a city report has one entry per district plus its own, and each row is their sum', async () => {
    const r = await monthly(city, WUHAN);
    expect(r.subRegions.filter((s) => s.own)).toHaveLength(1);
    expect(r.subRegions.map((s) => s.regionCode)).toContain(EAST_LAKE);
    for (const row of r.rows) {
      if (!row.available) continue;
      const sum = r.subRegions.reduce((s, e) => s + (e.rows.find((x) => x.no === row.no)?.month ?? 0), 0);
      expect([row.no, row.month]).toEqual([row.no, sum]);
    }
    const eastLake = await monthly(city, EAST_LAKE);
    expect(r.subRegions.find((s) => s.regionCode === EAST_LAKE)?.rows.map((x) => x.month)).toEqual(eastLake.rows.map((x) => x.month));
  });
});

describe('workflow and freezing', () => {
  it('submit freezes; later records do not move the frozen report; return unfreezes; accept keeps versions', async () => {
    const s = expectStatus(await t.as(district, { method: 'POST', url: '/api/reports/monthly/submit', payload: { region: EAST_LAKE, month: MONTH, experience: '建立周通报机制' } }), 200);
    expect([s.status, s.version]).toEqual(['submitted', 1]);
    // the district cannot review its own report; the city can
    expectStatus(await t.as(district, { method: 'POST', url: '/api/reports/monthly/accept', payload: { region: EAST_LAKE, month: MONTH } }), 403);
    const frozen = await monthly(city, EAST_LAKE);
    expectStatus(await t.as(district, { method: 'POST', url: '/api/deeds', payload: { projectId, type: 'greening', description: '补植绿化', date: DAY } }), 201);
    expect((await monthly(city, EAST_LAKE)).rows).toEqual(frozen.rows);
    const cityView = await monthly(city, WUHAN);
    expect(cityView.subRegions.find((x) => x.regionCode === EAST_LAKE)?.rows.map((x) => x.month)).toEqual(frozen.rows.map((x) => x.month));

    const status = expectStatus(await t.as(city, { method: 'GET', url: `/api/reports/reporting-status?region=${WUHAN}&month=${MONTH}` }), 200);
    expect(status.received).toBe(1);
    expect(status.onTime + status.late).toBe(1);
    expect(status.expected).toBe(status.received + status.missing.length);
    expect(status.missing.map((m: { regionCode: string }) => m.regionCode)).not.toContain(EAST_LAKE);

    const ret = expectStatus(await t.as(city, { method: 'POST', url: '/api/reports/monthly/return', payload: { region: EAST_LAKE, month: MONTH, comment: '请补充典型案例' } }), 200);
    expect(ret.status).toBe('returned');
    expect(fig(ret, 14).month).toBe((fig(frozen, 14).month as number) + 1);
    expectStatus(await t.as(city, { method: 'POST', url: '/api/reports/monthly/accept', payload: { region: EAST_LAKE, month: MONTH } }), 409);
    const again = expectStatus(await t.as(district, { method: 'POST', url: '/api/reports/monthly/submit', payload: { region: EAST_LAKE, month: MONTH, typicalCases: '某小区断水问题已整改' } }), 200);
    expect([again.status, again.version]).toEqual(['submitted', 2]);
    const ok = expectStatus(await t.as(city, { method: 'POST', url: '/api/reports/monthly/accept', payload: { region: EAST_LAKE, month: MONTH } }), 200);
    expect([ok.status, ok.version]).toEqual(['accepted', 3]);
    const v = expectStatus(await t.as(city, { method: 'GET', url: `/api/reports/monthly/versions?region=${EAST_LAKE}&month=${MONTH}` }), 200);
    expect(v.items.map((x: { status: string }) => x.status)).toEqual(['submitted', 'submitted', 'accepted']);
  });
});

describe('xlsx in the 附件2 layout', () => {
  async function open(region: string, cookie: string) {
    const res = await t.as(cookie, { method: 'GET', url: `/api/reports/monthly/export?region=${region}&month=${MONTH}` });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('spreadsheetml');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    return wb;
  }
  it('prints title, header line, merged two-level header, rows 1–14 with borders, and the text rows', async () => {
    const wb = await open(EAST_LAKE, district);
    const s = wb.worksheets[0];
    expect(s.getCell('A1').value).toBe('附件2');
    expect(s.getCell('A2').value).toBe('专项整治月度工作汇总表');
    expect(String(s.getCell('A4').value)).toMatch(/（盖章）.*汇总人：.*联系方式：/);
    const merges = (s.model as { merges: string[] }).merges;
    for (const m of ['A2:D2', 'A3:D3', 'A4:D4', 'C5:D5', 'C6:D6', 'C7:D7', 'C8:D8', 'A9:B9', 'B21:D21', 'B22:D22', 'B23:D23']) expect(merges).toContain(m);
    expect([s.getCell('A5').value, s.getCell('B5').value, s.getCell('C5').value]).toEqual(['序号', '内容', '数量']);
    expect([s.getCell('C9').value, s.getCell('D9').value]).toEqual(['本月', '累积']);
    expect(s.getCell('A10').value).toBe(4);
    expect(s.getCell('A20').value).toBe(14);
    expect(String(s.getCell('A22').value)).toContain('典型案例');
    expect(String(s.getCell('A23').value)).toContain('经验做法');
    for (const addr of ['A5', 'D9', 'C20', 'D23']) expect(s.getCell(addr).border?.left?.style).toBe('thin');
    expect(s.columns.map((c) => c.width)).toEqual([8, 50, 14, 14]);
    const report = await monthly(district, EAST_LAKE);
    expect(s.getCell('C20').value).toBe(fig(report, 14).month);
    expect(s.getCell('D19').value).toBe(fig(report, 13).cumulative);
  });
  it('the roll-up workbook has one 本月/累积 column pair per sub-region and a 合计 equal to their sum', async () => {
    const wb = await open(WUHAN, city);
    const r = await monthly(city, WUHAN);
    const s = wb.getWorksheet('分区汇总') as ExcelJS.Worksheet;
    const pairs = r.subRegions.length + 1;
    expect(s.getRow(3).cellCount).toBe(2 + pairs * 2);
    expect(s.getCell(3, 2 + pairs * 2 - 1).value).toBe('合计');
    const row14 = s.getRow(4 + 14);
    let sum = 0;
    for (let i = 0; i < r.subRegions.length; i++) sum += Number(row14.getCell(3 + i * 2).value);
    expect(Number(row14.getCell(3 + r.subRegions.length * 2).value)).toBe(sum);
  });
});
