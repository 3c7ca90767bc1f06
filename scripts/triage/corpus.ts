/**
 * The labelled triage corpus: loading, and the deterministic build of tests/fixtures/triage/corpus.jsonl.
 *
 *   npx tsx scripts/triage/corpus.ts      # rebuilds tests/fixtures/triage/corpus.jsonl
 *
 * Sources (all hand-written and hand-labelled, see docs/triage-labelling.md):
 *  - tests/fixtures/triage/devset.jsonl (675 leads, written for the rule engine);
 *  - tests/fixtures/triage/corrections.jsonl, staff corrections taken in by an accepted retraining;
 *  - tests/fixtures/triage/src/batch-*.txt (written for the learned model; one lead a line:
 *    `category lead co|- U|- h|w|l|c text`).
 * Each hand-written lead (a "group") also yields three rewritten variants — another register
 * (12345 operator summary ↔ resident's own words, letter), noise (traditional characters, typos,
 * dialect, no punctuation) and length (background, a minor second issue, closing words). A variant
 * keeps its group's labels; cross-validation splits by group, so no variant of a test lead is ever
 * trained on. tests/fixtures/triage/holdout.jsonl is NOT part of the corpus: it is the project's
 * own hold-out (the retraining gate and the floor test use it).
 */
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { TRAD_TO_SIMP } from '../../core/triage/normalise.js';

export type Register = 'hotline' | 'web' | 'letter' | 'wechat';
export interface LabelledLead {
  id: string;
  /** Hand-written lead this one comes from (its own id for an original). */
  group?: string;
  register: Register;
  text: string;
  category: number;
  leadDepartment: string;
  coDepartments: string[];
  urgent: boolean;
}

export const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
export const CORPUS_PATH = resolve(root, 'tests/fixtures/triage/corpus.jsonl');
export const HOLDOUT_PATH = resolve(root, 'tests/fixtures/triage/holdout.jsonl');
/** Staff corrections exported by `npm run triage:retrain` (accepted retrainings only). */
export const CORRECTIONS_PATH = resolve(root, 'tests/fixtures/triage/corrections.jsonl');
export const BLIND_HOLDOUT_PATH = resolve(root, 'tests/fixtures/triage/blind-holdout.jsonl');
/** A second blind hold-out, written for the second round by two writers who saw no corpus item. */
export const BLIND_HOLDOUT_2_PATH = resolve(root, 'tests/fixtures/triage/blind-holdout-2.jsonl');

export function loadJsonl(path: string): LabelledLead[] {
  return readFileSync(path, 'utf8')
    .split('\n')
    .filter((l) => l.trim())
    .map((l) => JSON.parse(l) as LabelledLead);
}

const REGISTERS: Record<string, Register> = { h: 'hotline', w: 'web', l: 'letter', c: 'wechat' };

export function loadBatches(dir = resolve(root, 'tests/fixtures/triage/src')): LabelledLead[] {
  const out: LabelledLead[] = [];
  for (const file of readdirSync(dir).filter((f) => f.endsWith('.txt')).sort()) {
    const batch = file.replace(/\.txt$/, '');
    readFileSync(resolve(dir, file), 'utf8')
      .split('\n')
      .forEach((line, i) => {
        if (!line.trim() || line.startsWith('#')) return;
        const m = /^([0-6]) (housing|market|police|civil|credit|none) (\S+) ([U-]) ([hwlc]) (.+)$/.exec(line.trim());
        if (!m) throw new Error(`${file}:${i + 1}: cannot parse: ${line}`);
        out.push({
          id: `${batch}-${String(i + 1).padStart(3, '0')}`,
          register: REGISTERS[m[5]],
          text: m[6].trim(),
          category: Number(m[1]),
          leadDepartment: m[2],
          coDepartments: m[3] === '-' ? [] : m[3].split(','),
          urgent: m[4] === 'U',
        });
      });
  }
  return out;
}

// ── deterministic variants ────────────────────────────────────────────────────────────────────

function hash(s: string): number {
  let h = 2166136261;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 16777619);
  return h >>> 0;
}
/** mulberry32: a small deterministic PRNG. */
export function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
const pick = <T>(r: () => number, xs: readonly T[]): T => xs[Math.floor(r() * xs.length)];

const SIMP_TO_TRAD: Record<string, string> = {};
for (const [t, s] of Object.entries(TRAD_TO_SIMP)) SIMP_TO_TRAD[s] ??= t;

const COMMUNITIES = ['枫林苑', '南湖嘉园', '翠微新村', '金桥小区', '和平里', '锦江花园', '望江台', '汉阳新城', '百步亭', '青山湖畔', '桂园', '荷塘月色小区', '紫荆苑', '学府佳园', '新华家园'];
const DEMANDS = ['要求相关部门核实处理。', '希望尽快解决。', '要求有关部门给予答复。', '要求依法处理。', '希望相关部门督促整改。'];
const URGENT_DEMANDS = ['要求立即处理。', '情况紧急，要求尽快派人到场。', '要求马上解决。'];
const NONE_DEMANDS = ['咨询应向哪个部门反映。', '希望得到帮助。', '要求协调处理。'];
const BACKGROUND = ['我在这个小区住了快十年了。', '我是个退休的老人，平时很少找麻烦。', '我们小区是十多年的老小区了。', '我是外地来这边工作的，租住在这个小区。', '事情是这样的，', '说来话长，', '不好意思打扰了，'];
const CLOSING = ['希望有关部门重视，谢谢！', '请尽快给个答复。', '拜托了。', '已经反映过好几次了，一直没结果。', '麻烦了。', '谢谢！'];
const SIDE_ISSUES = ['另外小区绿化也很久没人修剪了。', '顺便说一下，楼道的灯也坏了好久。', '还有，小区垃圾清运也不及时。', '另外小区门禁也经常坏。', '再就是小区路面坑坑洼洼的也没人修。'];
const TYPOS: readonly (readonly [RegExp, string])[] = [
  [/物业/g, '物叶'],
  [/缴/g, '交'],
  [/什么/g, '么事'],
  [/没有/g, '冇得'],
  [/怎么/g, '咋'],
  [/孩子/g, '伢'],
  [/燃气/g, '燃汽'],
  [/已经/g, '以经'],
  [/的/g, '滴'],
];

function body(text: string): string {
  return text
    .replace(/^来电人(反映|咨询|称|表示)[:：]?/, '')
    .replace(/^尊敬的[^：:]{0,8}[：:]/, '')
    .replace(/(此致)?敬礼[。！]?$/, '')
    .replace(/诉求[:：].*$/, '')
    .trim();
}

function asHotline(l: LabelledLead, r: () => number): string {
  const b = body(l.text).replace(/我们/g, '其所在小区居民').replace(/我家/g, '其家中').replace(/我/g, '其');
  const demand = l.urgent ? pick(r, URGENT_DEMANDS) : l.leadDepartment === 'none' ? pick(r, NONE_DEMANDS) : pick(r, DEMANDS);
  const where = r() < 0.5 ? `其系${pick(r, COMMUNITIES)}业主，` : '';
  return `来电人反映：${where}${b.replace(/[。！!]?$/, '。')}诉求：${demand}`;
}

function asResident(l: LabelledLead, r: () => number): string {
  const b = body(l.text).replace(/其所在/g, '我们').replace(/其家中?/g, '我家').replace(/来电人/g, '我').replace(/其/g, '我');
  return r() < 0.5 ? `${pick(r, ['想反映个事，', '你好，', '请问一下，', ''])}${b}` : `${pick(r, ['尊敬的领导：', '尊敬的局长：', '领导您好：'])}${pick(r, BACKGROUND)}${b}${pick(r, ['恳请领导过问。', '请求依法处理。', '盼复。'])}此致敬礼`;
}

function noisy(text: string, r: () => number): string {
  const mode = Math.floor(r() * 3);
  if (mode === 0) {
    let out = '';
    for (const ch of text) out += SIMP_TO_TRAD[ch] && r() < 0.8 ? SIMP_TO_TRAD[ch] : ch;
    return out;
  }
  if (mode === 1) {
    let out = text;
    for (const [re, to] of TYPOS) if (r() < 0.35) out = out.replace(re, to);
    return out;
  }
  return text.replace(/[，。！？、：；,.!?]+/g, ' ').replace(/ +/g, ' ').trim();
}

function longer(l: LabelledLead, r: () => number): string {
  const side = l.category !== 0 && r() < 0.6 ? pick(r, SIDE_ISSUES) : '';
  if (l.register === 'hotline') {
    const m = /^(来电人(?:反映|咨询|称|表示)[:：]?)(.*?)(诉求[:：].*)?$/.exec(l.text);
    const head = m?.[1] ?? '来电人反映：';
    const story = (m?.[2] ?? l.text).trim();
    const demand = m?.[3] ?? `诉求：${pick(r, DEMANDS)}`;
    const before = pick(r, ['其称此前已多次向物业反映未果，', '其情绪较激动，', '来电人表示，', '']);
    const side2 = side ? side.replace(/^另外|^顺便说一下，|^还有，|^再就是/, '另反映').replace(/^(?!另反映)/, '另反映') : '';
    return `${head}${before}${story}${/[。！？!?]$/.test(story) ? '' : '。'}${side2}${demand}`;
  }
  const salutation = /^尊敬的[^：:]{0,8}[：:]/.exec(l.text)?.[0] ?? '';
  const b = l.text.slice(salutation.length).replace(/(此致)?敬礼[。！]?$/, '').trim();
  return `${salutation}${pick(r, BACKGROUND)}${b}${/[。！？!?]$/.test(b) ? '' : '。'}${side}${pick(r, CLOSING)}${salutation ? '此致敬礼' : ''}`;
}

export function variants(l: LabelledLead): LabelledLead[] {
  const r = rng(hash(l.id));
  const keep = { category: l.category, leadDepartment: l.leadDepartment, coDepartments: l.coDepartments, urgent: l.urgent, group: l.id };
  const reg = l.register === 'hotline' ? (pick(r, ['web', 'letter']) as Register) : 'hotline';
  const shifted = l.register === 'hotline' ? asResident(l, r) : asHotline(l, r);
  return [
    { id: `${l.id}~r`, register: reg, text: shifted, ...keep },
    { id: `${l.id}~n`, register: l.register === 'letter' ? 'web' : l.register, text: noisy(l.text, r), ...keep },
    { id: `${l.id}~l`, register: l.register, text: longer(l, r), ...keep },
  ];
}

export function buildCorpus(): LabelledLead[] {
  const corrections = existsSync(CORRECTIONS_PATH) ? loadJsonl(CORRECTIONS_PATH) : [];
  const originals = [...loadJsonl(resolve(root, 'tests/fixtures/triage/devset.jsonl')), ...loadBatches(), ...corrections];
  const out: LabelledLead[] = [];
  for (const l of originals) {
    out.push({ ...l, group: l.id });
    out.push(...variants(l));
  }
  return out;
}

export function loadCorpus(): LabelledLead[] {
  if (!existsSync(CORPUS_PATH)) throw new Error(`${CORPUS_PATH} missing: run npx tsx scripts/triage/corpus.ts`);
  return loadJsonl(CORPUS_PATH);
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const corpus = buildCorpus();
  const canonical = corpus.map((l) =>
    JSON.stringify({ id: l.id, group: l.group, register: l.register, text: l.text, category: l.category, leadDepartment: l.leadDepartment, coDepartments: l.coDepartments, urgent: l.urgent }),
  );
  writeFileSync(CORPUS_PATH, `${canonical.join('\n')}\n`);
  const originals = corpus.filter((l) => l.group === l.id).length;
  console.log(`wrote ${CORPUS_PATH}: ${corpus.length} leads (${originals} hand-written, ${corpus.length - originals} variants)`);
}
