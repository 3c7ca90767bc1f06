import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryRows } from '../../server/db/client.js';
import { createTestContext, expectStatus, type TestContext } from '../helpers/app.js';
import { systemProgram } from '../helpers/system-checks.js';
import { unzipEntry } from '../helpers/zip.js';

let t: TestContext;
let city: string;
let district: string;
let other: string;
const FROM = '2026-01-01';
const TO = '2026-12-31';

beforeAll(async () => {
  t = await createTestContext();
  [city, district, other] = await Promise.all(['city-coordinator', 'district-housing', 'other-district-housing'].map((u) => t.login(u)));
});
afterAll(() => t.close());


describe('通报 (progress notification)', () => {
  let draft: Buffer;
  it('drafts an editable .docx in official layout with one table row per sub-region', async () => {
    const res = await t.as(city, { method: 'POST', url: '/api/notifications/draft', payload: { regionCode: '420100', from: FROM, to: TO } });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('wordprocessingml.document');
    draft = res.rawPayload;
    const xml = unzipEntry(draft, 'word/document.xml').toString('utf8');
    const text = xml.replace(/<[^>]+>/g, '');
    expect(text).toContain('关于武汉市物业服务专项整治工作进展情况的通报');
    expect(text).toContain('东湖');
    expect(text).toContain('线索办结率');
    expect(xml).toMatch(/<w:pgSz[^>]*w:w="11906"[^>]*w:h="16838"/);
    expect(xml).toMatch(/<w:pgMar[^>]*w:top="2098"[^>]*w:right="1474"[^>]*w:bottom="1984"[^>]*w:left="1587"/);
    expect(xml).toContain('w:color w:val="C00000"');
    expect((xml.match(/<w:tr[ >]/g) ?? []).length).toBeGreaterThan(2);
  });

  it('opens in LibreOffice (converted to PDF)', (ctx) => {
    // A system check (tests/helpers/system-checks.ts): mandatory in CI, reported as not run elsewhere.
    const bin = systemProgram('libreoffice', ctx);
    const dir = mkdtempSync(join(tmpdir(), 'notif-docx-'));
    try {
      const file = join(dir, 'notification.docx');
      writeFileSync(file, draft);
      execFileSync(bin, [`-env:UserInstallation=file://${join(dir, 'profile')}`, '--headless', '--convert-to', 'pdf', '--outdir', dir, file], { timeout: 240_000, stdio: 'pipe' });
      const pdf = join(dir, 'notification.pdf');
      expect(statSync(pdf).size).toBeGreaterThan(1000);
      expect(readFileSync(pdf).toString('latin1').startsWith('%PDF-')).toBe(true);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 300_000);

  it('issuing numbers it, freezes it, and a public one appears on the portal', async () => {
    const a = expectStatus(await t.as(city, { method: 'POST', url: '/api/notifications', payload: { regionCode: '420100', from: FROM, to: TO, isPublic: true } }), 201);
    const b = expectStatus(await t.as(city, { method: 'POST', url: '/api/notifications', payload: { regionCode: '420100', from: FROM, to: TO } }), 201);
    expect(a.documentNumber).toMatch(/〔\d{4}〕1号$/);
    expect(b.documentNumber).toMatch(/〔\d{4}〕2号$/);
    const pub = expectStatus(await t.as(null, { method: 'GET', url: '/api/public/notifications' }), 200);
    expect(pub.items.map((i: { id: string }) => i.id)).toEqual([a.id]);
    expectStatus(await t.as(null, { method: 'GET', url: `/api/public/notifications/${b.id}` }), 404);
    const doc = await t.as(city, { method: 'GET', url: `/api/notifications/${a.id}/docx` });
    expect(unzipEntry(doc.rawPayload, 'word/document.xml').toString('utf8').replace(/<[^>]+>/g, '')).toContain(a.documentNumber);
    expectStatus(await t.as(other, { method: 'GET', url: `/api/notifications/${a.id}/docx` }), 404);
    // a department officer may not issue; the district's coordinator issues its own district's, numbered separately
    const officer = await t.login('district-market');
    expectStatus(await t.as(officer, { method: 'POST', url: '/api/notifications', payload: { regionCode: '420100-DH', from: FROM, to: TO } }), 403);
    const own = expectStatus(await t.as(district, { method: 'POST', url: '/api/notifications', payload: { regionCode: '420100-DH', from: FROM, to: TO } }), 201);
    expect(own.documentNumber).toMatch(/〔\d{4}〕1号$/);
  });
});

describe('assessment (法治建设绩效考核)', () => {
  it('scores each sub-region with its indicator values, sources and rules; ranks only regions with enough volume', async () => {
    const a = expectStatus(await t.as(city, { method: 'GET', url: `/api/assessment?region=420100&from=${FROM}&to=${TO}` }), 200);
    expect(a.items.length).toBeGreaterThan(1);
    for (const it of a.items) {
      expect(it.indicators.map((i: { key: string }) => i.key)).toContain('closureRate');
      for (const i of it.indicators) expect(i.source).toBeTruthy();
      if (it.rank !== null) expect(it.indicators.some((i: { key: string; eligible: boolean }) => i.eligible && i.key !== 'deeds')).toBe(true);
    }
    const ranked = a.items.filter((i: { rank: number | null }) => i.rank !== null).sort((x: { rank: number }, y: { rank: number }) => x.rank - y.rank);
    for (let i = 1; i < ranked.length; i++) expect(ranked[i - 1].score).toBeGreaterThanOrEqual(ranked[i].score);
    // a region with few leads is not ranked on rates
    const small = a.items.find((i: { indicators: Array<{ key: string; volume: number }> }) => (i.indicators.find((x) => x.key === 'closureRate')?.volume ?? 0) < 5);
    if (small) expect(small.indicators.find((x: { key: string }) => x.key === 'closureRate').eligible).toBe(false);
  });

  it('weights are configurable: raising the minimum volume above every region unranks them all', async () => {
    expectStatus(
      await t.as(city, {
        method: 'PUT',
        url: '/api/assessment/config',
        payload: { region: '420100', indicators: [{ key: 'closureRate', weight: 100, minVolume: 100000 }] },
      }),
      200,
    );
    const a = expectStatus(await t.as(city, { method: 'GET', url: `/api/assessment?region=420100&from=${FROM}&to=${TO}` }), 200);
    expect(a.items.every((i: { rank: number | null }) => i.rank === null)).toBe(true);
    const res = await t.as(city, { method: 'GET', url: `/api/reports/assessment/export?region=420100&from=${FROM}&to=${TO}` });
    expect(res.statusCode).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    expect(wb.worksheets.map((s) => s.name)).toEqual(['地区', '部门']);
  });
});

describe('portal additions', () => {
  it('looks up a project’s fee disclosure by name (no login), one entry per S3 §二.5 item', async () => {
    expectStatus(await t.as(null, { method: 'GET', url: '/api/public/fee-disclosures?q=a' }), 422);
    const [p] = await queryRows<{ name: string }>(t.db, sql`SELECT name FROM projects WHERE enterprise_id IS NOT NULL ORDER BY name LIMIT 1`);
    const r = expectStatus(await t.as(null, { method: 'GET', url: `/api/public/fee-disclosures?q=${encodeURIComponent(p.name)}` }), 200);
    const hit = r.items.find((i: { name: string }) => i.name === p.name);
    expect(hit.disclosures).toHaveLength(7);
    expect(Boolean(hit.fullyDisclosedSince)).toBe(hit.disclosures.every((d: { status: string }) => d.status !== 'missing'));
  });
  it('lists the blacklist in force without login', async () => {
    const r = expectStatus(await t.as(null, { method: 'GET', url: '/api/public/blacklist' }), 200);
    for (const e of r.items as Array<{ enterpriseName: string; creditCode: string; reason: string }>) expect(e.enterpriseName && e.creditCode && e.reason).toBeTruthy();
  });
});
