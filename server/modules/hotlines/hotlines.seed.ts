import type { SeedContext } from '../../db/seed/context.js';
import { systemActor } from '../../http/actor.js';
import { saveHotlineAsSystem } from './hotlines.service.js';

/**
 * Demo hotline directory: the seed district's units publish their hotlines with answering hours
 * (made-up numbers from the unit rows). No spot checks are seeded, so compliance figures start
 * from what people record.
 */
export async function seedHotlines(ctx: SeedContext) {
  const actor = systemActor('seed', '/');
  const hours: Record<string, string> = {
    'dh-rol': '工作日 8:30–12:00，14:00–17:30',
    'dh-housing': '工作日 8:30–17:30（午间有人值守）',
    'dh-market': '7×24 小时',
    'dh-street-1': '工作日 8:30–17:30',
    'dh-street-2': '工作日 8:30–17:30',
  };
  for (const [key, h] of Object.entries(hours)) {
    const id = ctx.orgUnitIds.get(key);
    if (id) await saveHotlineAsSystem(ctx.db, actor, id, h);
  }
}
