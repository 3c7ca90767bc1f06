import { EAST_LAKE_2021 } from './east-lake-2021.js';
import type { CampaignTemplate } from './template.types.js';
import { WUHAN_2021 } from './wuhan-2021.js';

export type { CampaignTemplate } from './template.types.js';

/** Ready-made campaigns, by id. */
export const CAMPAIGN_TEMPLATES: readonly CampaignTemplate[] = [WUHAN_2021, EAST_LAKE_2021];

export function findTemplate(id: string): CampaignTemplate | undefined {
  return CAMPAIGN_TEMPLATES.find((t) => t.id === id);
}
