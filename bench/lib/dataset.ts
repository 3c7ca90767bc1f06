/**
 * The province-scale data set of issue 13 (bench/generate.ts is the command line): a deterministic
 * generator (seeded PRNG, ids derived from row numbers) that bulk-loads with COPY into a migrated and
 * seeded database — PGlite (`COPY … FROM '/dev/blob'`) or PostgreSQL (`COPY … FROM STDIN` through
 * pg-copy-streams).
 *
 * At scale 1: 17 cities, 120 districts (Hubei's from the seed, topped up with made-up ones), 12,000
 * enterprises, 60,000 projects, 2,000,000 leads over three years ending at `until`, 300,000
 * inspections, ledger problems opened from leads and inspections, enforcement actions on a share of
 * the problems, credit events for each action plus good-conduct records. Counts other than the
 * region tree are multiplied by `scale`.
 *
 * Consistency: every foreign key points at a row of the data set or the seed; a lead's, problem's,
 * inspection's and action's region is its project's (or a street of its district), its company is
 * the project's, so jurisdiction queries (`regions.path LIKE …`) see real-looking data.
 * The load runs with `session_replication_role = replica` (no FK triggers, no change-notify
 * triggers: the data set is consistent by construction, and the generator's test checks it) and
 * drops each loaded table's secondary indexes before the COPY and re-creates them from their own
 * definitions afterwards (the indexes the migrations built), then ANALYZEs. Needs a superuser
 * (PGlite always is; the bench's PostgreSQL runs as `postgres`).
 */
import type { Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { PGlite } from '@electric-sql/pglite';
import pg from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import { generateUscc } from '../../core/uscc.js';

export interface DatasetOptions {
  scale: number;
  seed: number;
  /** Last day of the three years (YYYY-MM-DD, UTC); default today. */
  until?: string;
  log?: (line: string) => void;
}

export interface DatasetCounts {
  cities: number;
  districts: number;
  streets: number;
  orgUnits: number;
  enterprises: number;
  projects: number;
  complaints: number;
  problems: number;
  inspections: number;
  enforcementActions: number;
  creditEvents: number;
}

export interface DatasetResult {
  counts: DatasetCounts;
  seconds: { total: number; generateAndCopy: number; indexes: number; analyze: number };
}

/** Where the rows go. */
export interface Sink {
  query<T = Record<string, unknown>>(text: string, params?: unknown[]): Promise<T[]>;
  copy(table: string, columns: string[], csv: string): Promise<void>;
  close(): Promise<void>;
}

export function pgliteSink(pglite: PGlite): Sink {
  return {
    async query<T>(text: string, params: unknown[] = []) {
      return (await pglite.query<T>(text, params)).rows;
    },
    async copy(table, columns, csv) {
      await pglite.query(`COPY ${table} (${columns.join(', ')}) FROM '/dev/blob' WITH (FORMAT csv)`, [], { blob: new Blob([csv]) });
    },
    async close() {},
  };
}

export async function postgresSink(url: string): Promise<Sink> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  return {
    async query<T>(text: string, params: unknown[] = []) {
      return (await client.query(text, params)).rows as T[];
    },
    async copy(table, columns, csv) {
      const stream = client.query(copyFrom(`COPY ${table} (${columns.join(', ')}) FROM STDIN WITH (FORMAT csv)`));
      await pipeline(
        (async function* () {
          yield Buffer.from(csv);
        })(),
        stream as unknown as Writable,
      );
    },
    async close() {
      await client.end();
    },
  };
}

// ── deterministic randomness ─────────────────────────────────────────────────────────────────

/** sfc32, seeded through splitmix32: fast, 128-bit state, good enough for synthetic data. */
export function prng(seed: number): () => number {
  let s = seed >>> 0;
  const split = () => {
    s = (s + 0x9e3779b9) | 0;
    let z = s;
    z = Math.imul(z ^ (z >>> 16), 0x85ebca6b);
    z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35);
    return (z ^ (z >>> 16)) >>> 0;
  };
  let a = split();
  let b = split();
  let c = split();
  let d = split();
  return () => {
    a >>>= 0;
    b >>>= 0;
    c >>>= 0;
    d >>>= 0;
    let t = (a + b) | 0;
    a = b ^ (b >>> 9);
    b = (c + (c << 3)) | 0;
    c = (c << 21) | (c >>> 11);
    d = (d + 1) | 0;
    t = (t + d) | 0;
    c = (c + t) | 0;
    return (t >>> 0) / 4294967296;
  };
}

/** A row id derived from its table and row number: unique, stable across runs, valid UUID v4 form. */
export function rowId(table: number, n: number): string {
  return `d47a${table.toString(16).padStart(4, '0')}-0000-4000-8000-${n.toString(16).padStart(12, '0')}`;
}
const T = { enterprise: 1, project: 2, complaint: 3, problem: 4, inspection: 5, action: 6, credit: 7, unit: 8 } as const;

function weighted<K>(entries: Array<[K, number]>): (r: number) => K {
  const total = entries.reduce((s, [, w]) => s + w, 0);
  const cum: number[] = [];
  let acc = 0;
  for (const [, w] of entries) {
    acc += w / total;
    cum.push(acc);
  }
  return (r) => {
    for (let i = 0; i < cum.length; i++) if (r < cum[i]) return entries[i][0];
    return entries[entries.length - 1][0];
  };
}

// ── CSV ────────────────────────────────────────────────────────────────────────────────────

type Cell = string | number | boolean | null | undefined;
const cell = (v: Cell): string => {
  if (v === null || v === undefined) return '';
  if (typeof v === 'number' || typeof v === 'boolean') return String(v);
  return `"${v.replaceAll('"', '""')}"`;
};

/** Buffers rows of one table and COPYs them in chunks. */
class TableWriter {
  private lines: string[] = [];
  rows = 0;
  constructor(
    private sink: Sink,
    readonly table: string,
    private columns: string[],
    private chunk = 25_000,
  ) {}
  async add(values: Cell[]) {
    this.lines.push(values.map(cell).join(','));
    this.rows++;
    if (this.lines.length >= this.chunk) await this.flush();
  }
  async flush() {
    if (!this.lines.length) return;
    const csv = `${this.lines.join('\n')}\n`;
    this.lines = [];
    await this.sink.copy(this.table, this.columns, csv);
  }
}

// ── vocabulary ─────────────────────────────────────────────────────────────────────────────

const NAME_A = ['湖光', '翠柳', '金桥', '银杏', '丹桂', '紫荆', '碧水', '松涛', '梧桐', '书香', '清风', '锦绣', '枫林', '桃源', '星河', '阳光', '幸福', '和谐', '华庭', '御景', '江岸', '楚天', '长江', '汉水'];
const NAME_B = ['小区', '花园', '家园', '苑', '公馆', '新城', '雅居', '名都'];
const COMPANY_A = ['安居', '恒信', '鑫盛', '嘉和', '长青', '楚源', '华康', '锦程', '瑞丰', '宏远', '德润', '金盾'];
const COMPANY_B = ['物业服务有限公司', '物业管理有限公司', '物业服务集团有限公司', '城市服务有限公司'];
const ROADS = ['中山', '解放', '民主', '建设', '友谊', '和平', '发展', '青年', '光明', '团结'];
const CATEGORY_TEXT: string[][] = [
  ['小区绿化长期无人修剪，垃圾清运不及时', '地下车库积水，照明损坏多日未修'],
  ['物业公司未公示收费标准和公共收益收支情况', '物业费上涨未经业主大会表决，也未公示'],
  ['电梯经常停运，维保记录不公示', '消防通道被堆放杂物占用，物业不清理'],
  ['物业擅自将公共区域出租做广告，收益去向不明', '小区停车费收入未纳入公共收益'],
  ['业委会选举受物业干预，业主意见不被采纳', '物业拒不移交共用部位资料'],
  ['物业违规收取装修押金和水电周转金', '物业以欠费为由停水停电'],
  ['物业工作人员态度恶劣，对业主报修推诿', '物业服务合同到期后拒不退出'],
];
const DISTRICT_SUFFIX = ['区', '县', '市'];
const STREET_SUFFIX = ['街道', '镇', '乡'];

// ── the generator ──────────────────────────────────────────────────────────────────────────

interface Region {
  id: number;
  code: string;
  path: string;
  level: string;
  parentId: number | null;
}
interface District {
  region: Region;
  city: Region;
  leaves: Region[];
  weight: number;
  housingUnit: string;
  marketUnit: string;
  projects: number[];
  managed: number[];
  enterprises: number[];
  shortCode: string;
}

const DAY = 86_400_000;
const iso = (ms: number) => new Date(ms).toISOString();
const day = (ms: number) => new Date(ms).toISOString().slice(0, 10);

export async function generateDataset(sink: Sink, opts: DatasetOptions): Promise<DatasetResult> {
  const log = opts.log ?? (() => undefined);
  const started = performance.now();
  const rnd = prng(opts.seed);
  const r = rnd;
  const int = (a: number, b: number) => a + Math.floor(r() * (b - a + 1));
  const pick = <X>(xs: readonly X[]): X => xs[Math.floor(r() * xs.length)];
  const n = (base: number) => Math.max(1, Math.round(base * opts.scale));
  const untilMs = Date.parse(`${opts.until ?? new Date().toISOString().slice(0, 10)}T16:00:00Z`); // end of that day in China
  const spanMs = 3 * 365 * DAY;
  const startMs = untilMs - spanMs;

  const [{ exists }] = await sink.query<{ exists: boolean }>(`SELECT EXISTS (SELECT 1 FROM regions WHERE code LIKE 'G%') AS exists`);
  if (exists) throw new Error('this database already holds a generated data set (regions G…); generate into a fresh one');

  // ── regions: Hubei from the seed, topped up to 17 cities and 120 districts, streets for every district ──
  const loadRegions = async () => (await sink.query<{ id: number; code: string; path: string; level: string; parent_id: number | null }>(`SELECT id, code, path, level, parent_id FROM regions WHERE path LIKE '/420000/%' ORDER BY id`)).map(
    (x) => ({ id: x.id, code: x.code, path: x.path, level: x.level, parentId: x.parent_id }) as Region,
  );
  let regions = await loadRegions();
  const [province] = await sink.query<{ id: number; path: string }>(`SELECT id, path FROM regions WHERE code = '420000'`);
  const insertRegion = async (code: string, name: string, level: string, parent: { id: number; path: string }) => {
    await sink.query(`INSERT INTO regions (code, name, level, parent_id, path, code_source) VALUES ($1, $2, $3, $4, $5, 'custom')`, [code, name, level, parent.id, `${parent.path}${code}/`]);
  };
  let cities = regions.filter((x) => x.level === 'city');
  for (let i = cities.length; i < 17; i++) await insertRegion(`G-C${i + 1}`, `${pick(NAME_A)}${pick(NAME_A)}市（生成）`, 'city', province);
  regions = await loadRegions();
  cities = regions.filter((x) => x.level === 'city');
  let districts = regions.filter((x) => x.level === 'district');
  for (let i = districts.length, c = 0; i < 120; i++, c++) {
    const city = cities[cities.length - 1 - (c % cities.length)];
    await insertRegion(`G-D${i + 1}`, `${pick(NAME_A)}${pick(DISTRICT_SUFFIX)}（生成）`, 'district', city);
  }
  regions = await loadRegions();
  districts = regions.filter((x) => x.level === 'district');
  for (const d of districts) {
    if (regions.some((x) => x.parentId === d.id)) continue;
    for (let s = 1; s <= 5; s++) await insertRegion(`G-${d.code}-${s}`, `${pick(NAME_A)}${pick(STREET_SUFFIX)}`, 'street', d);
  }
  regions = await loadRegions();
  const byId = new Map(regions.map((x) => [x.id, x]));
  cities = regions.filter((x) => x.level === 'city');
  districts = regions.filter((x) => x.level === 'district');
  const streets = regions.filter((x) => x.level === 'street');
  log(`regions: ${cities.length} cities, ${districts.length} districts, ${streets.length} streets`);

  // ── org units: each district's housing (lead unit) and market bureau, made when the seed has none ──
  const units = await sink.query<{ id: string; region_id: number; type: string }>(`SELECT id, region_id, type FROM org_units WHERE type IN ('housing', 'market') ORDER BY id`);
  const unitWriter = new TableWriter(sink, 'org_units', ['id', 'region_id', 'type', 'name', 'short_name', 'hotline', 'created_at', 'updated_at']);
  let unitNo = 0;
  const unitOf = async (d: Region, type: 'housing' | 'market') => {
    const have = units.find((u) => u.region_id === d.id && u.type === type);
    if (have) return have.id;
    const id = rowId(T.unit, unitNo++);
    await unitWriter.add([id, d.id, type, `${d.code}${type === 'housing' ? '住房和城乡建设局' : '市场监督管理局'}（生成）`, `G${unitNo}`, `027-6${String(unitNo).padStart(7, '0')}`, iso(startMs), iso(startMs)]);
    return id;
  };
  const wuhan = regions.find((x) => x.code === '420100') as Region;
  const D: District[] = [];
  for (const d of districts) {
    const city = byId.get(d.parentId as number) as Region;
    const leaves = regions.filter((x) => x.path.startsWith(d.path) && x.id !== d.id && (x.level === 'street' || x.level === 'community'));
    D.push({
      region: d,
      city,
      leaves: leaves.length ? leaves : [d],
      // Wuhan's districts hold three times the leads of a district elsewhere.
      weight: city.id === wuhan.id ? 3 : 1,
      housingUnit: await unitOf(d, 'housing'),
      marketUnit: await unitOf(d, 'market'),
      projects: [],
      managed: [],
      enterprises: [],
      shortCode: `D${D.length + 1}`,
    });
  }
  await unitWriter.flush();
  const pickDistrict = weighted(D.map((d) => [d, d.weight] as [District, number]));

  const t0 = performance.now();

  // ── enterprises ──
  const E = n(12_000);
  const entDistrict: District[] = [];
  const entRegion: number[] = [];
  const codes = new Set((await sink.query<{ credit_code: string }>('SELECT credit_code FROM enterprises')).map((x) => x.credit_code));
  const ew = new TableWriter(sink, 'enterprises', ['id', 'credit_code', 'name', 'legal_representative', 'region_id', 'address', 'contact_phone', 'status', 'created_at', 'updated_at']);
  for (let i = 0; i < E; i++) {
    const d = pickDistrict(r());
    const code6 = /^\d{6}$/.test(d.region.code) ? d.region.code : /^\d{6}$/.test(d.city.code) ? d.city.code : '420100';
    let code = generateUscc(code6, r);
    while (codes.has(code)) code = generateUscc(code6, r);
    codes.add(code);
    entDistrict.push(d);
    entRegion.push(d.region.id);
    d.enterprises.push(i);
    const created = startMs - int(30, 3000) * DAY;
    await ew.add([
      rowId(T.enterprise, i),
      code,
      `${d.region.code}${pick(COMPANY_A)}${pick(COMPANY_A)}${pick(COMPANY_B)}${i}`,
      `${pick(['张', '王', '李', '赵', '刘', '陈'])}${pick(['伟', '芳', '娜', '敏', '静', '强'])}`,
      d.region.id,
      `${pick(ROADS)}路${int(1, 999)}号`,
      `139${String(int(0, 99_999_999)).padStart(8, '0')}`,
      r() < 0.95 ? 'active' : pick(['suspended', 'deregistered']),
      iso(created),
      iso(created),
    ]);
  }
  await ew.flush();

  // ── projects (88% professionally managed, by a company of the same district, else of the same city) ──
  const P = n(60_000);
  const projRegion: number[] = [];
  const projEnt: number[] = [];
  const projName: string[] = [];
  const projDistrict: District[] = [];
  const pw = new TableWriter(sink, 'projects', ['id', 'name', 'address', 'region_id', 'enterprise_id', 'households', 'building_area', 'lat', 'lng', 'has_owners_committee', 'fully_disclosed_since', 'created_at', 'updated_at']);
  for (let i = 0; i < P; i++) {
    const d = pickDistrict(r());
    const leaf = pick(d.leaves);
    let ent = -1;
    if (r() < 0.88) {
      const pool = d.enterprises.length ? d.enterprises : D.filter((x) => x.city.id === d.city.id && x.enterprises.length).flatMap((x) => x.enterprises);
      if (pool.length) ent = pick(pool);
    }
    const name = `${pick(NAME_A)}${pick(NAME_B)}${i + 1}期`;
    const households = int(80, 3000);
    const created = r() < 0.9 ? startMs - int(30, 2000) * DAY : startMs + Math.floor(r() * spanMs);
    const disclosed = ent >= 0 && r() < 0.6 ? day(Math.max(created, startMs) + Math.floor(r() * (untilMs - Math.max(created, startMs)))) : null;
    projRegion.push(leaf.id);
    projEnt.push(ent);
    projName.push(name);
    projDistrict.push(d);
    d.projects.push(i);
    if (ent >= 0) d.managed.push(i);
    await pw.add([
      rowId(T.project, i),
      name,
      `${pick(ROADS)}路${int(1, 999)}号`,
      leaf.id,
      ent >= 0 ? rowId(T.enterprise, ent) : null,
      households,
      Math.round(households * 95.5 * 100) / 100,
      30 + r() * 2.5,
      110 + r() * 5,
      r() < 0.35,
      disclosed,
      iso(created),
      iso(created),
    ]);
  }
  await pw.flush();
  log(`enterprises ${E}, projects ${P} (${((performance.now() - t0) / 1000).toFixed(1)} s)`);

  // ── leads, with the ledger problems opened for rectification orders ──
  const C = n(2_000_000);
  const cw = new TableWriter(sink, 'complaints', [
    'id', 'tracking_code', 'channel', 'external_ref', 'description', 'address', 'region_id', 'project_id', 'enterprise_id', 'anonymous', 'category', 'lead_department',
    'urgent', 'triage', 'triage_model_version', 'triage_confirmed_at', 'status', 'lead_org_unit_id', 'dispatched_at', 'signed_at', 'sign_due_at', 'due_at', 'follow_up_due_at',
    'current_due_kind', 'current_due_at', 'current_due_soon_at', 'finding', 'outcome', 'finding_details', 'problem_id', 'reply_text', 'satisfaction', 'followed_up_at',
    'received_at', 'closed_at', 'created_at', 'updated_at',
  ]);
  const problemColumns = ['id', 'code', 'source', 'source_id', 'complaint_id', 'region_id', 'project_id', 'enterprise_id', 'category', 'title', 'description', 'responsible_org_unit_id', 'deadline', 'status', 'opened_on', 'closed_at', 'created_at', 'updated_at'];
  const prw = new TableWriter(sink, 'problems', problemColumns);
  let problemNo = 0;
  const problemFacts: Array<{ ent: number; project: number; region: number; district: District; opened: number; category: number }> = [];
  const addProblem = async (source: 'complaint' | 'inspection', sourceId: string, complaintId: string | null, project: number, region: number, d: District, category: number, openedMs: number) => {
    const id = rowId(T.problem, problemNo);
    const deadlineMs = openedMs + int(7, 30) * DAY;
    const status = deadlineMs + 10 * DAY < untilMs ? (r() < 0.96 ? 'closed' : r() < 0.5 ? 'withdrawn' : 'rectifying') : pick(['open', 'rectifying', 'submitted', 'closed']);
    const closedMs = status === 'closed' ? Math.min(untilMs - 1000, openedMs + Math.floor(r() * (deadlineMs - openedMs + 10 * DAY))) : null;
    await prw.add([
      id,
      `G${String(problemNo + 1).padStart(8, '0')}`,
      source,
      sourceId,
      complaintId,
      region,
      rowId(T.project, project),
      rowId(T.enterprise, projEnt[project]),
      category,
      `${projName[project]}：${CATEGORY_TEXT[category][0].slice(0, 12)}`,
      CATEGORY_TEXT[category][int(0, 1)],
      d.housingUnit,
      day(deadlineMs),
      status,
      day(openedMs),
      closedMs === null ? null : iso(closedMs),
      iso(openedMs),
      iso(closedMs ?? openedMs),
    ]);
    problemFacts.push({ ent: projEnt[project], project, region, district: d, opened: openedMs, category });
    return rowId(T.problem, problemNo++);
  };

  const channel = weighted<string>([['hotline_12345', 45], ['web', 20], ['phone', 15], ['open311', 8], ['visit', 5], ['letter', 4], ['inspection', 2], ['referral', 1]]);
  const category = weighted<number>([[0, 10], [1, 25], [2, 20], [3, 15], [4, 8], [5, 12], [6, 10]]);
  const department = weighted<string>([['housing', 72], ['market', 14], ['civil', 5], ['police', 3], ['credit', 1], ['none', 5]]);
  const finding = weighted<string>([['substantiated', 55], ['partly_substantiated', 15], ['not_substantiated', 30]]);
  const satisfaction = weighted<string>([['satisfied', 74], ['basically_satisfied', 16], ['dissatisfied', 7], ['unreachable', 3]]);
  const H = 3_600_000;
  for (let i = 0; i < C; i++) {
    const d = pickDistrict(r());
    const withProject = r() < 0.8 && d.projects.length > 0;
    const project = withProject ? pick(d.projects) : -1;
    const region = withProject ? projRegion[project] : pick(d.leaves).id;
    const ent = withProject ? projEnt[project] : -1;
    // More leads in recent months (the campaign's publicity): density grows towards `until`.
    const received = startMs + Math.floor(r() ** 0.8 * spanMs);
    const ch = channel(r());
    const cat = category(r());
    const dept = department(r());
    const urgent = r() < 0.03;
    // The timeline: dispatch within hours, sign within a day, reply in ~2 weeks (8% late), close after the follow-up.
    const stuck = r() < 0.015; // a lead that stalls in its current step (the overdue ones)
    const dispatched = dept === 'none' ? null : received + Math.floor(r() * 8 * H);
    const signDue = dispatched === null ? null : dispatched + (urgent ? 2 * H : DAY);
    const signed = dispatched === null ? null : dispatched + Math.floor(r() * (r() < 0.05 ? 2 * DAY : 20 * H));
    const due = dispatched === null ? null : dispatched + 21 * DAY;
    const replied = (signed ?? received) + Math.floor((r() < 0.08 ? 25 : 18) * DAY * r()) + H;
    const followUpDue = replied + 7 * DAY;
    const closed = replied + Math.floor(r() * 6 * DAY) + H;
    let status: string;
    let dueKind: string | null = null;
    let dueAt: number | null = null;
    const stopAt = stuck ? received + Math.floor(r() * 40 * DAY) : untilMs;
    const now = Math.min(untilMs, stopAt);
    if (dispatched !== null && now < dispatched) status = 'received';
    else if (signed !== null && now < signed) {
      status = 'dispatched';
      dueKind = 'sign';
      dueAt = signDue;
    } else if (now < replied) {
      status = dispatched === null ? 'received' : 'accepted';
      dueKind = dispatched === null ? null : 'reply';
      dueAt = dispatched === null ? null : due;
    } else if (now < closed) {
      status = 'replied';
      dueKind = 'follow_up';
      dueAt = followUpDue;
    } else status = 'closed';
    if (stuck && status === 'closed') {
      status = 'accepted';
      dueKind = 'reply';
      dueAt = due;
    }
    if (status === 'accepted' && r() < 0.02) status = 'returned';
    const isClosed = status === 'closed';
    const reached = status === 'replied' || isClosed;
    const fd = reached ? finding(r()) : null;
    const outcome = fd === null ? null : fd === 'not_substantiated' ? 'not_substantiated' : r() < 0.25 && withProject && ent >= 0 ? 'rectification_ordered' : 'resolved_on_site';
    const id = rowId(T.complaint, i);
    const problemId = outcome === 'rectification_ordered' ? await addProblem('complaint', id, id, project, region, d, cat === 0 ? 1 : cat, replied) : null;
    await cw.add([
      id,
      `G${i.toString(36).toUpperCase().padStart(9, '0')}`,
      ch,
      ch === 'hotline_12345' || ch === 'open311' ? `G${i}` : null,
      `${withProject ? projName[project] : d.region.code}${CATEGORY_TEXT[cat][i % 2]}，请尽快处理。`,
      withProject ? null : `${pick(ROADS)}路${int(1, 999)}号`,
      region,
      withProject ? rowId(T.project, project) : null,
      ent >= 0 ? rowId(T.enterprise, ent) : null,
      r() < 0.05,
      cat,
      dept,
      urgent,
      '{}',
      'generated',
      dispatched === null ? null : iso(dispatched),
      status,
      dept === 'none' ? null : dept === 'market' ? d.marketUnit : d.housingUnit,
      dispatched === null ? null : iso(dispatched),
      status === 'received' || status === 'dispatched' || signed === null ? null : iso(signed),
      signDue === null ? null : iso(signDue),
      due === null ? null : iso(due),
      reached ? iso(followUpDue) : null,
      dueKind,
      dueAt === null ? null : iso(dueAt),
      dueAt === null ? null : iso(dueAt - 2 * DAY),
      fd,
      outcome,
      fd === null ? null : '经现场核查，情况属实，已责令整改。',
      problemId,
      reached ? '您反映的问题已核查处理，感谢监督。' : null,
      isClosed ? satisfaction(r()) : null,
      isClosed ? iso(closed) : null,
      iso(received),
      isClosed ? iso(closed) : null,
      iso(received),
      iso(isClosed ? closed : received),
    ]);
    if (i > 0 && i % 200_000 === 0) log(`  leads ${i} (${((performance.now() - t0) / 1000).toFixed(0)} s)`);
  }
  await cw.flush();

  // ── inspections (of managed projects), 40% finding a problem ──
  const I = n(300_000);
  const iw = new TableWriter(sink, 'inspections', ['id', 'region_id', 'enterprise_id', 'project_ids', 'date', 'mode', 'people_dispatched', 'departments', 'signed_departments', 'created_at']);
  const mode = weighted<string>([['announced', 60], ['unannounced', 35], ['covert', 5]]);
  const withManaged = D.filter((d) => d.managed.length);
  const pickManagedDistrict = weighted(withManaged.map((d) => [d, d.weight] as [District, number]));
  for (let i = 0; i < I; i++) {
    const d = pickManagedDistrict(r());
    const project = pick(d.managed);
    const at = startMs + Math.floor(r() ** 0.9 * spanMs);
    const depts = r() < 0.3 ? '{housing,market}' : '{housing}';
    const id = rowId(T.inspection, i);
    await iw.add([id, projRegion[project], rowId(T.enterprise, projEnt[project]), `{${rowId(T.project, project)}}`, day(at), mode(r()), int(2, 6), depts, depts, iso(at)]);
    if (r() < 0.4) await addProblem('inspection', id, null, project, projRegion[project], d, int(1, 6), at);
  }
  await iw.flush();
  await prw.flush();

  // ── enforcement actions on 10% of the problems, each with its credit event; good-conduct records ──
  const aw = new TableWriter(sink, 'enforcement_actions', [
    'id', 'type', 'issuing_org_unit_id', 'year', 'seq', 'document_number', 'region_id', 'enterprise_id', 'project_id', 'problem_id', 'action_date', 'facts', 'amount', 'deadline_days', 'deadline', 'publication_due_on', 'published_at', 'credit_event_id', 'created_at',
  ]);
  const ew2 = new TableWriter(sink, 'credit_events', ['id', 'enterprise_id', 'region_id', 'type', 'points', 'reason', 'source_type', 'source_id', 'occurred_on', 'valid_until', 'created_at']);
  const actionType = weighted<string>([['rectification_order', 45], ['interview', 22], ['warning_letter', 8], ['warning', 13], ['fine', 10], ['confiscation', 1], ['police_penalty', 1]]);
  const POINTS: Record<string, number> = { rectification_order: -2, interview: -1, warning_letter: -3, warning: -5, fine: -10, confiscation: -10, police_penalty: -8, good_conduct: 3 };
  // Document numbers continue each unit's yearly sequence (the seed may have issued some).
  const seqs = new Map(
    (await sink.query<{ unit: string; year: number; seq: number }>(`SELECT issuing_org_unit_id AS unit, year, max(seq) AS seq FROM enforcement_actions GROUP BY 1, 2`)).map(
      (x) => [`${x.unit}|${x.year}`, Number(x.seq)] as [string, number],
    ),
  );
  let actions = 0;
  let credits = 0;
  for (let p = 0; p < problemFacts.length; p++) {
    if (r() >= 0.1) continue;
    const f = problemFacts[p];
    const type = actionType(r());
    const at = Math.min(untilMs - DAY, f.opened + int(1, 40) * DAY);
    const year = new Date(at).getUTCFullYear();
    const key = `${f.district.housingUnit}|${year}`;
    const seq = (seqs.get(key) ?? 0) + 1;
    seqs.set(key, seq);
    const penalty = ['warning', 'fine', 'confiscation', 'police_penalty'].includes(type);
    const actionId = rowId(T.action, actions++);
    const creditId = rowId(T.credit, credits++);
    await aw.add([
      actionId,
      type,
      f.district.housingUnit,
      year,
      seq,
      `${f.district.shortCode}${type === 'fine' ? '罚' : '责'}〔${year}〕${seq}号（生成）`,
      entRegion[f.ent],
      rowId(T.enterprise, f.ent),
      rowId(T.project, f.project),
      rowId(T.problem, p),
      day(at),
      `${projName[f.project]}：${CATEGORY_TEXT[f.category][0]}`,
      type === 'fine' ? int(5, 50) * 1000 : null,
      type === 'rectification_order' ? 15 : null,
      type === 'rectification_order' ? day(at + 21 * DAY) : null,
      penalty ? day(at + 9 * DAY) : null,
      penalty && at + 9 * DAY < untilMs ? iso(at + int(1, 9) * DAY) : null,
      creditId,
      iso(at),
    ]);
    await ew2.add([creditId, rowId(T.enterprise, f.ent), entRegion[f.ent], type, POINTS[type], `行政执法：${CATEGORY_TEXT[f.category][0]}`, 'enforcement_action', actionId, day(at), day(at + 365 * DAY), iso(at)]);
  }
  await aw.flush();
  for (let i = 0; i < Math.round(E / 2); i++) {
    const ent = int(0, E - 1);
    const at = startMs + Math.floor(r() * spanMs);
    await ew2.add([rowId(T.credit, credits++), rowId(T.enterprise, ent), entRegion[ent], 'good_conduct', POINTS.good_conduct, '服务质量获业主好评', 'manual', null, day(at), day(at + 365 * DAY), iso(at)]);
  }
  await ew2.flush();
  const tCopy = performance.now();
  log(`leads ${C}, problems ${problemNo}, inspections ${I}, actions ${actions}, credit events ${credits} (${((tCopy - t0) / 1000).toFixed(1)} s)`);
  return {
    counts: {
      cities: cities.length,
      districts: districts.length,
      streets: streets.length,
      orgUnits: unitNo,
      enterprises: E,
      projects: P,
      complaints: C,
      problems: problemNo,
      inspections: I,
      enforcementActions: actions,
      creditEvents: credits,
    },
    seconds: { total: 0, generateAndCopy: (tCopy - started) / 1000, indexes: 0, analyze: 0 },
  };
}

export const LOADED_TABLES = ['org_units', 'enterprises', 'projects', 'complaints', 'problems', 'inspections', 'enforcement_actions', 'credit_events'];

/**
 * The whole load: replica mode, secondary indexes of the loaded tables dropped, rows COPYed,
 * indexes re-created from their own definitions, the lead roll-up counts rebuilt, ANALYZE.
 */
export async function loadDataset(sink: Sink, opts: DatasetOptions): Promise<DatasetResult> {
  const log = opts.log ?? (() => undefined);
  const started = performance.now();
  const indexes = await sink.query<{ name: string; def: string }>(
    `SELECT i.indexrelid::regclass::text AS name, pg_get_indexdef(i.indexrelid) AS def
       FROM pg_index i
      WHERE i.indrelid::regclass::text = ANY($1) AND NOT i.indisprimary
        AND NOT EXISTS (SELECT 1 FROM pg_constraint c WHERE c.conindid = i.indexrelid)`,
    [LOADED_TABLES],
  );
  await sink.query(`SET session_replication_role = replica`);
  for (const ix of indexes) await sink.query(`DROP INDEX ${ix.name}`);
  let result: DatasetResult;
  let tIdx = performance.now();
  try {
    result = await generateDataset(sink, opts);
  } finally {
    tIdx = performance.now();
    for (const ix of indexes) await sink.query(ix.def);
    await sink.query(`SET session_replication_role = DEFAULT`);
    log(`re-created ${indexes.length} indexes (${((performance.now() - tIdx) / 1000).toFixed(1)} s)`);
  }
  // The COPY bypassed the triggers (replica mode): the lead roll-up counts are recomputed from the rows.
  const tRollup = performance.now();
  await sink.query('SELECT wy_rebuild_complaint_counts()');
  log(`rebuilt the lead roll-up counts (${((performance.now() - tRollup) / 1000).toFixed(1)} s)`);
  const tAnalyze = performance.now();
  await sink.query('ANALYZE');
  const tEnd = performance.now();
  const sec = (ms: number) => Math.round(ms / 100) / 10;
  result.seconds = { generateAndCopy: sec(tIdx - started), indexes: sec(tAnalyze - tIdx), analyze: sec(tEnd - tAnalyze), total: sec(tEnd - started) };
  return result;
}
