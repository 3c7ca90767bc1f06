/**
 * 法治建设绩效考核 (S0 §四): indicators, weights and minimum-volume rules → a score per region.
 * Pure scoring; the values come from server/modules/reports/assessment.service.ts.
 */
export const INDICATORS = {
  closureRate: { label: '线索办结率', kind: 'rate', source: '投诉举报线索（complaints）：期间受理的线索中已办结的比例' },
  onTimeRate: { label: '按期办结率', kind: 'rate', source: '投诉举报线索（complaints）：期间办结的线索中在办理期限内办结的比例' },
  satisfactionRate: { label: '群众满意率', kind: 'rate', source: '投诉举报线索（complaints）：期间办结且已评价的线索中满意和基本满意的比例' },
  problemClosureRate: { label: '问题整改销号率', kind: 'rate', source: '问题台账（problems）：期间发现的问题中已销号的比例' },
  deeds: { label: '为群众办实事数', kind: 'count', source: '为群众办实事（practical_deeds）：期间办理的件数，按本次考核最高值折算' },
  hotlinePassRate: { label: '投诉电话抽查合格率', kind: 'rate', source: '投诉电话抽查（hotlines）：期间抽查合格的比例' },
} as const;
export type IndicatorKey = keyof typeof INDICATORS;
export const INDICATOR_KEYS = Object.keys(INDICATORS) as IndicatorKey[];

export interface IndicatorConfig {
  key: IndicatorKey;
  weight: number;
  /** A rate is scored only when its denominator reaches this volume (so one quick case cannot top a league table). */
  minVolume?: number;
}

export const DEFAULT_ASSESSMENT: readonly IndicatorConfig[] = [
  { key: 'closureRate', weight: 25, minVolume: 5 },
  { key: 'onTimeRate', weight: 25, minVolume: 5 },
  { key: 'satisfactionRate', weight: 20, minVolume: 5 },
  { key: 'problemClosureRate', weight: 15, minVolume: 3 },
  { key: 'deeds', weight: 10 },
  { key: 'hotlinePassRate', weight: 5, minVolume: 3 },
];

/** A measured indicator: value (rate 0–1 or count), volume (denominator), or null when the source is missing. */
export interface Measured {
  key: IndicatorKey;
  value: number | null;
  volume: number | null;
}

export interface ScoredIndicator extends Measured {
  label: string;
  source: string;
  weight: number;
  /** 0–1 contribution basis (rate, or count ÷ the highest count). */
  normalised: number | null;
  eligible: boolean;
  rule: string;
}

export interface Scored<T> {
  subject: T;
  score: number | null;
  rank: number | null;
  ranked: boolean;
  indicators: ScoredIndicator[];
}

/**
 * Scores subjects: each eligible indicator contributes weight × normalised value; weights are
 * renormalised over the eligible ones so a missing source does not punish. A subject with no
 * eligible rate indicator is not ranked (score shown, rank null). Ties share a rank.
 */
export function score<T>(subjects: { subject: T; measured: Measured[] }[], config: readonly IndicatorConfig[]): Scored<T>[] {
  const maxCount = new Map<IndicatorKey, number>();
  for (const c of config) {
    if (INDICATORS[c.key].kind !== 'count') continue;
    maxCount.set(c.key, Math.max(0, ...subjects.map((s) => s.measured.find((m) => m.key === c.key)?.value ?? 0)));
  }
  const scored = subjects.map(({ subject, measured }) => {
    const indicators: ScoredIndicator[] = config.map((c) => {
      const def = INDICATORS[c.key];
      const m = measured.find((x) => x.key === c.key) ?? { key: c.key, value: null, volume: null };
      let eligible = m.value !== null;
      let rule = `权重 ${c.weight}`;
      if (m.value === null) rule = '尚无数据来源，不计分';
      else if (def.kind === 'rate' && c.minVolume && (m.volume ?? 0) < c.minVolume) {
        eligible = false;
        rule = `样本量 ${m.volume ?? 0} 少于 ${c.minVolume}，不参与计分`;
      }
      const max = maxCount.get(c.key) ?? 0;
      const normalised = m.value === null ? null : def.kind === 'count' ? (max > 0 ? m.value / max : 0) : m.value;
      return { ...m, label: def.label, source: def.source, weight: c.weight, normalised, eligible, rule };
    });
    const used = indicators.filter((i) => i.eligible && i.weight > 0);
    const weight = used.reduce((s, i) => s + i.weight, 0);
    const value = weight > 0 ? Math.round((used.reduce((s, i) => s + i.weight * (i.normalised ?? 0), 0) / weight) * 10000) / 100 : null;
    const ranked = used.some((i) => INDICATORS[i.key].kind === 'rate');
    return { subject, score: value, rank: null as number | null, ranked, indicators };
  });
  const order = scored.filter((s) => s.ranked && s.score !== null).sort((a, b) => (b.score as number) - (a.score as number));
  order.forEach((s, i) => {
    s.rank = i > 0 && order[i - 1].score === s.score ? order[i - 1].rank : i + 1;
  });
  return scored;
}
