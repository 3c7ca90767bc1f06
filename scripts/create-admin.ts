// Creates (or resets) a system administrator on a database without demo data:
//   npm run create-admin -- --username ops-admin --region 420000
// Prints a temporary password that must be changed at first login.
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { eq } from 'drizzle-orm';
import { migrateDatabase, openDatabase } from '../server/db/client.js';
import { regions, users } from '../server/db/schema/index.js';
import { seedDatabase } from '../server/seed.js';
import { loadEnv } from '../server/env.js';
import { FieldCipher } from '../server/lib/crypto.js';
import { resolveEncryptionKey } from '../server/lib/keys.js';
import { hashPassword, temporaryPassword } from '../server/modules/auth/passwords.js';

const { values } = parseArgs({ options: { username: { type: 'string' }, region: { type: 'string', default: '420000' }, name: { type: 'string', default: '系统管理员' } } });
if (!values.username) {
  console.error('usage: npm run create-admin -- --username NAME [--region CODE] [--name 显示名]');
  process.exit(2);
}
const env = loadEnv();
const database = await openDatabase(env.DATABASE_URL ? { databaseUrl: env.DATABASE_URL } : { dataDir: join(env.DATA_DIR, 'pglite') });
await migrateDatabase(database);
await seedDatabase(database.db, { ...env, SEED_DEMO: false }, new FieldCipher(resolveEncryptionKey(env)));
const [region] = await database.db.select().from(regions).where(eq(regions.code, values.region as string));
if (!region) {
  console.error(`unknown region code ${values.region}`);
  process.exit(2);
}
const password = temporaryPassword();
const passwordHash = await hashPassword(password);
await database.db
  .insert(users)
  .values({ username: values.username, displayName: values.name as string, roles: ['admin'], regionId: region.id, passwordHash, mustChangePassword: true })
  .onConflictDoUpdate({ target: users.username, set: { passwordHash, mustChangePassword: true, roles: ['admin'], disabled: false, failedLoginCount: 0, lockedUntil: null } });
console.log(`administrator ${values.username} at ${region.name}: temporary password ${password} (must be changed at first login)`);
await database.close();
