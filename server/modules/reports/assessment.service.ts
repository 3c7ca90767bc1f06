import { eq, type SQL, sql } from 'drizzle-orm';
import { z } from 'zod';
import { DEFAULT_ASSESSMENT, INDICATOR_KEYS, type IndicatorConfig, type Measured, score } from '../../../core/reports/assessment.js';
import { isIsoDate } from '../../../core/working-days.js';
import { type Db, escapeLike, queryRows } from '../../db/client.js';
import { assessmentConfigs } from '../../db/schema/index.js';
import type { Actor } from '../../http/actor.js';
import { recordAudit } from '../../http/audit.js';
import { validationFailed } from '../../http/errors.js';
import { regionInScope } from '../../http/scope.js';
import { hotlineCompliance } from '../hotlines/hotlines.report.js';
import * as repo from './reports.repository.js';

/*
 * 法治建设绩效考核 (S0 §四): per child region and per department, the indicator values measured
 * from records over [from, to], scored by the configured weights and minimum volumes
 * (core/reports/assessment.ts). Every score lists its values, their sources and the rule applied.
 */

const day = z.string().refine(isIsoDate, '日期格式为 YYYY-MM-DD');
export const assessmentQuery = z.object({ region: z.string().trim().min(1).max(40), from: day, to: day });
export type AssessmentQuery = z.infer<typeof assessmentQuery>;

export const configBody = z.object({
  region: z.string().trim().min(1).max(40),
  indicators: z
    .array(z.object({ key: z.enum(INDICATOR_KEYS as [string, ...string[]]), weight: z.number().min(0).max(100), minVolume: z.number().int().min(0).max(100000).optional() }))
    .min(1)
    .max(INDICATOR_KEYS.length),
});

const subtree = (col: SQL, path: string) => sql`${col} IN (SELECT id FROM regions WHERE path LIKE ${`${escapeLike(path)}%`})`;
const cn = (col: SQL) => sql`(${col} AT TIME ZONE 'Asia/Shanghai')::date`;
const rate = (n: number, d: number) => (d > 0 ? n / d : 0);

async function complaintMeasures(db: Db, where: SQL, from: string, to: string): Promise<Measured[]> {
  const [r] = await queryRows<Record<string, number>>(
    db,
    sql`SELECT
          count(*) FILTER (WHERE ${cn(sql`received_at`)} BETWEEN ${from}::date AND ${to}::date AND status <> 'merged')::int AS received,
          count(*) FILTER (WHERE ${cn(sql`received_at`)} BETWEEN ${from}::date AND ${to}::date AND status = 'closed')::int AS received_closed,
          count(*) FILTER (WHERE status = 'closed' AND ${cn(sql`closed_at`)} BETWEEN ${from}::date AND ${to}::date)::int AS closed,
          count(*) FILTER (WHERE status = 'closed' AND ${cn(sql`closed_at`)} BETWEEN ${from}::date AND ${to}::date
                           AND (coalesce(current_due_at, due_at) IS NULL OR closed_at <= coalesce(current_due_at, due_at)))::int AS on_time,
          count(*) FILTER (WHERE status = 'closed' AND satisfaction IS NOT NULL AND ${cn(sql`closed_at`)} BETWEEN ${from}::date AND ${to}::date)::int AS rated,
          count(*) FILTER (WHERE status = 'closed' AND satisfaction IN ('satisfied', 'basically_satisfied') AND ${cn(sql`closed_at`)} BETWEEN ${from}::date AND ${to}::date)::int AS satisfied
        FROM complaints WHERE ${where}`,
  );
  const n = (k: string) => Number(r?.[k] ?? 0);
  return [
    { key: 'closureRate', value: rate(n('received_closed'), n('received')), volume: n('received') },
    { key: 'onTimeRate', value: rate(n('on_time'), n('closed')), volume: n('closed') },
    { key: 'satisfactionRate', value: rate(n('satisfied'), n('rated')), volume: n('rated') },
  ];
}

async function problemMeasure(db: Db, where: SQL, from: string, to: string): Promise<Measured> {
  const [r] = await queryRows<{ opened: number; closed: number }>(
    db,
    sql`SELECT count(*)::int AS opened, count(*) FILTER (WHERE status = 'closed')::int AS closed
        FROM problems WHERE ${where} AND status <> 'withdrawn' AND opened_on BETWEEN ${from}::date AND ${to}::date`,
  );
  return { key: 'problemClosureRate', value: rate(Number(r?.closed ?? 0), Number(r?.opened ?? 0)), volume: Number(r?.opened ?? 0) };
}

export async function configFor(db: Db, regionId: number): Promise<IndicatorConfig[]> {
  const [row] = await db.select().from(assessmentConfigs).where(eq(assessmentConfigs.regionId, regionId));
  return (row?.indicators as IndicatorConfig[] | undefined) ?? [...DEFAULT_ASSESSMENT];
}

export async function assess(db: Db, actor: Actor, q: AssessmentQuery) {
  if (q.from > q.to) throw validationFailed({ to: '结束日期不能早于开始日期' });
  const region = await regionInScope(db, actor, q.region);
  const config = await configFor(db, region.id);
  const children = await repo.childRegions(db, region.id);
  const subjects = children.length ? children : [region];
  const measuredRegions = [];
  for (const s of subjects) {
    const measured = [
      ...(await complaintMeasures(db, subtree(sql`region_id`, s.path), q.from, q.to)),
      await problemMeasure(db, subtree(sql`region_id`, s.path), q.from, q.to),
    ];
    const [d] = await queryRows<{ n: number }>(db, sql`SELECT count(*)::int AS n FROM practical_deeds WHERE ${subtree(sql`region_id`, s.path)} AND done_on BETWEEN ${q.from}::date AND ${q.to}::date`);
    measured.push({ key: 'deeds', value: Number(d?.n ?? 0), volume: null });
    const h = await hotlineCompliance(db, s.path, q.from, q.to);
    measured.push({ key: 'hotlinePassRate', value: h ? (h.rate ?? rate(h.passed, h.checked)) : null, volume: h?.checked ?? null });
    measuredRegions.push({ subject: s, measured });
  }
  const units = await queryRows<{ id: string; name: string }>(
    db,
    sql`SELECT DISTINCT u.id, u.name FROM org_units u WHERE u.active AND ${subtree(sql`u.region_id`, region.path)}
          AND (EXISTS (SELECT 1 FROM complaints c WHERE c.lead_org_unit_id = u.id) OR EXISTS (SELECT 1 FROM problems p WHERE p.responsible_org_unit_id = u.id))
        ORDER BY u.name`,
  );
  const deptConfig = config.filter((c) => c.key !== 'deeds' && c.key !== 'hotlinePassRate');
  const measuredUnits = [];
  for (const u of units) {
    measuredUnits.push({
      subject: u,
      measured: [...(await complaintMeasures(db, sql`lead_org_unit_id = ${u.id}`, q.from, q.to)), await problemMeasure(db, sql`responsible_org_unit_id = ${u.id}`, q.from, q.to)],
    });
  }
  const indicators = (xs: ReturnType<typeof score>[number]['indicators']) => xs.map((i) => ({ ...i, value: i.value === null ? null : Math.round(i.value * 10000) / 10000 }));
  return {
    region: region.code,
    regionName: region.name,
    from: q.from,
    to: q.to,
    config,
    items: score(measuredRegions, config).map((s) => ({ regionCode: s.subject.code, regionName: s.subject.name, score: s.score, rank: s.rank, ranked: s.ranked, indicators: indicators(s.indicators) })),
    departments: score(measuredUnits, deptConfig).map((s) => ({ orgUnitId: s.subject.id, name: s.subject.name, score: s.score, rank: s.rank, ranked: s.ranked, indicators: indicators(s.indicators) })),
  };
}

export async function saveConfig(db: Db, actor: Actor, body: z.infer<typeof configBody>) {
  const region = await regionInScope(db, actor, body.region);
  await db.transaction(async (tx) => {
    const before = await configFor(tx, region.id);
    await tx
      .insert(assessmentConfigs)
      .values({ regionId: region.id, indicators: body.indicators, updatedBy: actor.userId })
      .onConflictDoUpdate({ target: assessmentConfigs.regionId, set: { indicators: body.indicators, updatedBy: actor.userId, updatedAt: new Date() } });
    await recordAudit(tx, actor, { action: 'assessment_config.save', entityType: 'assessment_config', entityId: region.id, regionId: region.id, before, after: body.indicators });
  });
  return { region: region.code, indicators: await configFor(db, region.id) };
}
