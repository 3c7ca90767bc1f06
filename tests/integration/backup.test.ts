import { execFileSync, spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'drizzle-orm';
import pg from 'pg';
import { afterAll, describe, expect, inject, it } from 'vitest';
import { type Db, openDatabase, queryRows } from '../../server/db/client.js';

/*
 * The backup and restore procedures of the README, carried out: a copy of a stopped embedded
 * DATA_DIR, and pg_dump / pg_restore of a PostgreSQL database. Each restore must hold the same
 * rows and keep the audit log append-only.
 */

const TABLES = ['regions', 'org_units', 'users', 'enterprises', 'projects', 'complaints', 'complaint_events', 'problems', 'enforcement_actions', 'audit_log'];

async function fingerprint(db: Db) {
  const counts: Record<string, number> = {};
  for (const t of TABLES) counts[t] = (await queryRows<{ n: number }>(db, sql.raw(`SELECT count(*)::int AS n FROM ${t}`)))[0].n;
  const [last] = await queryRows<{ id: string }>(db, sql`SELECT id::text AS id FROM audit_log ORDER BY id DESC LIMIT 1`);
  return { counts, lastAudit: last?.id ?? null };
}

async function expectAppendOnly(db: Db) {
  await expect(db.execute(sql`UPDATE audit_log SET action = 'x'`)).rejects.toThrow();
  await expect(db.execute(sql`DELETE FROM audit_log`)).rejects.toThrow();
}

const cleanup: string[] = [];
afterAll(() => {
  for (const dir of cleanup) rmSync(dir, { recursive: true, force: true });
});

describe.runIf(process.env.TEST_DB_DRIVER !== 'postgres')('embedded database: stop the server, copy DATA_DIR, restore the copy', () => {
  it('restores every row from the copied folder, with the audit log still append-only', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'wy-backup-'));
    const copy = mkdtempSync(join(tmpdir(), 'wy-restore-'));
    cleanup.push(dataDir, copy);
    const dump = readFileSync(inject('pgliteDump'));
    const live = await openDatabase({ dataDir: join(dataDir, 'pglite'), loadDataDir: new Blob([dump]) });
    await live.db.execute(sql`INSERT INTO audit_log (action, entity_type, entity_id, actor_name, note) VALUES ('backup.test', 'backup', 'b1', '系统', '备份前最后一次变更')`);
    const before = await fingerprint(live.db);
    await live.close(); // "stop the server"

    cpSync(dataDir, copy, { recursive: true });
    const restored = await openDatabase({ dataDir: join(copy, 'pglite') });
    try {
      expect(await fingerprint(restored.db)).toEqual(before);
      expect(before.counts.complaints).toBeGreaterThan(0);
      await expectAppendOnly(restored.db);
    } finally {
      await restored.close();
    }
  }, 120_000);
});

describe.runIf(process.env.TEST_DB_DRIVER === 'postgres')('PostgreSQL: pg_dump -Fc, pg_restore into an empty database', () => {
  it('restores every row, and the append-only trigger comes back with the schema', async () => {
    const base = process.env.TEST_DATABASE_URL as string;
    const admin = new pg.Client({ connectionString: base });
    await admin.connect();
    const source = `bk_src_${process.pid}`;
    const target = `bk_dst_${process.pid}`;
    const urlOf = (name: string) => {
      const u = new URL(base);
      u.pathname = `/${name}`;
      return u.toString();
    };
    const dir = mkdtempSync(join(tmpdir(), 'wy-pgdump-'));
    cleanup.push(dir);
    try {
      await admin.query(`CREATE DATABASE ${source} TEMPLATE ${inject('pgTemplate')}`);
      await admin.query(`CREATE DATABASE ${target}`);
      const src = await openDatabase({ databaseUrl: urlOf(source), poolMax: 2 });
      const before = await fingerprint(src.db);
      await src.close();

      const file = join(dir, 'wuye.dump');
      execFileSync(pgTool('pg_dump'), ['-Fc', '-d', urlOf(source), '-f', file], { stdio: 'pipe' });
      execFileSync(pgTool('pg_restore'), ['--no-owner', '-d', urlOf(target), file], { stdio: 'pipe' });

      const dst = await openDatabase({ databaseUrl: urlOf(target), poolMax: 2 });
      try {
        expect(await fingerprint(dst.db)).toEqual(before);
        await expectAppendOnly(dst.db);
      } finally {
        await dst.close();
      }
    } finally {
      await admin.query(`DROP DATABASE IF EXISTS ${source} WITH (FORCE)`);
      await admin.query(`DROP DATABASE IF EXISTS ${target} WITH (FORCE)`);
      await admin.end();
    }
  }, 180_000);
});

/** pg_dump / pg_restore of the installed server's version (Debian keeps them per version). */
function pgTool(name: string): string {
  const root = '/usr/lib/postgresql';
  const versions = existsSync(root) ? readdirSync(root).sort().reverse() : [];
  for (const v of versions) if (existsSync(join(root, v, 'bin', name))) return join(root, v, 'bin', name);
  if (spawnSync('sh', ['-c', `command -v ${name}`]).status === 0) return name;
  throw new Error(`${name} is not installed: apt-get install postgresql-client`);
}
