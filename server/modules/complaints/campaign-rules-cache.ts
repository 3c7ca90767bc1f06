import { DEFAULT_RESPONSIBILITY_RULES } from '../../../core/triage/triage.js';
import { cachedByKey } from '../../db/changes.js';
import type { Db } from '../../db/client.js';
import { campaignApplyingTo, responsibilityRulesFor, todayInChina } from '../campaigns/campaigns.service.js';

/**
 * The campaign whose responsibility rules triage a lead at a region: the campaign in force today,
 * else the most specific active one (its rules keep applying). Three queries, so it is kept per
 * (region, day) until campaigns, their rules or regions change (db/changes.ts, every instance).
 */
const rulesByRegionDay = cachedByKey(['campaigns', 'campaign_responsibility_rules', 'regions'], 5 * 60_000, async (db: Db, key: string) => {
  const [regionId, today] = key.split('|');
  const id = Number(regionId);
  const campaign = (await campaignApplyingTo(db, id, today)) ?? (await campaignApplyingTo(db, id));
  if (!campaign) return { campaignId: null as string | null, rules: DEFAULT_RESPONSIBILITY_RULES };
  return { campaignId: campaign.id as string | null, rules: await responsibilityRulesFor(db, campaign.id) };
});

export function campaignRulesForRegion(db: Db, regionId: number) {
  return rulesByRegionDay.get(db, `${regionId}|${todayInChina()}`);
}
