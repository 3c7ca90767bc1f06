import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import type { Env } from '../env.js';

/**
 * The SM4 key for personal-data fields. Production must set DATA_ENCRYPTION_KEY (env.ts enforces
 * it); development generates one on first start and keeps it in DATA_DIR/encryption.key (0600),
 * so restarts can still read what was written.
 */
export function resolveEncryptionKey(env: Env): string {
  if (env.DATA_ENCRYPTION_KEY) return env.DATA_ENCRYPTION_KEY;
  mkdirSync(env.DATA_DIR, { recursive: true });
  const file = join(env.DATA_DIR, 'encryption.key');
  if (existsSync(file)) return readFileSync(file, 'utf8').trim();
  const key = randomBytes(16).toString('hex');
  writeFileSync(file, key, { mode: 0o600 });
  return key;
}
