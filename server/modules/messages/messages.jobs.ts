import { defineJob, defineSchedule, defineTickTask } from '../../jobs/runner.js';
import { deliverDue } from './messages.delivery.js';
import { fanOutEvents } from './messages.fanout.js';
import { publishDeadlineReminders, publishMorningDigest } from './messages.reminders.js';

/**
 * The outbox drain runs on every runner tick (JOBS_POLL_MS): fan committed events out to in-app
 * messages and deliveries, then send what is due. Both claim rows with FOR UPDATE SKIP LOCKED.
 */
export async function drainOutbox(deps: Parameters<typeof deliverDue>[0], now?: Date) {
  while ((await fanOutEvents(deps)) > 0) {}
  return deliverDue(deps, now);
}
defineTickTask('messages.drain', (deps) => drainOutbox(deps));

/** Sign-by / reply-by / rectification deadlines in their last fifth: one reminder per deadline. */
defineJob('messages.deadline-reminders', async (_payload, deps) => {
  await publishDeadlineReminders(deps.db);
});
defineSchedule({ name: 'messages.deadline-reminders.every-15-min', type: 'messages.deadline-reminders', intervalSeconds: 900 });

/** 今日到期 / 已超期 digest per unit, once a day after 08:00 Asia/Shanghai. */
defineJob('messages.morning-digest', async (_payload, deps) => {
  await publishMorningDigest(deps.db);
});
defineSchedule({ name: 'messages.morning-digest.hourly', type: 'messages.morning-digest', intervalSeconds: 3600 });
