import { join } from 'node:path';
import type { Database } from './db/client.js';
import { DEMO_USERS } from './modules/org-units/org.seed.js';
import { DEMO_ENTERPRISE_NAME, DEMO_ENTERPRISE_USER } from './modules/enterprises/registry.seed.js';
import type { Env } from './env.js';

export type BannerEnv = Pick<Env, 'HOST' | 'PORT' | 'DATA_DIR' | 'SEED_DEMO' | 'DEMO_PASSWORD' | 'NODE_ENV' | 'OPEN311_DEMO_KEY'>;

/**
 * The start-up banner server/main.ts prints once HTTP listens: where the console, the portal and
 * the API docs are, which database is used, and — with demo data — the demo accounts, their
 * password and the Open311 demo key.
 */
export function startBanner(env: BannerEnv, database: { driver: Database['driver'] }, seeded: boolean): string {
  const shownHost = env.HOST === '0.0.0.0' || env.HOST === '::' ? 'localhost' : env.HOST;
  const origin = `http://${shownHost}:${env.PORT}`;
  const lines = [
    '',
    `物业服务专项整治监督平台 running at ${origin}/`,
    `  public portal:  ${origin}/portal`,
    `  API docs:       ${origin}/api/docs`,
    `  database:       ${database.driver === 'pglite' ? `embedded PGlite in ${join(env.DATA_DIR, 'pglite')}` : 'PostgreSQL (DATABASE_URL)'}${seeded ? ' — migrated and seeded just now' : ''}`,
  ];
  if (env.SEED_DEMO) {
    const accounts = [...DEMO_USERS.map((u) => [u.username, u.displayName]), [DEMO_ENTERPRISE_USER.username, `物业企业用户（${DEMO_ENTERPRISE_NAME}）`]];
    const width = Math.max(...accounts.map(([username]) => username.length)) + 2;
    lines.push(
      `  demo accounts (password: ${env.DEMO_PASSWORD}${env.NODE_ENV === 'production' ? ', must be changed at first login' : ''}):`,
      ...accounts.map(([username, who]) => `    ${username.padEnd(width)} ${who}`),
      `  Open311 demo api_key: ${env.OPEN311_DEMO_KEY}`,
    );
  }
  return lines.join('\n');
}
