import { type Env, loadEnv } from '../../server/env.js';

export const TEST_KEY = '00112233445566778899aabbccddeeff';
export const DEMO_PASSWORD = 'Demo@2026';

export function testEnv(overrides: Record<string, string> = {}): Env {
  return loadEnv({
    NODE_ENV: 'test',
    DEMO_PASSWORD,
    DATA_ENCRYPTION_KEY: TEST_KEY,
    JOBS_ENABLED: 'false',
    LOG_LEVEL: 'silent',
    PORTAL_BOT_CHECK: 'off',
    ...overrides,
  });
}
