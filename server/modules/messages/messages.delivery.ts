import { sql } from 'drizzle-orm';
import type { AppDeps } from '../../deps.js';
import { queryRows } from '../../db/client.js';
import { messageDeliveryAttempts } from '../../db/schema/index.js';
import { channelsFor } from './channels.js';

export const MAX_DELIVERY_ATTEMPTS = 5;
const TZ_OFFSET_MS = 8 * 3600 * 1000; // Asia/Shanghai has no daylight saving

function minutesOfDayInChina(now: Date): number {
  const d = new Date(now.getTime() + TZ_OFFSET_MS);
  return d.getUTCHours() * 60 + d.getUTCMinutes();
}

function parseWindow(spec: string): { from: number; to: number } {
  const [a, b] = spec.split('-').map((hm) => {
    const [h, m] = hm.split(':').map(Number);
    return h * 60 + m;
  });
  return { from: a, to: b };
}

/** Inside the SMS quiet hours (e.g. 22:00–08:00 Asia/Shanghai, wrapping midnight)? */
export function inQuietHours(now: Date, spec: string): boolean {
  const { from, to } = parseWindow(spec);
  const m = minutesOfDayInChina(now);
  return from <= to ? m >= from && m < to : m >= from || m < to;
}

/** The moment the quiet hours end (the next `to` time in Asia/Shanghai after now). */
export function quietHoursEnd(now: Date, spec: string): Date {
  const { to } = parseWindow(spec);
  const local = new Date(now.getTime() + TZ_OFFSET_MS);
  const end = Date.UTC(local.getUTCFullYear(), local.getUTCMonth(), local.getUTCDate(), Math.floor(to / 60), to % 60) - TZ_OFFSET_MS;
  return new Date(end > now.getTime() ? end : end + 86400000);
}

/** Start of today in Asia/Shanghai. */
export function chinaDayStart(now: Date): Date {
  const local = new Date(now.getTime() + TZ_OFFSET_MS);
  return new Date(Date.UTC(local.getUTCFullYear(), local.getUTCMonth(), local.getUTCDate()) - TZ_OFFSET_MS);
}

interface Claimed {
  id: string;
  channel: 'sms' | 'email';
  template: string;
  to_enc: string;
  to_bidx: string;
  subject: string | null;
  body: string;
  params: Record<string, string>;
  urgent: boolean;
  attempts: number;
}

/**
 * Sends due SMS and e-mail deliveries. A row is claimed (status 'sending') with FOR UPDATE SKIP
 * LOCKED and committed before the provider is called, so two instances never send the same row;
 * a row left 'sending' by a dead process is retried after 10 minutes. Quiet hours postpone
 * non-urgent SMS to their end; the daily cap suppresses further non-urgent SMS to one number.
 * Every attempt is recorded with the provider's answer. `now` is injectable for tests.
 */
export async function deliverDue(deps: AppDeps, now: Date = new Date(), limit = 50): Promise<number> {
  const { db, env, cipher } = deps;
  const at = now.toISOString();
  const claimed = await queryRows<Claimed>(
    db,
    sql`UPDATE message_deliveries SET status = 'sending', locked_at = ${at}::timestamptz, attempts = attempts + 1
        WHERE id IN (
          SELECT id FROM message_deliveries
          WHERE (status = 'queued' AND next_attempt_at <= ${at}::timestamptz)
             OR (status = 'sending' AND locked_at < ${at}::timestamptz - interval '10 minutes')
          ORDER BY next_attempt_at LIMIT ${limit} FOR UPDATE SKIP LOCKED)
        RETURNING id, channel, template, to_enc, to_bidx, subject, body, params, urgent, attempts`,
  );
  if (!claimed.length) return 0;
  const channels = await channelsFor(env);
  for (const d of claimed) {
    const provider = d.channel === 'sms' ? channels.sms.name : channels.email.name;
    const record = async (outcome: string, error: string | null) => {
      await db.insert(messageDeliveryAttempts).values({ deliveryId: d.id, at: now, provider, outcome, error });
    };
    if (d.channel === 'sms' && !d.urgent) {
      if (inQuietHours(now, env.MESSAGES_QUIET_HOURS)) {
        const resume = quietHoursEnd(now, env.MESSAGES_QUIET_HOURS);
        // Postponing is not a failed attempt: the counter goes back.
        await db.execute(
          sql`UPDATE message_deliveries SET status = 'queued', attempts = attempts - 1, next_attempt_at = ${resume.toISOString()}::timestamptz, error = '免打扰时段，顺延发送' WHERE id = ${d.id}`,
        );
        await record('deferred', '免打扰时段，顺延发送');
        continue;
      }
      const [{ n }] = await queryRows<{ n: number }>(
        db,
        sql`SELECT count(*)::int AS n FROM message_deliveries
            WHERE to_bidx = ${d.to_bidx} AND channel = 'sms' AND status = 'sent' AND sent_at >= ${chinaDayStart(now).toISOString()}::timestamptz`,
      );
      if (n >= env.MESSAGES_SMS_DAILY_CAP) {
        const msg = `已达每日短信上限（${env.MESSAGES_SMS_DAILY_CAP} 条），不再发送`;
        await db.execute(sql`UPDATE message_deliveries SET status = 'suppressed', error = ${msg} WHERE id = ${d.id}`);
        await record('suppressed', msg);
        continue;
      }
    }
    try {
      const to = cipher.decrypt(d.to_enc) as string;
      const result =
        d.channel === 'sms'
          ? await channels.sms.send({ to, text: d.body, kind: d.template, params: d.params })
          : await channels.email.send({ to, subject: d.subject ?? d.template, text: d.body });
      await db.execute(
        sql`UPDATE message_deliveries SET status = 'sent', sent_at = ${at}::timestamptz, provider = ${provider}, provider_message_id = ${result.id}, error = NULL WHERE id = ${d.id}`,
      );
      await record('sent', null);
    } catch (err) {
      const message = ((err as Error).message ?? String(err)).slice(0, 1000);
      const final = d.attempts >= MAX_DELIVERY_ATTEMPTS;
      const retryAt = new Date(now.getTime() + Math.min(3600, 2 ** d.attempts * 30) * 1000);
      await db.execute(
        sql`UPDATE message_deliveries SET status = ${final ? 'failed' : 'queued'}, provider = ${provider}, error = ${message}, next_attempt_at = ${retryAt.toISOString()}::timestamptz WHERE id = ${d.id}`,
      );
      await record('failed', message);
    }
  }
  return claimed.length;
}
