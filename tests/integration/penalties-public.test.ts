import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { enforcementActions, enterprises, legalProvisions, users } from '../../server/db/schema/index.js';
import { createTestContext, expectStatus, type TestContext } from '../helpers/app.js';

/** 行政处罚公示 (双公示, SPEC §12): the portal lists published penalty decisions only, without login. */

let t: TestContext;
let housing: string; // district-housing, 东湖房
let company: { id: string; name: string; creditCode: string };
let staffName: string;
const prov: Record<string, number> = {};
const COMPANY = '武汉听涛物业服务有限公司';

const pub = (url: string) => t.as(null, { method: 'GET', url });
const listIds = async (query = '') => expectStatus(await pub(`/api/public/penalties?pageSize=50${query}`), 200).items.map((i: { id: string }) => i.id) as string[];

async function action(payload: Record<string, unknown>) {
  return expectStatus(
    await t.as(housing, { method: 'POST', url: '/api/enforcement-actions', payload: { enterpriseId: company.id, date: '2026-03-04', ...payload } }),
    201,
  ) as { id: string; documentNumber: string };
}

beforeAll(async () => {
  t = await createTestContext();
  housing = await t.login('district-housing');
  const [ent] = await t.db.select({ id: enterprises.id, name: enterprises.name, creditCode: enterprises.creditCode }).from(enterprises).where(eq(enterprises.name, COMPANY));
  if (!ent) throw new Error('demo company missing');
  company = ent;
  const [u] = await t.db.select({ name: users.displayName }).from(users).where(eq(users.username, 'district-housing'));
  staffName = u?.name as string;
  for (const key of ['wygl-63', 'hubei-67-1']) {
    const [row] = await t.db.select({ id: legalProvisions.id }).from(legalProvisions).where(eq(legalProvisions.key, key));
    if (!row) throw new Error(`no provision ${key}`);
    prov[key] = row.id;
  }
});
afterAll(() => t.close());

describe('GET /api/public/penalties', () => {
  it('lists the seeded published fine without login, and none of the unpublished or non-penalty seeded actions', async () => {
    const res = await pub('/api/public/penalties');
    const body = expectStatus(res, 200);
    const seeded = await t.db.select().from(enforcementActions).where(eq(enforcementActions.enterpriseId, company.id));
    const fine = seeded.find((a) => a.type === 'fine' && a.publishedAt);
    expect(fine, 'seeded published fine').toBeTruthy();
    const item = body.items.find((i: { id: string }) => i.id === fine?.id);
    expect(item).toMatchObject({
      documentNumber: fine?.documentNumber,
      type: 'fine',
      typeLabel: '罚款',
      title: '行政处罚决定书',
      decisionDate: '2026-10-20',
      enterpriseName: COMPANY,
      creditCode: company.creditCode,
      amount: 50000,
      issuingUnitName: expect.stringContaining('东湖'),
    });
    expect(item.legalBasis[0]).toMatchObject({ actTitle: expect.stringContaining('物业管理条例'), article: expect.any(String) });
    expect(Date.parse(item.publishedAt)).toBe(Date.parse('2026-10-26T02:00:00Z'));
    // No staff identity in the public record.
    for (const key of ['createdBy', 'publishedBy', 'creatorName', 'publisherName', 'regionId', 'creditEventId']) expect(item, key).not.toHaveProperty(key);

    const ids = body.items.map((i: { id: string }) => i.id);
    for (const a of seeded.filter((x) => x.type !== 'fine' || !x.publishedAt)) expect(ids, `${a.type} ${a.documentNumber}`).not.toContain(a.id);
    expect(body.items.every((i: { type: string }) => ['warning', 'fine', 'confiscation', 'police_penalty'].includes(i.type))).toBe(true);
  });

  it('shows a fine only after it is published; before that its detail is 404; the facts are redacted', async () => {
    const fine = await action({
      type: 'fine',
      amount: 20000,
      legalBasisIds: [prov['wygl-63']],
      facts: `经查，${COMPANY}擅自占用小区共用部位经营。业主王晓明（电话13900001234）反映其3栋2单元501室门前被堆放杂物；执法人员${staffName}现场核实属实。`,
    });
    expect(await listIds()).not.toContain(fine.id);
    expect((await pub(`/api/public/penalties/${fine.id}`)).statusCode).toBe(404);

    expectStatus(await t.as(housing, { method: 'POST', url: `/api/enforcement-actions/${fine.id}/publish` }), 200);
    expect(await listIds()).toContain(fine.id);
    const detail = expectStatus(await pub(`/api/public/penalties/${fine.id}`), 200);
    expect(detail).toMatchObject({ id: fine.id, documentNumber: fine.documentNumber, amount: 20000, enterpriseName: COMPANY });
    expect(detail.facts).toContain(COMPANY);
    expect(detail.facts).toContain('擅自占用小区共用部位经营');
    for (const secret of ['王晓明', '13900001234', '501室', staffName]) expect(detail.facts, secret).not.toContain(secret);
    expect(detail.facts).toContain('王某');
    expect(detail.facts).toContain('[手机号码已隐去]');
    // The list carries the same redacted text.
    const listed = expectStatus(await pub(`/api/public/penalties?q=${encodeURIComponent(fine.documentNumber)}`), 200);
    expect(listed.total).toBe(1);
    expect(listed.items[0].facts).toBe(detail.facts);
  });

  it('never shows a rectification order, even one carrying a publication time', async () => {
    const order = await action({ type: 'rectification_order', legalBasisIds: [prov['hubei-67-1']], deadlineDays: 10, facts: '经查，该企业以催缴物业费为由限时停水，责令限期改正。' });
    expect((await t.as(housing, { method: 'POST', url: `/api/enforcement-actions/${order.id}/publish` })).statusCode).toBe(409);
    await t.db.update(enforcementActions).set({ publishedAt: new Date() }).where(eq(enforcementActions.id, order.id));
    expect(await listIds()).not.toContain(order.id);
    expect((await pub(`/api/public/penalties/${order.id}`)).statusCode).toBe(404);
  });

  it('hides a decision again when its publication is revoked, and 404s an unknown id', async () => {
    const warning = await action({ type: 'warning', legalBasisIds: [prov['wygl-63']], facts: '经查，该企业未按规定公示物业服务收费标准。' });
    expectStatus(await t.as(housing, { method: 'POST', url: `/api/enforcement-actions/${warning.id}/publish` }), 200);
    expectStatus(await pub(`/api/public/penalties/${warning.id}`), 200);
    await t.db.update(enforcementActions).set({ publishedAt: null, publishedBy: null }).where(eq(enforcementActions.id, warning.id));
    expect(await listIds()).not.toContain(warning.id);
    expect((await pub(`/api/public/penalties/${warning.id}`)).statusCode).toBe(404);
    expect((await pub('/api/public/penalties/00000000-0000-4000-8000-000000000000')).statusCode).toBe(404);
    expect((await pub('/api/public/penalties/not-a-uuid')).statusCode).toBe(422);
  });

  it('searches by company name, credit code or document number, paginated in SQL, newest publication first', async () => {
    const byCode = expectStatus(await pub(`/api/public/penalties?q=${company.creditCode}`), 200);
    expect(byCode.total).toBeGreaterThanOrEqual(2);
    expect(byCode.items.every((i: { creditCode: string }) => i.creditCode === company.creditCode)).toBe(true);
    const byName = expectStatus(await pub(`/api/public/penalties?q=${encodeURIComponent('听涛')}`), 200);
    expect(byName.total).toBe(byCode.total);
    const none = expectStatus(await pub(`/api/public/penalties?q=${encodeURIComponent('不存在的企业名称')}`), 200);
    expect(none).toMatchObject({ total: 0, items: [] });
    const page1 = expectStatus(await pub('/api/public/penalties?page=1&pageSize=1'), 200);
    const page2 = expectStatus(await pub('/api/public/penalties?page=2&pageSize=1'), 200);
    expect(page1.items).toHaveLength(1);
    expect(page1.total).toBeGreaterThanOrEqual(2);
    expect(page2.items[0].id).not.toBe(page1.items[0].id);
    expect(Date.parse(page1.items[0].publishedAt)).toBeGreaterThanOrEqual(Date.parse(page2.items[0].publishedAt));
    expect((await pub('/api/public/penalties?pageSize=500')).statusCode).toBe(422);
  });
});
