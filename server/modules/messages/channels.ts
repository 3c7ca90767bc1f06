import type { Env } from '../../env.js';

/** What a channel adapter receives: the rendered text plus what template-based providers need. */
export interface SmsRequest {
  to: string;
  text: string;
  kind: string;
  /** Template variables in the order they appear in the SMS template (Tencent wants a list). */
  params: Record<string, string>;
}
export interface EmailRequest {
  to: string;
  subject: string;
  text: string;
}
export interface SendResult {
  /** The provider's message id, when it gives one. */
  id: string | null;
}

/** An SMS provider. Throws with the provider's own error text when it refuses. */
export interface SmsProvider {
  readonly name: string;
  send(req: SmsRequest): Promise<SendResult>;
}
export interface EmailProvider {
  readonly name: string;
  send(req: EmailRequest): Promise<SendResult>;
}

/** The embedded default: the delivery row itself is the record; nothing leaves the machine. */
export const localSms: SmsProvider = { name: 'local', send: async () => ({ id: null }) };
export const localEmail: EmailProvider = { name: 'local', send: async () => ({ id: null }) };

export interface Channels {
  sms: SmsProvider;
  email: EmailProvider;
}

let override: Partial<Channels> | null = null;
const cache = new Map<string, Channels>();

/** Tests replace a provider (e.g. one that fails) for the whole process. */
export function setChannelsForTest(channels: Partial<Channels> | null) {
  override = channels;
}

/** The providers chosen by the environment (SMS_PROVIDER, SMTP_URL); adapters load lazily. */
export async function channelsFor(env: Env): Promise<Channels> {
  const key = `${env.SMS_PROVIDER}|${env.SMTP_URL ?? ''}`;
  let chosen = cache.get(key);
  if (!chosen) {
    const { aliyunSms, tencentSms, smtpEmail } = await import('./providers.js');
    const sms = env.SMS_PROVIDER === 'aliyun' ? aliyunSms(env) : env.SMS_PROVIDER === 'tencent' ? tencentSms(env) : localSms;
    const email = env.SMTP_URL ? smtpEmail(env) : localEmail;
    chosen = { sms, email };
    cache.set(key, chosen);
  }
  return { ...chosen, ...(override ?? {}) };
}
