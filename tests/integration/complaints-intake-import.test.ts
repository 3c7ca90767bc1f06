import { createHash, randomBytes } from 'node:crypto';
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { and, count, eq, inArray, like } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditLog, complaints, files, hotlineOrders, importJobs, projects, regions, users } from '../../server/db/schema/index.js';
import { createTestContext, expectStatus, type TestContext } from '../helpers/app.js';
import { multipart, readXlsx, xlsxOf } from '../helpers/xlsx-upload.js';

/** 12345 work-order import: header recognition, per-row errors with Excel row numbers, all-or-nothing, idempotency. */
let t: TestContext;
let dataDir: string;
let eastLake: string;
let hongshan: string;
let street: string;
let eastLakeRegionId: number;

beforeAll(async () => {
  dataDir = mkdtempSync(join(tmpdir(), 'wy-12345-'));
  t = await createTestContext({ DATA_DIR: dataDir });
  [eastLake, hongshan, street] = await Promise.all(['district-housing', 'other-district-housing', 'street-staff'].map((u) => t.login(u)));
  const [u] = await t.db.select({ regionId: users.regionId }).from(users).where(eq(users.username, 'district-housing'));
  eastLakeRegionId = u.regionId as number;
});
afterAll(async () => {
  await t.close();
  rmSync(dataDir, { recursive: true, force: true });
});

/** multipart with the file and optional text fields (e.g. mapping). */
function form(file: Buffer, fields: Record<string, string> = {}) {
  if (!Object.keys(fields).length) return multipart([{ name: '12345导出.xlsx', data: file }]);
  const boundary = `----wy${randomBytes(8).toString('hex')}`;
  const parts: Buffer[] = [];
  for (const [k, v] of Object.entries(fields)) parts.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${k}"\r\n\r\n${v}\r\n`));
  parts.push(
    Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="export.xlsx"\r\nContent-Type: application/octet-stream\r\n\r\n`),
    file,
    Buffer.from(`\r\n--${boundary}--\r\n`),
  );
  return { payload: Buffer.concat(parts), headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } };
}
const importFile = (cookie: string, file: Buffer, dryRun: boolean, fields: Record<string, string> = {}) =>
  t.as(cookie, { method: 'POST', url: `/api/complaints/import?dryRun=${dryRun}`, ...form(file, fields) });
const hotlineCount = async () => (await t.db.select({ n: count() }).from(complaints).where(eq(complaints.channel, 'hotline_12345'))).at(0)?.n ?? 0;
const byRef = async (ref: string) => (await t.db.select().from(complaints).where(and(eq(complaints.channel, 'hotline_12345'), eq(complaints.externalRef, ref))))[0];

const STANDARD = ['办件编号', '办件来源', '市级编号', '诉求主题', '诉求内容', '办理单位', '诉求人', '诉求人电话', '事项大类', '事项小类', '派发时间', '承诺完成时间', '办件状态'];
const row = (ref: string, content: string, extra: Partial<Record<string, unknown>> = {}) => {
  const v: Record<string, unknown> = {
    办件编号: ref,
    办件来源: '电话',
    市级编号: `WH${ref}`,
    诉求主题: '物业问题',
    诉求内容: content,
    办理单位: '东湖风景区房管部门',
    诉求人: '测试市民',
    诉求人电话: '13900004444',
    事项大类: '城乡建设',
    事项小类: '物业管理',
    派发时间: '2026-03-02 10:00',
    承诺完成时间: '2026-03-16 18:00',
    办件状态: '办理中',
    ...extra,
  };
  return STANDARD.map((h) => v[h] ?? null);
};

describe('template and permission', () => {
  it('the template carries the recognised headers and a 说明 sheet', async () => {
    const res = await t.as(eastLake, { method: 'GET', url: '/api/complaints/import/template' });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('spreadsheetml');
    const book = await readXlsx(res.rawPayload);
    const header = (book.get('12345工单') as unknown[][])[0];
    expect(header).toEqual(expect.arrayContaining(STANDARD));
    expect((book.get('说明') as unknown[][]).length).toBeGreaterThan(STANDARD.length);
  });

  it('needs complaint:import', async () => {
    const file = await xlsxOf([STANDARD, row('P0001', '物业乱收费')]);
    expect((await importFile(street, file, true)).statusCode).toBe(403);
    expect((await t.app.inject({ method: 'POST', url: '/api/complaints/import?dryRun=true', ...form(file) })).statusCode).toBe(401);
    expect((await t.as(street, { method: 'GET', url: '/api/complaints/import/template' })).statusCode).toBe(403);
  });
});

describe('preview (dry run)', () => {
  it('lists every problem with its Excel row number and column, and writes nothing', async () => {
    const before = await hotlineCount();
    const file = await xlsxOf([
      STANDARD,
      row('E0001', '物业以欠费为由停水三天'), // row 2: fine
      row('', '没有编号的一行'), // row 3
      row('E0003', '', { 诉求人电话: '12ab' }), // row 4: content + phone
      row('E0004', '物业停电', { 派发时间: '下周一' }), // row 5
    ]);
    const body = expectStatus(await importFile(eastLake, file, true), 200);
    expect(body.ok).toBe(false);
    expect(body.written).toBe(false);
    expect(body.total).toBe(4);
    const at = body.errors.map((e: { row: number; column: string }) => `${e.row}:${e.column}`).sort();
    expect(at).toEqual(['3:办件编号', '4:诉求人电话', '4:诉求内容', '5:派发时间'].sort());
    for (const e of body.errors) expect(e.message.length).toBeGreaterThan(4);
    expect(body.errors.find((e: { row: number }) => e.row === 5).cell).toBe('K5');
    expect(await hotlineCount()).toBe(before);
  });

  it('never repeats a malformed phone or the name in the errors (response, job row, GET /api/imports/:id)', async () => {
    const file = await xlsxOf([STANDARD, row('E0101', '物业以欠费为由停水两天', { 诉求人: '错号居民', 诉求人电话: '1390000577' })]);
    const body = expectStatus(await importFile(eastLake, file, true), 200);
    expect(body.ok).toBe(false);
    expect(body.errors).toHaveLength(1);
    expect(body.errors[0]).toMatchObject({ row: 2, column: '诉求人电话', cell: 'H2' });
    expect(body.errors[0].message).toContain('诉求人电话格式不正确');
    expect(JSON.stringify(body)).not.toContain('1390000577');
    expect(JSON.stringify(body)).not.toContain('错号居民');
    const [job] = await t.db.select({ errors: importJobs.errors, errorCount: importJobs.errorCount }).from(importJobs).where(eq(importJobs.id, body.importId));
    expect(job.errorCount).toBe(1);
    expect(JSON.stringify(job.errors)).toContain('诉求人电话格式不正确');
    expect(JSON.stringify(job.errors)).not.toContain('1390000577');
    const progress = expectStatus(await t.as(eastLake, { method: 'GET', url: `/api/imports/${body.importId}` }), 200);
    expect(progress).toMatchObject({ kind: 'complaints', status: 'done', errorCount: 1 });
    expect(JSON.stringify(progress)).not.toContain('1390000577');
  });

  it('a clean dry run previews what would be created, with masked contact, and writes nothing', async () => {
    const before = await hotlineCount();
    const file = await xlsxOf([STANDARD, row('D0001', '物业擅自占用消防通道开停车场收费'), row('D0002', '物业把电价从 0.6 元加到 1.2 元')]);
    const body = expectStatus(await importFile(eastLake, file, true), 200);
    expect(body).toMatchObject({ ok: true, written: false, total: 2, created: 2, updated: 0, duplicates: 0, errors: [] });
    expect(body.preview).toHaveLength(2);
    expect(body.preview[0]).toMatchObject({ row: 2, externalRef: 'D0001', action: 'create', contactPhone: '139****4444' });
    expect(JSON.stringify(body)).not.toContain('13900004444');
    expect(body.recognised).toMatchObject({ externalRef: '办件编号', content: '诉求内容', promisedAt: '承诺完成时间', upstreamStatus: '办件状态' });
    expect(await hotlineCount()).toBe(before);
  });
});

describe('real import', () => {
  it('creates leads in the importer region with encrypted contact and the upstream record; in-file repeats are counted', async () => {
    const file = await xlsxOf([
      STANDARD,
      row('R0001', '物业以欠费为由给我家停水'),
      // an Excel date cell (exceljs: UTC fields = the wall-clock time Excel shows)
      row('R0002', '小区物业擅自把绿地改成收费停车位', { 派发时间: new Date(Date.UTC(2026, 2, 2, 10, 0)) }),
      row('R0001', '物业以欠费为由给我家停水（重复派单）', { 办件状态: '已派发' }),
    ]);
    const body = expectStatus(await importFile(eastLake, file, false), 200);
    expect(body).toMatchObject({ ok: true, written: true, total: 3, created: 2, updated: 0, duplicates: 1 });
    expect(body.warnings.some((w: { row: number; message: string }) => w.row === 4 && w.message.includes('第 2 行'))).toBe(true);
    const r1 = await byRef('R0001');
    expect(r1).toMatchObject({ channel: 'hotline_12345', regionId: eastLakeRegionId, status: 'received' });
    expect(r1.description).toBe('【物业问题】物业以欠费为由给我家停水（重复派单）'); // the last row wins
    expect(r1.contactPhoneEnc).not.toContain('13900004444');
    expect(t.cipher.decrypt(r1.contactPhoneEnc)).toBe('13900004444');
    const [order] = await t.db.select().from(hotlineOrders).where(eq(hotlineOrders.complaintId, r1.id));
    expect(order).toMatchObject({ externalRef: 'R0001', upstreamStatus: '已派发', cityRef: 'WHR0001', majorCategory: '城乡建设' });
    expect(order.promisedAt?.toISOString()).toBe('2026-03-16T10:00:00.000Z');
    const r2 = await byRef('R0002');
    expect(r2.receivedAt.toISOString()).toBe('2026-03-02T02:00:00.000Z'); // 派发时间 10:00 China time from a date cell
    const audits = await t.db.select().from(auditLog).where(eq(auditLog.action, 'complaint.import'));
    expect(audits.length).toBe(1);
  });

  it('keeps no copy of the workbook: only its name, size and sha256 for traceability', async () => {
    const file = await xlsxOf([STANDARD, row('K0001', '物业以欠费为由停水两天', { 诉求人: '磁盘居民', 诉求人电话: '13900005780' })]);
    const sha = createHash('sha256').update(file).digest('hex');
    const body = expectStatus(await importFile(eastLake, file, false), 200);
    expect(body).toMatchObject({ ok: true, written: true, created: 1, fileSha256: sha });
    const [job] = await t.db.select().from(importJobs).where(eq(importJobs.id, body.importId));
    expect(job).toMatchObject({ kind: 'complaints', status: 'done', fileId: null, fileSha256: sha, fileName: '12345导出.xlsx', created: 1 });
    const [audit] = await t.db.select().from(auditLog).where(and(eq(auditLog.action, 'complaint.import'), eq(auditLog.entityId, body.importId)));
    expect(audit.after).toMatchObject({ fileName: '12345导出.xlsx', fileSize: file.length, fileSha256: sha, fileId: null, fileKept: false, created: 1 });
    expect(await t.db.select({ id: files.id }).from(files).where(and(eq(files.entityType, 'import_job'), eq(files.entityId, body.importId)))).toEqual([]);
    // nothing under DATA_DIR at all: no complaint import in this file keeps a file
    expect(readdirSync(dataDir, { recursive: true }).filter((f) => String(f).endsWith('.xlsx'))).toEqual([]);
    const progress = expectStatus(await t.as(eastLake, { method: 'GET', url: `/api/imports/${body.importId}` }), 200);
    expect(progress).toMatchObject({ kind: 'complaints', status: 'done', created: 1, fileName: '12345导出.xlsx' });
    const lead = await byRef('K0001');
    expect(t.cipher.decrypt(lead.contactPhoneEnc)).toBe('13900005780');
  });

  it('re-importing the same orders updates them and never duplicates', async () => {
    const before = await hotlineCount();
    const file = await xlsxOf([STANDARD, row('R0001', '物业以欠费为由给我家停水（重复派单）', { 办件状态: '已办结' }), row('R0002', '小区物业擅自把绿地改成收费停车位', { 办件状态: '已办结' })]);
    const dry = expectStatus(await importFile(eastLake, file, true), 200);
    expect(dry).toMatchObject({ ok: true, created: 0, updated: 2 });
    expect(dry.preview.map((p: { action: string }) => p.action)).toEqual(['update', 'update']);
    const body = expectStatus(await importFile(eastLake, file, false), 200);
    expect(body).toMatchObject({ ok: true, written: true, created: 0, updated: 2, duplicates: 0 });
    expect(await hotlineCount()).toBe(before);
    const r1 = await byRef('R0001');
    const [order] = await t.db.select().from(hotlineOrders).where(eq(hotlineOrders.complaintId, r1.id));
    expect(order.upstreamStatus).toBe('已办结');
    const rows = await t.db.select({ id: complaints.id }).from(complaints).where(inArray(complaints.externalRef, ['R0001', 'R0002']));
    expect(rows).toHaveLength(2);
  });

  it('is all-or-nothing: one bad row and no row is written', async () => {
    const before = await hotlineCount();
    const file = await xlsxOf([STANDARD, row('A0001', '物业乱收费，私自上调物业费'), row('A0002', '')]);
    const body = expectStatus(await importFile(eastLake, file, false), 200);
    expect(body).toMatchObject({ ok: false, written: false, created: 0 });
    expect(body.errors[0]).toMatchObject({ row: 3, column: '诉求内容' });
    expect(await byRef('A0001')).toBeUndefined();
    expect(await hotlineCount()).toBe(before);
  });

  it('an order of another jurisdiction cannot be overwritten from here', async () => {
    const file = await xlsxOf([STANDARD, row('R0001', '物业以欠费为由给我家停水')]);
    const body = expectStatus(await importFile(hongshan, file, false), 200);
    expect(body.ok).toBe(false);
    expect(body.errors[0]).toMatchObject({ row: 2, column: '办件编号' });
    const [order] = await t.db.select().from(hotlineOrders).where(eq(hotlineOrders.externalRef, 'R0001'));
    expect(order.upstreamStatus).toBe('已办结');
  });

  it('a project named in 小区名称 puts the lead in that project and its region', async () => {
    const [me] = await t.db.select({ path: regions.path }).from(regions).where(eq(regions.id, eastLakeRegionId));
    const [p] = await t.db
      .select({ id: projects.id, name: projects.name, regionId: projects.regionId })
      .from(projects)
      .innerJoin(regions, eq(regions.id, projects.regionId))
      .where(like(regions.path, `${me.path}%`))
      .limit(1);
    expect(p).toBeTruthy();
    const file = await xlsxOf([['工单编号', '工单内容', '小区名称'], ['PRJ0001', '楼道灯坏了物业一直不修', p.name]]);
    expectStatus(await importFile(eastLake, file, false), 200);
    const lead = await byRef('PRJ0001');
    expect(lead).toMatchObject({ projectId: p.id, regionId: p.regionId });
  });
});

describe('other layouts', () => {
  it('recognises close variants without a mapping (工单编号, 来电人, 联系电话, 受理时间, 工单内容)', async () => {
    const file = await xlsxOf([
      ['序号', '工单编号', '来电人', '联系电话', '受理时间', '工单内容', '工单状态'],
      [1, 'V0001', '测试来电人', '027-85551234', '2026/3/5 8:15', '物业公司撤离后小区没人管，垃圾堆积', '待办理'],
    ]);
    const body = expectStatus(await importFile(eastLake, file, false), 200);
    expect(body).toMatchObject({ ok: true, created: 1 });
    expect(body.ignoredColumns).toEqual(['序号']);
    const lead = await byRef('V0001');
    expect(lead.receivedAt.toISOString()).toBe('2026-03-05T00:15:00.000Z');
    expect(t.cipher.decrypt(lead.contactNameEnc)).toBe('测试来电人');
  });

  it('an unknown layout is refused at row 1, then imported with a hand-made mapping', async () => {
    const file = await xlsxOf([
      ['流水号', '市民诉求', '回访电话', '时间'],
      ['M0001', '物业未公示公共收益，电梯广告收入去向不明', '13900005555', '2026-03-06 14:00'],
    ]);
    const refused = expectStatus(await importFile(eastLake, file, true), 200);
    expect(refused.ok).toBe(false);
    expect(refused.errors.map((e: { row: number; column: string }) => `${e.row}:${e.column}`)).toEqual(expect.arrayContaining(['1:办件编号', '1:诉求内容']));
    const mapping = JSON.stringify({ externalRef: '流水号', content: '市民诉求', contactPhone: '回访电话', receivedAt: '时间' });
    const body = expectStatus(await importFile(eastLake, file, false, { mapping }), 200);
    expect(body).toMatchObject({ ok: true, created: 1, recognised: { externalRef: '流水号', content: '市民诉求' } });
    const lead = await byRef('M0001');
    expect(t.cipher.decrypt(lead.contactPhoneEnc)).toBe('13900005555');
  });

  it('a malformed mapping is a 422 naming the mapping field', async () => {
    const file = await xlsxOf([['流水号'], ['X']]);
    const bad = expectStatus(await importFile(eastLake, file, true, { mapping: '{not json' }), 422);
    expect(bad.error.details.fields).toHaveProperty('mapping');
    const unknown = expectStatus(await importFile(eastLake, file, true, { mapping: JSON.stringify({ foo: '流水号' }) }), 422);
    expect(unknown.error.details.fields.mapping).toContain('foo');
  });
});
