import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importJobs, users } from '../../server/db/schema/index.js';
import { loadActor } from '../../server/modules/auth/sessions.js';
import { type ImportSpec, runImport } from '../../server/modules/imports/imports.service.js';
import { createTestContext, type TestContext } from '../helpers/app.js';
import { xlsxOf } from '../helpers/xlsx-upload.js';

/*
 * Several app instances behind a proxy: a progress poll may reach an instance other than the one
 * writing. On PostgreSQL the write phase therefore saves its progress through another pooled
 * connection while the import's transaction is still open.
 */

let t: TestContext;
let dataDir: string;
beforeAll(async () => {
  t = await createTestContext();
  dataDir = mkdtempSync(join(tmpdir(), 'wy-progress-'));
});
afterAll(async () => {
  await t.close();
  rmSync(dataDir, { recursive: true, force: true });
});

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe.runIf(process.env.TEST_DB_DRIVER === 'postgres')('import progress on PostgreSQL', () => {
  it('is readable from another connection while the write transaction runs, and never overwrites the finished job', async () => {
    const [user] = await t.db.select({ id: users.id }).from(users).where(eq(users.username, 'district-housing'));
    const actor = await loadActor(t.db, user.id);
    const importId = crypto.randomUUID();
    let seenDuringWrite: number | null = null;
    const spec: ImportSpec<number> = {
      kind: 'projects',
      auditAction: 'project.import',
      keepFile: false,
      async prepare() {
        return { rows: [1, 2, 3], total: 3, errors: [], warnings: [], ignoredColumns: [], plannedCreated: 3, plannedUpdated: 0 };
      },
      async write(_tx, rows, progress) {
        progress(1);
        await sleep(1100);
        progress(2); // more than a second since the last save: saved through the pool
        await sleep(400);
        const [job] = await t.db.select({ processed: importJobs.processed, status: importJobs.status }).from(importJobs).where(eq(importJobs.id, importId));
        seenDuringWrite = job.status === 'writing' ? job.processed : null;
        progress(rows.length);
        return { created: rows.length, updated: 0 };
      },
    };
    const file = { fieldName: 'file', buffer: await xlsxOf([['a'], [1]]), fileName: 'p.xlsx' };
    const result = await runImport(t.db, actor, { dataDir, maxBytes: 10_000_000, shareWriteProgress: true }, file, { dryRun: false, importId }, spec);
    expect(result).toMatchObject({ ok: true, created: 3 });
    expect(seenDuringWrite).toBe(2);
    await sleep(200);
    const [done] = await t.db.select().from(importJobs).where(eq(importJobs.id, importId));
    expect(done).toMatchObject({ status: 'done', processed: 3 });
  });
});
