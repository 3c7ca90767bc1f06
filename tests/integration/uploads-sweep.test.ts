import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { files } from '../../server/db/schema/index.js';
import { sweepUnclaimedUploads, uploadPath } from '../../server/lib/files.js';
import { createTestContext, expectStatus, type TestContext } from '../helpers/app.js';
import { multipart, PNG_1PX } from '../helpers/xlsx-upload.js';

/** Residents' photos that never became part of a complaint are removed after a day (job uploads.sweep). */
let t: TestContext;
let dataDir: string;

beforeAll(async () => {
  dataDir = mkdtempSync(join(tmpdir(), 'wy-sweep-'));
  t = await createTestContext({ DATA_DIR: dataDir });
});
afterAll(async () => {
  await t.close();
  rmSync(dataDir, { recursive: true, force: true });
});

const upload = async (ip: string) =>
  expectStatus(await t.app.inject({ method: 'POST', url: '/api/public/uploads', remoteAddress: ip, ...multipart([{ name: 'a.png', data: PNG_1PX, type: 'image/png' }]) }), 201)
    .fileId as string;
const row = async (id: string) => (await t.db.select().from(files).where(eq(files.id, id)))[0];

describe('uploads.sweep', () => {
  it('removes unclaimed uploads older than a day (row and bytes) and keeps fresh and claimed ones', async () => {
    const stale = await upload('10.30.0.1');
    const fresh = await upload('10.30.0.2');
    const used = await upload('10.30.0.3');
    expectStatus(
      await t.app.inject({
        method: 'POST',
        url: '/api/public/complaints',
        remoteAddress: '10.30.0.3',
        payload: { description: '楼道里堆满了物业出租的杂物，消防通道被堵。', anonymous: true, photoIds: [used] },
      }),
      201,
    );
    await t.db.execute(sql`UPDATE files SET created_at = now() - interval '2 days' WHERE id IN (${stale}, ${used})`);
    const stalePath = uploadPath(dataDir, (await row(stale)).storageKey);
    expect(existsSync(stalePath)).toBe(true);

    expect(await sweepUnclaimedUploads(t.db, dataDir)).toBe(1);
    expect(await row(stale)).toBeUndefined();
    expect(existsSync(stalePath)).toBe(false);
    expect(await row(fresh)).toBeDefined();
    expect((await row(used))?.entityType).toBe('complaint');
    // Idempotent: nothing left to sweep, and a file already gone from disk is not an error.
    expect(await sweepUnclaimedUploads(t.db, dataDir)).toBe(0);
  });
});
