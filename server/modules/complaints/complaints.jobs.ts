import { defineJob, defineSchedule } from '../../jobs/runner.js';
import { escalateOverdue } from './complaints.service.js';

/** Overdue leads are escalated to the supervisor (SPEC §5); idempotent per lead, deadline kind and deadline. */
defineJob('complaints.escalate-overdue', async (_payload, { db }) => {
  await escalateOverdue(db);
});
defineSchedule({ name: 'complaints.escalate-overdue.every-15-min', type: 'complaints.escalate-overdue', intervalSeconds: 900 });
