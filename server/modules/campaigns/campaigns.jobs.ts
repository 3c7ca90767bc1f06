import { defineJob, defineSchedule } from '../../jobs/runner.js';
import { closeEndedCampaigns } from './campaigns.service.js';

/** Campaigns past their end date are closed (audited); an extension of the dates keeps one running. */
defineJob('campaigns.close-ended', async (_payload, { db }) => {
  await closeEndedCampaigns(db);
});
defineSchedule({ name: 'campaigns.close-ended.daily', type: 'campaigns.close-ended', intervalSeconds: 86400 });
