import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createHash } from 'node:crypto';
import { count, eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateUscc } from '../../core/uscc.js';
import { queryRows } from '../../server/db/client.js';
import { auditLog, enterprises, files, projects } from '../../server/db/schema/index.js';
import { uploadPath } from '../../server/lib/files.js';
import { createTestContext, expectStatus, type TestContext } from '../helpers/app.js';
import { multipart, readXlsx, xlsxOf } from '../helpers/xlsx-upload.js';

let t: TestContext;
let dataDir: string;
let eastLake: string;
let hongshan: string;
let company: string;
let seq = 11;
const rand = () => {
  seq = (seq * 48271) % 2147483647;
  return seq / 2147483647;
};

beforeAll(async () => {
  dataDir = mkdtempSync(join(tmpdir(), 'wy-imp-'));
  t = await createTestContext({ DATA_DIR: dataDir });
  [eastLake, hongshan, company] = await Promise.all(['district-housing', 'other-district-housing', 'enterprise-user'].map((u) => t.login(u)));
});
afterAll(async () => {
  await t.close();
  rmSync(dataDir, { recursive: true, force: true });
});

const upload = (cookie: string, url: string, file: Buffer, name = '导入.xlsx') => t.as(cookie, { method: 'POST', url, ...multipart([{ name, data: file }]) });
const countOf = async (table: typeof enterprises | typeof projects) => (await t.db.select({ n: count() }).from(table))[0].n;
const download = async (cookie: string, url: string) => {
  const res = await t.as(cookie, { method: 'GET', url });
  expect(res.statusCode, res.statusCode === 200 ? '' : res.body.slice(0, 300)).toBe(200);
  expect(res.headers['content-type']).toContain('spreadsheetml');
  return res.rawPayload;
};

describe('import templates', () => {
  it.each([
    ['/api/enterprises/import-template', '物业服务企业', ['统一社会信用代码', '企业名称', '法定代表人', '注册地行政区划代码', '地址', '联系人', '联系电话']],
    ['/api/projects/import-template', '物业项目', ['项目名称', '地址', '所属区划代码', '物业服务企业统一社会信用代码', '户数', '建筑面积（平方米）', '是否成立业委会']],
  ])('%s opens with exceljs: headers, one example row and a 说明 sheet', async (url, sheet, headers) => {
    const book = await readXlsx(await download(eastLake, url));
    const rows = book.get(sheet) as unknown[][];
    expect(rows[0]).toEqual(expect.arrayContaining(headers));
    expect(rows).toHaveLength(2);
    expect((book.get('说明') as unknown[][]).length).toBeGreaterThan(headers.length);
  });
});

describe('enterprise import', () => {
  const header = ['联系电话', '企业名称', '统一社会信用代码', '注册地行政区划代码', '法定代表人', '备注（本系统不用）'];
  const codes = Array.from({ length: 3 }, () => generateUscc('420100', rand));

  it('checks on a dry run without writing, imports in any column order, then re-imports as updates only', async () => {
    const file = await xlsxOf([
      header,
      ['13900001111', '武汉导入甲物业有限公司', codes[0], '420100-DH', '王甲', 'x'],
      ['', '武汉导入乙物业有限公司', codes[1].toLowerCase(), '420100-DH-01', '', ''],
      [],
      ['027-88886666', '武汉导入丙物业有限公司', codes[2], '420100-DH-02', '李丙', ''],
    ]);
    const before = await countOf(enterprises);
    const dry = expectStatus(await upload(eastLake, '/api/enterprises/import?dryRun=true', file), 200);
    expect(dry).toMatchObject({ ok: true, written: false, total: 3, created: 3, updated: 0, errors: [], ignoredColumns: ['备注（本系统不用）'] });
    expect(await countOf(enterprises)).toBe(before);

    const real = expectStatus(await upload(eastLake, '/api/enterprises/import?dryRun=false', file, '企业台账.xlsx'), 200);
    expect(real).toMatchObject({ ok: true, written: true, total: 3, created: 3, updated: 0 });
    expect(await countOf(enterprises)).toBe(before + 3);
    const [second] = await t.db.select().from(enterprises).where(eq(enterprises.creditCode, codes[1]));
    expect(second).toMatchObject({ name: '武汉导入乙物业有限公司', contactPhone: null, status: 'active' });

    // One summary audit row per import, naming the file by its sha256; the file is kept.
    const [audit] = await t.db.select().from(auditLog).where(eq(auditLog.entityId, real.importId));
    expect(audit.action).toBe('enterprise.import');
    const sha = createHash('sha256').update(file).digest('hex');
    expect(audit.after).toMatchObject({ fileSha256: sha, total: 3, created: 3, updated: 0, fileName: '企业台账.xlsx' });
    const [kept] = await t.db.select().from(files).where(eq(files.id, (audit.after as { fileId: string }).fileId));
    expect(readFileSync(uploadPath(dataDir, kept.storageKey)).equals(file)).toBe(true);

    const again = expectStatus(await upload(eastLake, '/api/enterprises/import?dryRun=false', file), 200);
    expect(again).toMatchObject({ ok: true, created: 0, updated: 3 });
    expect(await countOf(enterprises)).toBe(before + 3);

    const job = expectStatus(await t.as(eastLake, { method: 'GET', url: `/api/imports/${again.importId}` }), 200);
    expect(job).toMatchObject({ status: 'done', total: 3, processed: 3, created: 0, updated: 3 });
    expect((await t.as(hongshan, { method: 'GET', url: `/api/imports/${again.importId}` })).statusCode).toBe(404);
  });

  it('reports every bad cell by Excel row and column and writes nothing, even with dryRun=false', async () => {
    const good = generateUscc('420100', rand);
    const dup = generateUscc('420100', rand);
    const file = await xlsxOf([
      ['统一社会信用代码', '企业名称', '注册地行政区划代码', '联系电话'],
      [good, '武汉不会写入的物业有限公司', '420100-DH', ''], // row 2: fine
      ['91420100MA4K7QX8PX', '武汉校验位错物业有限公司', '420100-DH', ''], // row 3: checksum
      [dup, '武汉重复一物业有限公司', '420100-DH', ''], // row 4
      [dup, '武汉重复二物业有限公司', '420100-DH', ''], // row 5: duplicate of row 4
      [generateUscc('420100', rand), '', 'NOPE', '12ab'], // row 6: name, region, phone
      [generateUscc('420111', rand), '武汉越界物业有限公司', '420111', ''], // row 7: outside jurisdiction
      [914201007283195400, '武汉数字代码物业有限公司', '420100-DH', ''], // row 8: Excel turned the code into a number
    ]);
    const before = await countOf(enterprises);
    const res = expectStatus(await upload(eastLake, '/api/enterprises/import?dryRun=false', file), 200);
    expect(res.ok).toBe(false);
    expect(res.written).toBe(false);
    expect(res.created).toBe(0);
    const at = res.errors.map((e: { row: number; column: string; cell: string }) => `${e.row}:${e.column}:${e.cell}`);
    expect(at.sort()).toEqual(
      [
        '3:统一社会信用代码:A3',
        '5:统一社会信用代码:A5',
        '6:企业名称:B6',
        '6:注册地行政区划代码:C6',
        '6:联系电话:D6',
        '7:注册地行政区划代码:C7',
        '8:统一社会信用代码:A8',
      ].sort(),
    );
    const msg = (row: number, col: string) => res.errors.find((e: { row: number; column: string }) => e.row === row && e.column === col).message;
    expect(msg(3, '统一社会信用代码')).toContain('校验位不正确');
    expect(msg(5, '统一社会信用代码')).toContain('第 4 行');
    expect(msg(7, '注册地行政区划代码')).toContain('管辖范围');
    expect(msg(8, '统一社会信用代码')).toContain('存成了数字');
    expect(await countOf(enterprises)).toBe(before);
  });

  it('refuses a file without the required headers, naming them', async () => {
    const res = expectStatus(await upload(eastLake, '/api/enterprises/import?dryRun=true', await xlsxOf([['企业名称', '地址'], ['武汉某物业有限公司', '某路']])), 200);
    expect(res.ok).toBe(false);
    expect(res.errors.map((e: { row: number; column: string }) => `${e.row}:${e.column}`).sort()).toEqual(['1:注册地行政区划代码', '1:统一社会信用代码']);
  });

  it('refuses a file that is not an xlsx with a field error, and enterprise users cannot import', async () => {
    const res = await upload(eastLake, '/api/enterprises/import?dryRun=true', Buffer.from('a,b,c\n1,2,3'), 'x.csv');
    expect(expectStatus(res, 422).error.details.fields.file).toContain('xlsx');
    expect((await upload(company, '/api/enterprises/import?dryRun=true', await xlsxOf([['a']]))).statusCode).toBe(403);
  });

  it('round-trips: an export re-imports as updates of the same records', async () => {
    const exported = await download(eastLake, '/api/enterprises/export');
    const sheet = (await readXlsx(exported)).get('物业服务企业') as unknown[][];
    const total = sheet.length - 1;
    expect(total).toBeGreaterThan(10);
    const before = await countOf(enterprises);
    const res = expectStatus(await upload(eastLake, '/api/enterprises/import?dryRun=false', exported), 200);
    expect(res).toMatchObject({ ok: true, total, created: 0, updated: total, errors: [] });
    expect(await countOf(enterprises)).toBe(before);
  });
});

describe('project import', () => {
  it('reports unknown companies, bad numbers, duplicates and missing values per cell, writing nothing', async () => {
    const known = expectStatus(await t.as(eastLake, { method: 'GET', url: `/api/enterprises?q=${encodeURIComponent('听涛物业')}` }), 200).items[0].creditCode;
    const unknown = generateUscc('420100', rand);
    const file = await xlsxOf([
      ['所属区划代码', '项目名称', '地址', '物业服务企业统一社会信用代码', '户数', '建筑面积', '是否成立业委会', '经度', '纬度'],
      ['420100-DH-01-01', '导入校验甲小区', '听涛路 1 号', known, 300, '25,000.5', '是', 114.4, 30.55], // row 2: fine
      ['420100-DH-01-01', '导入校验乙小区', '听涛路 2 号', unknown, 'abc', -5, '也许', 200, ''], // row 3
      ['420100-DH-01-01', '导入校验甲小区', '听涛路 3 号', '', '', '', '', '', ''], // row 4: duplicate of row 2
      ['420100-DH-01-02', '', '', '', 12.5, '', '', '', ''], // row 5: name, address, households
      ['420111002-01', '越界小区', '珞狮路', '', '', '', '', '', ''], // row 6: outside
    ]);
    const before = await countOf(projects);
    const res = expectStatus(await upload(eastLake, '/api/projects/import?dryRun=false', file), 200);
    expect(res.ok).toBe(false);
    const at = res.errors.map((e: { row: number; column: string }) => `${e.row}:${e.column}`);
    expect(at.sort()).toEqual(
      [
        '3:物业服务企业统一社会信用代码',
        '3:户数',
        '3:建筑面积（平方米）',
        '3:是否成立业委会',
        '3:经度',
        '3:纬度',
        '4:项目名称',
        '5:项目名称',
        '5:地址',
        '5:户数',
        '6:所属区划代码',
      ].sort(),
    );
    expect(res.errors.find((e: { row: number }) => e.row === 3).message).toContain('尚未登记');
    expect(res.errors.find((e: { row: number }) => e.row === 4).message).toContain('第 2 行');
    expect(await countOf(projects)).toBe(before);
  });

  it('imports new projects, then treats a changed managing company as an update of the same project', async () => {
    const [a, b] = expectStatus(await t.as(eastLake, { method: 'GET', url: '/api/enterprises?region=420100-DH&status=active&pageSize=2' }), 200).items;
    const rows = (code: string) => [
      ['项目名称', '地址', '所属区划代码', '物业服务企业统一社会信用代码', '户数'],
      ['换物业测试小区', '磨山路 9 号', '420100-DH-02-01', code, 500],
      ['无物业测试小区', '磨山路 10 号', '420100-DH-02-01', '', 80],
    ];
    const first = expectStatus(await upload(eastLake, '/api/projects/import?dryRun=false', await xlsxOf(rows(a.creditCode))), 200);
    expect(first).toMatchObject({ ok: true, created: 2, updated: 0 });
    const second = expectStatus(await upload(eastLake, '/api/projects/import?dryRun=false', await xlsxOf(rows(b.creditCode))), 200);
    expect(second).toMatchObject({ ok: true, created: 0, updated: 2 });
    const [changed] = await t.db.select().from(projects).where(eq(projects.name, '换物业测试小区'));
    expect(changed.enterpriseId).toBe(b.id);
    const [none] = await t.db.select().from(projects).where(eq(projects.name, '无物业测试小区'));
    expect(none.enterpriseId).toBeNull();
  });

  it('round-trips: the district’s export re-imports with 0 created and every row updated, leaving disclosures intact', async () => {
    const disclosedBefore = await queryRows<{ n: number }>(t.db, sql`SELECT count(*)::int AS n FROM projects WHERE fully_disclosed_since IS NOT NULL`);
    const exported = await download(eastLake, '/api/projects/export');
    const sheet = (await readXlsx(exported)).get('物业项目') as unknown[][];
    const total = sheet.length - 1;
    const inScope = expectStatus(await t.as(eastLake, { method: 'GET', url: '/api/projects?pageSize=1' }), 200).total;
    expect(total).toBe(inScope);
    const before = await countOf(projects);
    const res = expectStatus(await upload(eastLake, '/api/projects/import?dryRun=false', exported), 200);
    expect(res).toMatchObject({ ok: true, total, created: 0, updated: total, errorCount: 0 });
    expect(await countOf(projects)).toBe(before);
    const disclosedAfter = await queryRows<{ n: number }>(t.db, sql`SELECT count(*)::int AS n FROM projects WHERE fully_disclosed_since IS NOT NULL`);
    expect(disclosedAfter[0].n).toBe(disclosedBefore[0].n);
  });

  it('exports only the caller’s jurisdiction', async () => {
    const sheet = (await readXlsx(await download(hongshan, '/api/projects/export'))).get('物业项目') as unknown[][];
    const codeCol = (sheet[0] as string[]).indexOf('所属区划代码');
    expect(sheet.length).toBeGreaterThan(1);
    expect(sheet.slice(1).every((r) => String(r[codeCol]).startsWith('420111'))).toBe(true);
  });
});
