import { sql } from 'drizzle-orm';
import { sweepUnclaimedUploads } from '../lib/files.js';
import { sealAuditLog } from '../modules/audit/audit.seal.js';
import { sweepRateCounters } from '../http/rate-counters.js';
import { defineJob, defineSchedule } from './runner.js';
import '../modules/campaigns/campaigns.jobs.js';
import '../modules/complaints/complaints.jobs.js';
import '../modules/messages/messages.jobs.js';
import '../modules/hotlines/hotlines.jobs.js';
import '../modules/self-inspections/self-inspections.jobs.js';
import '../modules/inspections/inspections.jobs.js';
import '../modules/reports/reports.jobs.js';

/**
 * Job types and schedules of every module. Each module may also call defineJob/defineSchedule
 * from its own *.jobs.ts; import that file here so it is registered before the runner starts.
 */
defineJob('sessions.purge', async (_payload, { db }) => {
  // Sessions that ended over 7 days ago are no longer needed; audit rows keep the history.
  await db.execute(sql`DELETE FROM sessions WHERE coalesce(revoked_at, expires_at) < now() - interval '7 days'`);
});
defineSchedule({ name: 'sessions.purge.hourly', type: 'sessions.purge', intervalSeconds: 3600 });

defineJob('rate-counters.sweep', async (_payload, { db }) => {
  await sweepRateCounters(db);
});
defineSchedule({ name: 'rate-counters.sweep.10-minutely', type: 'rate-counters.sweep', intervalSeconds: 600 });

defineJob('jobs.purge', async (_payload, { db }) => {
  await db.execute(sql`DELETE FROM jobs WHERE status = 'done' AND finished_at < now() - interval '30 days'`);
});
defineSchedule({ name: 'jobs.purge.daily', type: 'jobs.purge', intervalSeconds: 86400 });

defineJob('audit.seal', async (_payload, { db, cipher }) => {
  await sealAuditLog(db, cipher);
});
defineSchedule({ name: 'audit.seal.minutely', type: 'audit.seal', intervalSeconds: 60 });

defineJob('uploads.sweep', async (_payload, { db, env }) => {
  await sweepUnclaimedUploads(db, env.DATA_DIR);
});
defineSchedule({ name: 'uploads.sweep.6-hourly', type: 'uploads.sweep', intervalSeconds: 6 * 3600 });
