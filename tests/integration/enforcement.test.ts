import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { and, eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditLog, creditEvents, enterprises, legalProvisions, orgUnits, regions } from '../../server/db/schema/index.js';
import { nextDocumentSeq } from '../../server/modules/enforcement/enforcement.service.js';
import { systemProgram } from '../helpers/system-checks.js';
import { unzipEntry } from '../helpers/zip.js';
import { createTestContext, expectStatus, type TestContext } from '../helpers/app.js';

let t: TestContext;
const PAYMENT = { PENALTY_PAYMENT_BANK: '测试银行东湖支行', PENALTY_PAYMENT_ACCOUNT_NAME: '测试非税收入专户', PENALTY_PAYMENT_ACCOUNT: '4201 0000 1111 2222' };
let housing: string; // district-housing, 东湖房
let market: string; // district-market, 东湖市监
let police: string; // district-police, 东湖公
let hongshan: string; // other-district-housing, 洪房
let street: string; // street-staff: no enforcement:create
let eastEnterprise: { id: string; name: string };
let hongshanEnterprise: { id: string };
const prov: Record<string, number> = {};

/** An active enterprise registered in the region that manages no East Lake estate (so East Lake staff cannot see it). */
async function enterpriseIn(regionCode: string) {
  const [row] = await t.db
    .select({ id: enterprises.id, name: enterprises.name })
    .from(enterprises)
    .innerJoin(regions, eq(regions.id, enterprises.regionId))
    .where(
      and(
        eq(regions.code, regionCode),
        eq(enterprises.status, 'active'),
        regionCode === '420100-DH'
          ? undefined
          : sql`NOT EXISTS (SELECT 1 FROM projects p JOIN regions pr ON pr.id = p.region_id WHERE p.enterprise_id = ${enterprises.id} AND pr.path LIKE '%/420100-DH/%')`,
      ),
    )
    .orderBy(enterprises.name)
    .limit(1);
  if (!row) throw new Error(`no enterprise in ${regionCode}`);
  return row;
}

beforeAll(async () => {
  t = await createTestContext(PAYMENT);
  [housing, market, police, hongshan, street] = await Promise.all(
    ['district-housing', 'district-market', 'district-police', 'other-district-housing', 'street-staff'].map((u) => t.login(u)),
  );
  eastEnterprise = await enterpriseIn('420100-DH');
  hongshanEnterprise = await enterpriseIn('420111');
  for (const key of ['hubei-67-1', 'wygl-63', 'public-security-2012-42', 'public-security-2025-50-1', 'price-law-42']) {
    const [row] = await t.db.select({ id: legalProvisions.id }).from(legalProvisions).where(eq(legalProvisions.key, key));
    if (!row) throw new Error(`no provision ${key}`);
    prov[key] = row.id;
  }
});
afterAll(() => t.close());

/** Highest number issued so far by the unit (short name) in the year; 0 when none (seed data may have used some). */
async function lastSeq(shortName: string, year: number): Promise<number> {
  const rows = (await t.db.execute(
    sql`SELECT s.last_value FROM document_sequences s JOIN org_units u ON u.id = s.org_unit_id WHERE u.short_name = ${shortName} AND s.year = ${year}`,
  )) as unknown as { rows: { last_value: number }[] } | { last_value: number }[];
  const list = Array.isArray(rows) ? rows : rows.rows;
  return Number(list[0]?.last_value ?? 0);
}

const order = (over: Record<string, unknown> = {}) => ({
  type: 'rectification_order',
  enterpriseId: eastEnterprise.id,
  date: '2026-03-02',
  facts: '经查，该企业于2026年2月以催缴物业费为由对听涛小区部分楼栋限时停水。',
  legalBasisIds: [prov['hubei-67-1']],
  deadlineDays: 10,
  ...over,
});

describe('document numbers', () => {
  it('numbers 20 concurrent orders of one unit n+1..n+20 with no gaps or duplicates', async () => {
    const start = await lastSeq('东湖房', 2025);
    const responses = await Promise.all(
      Array.from({ length: 20 }, () => t.as(housing, { method: 'POST', url: '/api/enforcement-actions', payload: order({ date: '2025-06-03' }) })),
    );
    const numbers = responses.map((r) => expectStatus(r, 201).documentNumber as string);
    expect(new Set(numbers).size).toBe(20);
    const seqs = numbers.map((n) => {
      const m = /^东湖房责改〔2025〕(\d+)号$/.exec(n);
      expect(m, n).not.toBeNull();
      return Number(m?.[1]);
    });
    expect(seqs.sort((a, b) => a - b)).toEqual(Array.from({ length: 20 }, (_, i) => start + i + 1));
    expect(await lastSeq('东湖房', 2025)).toBe(start + 20);
  });

  it('keeps separate sequences per unit and per year; a refused request uses no number', async () => {
    const housing2026 = await lastSeq('东湖房', 2026);
    const market2026 = await lastSeq('东湖市监', 2026);
    const first = expectStatus(await t.as(housing, { method: 'POST', url: '/api/enforcement-actions', payload: order() }), 201);
    expect(first.documentNumber).toBe(`东湖房责改〔2026〕${housing2026 + 1}号`);
    // refused (legal basis not in force) → the next accepted one still gets 2
    const refused = await t.as(housing, { method: 'POST', url: '/api/enforcement-actions', payload: order({ legalBasisIds: [prov['public-security-2012-42']] }) });
    expect(refused.statusCode).toBe(422);
    const interview = expectStatus(
      await t.as(housing, {
        method: 'POST',
        url: '/api/enforcement-actions',
        payload: { type: 'interview', enterpriseId: eastEnterprise.id, date: '2026-03-03', facts: '就停水问题约谈企业负责人，要求说明情况。' },
      }),
      201,
    );
    expect(interview.documentNumber).toBe(`东湖房约谈〔2026〕${housing2026 + 2}号`);
    const marketFine = expectStatus(
      await t.as(market, {
        method: 'POST',
        url: '/api/enforcement-actions',
        payload: { type: 'fine', enterpriseId: eastEnterprise.id, date: '2026-03-04', facts: '未按规定明码标价，收取未予标明的费用。', legalBasisIds: [prov['price-law-42']], amount: 5000 },
      }),
      201,
    );
    expect(marketFine.documentNumber).toBe(`东湖市监罚决〔2026〕${market2026 + 1}号`);
    const housing2024 = await lastSeq('东湖房', 2024);
    const earlier = expectStatus(await t.as(housing, { method: 'POST', url: '/api/enforcement-actions', payload: order({ date: '2024-12-30' }) }), 201);
    expect(earlier.documentNumber).toBe(`东湖房责改〔2024〕${housing2024 + 1}号`);
    expect(await lastSeq('东湖房', 2026)).toBe(housing2026 + 2);
  });
});

describe('validation', () => {
  it('refuses a provision not in force on the date, naming it and the version in force', async () => {
    const res = await t.as(police, {
      method: 'POST',
      url: '/api/enforcement-actions',
      payload: {
        type: 'police_penalty',
        enterpriseId: eastEnterprise.id,
        date: '2026-03-05',
        facts: '物业保安多次采取滋扰、纠缠方法干扰业主正常生活。',
        legalBasisIds: [prov['public-security-2012-42']],
      },
    });
    expect(res.statusCode).toBe(422);
    const msg = res.json().error.details.fields['legalBasisIds.0'] as string;
    expect(msg).toContain('治安管理处罚法');
    expect(msg).toContain('第42条');
    expect(msg).toContain('第50条第1款');
    // the 2025 text is accepted on that date; the 2012 text for an act in 2025
    expectStatus(
      await t.as(police, {
        method: 'POST',
        url: '/api/enforcement-actions',
        payload: {
          type: 'police_penalty',
          enterpriseId: eastEnterprise.id,
          date: '2026-03-05',
          facts: '物业保安多次采取滋扰、纠缠方法干扰业主正常生活。',
          legalBasisIds: [prov['public-security-2025-50-1']],
          amount: 500,
        },
      }),
      201,
    );
  });

  it('only a police unit imposes a public-security penalty', async () => {
    const res = await t.as(housing, {
      method: 'POST',
      url: '/api/enforcement-actions',
      payload: { type: 'police_penalty', enterpriseId: eastEnterprise.id, date: '2026-03-05', facts: '物业保安多次滋扰业主正常生活。', legalBasisIds: [prov['public-security-2025-50-1']] },
    });
    expect(res.statusCode).toBe(422);
    expect(res.json().error.details.fields.type).toContain('公安');
  });

  it('applies the amount and deadline rules per type (defaults where the contract makes them optional)', async () => {
    const post = (payload: Record<string, unknown>) => t.as(housing, { method: 'POST', url: '/api/enforcement-actions', payload });
    const base = { enterpriseId: eastEnterprise.id, date: '2026-03-06', facts: '擅自利用共用部位设置广告牌并收取费用。', legalBasisIds: [prov['wygl-63']] };
    let res = await post({ ...base, type: 'fine' });
    expect(res.statusCode).toBe(422);
    expect(res.json().error.details.fields.amount).toContain('金额');
    res = await post({ ...base, type: 'confiscation', amount: 0 });
    expect(res.statusCode).toBe(422);
    // a value the type does not use is dropped; an order without a period gets the default 15 working days
    const interview = expectStatus(await post({ ...base, type: 'interview', amount: 1000, deadlineDays: 9 }), 201);
    expect(expectStatus(await t.as(housing, { method: 'GET', url: `/api/enforcement-actions/${interview.id}` }), 200)).toMatchObject({ amount: null, deadlineDays: null });
    const order = expectStatus(await post({ ...base, type: 'rectification_order' }), 201);
    expect(expectStatus(await t.as(housing, { method: 'GET', url: `/api/enforcement-actions/${order.id}` }), 200)).toMatchObject({ deadlineDays: 15 });
    res = await post({ ...base, type: 'rectification_order', deadlineDays: 0 });
    expect(res.statusCode).toBe(422);
    expect(res.json().error.details.fields.deadlineDays).toBeTruthy();
    res = await post({ ...base, type: 'warning', legalBasisIds: [] });
    expect(res.statusCode).toBe(422);
    expect(res.json().error.details.fields.legalBasisIds).toBeTruthy();
    const fine = expectStatus(await post({ ...base, type: 'fine', amount: 50000 }), 201);
    const detail = expectStatus(await t.as(housing, { method: 'GET', url: `/api/enforcement-actions/${fine.id}` }), 200);
    expect(detail).toMatchObject({ amount: 50000, type: 'fine', penalty: true, enterpriseName: eastEnterprise.name });
    expect(detail.legalBasis[0].citation).toContain('物业管理条例');
  });

  it('computes the rectification deadline and the publication date on working days', async () => {
    // 2026-09-30 (Wed) + 5 working days skips the National Day holiday (10-01..10-07) and lands in October
    const r = expectStatus(await t.as(housing, { method: 'POST', url: '/api/enforcement-actions', payload: order({ date: '2026-09-30', deadlineDays: 5 }) }), 201);
    expect(r.deadline > '2026-10-07').toBe(true);
    expect(r.publicationDueOn).toBeNull();
  });

  it('a rectification order not attached to a problem opens one in the ledger, with its deadline; closing still needs a review', async () => {
    const r = expectStatus(await t.as(housing, { method: 'POST', url: '/api/enforcement-actions', payload: order({ date: '2026-10-12', deadlineDays: 10, category: 5 }) }), 201);
    expect(r.problemId).toBeTruthy();
    const problem = expectStatus(await t.as(housing, { method: 'GET', url: `/api/problems/${r.problemId}` }), 200);
    expect(problem).toMatchObject({ status: 'open', deadline: r.deadline, enterpriseId: eastEnterprise.id, category: 5, source: 'inspection' });
    expect(problem.title).toContain(r.documentNumber);
    expect((await t.as(housing, { method: 'POST', url: `/api/problems/${r.problemId}/close`, payload: {} })).statusCode).toBeGreaterThanOrEqual(409);
    const detail = expectStatus(await t.as(housing, { method: 'GET', url: `/api/enforcement-actions/${r.id}` }), 200);
    expect(detail.problemId).toBe(r.problemId);
    // an order for an existing problem opens no second one; other types open none
    const again = expectStatus(await t.as(housing, { method: 'POST', url: '/api/enforcement-actions', payload: order({ problemId: r.problemId }) }), 201);
    expect(again.problemId).toBe(r.problemId);
    const interview = expectStatus(await t.as(housing, { method: 'POST', url: '/api/enforcement-actions', payload: order({ type: 'interview', deadlineDays: null }) }), 201);
    expect(interview.problemId).toBeNull();
  });

  it('refuses callers without enforcement:create and enterprises outside the jurisdiction (404)', async () => {
    expect((await t.as(street, { method: 'POST', url: '/api/enforcement-actions', payload: order() })).statusCode).toBe(403);
    const res = await t.as(housing, { method: 'POST', url: '/api/enforcement-actions', payload: order({ enterpriseId: hongshanEnterprise.id }) });
    expect(res.statusCode).toBe(404);
  });

  it('acts on a company registered elsewhere that manages an estate here; the action and its credit event belong here', async () => {
    // A 洪山-registered company takes over one East Lake estate (decision 005).
    const [estate] = (await t.db.execute(
      sql`UPDATE projects SET enterprise_id = ${hongshanEnterprise.id}
          WHERE id = (SELECT p.id FROM projects p JOIN regions r ON r.id = p.region_id WHERE r.path LIKE '%/420100-DH/%' ORDER BY p.name LIMIT 1)
          RETURNING id, region_id`,
    ).then((r) => ((r as unknown as { rows?: unknown[] }).rows ?? r) as { id: string; region_id: number }[])) as { id: string; region_id: number }[];
    expect(estate).toBeDefined();
    const created = expectStatus(
      await t.as(housing, { method: 'POST', url: '/api/enforcement-actions', payload: order({ enterpriseId: hongshanEnterprise.id, projectId: estate.id }) }),
      201,
    );
    const detail = expectStatus(await t.as(housing, { method: 'GET', url: `/api/enforcement-actions/${created.id}` }), 200);
    expect(detail.enterpriseId ?? detail.enterprise?.id).toBe(hongshanEnterprise.id);
    const [ev] = await t.db.select().from(creditEvents).where(eq(creditEvents.id, created.creditEventId));
    expect(ev?.regionId).toBe(estate.region_id);
    // Both districts read the company's credit; the deduction counts wherever it was made.
    const east = expectStatus(await t.as(housing, { method: 'GET', url: `/api/enterprises/${hongshanEnterprise.id}/credit` }), 200);
    const home = expectStatus(await t.as(hongshan, { method: 'GET', url: `/api/enterprises/${hongshanEnterprise.id}/credit` }), 200);
    expect(east.score).toBe(home.score);
    expect(home.events.map((e: { id: string }) => e.id)).toContain(created.creditEventId);
  });
});

describe('credit, publication, jurisdiction', () => {
  it('records a credit event in the same transaction and flags penalties for publication', async () => {
    const fine = expectStatus(
      await t.as(housing, {
        method: 'POST',
        url: '/api/enforcement-actions',
        payload: { type: 'fine', enterpriseId: eastEnterprise.id, date: '2026-04-01', facts: '擅自利用共用部位经营，拒不改正。', legalBasisIds: [prov['wygl-63']], amount: 60000 },
      }),
      201,
    );
    expect(fine.creditEventId).toBeTruthy();
    const [ev] = await t.db.select().from(creditEvents).where(eq(creditEvents.id, fine.creditEventId));
    expect(ev).toMatchObject({ type: 'fine', points: -20, sourceType: 'enforcement_action', sourceId: fine.id, occurredOn: '2026-04-01' });
    // 2026-04-01 + 7 working days (Qingming 04-04..04-06 off) → 2026-04-13
    expect(fine.publicationDueOn).toBe('2026-04-13');
    const [audit] = await t.db.select().from(auditLog).where(and(eq(auditLog.entityId, fine.id), eq(auditLog.action, 'enforcement.create')));
    expect(audit).toBeTruthy();

    const due = expectStatus(await t.as(housing, { method: 'GET', url: '/api/enforcement-actions?publicationDue=true&pageSize=200' }), 200);
    expect(due.items.map((i: { id: string }) => i.id)).toContain(fine.id);
    expect(due.items.every((i: { penalty: boolean; publishedAt: unknown }) => i.penalty && i.publishedAt === null)).toBe(true);
    expectStatus(await t.as(housing, { method: 'POST', url: `/api/enforcement-actions/${fine.id}/publish` }), 200);
    expect((await t.as(housing, { method: 'POST', url: `/api/enforcement-actions/${fine.id}/publish` })).statusCode).toBe(409);
    const after = expectStatus(await t.as(housing, { method: 'GET', url: '/api/enforcement-actions?publicationDue=true&pageSize=200' }), 200);
    expect(after.items.map((i: { id: string }) => i.id)).not.toContain(fine.id);
  });

  it('a rectification order cannot be "published" as a penalty', async () => {
    const r = expectStatus(await t.as(housing, { method: 'POST', url: '/api/enforcement-actions', payload: order() }), 201);
    expect((await t.as(housing, { method: 'POST', url: `/api/enforcement-actions/${r.id}/publish` })).statusCode).toBe(409);
  });

  it('hides another district’s actions (404 on detail and document, absent from lists)', async () => {
    const r = expectStatus(await t.as(housing, { method: 'POST', url: '/api/enforcement-actions', payload: order() }), 201);
    expect((await t.as(hongshan, { method: 'GET', url: `/api/enforcement-actions/${r.id}` })).statusCode).toBe(404);
    expect((await t.as(hongshan, { method: 'GET', url: `/api/enforcement-actions/${r.id}/document` })).statusCode).toBe(404);
    expect((await t.as(hongshan, { method: 'POST', url: `/api/enforcement-actions/${r.id}/publish` })).statusCode).toBe(404);
    const list = expectStatus(await t.as(hongshan, { method: 'GET', url: '/api/enforcement-actions?pageSize=200' }), 200);
    expect(list.items.map((i: { id: string }) => i.id)).not.toContain(r.id);
    const own = expectStatus(await t.as(housing, { method: 'GET', url: `/api/enforcement-actions?enterpriseId=${eastEnterprise.id}&type=rectification_order&pageSize=5` }), 200);
    expect(own.total).toBeGreaterThan(20);
    expect(own.items).toHaveLength(5);
  });
});


describe('the .docx notice', () => {
  let docx: Buffer;
  let documentNumber: string;

  beforeAll(async () => {
    const r = expectStatus(await t.as(housing, { method: 'POST', url: '/api/enforcement-actions', payload: order({ date: '2026-11-20' }) }), 201);
    documentNumber = r.documentNumber;
    const res = await t.as(housing, { method: 'GET', url: `/api/enforcement-actions/${r.id}/document` });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('wordprocessingml.document');
    const disposition = String(res.headers['content-disposition']);
    expect(disposition).toContain(`filename*=UTF-8''${encodeURIComponent('责令整改通知书')}`);
    expect(disposition).toContain(encodeURIComponent(documentNumber));
    docx = res.rawPayload;
  });

  it('contains the number, title, enterprise, legal basis, Chinese date and seal placeholder in GB/T 9704 layout', () => {
    const xml = unzipEntry(docx, 'word/document.xml').toString('utf8');
    const text = xml.replace(/<[^>]+>/g, '');
    expect(text).toContain(documentNumber);
    expect(text).toContain('责令整改通知书');
    expect(text).toContain(`${eastEnterprise.name}：`);
    expect(text).toContain('东湖风景区建设（房管）局');
    expect(text).toContain('湖北省物业服务和管理条例');
    expect(text).toContain('二〇二六年十一月二十日');
    expect(text).toContain('（印章）');
    expect(text).toMatch(/10个工作日内/);
    // A4 and margins 37/35/28/26 mm in twips
    expect(xml).toMatch(/<w:pgSz[^>]*w:w="11906"[^>]*w:h="16838"/);
    expect(xml).toMatch(/<w:pgMar[^>]*w:top="2098"[^>]*w:right="1474"[^>]*w:bottom="1984"[^>]*w:left="1587"/);
    expect(xml).toContain('w:color w:val="C00000"'); // red header
    expect(xml).toMatch(/w:line="560" w:lineRule="exact"/); // 28 pt line pitch
  });

  it('renders every notice layout (all eight types) with LibreOffice to a PDF with at least one page', async (ctx) => {
    // A system check (tests/helpers/system-checks.ts): mandatory in CI, reported as not run elsewhere.
    const bin = systemProgram('libreoffice', ctx);
    const others: Array<[string, Record<string, unknown>, string]> = [
      ['interview', {}, housing],
      ['warning_letter', { deadlineDays: 5 }, housing],
      ['warning', { deadlineDays: null }, housing],
      ['fine', { deadlineDays: null, amount: 20000 }, housing],
      ['confiscation', { deadlineDays: null, amount: 3600.5 }, housing],
      ['police_penalty', { deadlineDays: null, amount: 500, legalBasisIds: [prov['public-security-2025-50-1']] }, police],
      ['criminal_referral', { deadlineDays: null }, housing],
    ];
    const docs: Array<[string, Buffer]> = [['rectification_order', docx]];
    for (const [type, over, who] of others) {
      const r = expectStatus(await t.as(who, { method: 'POST', url: '/api/enforcement-actions', payload: order({ type, date: '2026-11-20', ...over }) }), 201);
      const res = await t.as(who, { method: 'GET', url: `/api/enforcement-actions/${r.id}/document` });
      expect(res.statusCode, type).toBe(200);
      const text = unzipEntry(res.rawPayload, 'word/document.xml').toString('utf8').replace(/<[^>]+>/g, '');
      expect(text, type).toContain(r.documentNumber);
      docs.push([type, res.rawPayload]);
    }
    const dir = mkdtempSync(join(tmpdir(), 'enf-docx-'));
    try {
      const files = docs.map(([type, buf]) => {
        const file = join(dir, `${type}.docx`);
        writeFileSync(file, buf);
        return file;
      });
      execFileSync(bin, [`-env:UserInstallation=file://${join(dir, 'profile')}`, '--headless', '--convert-to', 'pdf', '--outdir', dir, ...files], {
        timeout: 240_000,
        stdio: 'pipe',
      });
      for (const [type] of docs) {
        const pdf = join(dir, `${type}.pdf`);
        expect(statSync(pdf).size, type).toBeGreaterThan(1000);
        const content = readFileSync(pdf).toString('latin1');
        expect(content.startsWith('%PDF-'), type).toBe(true);
        const pages = content.match(/\/Type\s*\/Page(?!s)/g) ?? [];
        expect(pages.length, type).toBeGreaterThanOrEqual(1);
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 300_000);
});

describe('the 行政处罚决定书', () => {
  const textOf = async (who: string, id: string) => {
    const res = await t.as(who, { method: 'GET', url: `/api/enforcement-actions/${id}/document` });
    expect(res.statusCode).toBe(200);
    return unzipEntry(res.rawPayload, 'word/document.xml').toString('utf8').replace(/<[^>]+>/g, '');
  };
  const fine = { type: 'fine', date: '2026-11-23', facts: '擅自利用共用部位设置广告牌经营，拒不改正。', legalBasisIds: [prov['wygl-63']], amount: 50000 };

  it('names the 复议机关 and the court, with the 60-day and 6-month limits, and the configured payment account', async () => {
    const r = expectStatus(await t.as(housing, { method: 'POST', url: '/api/enforcement-actions', payload: { ...fine, enterpriseId: eastEnterprise.id, legalBasisIds: [prov['wygl-63']] } }), 201);
    const text = await textOf(housing, r.id);
    // East Lake is a functional zone without a government of its own: the city's
    expect(text).toContain('六十日内向武汉市人民政府申请行政复议');
    expect(text).toContain('六个月内依法向武汉市中级人民法院提起行政诉讼');
    expect(text).toContain('不停止执行');
    expect(text).toContain(`缴至${PAYMENT.PENALTY_PAYMENT_BANK}（户名：${PAYMENT.PENALTY_PAYMENT_ACCOUNT_NAME}；账号：${PAYMENT.PENALTY_PAYMENT_ACCOUNT}）`);
    expect(text).toContain(r.documentNumber);
    expect(text).not.toContain('指定银行');
    // the clause alone: 第63条第1款第（三）项 without the text of items (一) and (二)
    expect(text).toContain('第63条第1款第（三）项：擅自利用物业共用部位、共用设施设备进行经营的。');
    expect(text).not.toContain('擅自占用、挖掘');
    expect(text).not.toContain('同款');
  });

  it('a district department names the district government and the district court', async () => {
    const r = expectStatus(await t.as(hongshan, { method: 'POST', url: '/api/enforcement-actions', payload: { ...fine, type: 'warning', amount: undefined, enterpriseId: hongshanEnterprise.id, legalBasisIds: [prov['wygl-63']] } }), 201);
    const text = await textOf(hongshan, r.id);
    expect(text).toContain('向武汉市洪山区人民政府申请行政复议');
    expect(text).toContain('向武汉市洪山区人民法院提起行政诉讼');
    expect(text).not.toContain('户名：'); // a warning has nothing to pay
  });

  it('the payment account defaults to a placeholder asking for configuration, never a made-up account', async () => {
    const { loadEnv } = await import('../../server/env.js');
    const env = loadEnv({});
    expect(env.PENALTY_PAYMENT_BANK).toContain('请在配置中填写');
    expect(env.PENALTY_PAYMENT_ACCOUNT).toContain('请在配置中填写');
    expect(env.PENALTY_PAYMENT_ACCOUNT_NAME).toContain('请在配置中填写');
  });
});

describe('sequence table', () => {
  it('releases a number taken by a transaction that rolls back', async () => {
    const [unit] = await t.db.select({ id: orgUnits.id }).from(orgUnits).where(eq(orgUnits.shortName, '东湖房'));
    const before = await lastSeq('东湖房', 2026);
    await expect(
      t.db.transaction(async (tx) => {
        expect(await nextDocumentSeq(tx, unit?.id as string, 2026)).toBe(before + 1);
        throw new Error('insert failed');
      }),
    ).rejects.toThrow('insert failed');
    expect(await lastSeq('东湖房', 2026)).toBe(before);
    const next = expectStatus(await t.as(housing, { method: 'POST', url: '/api/enforcement-actions', payload: order() }), 201);
    expect(next.documentNumber).toBe(`东湖房责改〔2026〕${before + 1}号`);
  });

  it('holds one row per unit and year whose value equals the highest number issued', async () => {
    const rows = (await t.db.execute(sql`SELECT s.year, s.last_value, (SELECT max(seq) FROM enforcement_actions a WHERE a.issuing_org_unit_id = s.org_unit_id AND a.year = s.year) AS max_seq,
      (SELECT count(*) FROM enforcement_actions a WHERE a.issuing_org_unit_id = s.org_unit_id AND a.year = s.year)::int AS n FROM document_sequences s`)) as unknown as
      | { rows: { last_value: number; max_seq: number; n: number }[] }
      | { last_value: number; max_seq: number; n: number }[];
    const list = Array.isArray(rows) ? rows : rows.rows;
    expect(list.length).toBeGreaterThan(2);
    for (const r of list) {
      expect(Number(r.last_value)).toBe(Number(r.max_seq));
      expect(Number(r.n)).toBe(Number(r.last_value));
    }
  });
});
