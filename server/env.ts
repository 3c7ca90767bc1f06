import { z } from 'zod';

/**
 * The only reader of process.env. Every setting is parsed here; a bad value stops the process
 * at start with every problem listed, rather than failing later in a request.
 */
const bool = z
  .enum(['true', 'false', '1', '0', 'on', 'off', 'yes', 'no'])
  .transform((v) => ['true', '1', 'on', 'yes'].includes(v));

export const envSchema = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().default('0.0.0.0'),
  DATABASE_URL: z.string().url().optional(),
  DATA_DIR: z.string().default('./data'),
  DEMO_PASSWORD: z.string().min(8).default('Demo@2026'),
  SEED_DEMO: bool.default(true),
  OPEN311_DEMO_KEY: z.string().min(16).default('demo-open311-key-0000000000000000'),
  PORTAL_BOT_CHECK: bool.default(true),
  /** 32 hex chars (128-bit SM4 key). Required in production; development derives one and keeps it in DATA_DIR. */
  DATA_ENCRYPTION_KEY: z
    .string()
    .regex(/^[0-9a-fA-F]{32}$/, '必须是 32 位十六进制字符（SM4 128 位密钥）')
    .optional(),
  COOKIE_SECURE: z.enum(['auto', 'true', 'false']).default('auto'),
  TRUST_PROXY: bool.default(false),
  SESSION_IDLE_MINUTES: z.coerce.number().int().min(1).max(720).default(30),
  SESSION_MAX_HOURS: z.coerce.number().int().min(1).max(72).default(12),
  JOBS_ENABLED: bool.default(true),
  JOBS_POLL_MS: z.coerce.number().int().min(100).default(5000),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  /**
   * Roles that must sign in with a TOTP second factor (comma-separated). Default: admin, auditor and
   * supervisor in production (等保 level 3), nobody elsewhere (any user may enrol).
   */
  TOTP_REQUIRED_ROLES: z.string().optional(),
  /**
   * Login throttle per client address: failed logins in 15 minutes before the address is refused
   * for the rest of the window. High on purpose — one office behind one NAT address shares it;
   * the per-account lockout (5 in a row) is what stops guessing one password.
   */
  LOGIN_ADDRESS_MAX_FAILURES: z.coerce.number().int().min(1).max(100000).default(100),
  UPLOAD_MAX_MB: z.coerce.number().int().min(1).max(200).default(50),
  /** Messages (issue 17). `local` keeps SMS in the outbox the administrator reads: nothing leaves the machine. */
  SMS_PROVIDER: z.enum(['local', 'aliyun', 'tencent']).default('local'),
  /** 短信签名 approved by the provider. */
  SMS_SIGN_NAME: z.string().default('物业整治平台'),
  /** JSON object: message kind → the provider's approved template code (e.g. {"complaint.received":"SMS_123"}). */
  SMS_TEMPLATE_CODES: z
    .string()
    .default('{}')
    .transform((v, ctx) => {
      try {
        const parsed = JSON.parse(v) as unknown;
        if (parsed && typeof parsed === 'object' && !Array.isArray(parsed)) return parsed as Record<string, string>;
      } catch {}
      ctx.addIssue({ code: 'custom', message: '必须是 JSON 对象：{"消息类型":"模板编号"}' });
      return z.NEVER;
    }),
  ALIYUN_SMS_ACCESS_KEY_ID: z.string().optional(),
  ALIYUN_SMS_ACCESS_KEY_SECRET: z.string().optional(),
  /** Host of the Alibaba Cloud SMS API (default dysmsapi.aliyuncs.com); tests point it at a local stub. */
  ALIYUN_SMS_ENDPOINT: z.string().default('dysmsapi.aliyuncs.com'),
  TENCENT_SMS_SECRET_ID: z.string().optional(),
  TENCENT_SMS_SECRET_KEY: z.string().optional(),
  TENCENT_SMS_SDK_APP_ID: z.string().optional(),
  TENCENT_SMS_REGION: z.string().default('ap-guangzhou'),
  /** Host of the Tencent Cloud SMS API (default sms.tencentcloudapi.com). */
  TENCENT_SMS_ENDPOINT: z.string().default('sms.tencentcloudapi.com'),
  /** smtp://user:pass@host:port or smtps://…; unset = e-mail kept in the local outbox. */
  SMTP_URL: z.string().url().optional(),
  SMTP_FROM: z.string().default('物业整治平台 <noreply@localhost>'),
  /** SMS quiet hours in Asia/Shanghai, HH:MM-HH:MM; urgent messages ignore them. */
  MESSAGES_QUIET_HOURS: z
    .string()
    .regex(/^([01]\d|2[0-3]):[0-5]\d-([01]\d|2[0-3]):[0-5]\d$/, '格式应为 HH:MM-HH:MM，例如 22:00-08:00')
    .default('22:00-08:00'),
  /** At most this many non-urgent SMS per recipient per day (Asia/Shanghai). */
  MESSAGES_SMS_DAILY_CAP: z.coerce.number().int().min(1).max(100).default(10),
  /** The platform's name in SMS texts and the public portal link sent to residents. */
  PLATFORM_NAME: z.string().default('物业整治平台'),
  PORTAL_URL: z.string().default('http://localhost:3000/portal'),
  /** Where a fine is paid, printed in the 行政处罚决定书 (开户银行, 户名, 账号 of the non-tax revenue account). */
  PENALTY_PAYMENT_BANK: z.string().default('（开户银行，请在配置中填写）'),
  PENALTY_PAYMENT_ACCOUNT_NAME: z.string().default('（户名，请在配置中填写）'),
  PENALTY_PAYMENT_ACCOUNT: z.string().default('（账号，请在配置中填写）'),
});

export type Env = z.infer<typeof envSchema>;

export function loadEnv(source: Record<string, string | undefined> = process.env): Env {
  const cleaned = Object.fromEntries(Object.entries(source).filter(([, v]) => v !== undefined && v !== ''));
  const result = envSchema.safeParse(cleaned);
  if (!result.success) {
    const lines = result.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`);
    throw new Error(`Invalid environment configuration:\n${lines.join('\n')}`);
  }
  const env = result.data;
  const missing: string[] = [];
  if (env.SMS_PROVIDER === 'aliyun') {
    if (!env.ALIYUN_SMS_ACCESS_KEY_ID) missing.push('  ALIYUN_SMS_ACCESS_KEY_ID: required when SMS_PROVIDER=aliyun');
    if (!env.ALIYUN_SMS_ACCESS_KEY_SECRET) missing.push('  ALIYUN_SMS_ACCESS_KEY_SECRET: required when SMS_PROVIDER=aliyun');
  }
  if (env.SMS_PROVIDER === 'tencent') {
    if (!env.TENCENT_SMS_SECRET_ID) missing.push('  TENCENT_SMS_SECRET_ID: required when SMS_PROVIDER=tencent');
    if (!env.TENCENT_SMS_SECRET_KEY) missing.push('  TENCENT_SMS_SECRET_KEY: required when SMS_PROVIDER=tencent');
    if (!env.TENCENT_SMS_SDK_APP_ID) missing.push('  TENCENT_SMS_SDK_APP_ID: required when SMS_PROVIDER=tencent');
  }
  if (missing.length) throw new Error(`Invalid environment configuration:\n${missing.join('\n')}`);
  if (env.NODE_ENV === 'production' && !env.DATA_ENCRYPTION_KEY) {
    throw new Error('Invalid environment configuration:\n  DATA_ENCRYPTION_KEY: required when NODE_ENV=production');
  }
  return env;
}
