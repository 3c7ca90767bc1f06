import { sql } from 'drizzle-orm';
import { cachedValue } from '../../db/changes.js';
import { type Db, queryRows } from '../../db/client.js';

/*
 * Which project or company a lead's text names, from an in-memory index over every project name
 * and every company's registered and short names (NameSet below; docs/decisions/ on why not a
 * library): one pass over the text, whatever the size of the registry, instead of a strpos scan of the
 * projects and enterprises tables per lead. The index is rebuilt on first use after any change
 * to projects, enterprises or regions (db/changes.ts: announced by the database to every
 * instance), and the jurisdiction filter is applied here exactly as the SQL it replaces did.
 */

export interface NamedProject {
  id: string;
  name: string;
  regionId: number;
  enterpriseId: string | null;
  address: string;
}

interface ProjectEntry extends NamedProject {
  path: string;
}

interface EnterpriseEntry {
  id: string;
  name: string;
  path: string | null;
  /** Short names residents use (听涛物业 for 武汉听涛物业服务有限公司), see shortNamesOf. */
  short: [string | null, string | null];
}

/**
 * Every occurrence of any of a set of names in a text: the names in a hash set, plus, for each
 * name's first two characters, the lengths of the names starting with them. A position of the
 * text whose two characters start no name costs one lookup; the others test those lengths only.
 * O(text × names sharing a start) per text, O(names) to build — 84,000 names build in well under
 * a second, where an Aho–Corasick package with a Map per node took minutes.
 */
export class NameSet {
  private readonly names = new Set<string>();
  private readonly lengthsByStart = new Map<string, number[]>();

  add(name: string) {
    if (name.length < 2 || this.names.has(name)) return;
    this.names.add(name);
    const start = name.slice(0, 2);
    const lengths = this.lengthsByStart.get(start);
    if (!lengths) this.lengthsByStart.set(start, [name.length]);
    else if (!lengths.includes(name.length)) lengths.push(name.length);
  }

  get size() {
    return this.names.size;
  }

  /** The names found in the text, each once. */
  foundIn(text: string): Set<string> {
    const found = new Set<string>();
    for (let i = 0; i + 1 < text.length; i++) {
      const lengths = this.lengthsByStart.get(text.slice(i, i + 2));
      if (!lengths) continue;
      for (const n of lengths) {
        if (i + n > text.length) continue;
        const candidate = text.slice(i, i + n);
        if (this.names.has(candidate)) found.add(candidate);
      }
    }
    return found;
  }
}

interface NameIndex {
  names: NameSet;
  projectsByName: Map<string, ProjectEntry[]>;
  /** keyword → [enterprise, which name: 0 registered, 1 and 2 short forms] */
  enterprisesByKeyword: Map<string, [EnterpriseEntry, 0 | 1 | 2][]>;
  /** Region paths of each enterprise's projects (jurisdiction of a company named in a lead). */
  projectPathsByEnterprise: Map<string, string[]>;
  size: number;
}

const SHORT_A = /^(?:[^省]{2,3}省)?(?:[^市]{2,3}市)?([^物]{2,}?物业)/;
const SHORT_B = /^(?:[^省]{2,3}省)?(?:[^市]{2,3}市)?[^物]{2}([^物]{2,}?物业)/;

/** The two short forms of a registered company name: leading province/city and the words after 物业 dropped, with or without a two-character place name in front. */
export function shortNamesOf(name: string): [string | null, string | null] {
  return [SHORT_A.exec(name)?.[1] ?? null, SHORT_B.exec(name)?.[1] ?? null];
}

async function buildIndex(db: Db): Promise<NameIndex> {
  const projects = await queryRows<ProjectEntry>(
    db,
    sql`SELECT p.id, p.name, p.region_id AS "regionId", p.enterprise_id AS "enterpriseId", p.address, r.path
        FROM projects p JOIN regions r ON r.id = p.region_id`,
  );
  const enterprises = await queryRows<{ id: string; name: string; path: string | null }>(
    db,
    sql`SELECT e.id, e.name, r.path FROM enterprises e LEFT JOIN regions r ON r.id = e.region_id WHERE e.status <> 'deregistered'`,
  );
  const keywords = new NameSet();
  const projectsByName = new Map<string, ProjectEntry[]>();
  const projectPathsByEnterprise = new Map<string, string[]>();
  for (const p of projects) {
    if (p.enterpriseId) {
      const paths = projectPathsByEnterprise.get(p.enterpriseId);
      if (paths) paths.push(p.path);
      else projectPathsByEnterprise.set(p.enterpriseId, [p.path]);
    }
    if (p.name.length < 3) continue;
    keywords.add(p.name);
    const same = projectsByName.get(p.name);
    if (same) same.push(p);
    else projectsByName.set(p.name, [p]);
  }
  const enterprisesByKeyword = new Map<string, [EnterpriseEntry, 0 | 1 | 2][]>();
  const addKeyword = (k: string | null, e: EnterpriseEntry, which: 0 | 1 | 2) => {
    if (!k) return;
    keywords.add(k);
    const list = enterprisesByKeyword.get(k);
    if (list) list.push([e, which]);
    else enterprisesByKeyword.set(k, [[e, which]]);
  };
  for (const row of enterprises) {
    const e: EnterpriseEntry = { ...row, short: shortNamesOf(row.name) };
    addKeyword(e.name, e, 0);
    addKeyword(e.short[0], e, 1);
    addKeyword(e.short[1], e, 2);
  }
  return { names: keywords, projectsByName, enterprisesByKeyword, projectPathsByEnterprise, size: keywords.size };
}

const index = cachedValue(['projects', 'enterprises', 'regions'], 10 * 60_000, buildIndex);

/** Names found in the text (each once). */
function namesIn(idx: NameIndex, text: string): Set<string> {
  return idx.names.foundIn(text);
}

/** The project a text names (longest name of at least 3 characters found verbatim), within a region subtree. */
export async function projectNamedIn(db: Db, text: string, regionPath: string): Promise<NamedProject | null> {
  const idx = await index.get(db);
  let best: ProjectEntry | null = null;
  for (const name of namesIn(idx, text)) {
    for (const p of idx.projectsByName.get(name) ?? []) {
      if (!p.path.startsWith(regionPath)) continue;
      if (!best || p.name.length > best.name.length || (p.name.length === best.name.length && p.id < best.id)) best = p;
    }
  }
  return best ? { id: best.id, name: best.name, regionId: best.regionId, enterpriseId: best.enterpriseId, address: best.address } : null;
}

/**
 * The company a text names when it names no project: its registered name, or a short name (see
 * shortNamesOf), among companies registered in the region subtree or managing a project there.
 * The five best-scoring names are considered (registered name first, then the longer short form);
 * two companies matching equally well is no match.
 */
export async function enterpriseNamedIn(db: Db, text: string, regionPath: string): Promise<{ id: string; name: string } | null> {
  const idx = await index.get(db);
  const found = namesIn(idx, text);
  const scores = new Map<string, { e: EnterpriseEntry; score: number }>();
  for (const k of found) {
    for (const [e] of idx.enterprisesByKeyword.get(k) ?? []) {
      if (scores.has(e.id)) continue;
      const score = found.has(e.name) ? 1000 + e.name.length : e.short[0] && found.has(e.short[0]) ? e.short[0].length : (e.short[1]?.length ?? 0);
      scores.set(e.id, { e, score });
    }
  }
  const top = [...scores.values()].sort((a, b) => b.score - a.score || (a.e.id < b.e.id ? -1 : 1)).slice(0, 5);
  const visible = top.filter(({ e }) => (e.path?.startsWith(regionPath) ?? false) || (idx.projectPathsByEnterprise.get(e.id) ?? []).some((p) => p.startsWith(regionPath)));
  if (!visible.length || (visible.length > 1 && visible[0].score === visible[1].score)) return null;
  return { id: visible[0].e.id, name: visible[0].e.name };
}
