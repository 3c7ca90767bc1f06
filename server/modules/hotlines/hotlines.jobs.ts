import { defineJob, defineSchedule } from '../../jobs/runner.js';
import { remindRechecks } from './hotlines.service.js';

/** Failed hotline checks whose re-check is due by tomorrow: remind the supervising unit (idempotent per check and due day). */
defineJob('hotlines.recheck-due', async (_payload, { db }) => {
  await remindRechecks(db);
});
defineSchedule({ name: 'hotlines.recheck-due.6-hourly', type: 'hotlines.recheck-due', intervalSeconds: 6 * 3600 });
