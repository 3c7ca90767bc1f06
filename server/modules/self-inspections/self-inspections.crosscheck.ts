import type { Db } from '../../db/client.js';
import type { Flag } from './self-inspections.schemas.js';
import * as repo from './self-inspections.repository.js';

/**
 * Cross-check (SPEC §7): a focus item declared "无" where the project's complaints or ledger
 * problems in the campaign (since its start) show one in the same category is flagged, with the
 * records, for an unannounced inspection. Categories are the focus items' numbers (1–6).
 */
export async function crossCheck(
  db: Db,
  form: { id: string; projectId: string; campaignStartsOn: string },
  items: readonly { focusItemId: string; seq: number; problem: string | null }[],
): Promise<Flag[]> {
  const none = items.filter((i) => i.problem === null);
  const categories = none.map((i) => i.seq);
  if (!categories.length) return [];
  const [complaintRows, problemRows, decisions] = await Promise.all([
    repo.complaintsOf(db, form.projectId, categories, form.campaignStartsOn),
    repo.problemsOf(db, form.projectId, categories, form.campaignStartsOn),
    repo.loadFlagDecisions(db, form.id),
  ]);
  const confirmed = new Set(decisions.map((d) => d.focusItemId));
  const flags: Flag[] = [];
  for (const item of none) {
    const c = complaintRows.filter((r) => r.category === item.seq);
    const p = problemRows.filter((r) => r.category === item.seq);
    if (!c.length && !p.length) continue;
    const parts = [c.length ? `${c.length} 件同类投诉举报` : '', p.length ? `${p.length} 个同类台账问题` : ''].filter(Boolean).join('、');
    flags.push({
      focusItemId: item.focusItemId,
      seq: item.seq,
      reason: `第 ${item.seq} 项自查填报“无”，但专项行动期间本项目有${parts}，建议开展暗访检查`,
      sources: [
        ...c.map((r) => ({ type: 'complaint' as const, id: r.id, label: '投诉举报', date: r.at.toISOString().slice(0, 10) })),
        ...p.map((r) => ({ type: 'problem' as const, id: r.id, label: r.code, date: r.openedOn })),
      ],
      confirmed: confirmed.has(item.focusItemId),
    });
  }
  return flags;
}
