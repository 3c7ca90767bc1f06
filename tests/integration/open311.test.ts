import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditLog, complaints, open311ApiKeys, open311Requests } from '../../server/db/schema/index.js';
import { createTestContext, expectStatus, type TestContext } from '../helpers/app.js';

/** Open311 GeoReport v2 under /open311/v2: services, form-encoded posting with an API key, reads without contact data. */
let t: TestContext;

beforeAll(async () => {
  t = await createTestContext();
});
afterAll(async () => {
  await t.close();
});

const formPost = (fields: Record<string, string>) =>
  t.app.inject({
    method: 'POST',
    url: '/open311/v2/requests.json',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    payload: new URLSearchParams(fields).toString(),
  });
const get = (url: string) => t.app.inject({ method: 'GET', url });
const good = () => ({
  api_key: t.env.OPEN311_DEMO_KEY,
  service_code: '1',
  description: '物业以业主欠费为由，给 5 栋整栋停水两天，业主联系电话 13900006666。',
  address_string: '武汉市东湖风景区某小区 5 栋',
  lat: '30.5561',
  long: '114.3831',
  first_name: '先生',
  last_name: '测试',
  phone: '13900007777',
  email: 'resident@example.com',
  account_id: 'acct-42',
});
const isOpen311Error = (body: unknown, code: number) => {
  expect(Array.isArray(body)).toBe(true);
  const list = body as Array<{ code: number; description: string }>;
  expect(list.length).toBeGreaterThan(0);
  for (const e of list) {
    expect(Object.keys(e).sort()).toEqual(['code', 'description']);
    expect(e.description.length).toBeGreaterThan(3);
  }
  expect(list[0].code).toBe(code);
};

describe('services.json', () => {
  it('lists the six focus categories and 0 with the spec fields', async () => {
    const body = expectStatus(await get('/open311/v2/services.json'), 200);
    expect(body.map((s: { service_code: string }) => s.service_code)).toEqual(['1', '2', '3', '4', '5', '6', '0']);
    for (const s of body) {
      expect(s).toMatchObject({ metadata: false, type: 'realtime' });
      expect(typeof s.service_name).toBe('string');
      expect(typeof s.description).toBe('string');
      expect(typeof s.keywords).toBe('string');
      expect(typeof s.group).toBe('string');
    }
  });
});

describe('documentation', () => {
  it('the Open311 and portal intake routes are in the OpenAPI document', async () => {
    const doc = expectStatus(await get('/api/openapi.json'), 200);
    expect(doc.paths['/open311/v2/requests.json'].post).toBeTruthy();
    expect(doc.paths['/open311/v2/services.json'].get).toBeTruthy();
    expect(doc.paths['/api/public/complaints'].post).toBeTruthy();
    expect(doc.paths['/api/complaints/import'].post).toBeTruthy();
  });
  it('other formats and paths answer 404 in Open311 format', async () => {
    const res = await get('/open311/v2/services.xml');
    expect(res.statusCode).toBe(404);
    isOpen311Error(res.json(), 404);
  });
});

describe('POST requests.json', () => {
  it('needs a valid api_key (Open311 error format)', async () => {
    const { api_key: _k, ...noKey } = good();
    const missing = await formPost(noKey);
    expect(missing.statusCode).toBe(403);
    isOpen311Error(missing.json(), 403);
    const bad = await formPost({ ...good(), api_key: 'not-the-key-0000000000' });
    expect(bad.statusCode).toBe(403);
    isOpen311Error(bad.json(), 403);
  });

  it('only a hash of the demo key is stored', async () => {
    const keys = await t.db.select().from(open311ApiKeys);
    expect(keys.length).toBeGreaterThan(0);
    expect(JSON.stringify(keys)).not.toContain(t.env.OPEN311_DEMO_KEY);
  });

  it('refuses invalid fields with every problem listed', async () => {
    const res = await formPost({ api_key: t.env.OPEN311_DEMO_KEY, service_code: '9', description: '短', lat: '30.5' });
    expect(res.statusCode).toBe(400);
    isOpen311Error(res.json(), 400);
    expect(res.json().length).toBeGreaterThanOrEqual(3);
  });

  let id: string;
  it('creates a lead from a form-encoded post: contact encrypted, audited under the key', async () => {
    const res = await formPost(good());
    const body = expectStatus(res, 201);
    expect(body).toHaveLength(1);
    expect(Object.keys(body[0]).sort()).toEqual(['account_id', 'service_notice', 'service_request_id']);
    expect(body[0].account_id).toBe('acct-42');
    id = body[0].service_request_id;
    const [row] = await t.db.select().from(complaints).where(eq(complaints.trackingCode, id));
    expect(row).toMatchObject({ channel: 'open311', category: 1, anonymous: false });
    expect(t.cipher.decrypt(row.contactPhoneEnc)).toBe('13900007777');
    expect(t.cipher.decrypt(row.contactNameEnc)).toBe('测试先生');
    const [extra] = await t.db.select().from(open311Requests).where(eq(open311Requests.complaintId, row.id));
    expect(extra).toMatchObject({ lat: 30.5561, long: 114.3831, accountId: 'acct-42' });
    expect(extra.emailEnc).not.toContain('resident@example.com');
    expect(t.cipher.decrypt(extra.emailEnc)).toBe('resident@example.com');
    const [audit] = await t.db.select().from(auditLog).where(and(eq(auditLog.entityId, row.id), eq(auditLog.action, 'complaint.create')));
    expect(audit.actorName).toMatch(/^system:open311:/);
  });

  it('reads it back with the spec fields and without the complainant contact', async () => {
    const res = await get(`/open311/v2/requests/${id}.json`);
    const body = expectStatus(res, 200);
    expect(body).toHaveLength(1);
    const r = body[0];
    for (const f of ['service_request_id', 'status', 'status_notes', 'service_name', 'service_code', 'description', 'agency_responsible', 'service_notice', 'requested_datetime', 'updated_datetime', 'expected_datetime', 'address', 'lat', 'long', 'media_url']) {
      expect(r).toHaveProperty(f);
    }
    expect(r).toMatchObject({ service_request_id: id, status: 'open', service_code: '1', lat: 30.5561, long: 114.3831 });
    expect(r.requested_datetime).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\+08:00$/);
    expect(res.body).not.toContain('13900007777');
    expect(res.body).not.toContain('测试先生');
    expect(res.body).not.toContain('resident@example.com');
    // a phone the resident typed into the description is redacted in reads
    expect(res.body).not.toContain('13900006666');
    expect(r.description).toContain('停水');
    expect(Object.keys(r)).not.toContain('phone');
    expect(Object.keys(r)).not.toContain('email');
  });

  it('an unknown id is a 404 in Open311 format', async () => {
    const res = await get('/open311/v2/requests/ZZZZZZZZZZ.json');
    expect(res.statusCode).toBe(404);
    isOpen311Error(res.json(), 404);
  });

  it('filters by id list, service_code, status and dates', async () => {
    const second = expectStatus(await formPost({ ...good(), service_code: '6', description: '物业把转供电价格从每度 0.6 元加到 1.2 元。' }), 201)[0].service_request_id;
    const ids = (url: string) => get(url).then((r) => expectStatus(r, 200).map((x: { service_request_id: string }) => x.service_request_id));
    expect((await ids(`/open311/v2/requests.json?service_request_id=${id},${second}`)).sort()).toEqual([id, second].sort());
    const cat1 = await ids('/open311/v2/requests.json?service_code=1');
    expect(cat1).toContain(id);
    expect(cat1).not.toContain(second);
    expect(await ids('/open311/v2/requests.json?status=open')).toEqual(expect.arrayContaining([id, second]));
    const closed = await ids('/open311/v2/requests.json?status=closed');
    expect(closed).not.toContain(id);
    const now = Date.now();
    const iso = (ms: number) => encodeURIComponent(new Date(ms).toISOString());
    expect(await ids(`/open311/v2/requests.json?start_date=${iso(now - 3600_000)}&end_date=${iso(now + 3600_000)}`)).toEqual(expect.arrayContaining([id, second]));
    expect(await ids(`/open311/v2/requests.json?start_date=${iso(now + 3600_000)}`)).toEqual([]);
    expect(await ids(`/open311/v2/requests.json?end_date=${iso(now - 86400_000)}`)).not.toContain(id);
    // closing it in the database moves it to status=closed
    await t.db.update(complaints).set({ status: 'closed', closedAt: new Date() }).where(eq(complaints.trackingCode, second));
    expect(await ids('/open311/v2/requests.json?status=closed')).toContain(second);
    expect(await ids('/open311/v2/requests.json?status=open')).not.toContain(second);
  });

  it('bad filters are 400 in Open311 format', async () => {
    for (const q of ['status=pending', 'start_date=yesterday', 'service_code=99']) {
      const res = await get(`/open311/v2/requests.json?${q}`);
      expect(res.statusCode).toBe(400);
      isOpen311Error(res.json(), 400);
    }
  });
});
