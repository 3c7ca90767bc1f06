import { and, eq, like } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditLog, complaints, open311ApiKeys, open311Requests, projects, regions } from '../../server/db/schema/index.js';
import { HONGSHAN } from '../../server/db/seed/regions.seed.js';
import { hashApiKey } from '../../server/modules/open311/open311.keys.js';
import { createTestContext, expectStatus, type TestContext } from '../helpers/app.js';

/**
 * Open311 GeoReport v2 under /open311/v2: services (open), form-encoded posting and reads with an
 * API key, reads limited to the key's region, identified by uuid (never the tracking code), without
 * contact data and with the description and free-text address redacted.
 */
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
/** A read with the demo key (East Lake). */
const read = (path: string, key = t.env.OPEN311_DEMO_KEY) => get(`${path}${path.includes('?') ? '&' : '?'}api_key=${encodeURIComponent(key)}`);
const publicComplaint = (payload: Record<string, unknown>) => t.app.inject({ method: 'POST', url: '/api/public/complaints', payload, remoteAddress: '10.31.1.1' });
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
  let trackingCode: string;
  it('creates a lead from a form-encoded post: contact encrypted, audited under the key', async () => {
    const res = await formPost(good());
    const body = expectStatus(res, 201);
    expect(body).toHaveLength(1);
    expect(Object.keys(body[0]).sort()).toEqual(['account_id', 'service_notice', 'service_request_id']);
    expect(body[0].account_id).toBe('acct-42');
    id = body[0].service_request_id;
    const [row] = await t.db.select().from(complaints).where(eq(complaints.id, id));
    expect(row).toMatchObject({ channel: 'open311', category: 1, anonymous: false });
    // service_request_id is the uuid; the tracking code goes to the key holder only in service_notice
    trackingCode = row.trackingCode;
    expect(id).not.toBe(trackingCode);
    expect(body[0].service_notice).toContain(trackingCode);
    expect(t.cipher.decrypt(row.contactPhoneEnc)).toBe('13900007777');
    expect(t.cipher.decrypt(row.contactNameEnc)).toBe('测试先生');
    const [extra] = await t.db.select().from(open311Requests).where(eq(open311Requests.complaintId, row.id));
    expect(extra).toMatchObject({ lat: 30.5561, long: 114.3831, accountId: 'acct-42' });
    expect(extra.emailEnc).not.toContain('resident@example.com');
    expect(t.cipher.decrypt(extra.emailEnc)).toBe('resident@example.com');
    const [audit] = await t.db.select().from(auditLog).where(and(eq(auditLog.entityId, row.id), eq(auditLog.action, 'complaint.create')));
    expect(audit.actorName).toMatch(/^system:open311:/);
  });

  it('reads without a key are public as in GeoReport v2 (no confidential leads, no contact); a bad key is 403', async () => {
    for (const url of [`/open311/v2/requests/${id}.json`, '/open311/v2/requests.json', `/open311/v2/requests.json?service_request_id=${id}`]) {
      const open = await get(url);
      expect(open.statusCode, url).toBe(200);
      expect(open.body).not.toContain(trackingCode);
      expect(open.body).not.toContain('13900007777');
      expect(open.body).not.toContain('测试先生');
      const bad = await get(`${url}${url.includes('?') ? '&' : '?'}api_key=not-the-key-0000000000`);
      expect(bad.statusCode, url).toBe(403);
      isOpen311Error(bad.json(), 403);
    }
    expect((await get(`/open311/v2/requests/${id}.json`)).json()[0].service_request_id).toBe(id);
    expect((await get('/open311/v2/services.json')).statusCode).toBe(200);
  });

  it('reads it back with the spec fields and without the complainant contact or tracking code', async () => {
    const res = await read(`/open311/v2/requests/${id}.json`);
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
    expect(res.body).not.toContain(trackingCode);
    expect(r.service_notice).toBeNull();
    expect(r.address).toBe('武汉市东湖风景区某小区 5 栋');
    // a phone the resident typed into the description is redacted in reads
    expect(res.body).not.toContain('13900006666');
    expect(r.description).toContain('停水');
    expect(Object.keys(r)).not.toContain('phone');
    expect(Object.keys(r)).not.toContain('email');
  });

  it('an unknown id, or the tracking code in place of the id, is a 404 in Open311 format', async () => {
    for (const unknown of ['ZZZZZZZZZZ', trackingCode, '00000000-0000-4000-8000-000000000000']) {
      const res = await read(`/open311/v2/requests/${unknown}.json`);
      expect(res.statusCode, unknown).toBe(404);
      isOpen311Error(res.json(), 404);
    }
    expect(expectStatus(await read(`/open311/v2/requests.json?service_request_id=${trackingCode}`), 200)).toEqual([]);
  });

  it('redacts the complainant’s own name and the room number of a free-text address', async () => {
    const posted = expectStatus(
      await formPost({
        ...good(),
        description: '我是王晓东，物业从昨天起给我们楼停水，至今没有恢复供水。',
        address_string: '东湖某小区3栋2单元501室',
        first_name: '晓东',
        last_name: '王',
      }),
      201,
    )[0].service_request_id;
    const res = await read(`/open311/v2/requests/${posted}.json`);
    const [r] = expectStatus(res, 200);
    expect(res.body).not.toContain('王晓东');
    expect(res.body).not.toContain('501');
    expect(r.description).toContain('停水');
    expect(r.address).toContain('东湖某小区');
  });

  it('a lead with a project publishes the project’s registered address, not the resident’s text', async () => {
    const [p] = await t.db
      .select({ id: projects.id, address: projects.address })
      .from(projects)
      .innerJoin(regions, eq(regions.id, projects.regionId))
      .where(like(regions.path, '%/420100-DH/%'))
      .limit(1);
    const { trackingCode: code } = expectStatus(
      await publicComplaint({ description: '物业以欠费为由给我家停水，已经两天了。', contactName: '赵一鸣', contactPhone: '13900006601', projectId: p.id, address: '3栋2单元501室' }),
      201,
    );
    const [c] = await t.db.select({ id: complaints.id }).from(complaints).where(eq(complaints.trackingCode, code));
    const res = await read(`/open311/v2/requests/${c.id}.json`);
    const [r] = expectStatus(res, 200);
    expect(r.address).toBe(p.address);
    expect(res.body).not.toContain('501');
    expect(res.body).not.toContain(code);
    const listed = expectStatus(await read('/open311/v2/requests.json'), 200) as Array<{ service_request_id: string }>;
    expect(listed.map((x) => x.service_request_id)).toContain(c.id);
    expect(JSON.stringify(listed)).not.toContain(code);
  });

  it('keyed reads are limited to the key’s region subtree (confidential leads there included); public reads never show confidential ones', async () => {
    const [hongshan] = await t.db.select({ id: regions.id }).from(regions).where(eq(regions.code, HONGSHAN));
    expect(hongshan).toBeTruthy();
    const hongshanKey = 'test-hongshan-key-0123456789abcdef';
    await t.db.insert(open311ApiKeys).values({ name: '洪山测试客户端', keyHash: hashApiKey(hongshanKey), regionId: hongshan.id });
    // a lead posted with the East Lake key is invisible to the Hongshan key, and vice versa
    expect((await read(`/open311/v2/requests/${id}.json`, hongshanKey)).statusCode).toBe(404);
    const hsList = expectStatus(await read('/open311/v2/requests.json', hongshanKey), 200) as Array<{ service_request_id: string }>;
    expect(hsList.map((x) => x.service_request_id)).not.toContain(id);
    const hsLead = expectStatus(await formPost({ ...good(), api_key: hongshanKey }), 201)[0].service_request_id;
    expect((await read(`/open311/v2/requests/${hsLead}.json`, hongshanKey)).statusCode).toBe(200);
    expect((await read(`/open311/v2/requests/${hsLead}.json`)).statusCode).toBe(404);
    const ehList = expectStatus(await read(`/open311/v2/requests.json?service_request_id=${id},${hsLead}`), 200) as Array<{ service_request_id: string }>;
    expect(ehList.map((x) => x.service_request_id)).toEqual([id]);
    // a confidential lead in the key's region is readable with that key (no contact), not outside it
    await t.db.update(complaints).set({ confidential: true }).where(eq(complaints.id, hsLead));
    const conf = await read(`/open311/v2/requests/${hsLead}.json`, hongshanKey);
    expect(conf.statusCode).toBe(200);
    expect(conf.body).not.toContain('13900007777');
    expect((await read(`/open311/v2/requests/${hsLead}.json`)).statusCode).toBe(404);
    // …and invisible to keyless public reads
    expect((await get(`/open311/v2/requests/${hsLead}.json`)).statusCode).toBe(404);
    const publicIds = (expectStatus(await get(`/open311/v2/requests.json?service_request_id=${id},${hsLead}`), 200) as Array<{ service_request_id: string }>).map((x) => x.service_request_id);
    expect(publicIds).toEqual([id]);
  });

  it('filters by id list, service_code, status and dates', async () => {
    const second = expectStatus(await formPost({ ...good(), service_code: '6', description: '物业把转供电价格从每度 0.6 元加到 1.2 元。' }), 201)[0].service_request_id;
    const ids = (url: string) => read(url).then((r) => expectStatus(r, 200).map((x: { service_request_id: string }) => x.service_request_id));
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
    await t.db.update(complaints).set({ status: 'closed', closedAt: new Date() }).where(eq(complaints.id, second));
    expect(await ids('/open311/v2/requests.json?status=closed')).toContain(second);
    expect(await ids('/open311/v2/requests.json?status=open')).not.toContain(second);
  });

  it('bad filters are 400 in Open311 format', async () => {
    for (const q of ['status=pending', 'start_date=yesterday', 'service_code=99']) {
      const res = await read(`/open311/v2/requests.json?${q}`);
      expect(res.statusCode).toBe(400);
      isOpen311Error(res.json(), 400);
    }
  });
});
