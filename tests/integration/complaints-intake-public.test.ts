import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { and, count, eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryRows } from '../../server/db/client.js';
import { auditLog, complaintEvents, complaints, files, projects, regions } from '../../server/db/schema/index.js';
import { createTestContext, expectStatus, type TestContext } from '../helpers/app.js';
import { multipart, PNG_1PX } from '../helpers/xlsx-upload.js';

/** Portal complaint form (no login), PORTAL_BOT_CHECK=off as in every automated test but one (complaints-intake-botcheck). */
let t: TestContext;
let dataDir: string;
let ipSeq = 1;
/** Each test posts from its own address so the per-IP limit of one test does not leak into another. */
const nextIp = () => `10.20.${Math.floor(ipSeq / 250)}.${(ipSeq++ % 250) + 1}`;

beforeAll(async () => {
  dataDir = mkdtempSync(join(tmpdir(), 'wy-intake-'));
  t = await createTestContext({ DATA_DIR: dataDir });
});
afterAll(async () => {
  await t.close();
  rmSync(dataDir, { recursive: true, force: true });
});

const post = (payload: Record<string, unknown>, ip = nextIp()) =>
  t.app.inject({ method: 'POST', url: '/api/public/complaints', payload, remoteAddress: ip });
const byCode = async (code: string) => (await t.db.select().from(complaints).where(eq(complaints.trackingCode, code)))[0];
const complaintCount = async () => (await t.db.select({ n: count() }).from(complaints))[0].n;

describe('bot check switched off', () => {
  it('GET /api/public/bot-check says it is not required', async () => {
    const body = expectStatus(await t.app.inject({ method: 'GET', url: '/api/public/bot-check' }), 200);
    expect(body).toMatchObject({ enabled: false, challenge: null, difficulty: 0 });
  });
});

describe('project picker', () => {
  it('finds projects by name or address, at most 20, without enterprise or contact data', async () => {
    const [p] = await t.db
      .select({ id: projects.id, name: projects.name, address: projects.address, region: regions.name })
      .from(projects)
      .innerJoin(regions, eq(regions.id, projects.regionId))
      .limit(1);
    const byName = expectStatus(await t.app.inject({ method: 'GET', url: `/api/public/projects?q=${encodeURIComponent(p.name)}` }), 200);
    expect(byName.length).toBeGreaterThan(0);
    expect(byName.length).toBeLessThanOrEqual(20);
    expect(byName).toContainEqual({ id: p.id, name: p.name, address: p.address, regionName: p.region });
    for (const item of byName) expect(Object.keys(item).sort()).toEqual(['address', 'id', 'name', 'regionName']);
    const byAddress = expectStatus(await t.app.inject({ method: 'GET', url: `/api/public/projects?q=${encodeURIComponent(p.address.slice(0, 6))}` }), 200);
    expect(byAddress.some((x: { address: string }) => x.address.includes(p.address.slice(0, 6)))).toBe(true);
    const many = expectStatus(await t.app.inject({ method: 'GET', url: `/api/public/projects?q=${encodeURIComponent('区')}` }), 200);
    expect(many.length).toBeLessThanOrEqual(20);
    expect(expectStatus(await t.app.inject({ method: 'GET', url: '/api/public/projects?q=' }), 200)).toEqual([]);
    // LIKE wildcards are literal
    expect(expectStatus(await t.app.inject({ method: 'GET', url: '/api/public/projects?q=%25' }), 200)).toEqual([]);
  });
});

describe('POST /api/public/complaints', () => {
  it('stores the lead with encrypted contact and an audit row, then returns only the tracking code', async () => {
    const [p] = await t.db.select({ id: projects.id, regionId: projects.regionId }).from(projects).limit(1);
    const res = await post({
      description: '物业以我家欠物业费为由，从昨天起停了我家的水，家里有老人。',
      contactName: '测试居民',
      contactPhone: '13900001111',
      projectId: p.id,
      address: '3栋2单元',
    });
    const body = expectStatus(res, 201);
    expect(Object.keys(body)).toEqual(['trackingCode']);
    expect(body.trackingCode).toMatch(/^[0-9A-Z]{10}$/);
    const row = await byCode(body.trackingCode);
    expect(row).toMatchObject({ channel: 'web', projectId: p.id, regionId: p.regionId, anonymous: false, createdBy: null });
    expect(row.contactPhoneEnc).not.toContain('13900001111');
    expect(t.cipher.decrypt(row.contactPhoneEnc)).toBe('13900001111');
    expect(t.cipher.decrypt(row.contactNameEnc)).toBe('测试居民');
    const audits = await t.db.select().from(auditLog).where(and(eq(auditLog.entityId, row.id), eq(auditLog.entityType, 'complaint')));
    expect(audits.length).toBeGreaterThan(0);
    expect(audits[0].actorName).toBe('system:public');
    expect(audits[0].ip).toBeTruthy();
    expect(JSON.stringify(audits)).not.toContain('13900001111');
  });

  it('anonymous: no contact is stored even when typed; a lead without project lands in a region that contains the projects', async () => {
    const body = expectStatus(await post({ description: '小区电梯坏了一个月没人修，物业不公示维保单位。', anonymous: true, contactPhone: '13900002222', contactName: '某人' }), 201);
    const row = await byCode(body.trackingCode);
    expect(row).toMatchObject({ anonymous: true, contactPhoneEnc: null, contactNameEnc: null, contactPhoneBidx: null, projectId: null });
    const [region] = await t.db.select({ path: regions.path }).from(regions).where(eq(regions.id, row.regionId));
    const [outside] = await queryRows<{ n: number }>(t.db, sql`SELECT count(*)::int AS n FROM projects p JOIN regions r ON r.id = p.region_id WHERE r.path NOT LIKE ${`${region.path}%`}`);
    expect(Number(outside.n)).toBe(0);
    expect(region.path.split('/').length).toBeGreaterThan(2); // not the root: a real jurisdiction
  });

  it('accepts a description alone: no phone means the resident follows the lead by tracking code', async () => {
    const body = expectStatus(await post({ description: '物业以欠费为由停水停电三天了' }), 201);
    const detail = expectStatus(await t.as(null, { method: 'GET', url: `/api/public/complaints/${body.trackingCode}` }), 200);
    expect(detail.status).toBeTruthy();
    const [row] = await t.db.select().from(complaints).where(eq(complaints.trackingCode, body.trackingCode));
    expect(row).toMatchObject({ anonymous: false, contactPhoneEnc: null });
  });

  it('refuses invalid input with every field named, and writes nothing', async () => {
    const before = await complaintCount();
    const short = expectStatus(await post({ description: '停水', contactPhone: '13900001111' }), 422);
    expect(short.error.details.fields).toHaveProperty('description');
    const badPhone = expectStatus(await post({ description: '物业以欠费为由停水停电三天了', contactPhone: '12345' }), 422);
    expect(badPhone.error.details.fields).toHaveProperty('contactPhone');
    const both = expectStatus(await post({ description: '短', contactPhone: 'abc' }), 422);
    expect(Object.keys(both.error.details.fields).sort()).toEqual(['contactPhone', 'description']);
    const badProject = expectStatus(await post({ description: '物业以欠费为由停水停电三天了', anonymous: true, projectId: '00000000-0000-4000-8000-000000000000' }), 422);
    expect(badProject.error.details.fields).toHaveProperty('projectId');
    const tooLong = expectStatus(await post({ description: '物'.repeat(2001), anonymous: true }), 422);
    expect(tooLong.error.details.fields).toHaveProperty('description');
    expect(await complaintCount()).toBe(before);
  });

  it('accepts a landline', async () => {
    expectStatus(await post({ description: '物业擅自把小区绿地改成收费停车场。', contactPhone: '027-85551234' }), 201);
  });

  it('rate-limits per IP: the 6th submission within 10 minutes is refused with 429', async () => {
    const ip = nextIp();
    for (let i = 0; i < 5; i++) expectStatus(await post({ description: `物业不公示收费标准，第 ${i + 1} 次反映。`, anonymous: true }, ip), 201);
    const sixth = expectStatus(await post({ description: '物业不公示收费标准，第 6 次反映。', anonymous: true }, ip), 429);
    expect(sixth.error.code).toBe('RATE_LIMITED');
    // another address is not affected
    expectStatus(await post({ description: '物业不公示收费标准，邻居也来反映。', anonymous: true }), 201);
  });
});

describe('photos', () => {
  const upload = (data: Buffer, name = 'a.png', ip = nextIp()) =>
    t.app.inject({ method: 'POST', url: '/api/public/uploads', remoteAddress: ip, ...multipart([{ name, data, type: 'image/png' }]) });

  it('accepts images by content, refuses other files and files over 5 MB', async () => {
    const ok = expectStatus(await upload(PNG_1PX), 201);
    expect(ok.fileId).toMatch(/^[0-9a-f-]{36}$/);
    const [row] = await t.db.select().from(files).where(eq(files.id, ok.fileId));
    expect(row).toMatchObject({ entityType: 'public_upload', entityId: null, mime: 'image/png', uploadedBy: null });
    const pdf = expectStatus(await upload(Buffer.from('%PDF-1.4 fake'), 'x.png'), 422);
    expect(pdf.error.details.fields.file).toContain('JPG');
    const text = expectStatus(await upload(Buffer.from('hello'), 'x.png'), 422);
    expect(text.error.details.fields).toHaveProperty('file');
    const big = Buffer.concat([PNG_1PX, Buffer.alloc(5 * 1024 * 1024)]);
    const res = await upload(big);
    expect([413, 422]).toContain(res.statusCode);
  });

  it('photoIds become attachments of the first timeline event and cannot be used twice', async () => {
    const a = expectStatus(await upload(PNG_1PX), 201).fileId;
    const b = expectStatus(await upload(PNG_1PX), 201).fileId;
    const body = expectStatus(await post({ description: '物业把楼道堆满杂物还收费，照片见附件。', anonymous: true, photoIds: [a, b] }), 201);
    const row = await byCode(body.trackingCode);
    const events = await t.db.select().from(complaintEvents).where(eq(complaintEvents.complaintId, row.id)).orderBy(complaintEvents.at);
    expect(events[0].attachments).toEqual(expect.arrayContaining([a, b]));
    const claimed = await t.db.select().from(files).where(eq(files.id, a));
    expect(claimed[0]).toMatchObject({ entityType: 'complaint', entityId: row.id });
    const before = await complaintCount();
    const again = expectStatus(await post({ description: '同一张照片再提交一次试试看。', anonymous: true, photoIds: [a] }), 422);
    expect(again.error.details.fields).toHaveProperty('photoIds');
    expect(await complaintCount()).toBe(before);
    const unknown = expectStatus(await post({ description: '不存在的照片编号提交试试看。', anonymous: true, photoIds: ['00000000-0000-4000-8000-000000000001'] }), 422);
    expect(unknown.error.details.fields).toHaveProperty('photoIds');
  });
});
