import {
  ENTERPRISE_STATUSES,
  ENTERPRISE_STATUS_LABELS,
  type EnterpriseStatus,
} from '../../../core/registry.js';
import { computeUsccCheckChar, isChecksumOnlyFailure, validateUscc } from '../../../core/uscc.js';
import { isPhoneNumber } from '../../../core/validation.js';
import type { Db } from '../../db/client.js';
import type { Actor } from '../../http/actor.js';
import { conflict } from '../../http/errors.js';
import { regionFilterPath } from '../../http/scope.js';
import { type ColumnSpec, MAX_TABLE_ROWS, buildTemplate, cellRaw, cellText, readTable, streamTable } from '../../lib/xlsx.js';
import { type ImportIssue, type ImportSpec, type Prepared, regionsInScope } from '../imports/imports.service.js';
import * as repo from './enterprises.repository.js';

/**
 * Enterprise spreadsheets: the columns offices use, matched by header text in any order. The
 * import key is the credit code: a code already registered (in the caller's subtree) is updated,
 * a new one created. Columns absent from the file are left unchanged on update.
 */
type Key =
  | 'creditCode'
  | 'name'
  | 'legalRepresentative'
  | 'regionCode'
  | 'regionName'
  | 'address'
  | 'contactName'
  | 'contactPhone'
  | 'qualification'
  | 'status';

export const ENTERPRISE_COLUMNS: readonly ColumnSpec<Key>[] = [
  { key: 'creditCode', header: '统一社会信用代码', aliases: ['社会信用代码', '信用代码'], required: true, text: true, width: 24, note: '18 位，按 GB 32100-2015 校验（字母不含 I、O、S、V、Z）；请将本列设为文本格式，避免 Excel 把代码变成数字。已登记的代码将更新该企业，未登记的将新增。' },
  { key: 'name', header: '企业名称', aliases: ['物业服务企业名称', '企业全称', '单位名称'], required: true, width: 34, note: '营业执照上的全称，2–100 个字。' },
  { key: 'legalRepresentative', header: '法定代表人', aliases: ['法人代表', '法人'], width: 12, note: '选填，不超过 30 个字。' },
  { key: 'regionCode', header: '注册地行政区划代码', aliases: ['注册地区划代码', '行政区划代码', '区划代码'], required: true, text: true, width: 20, note: '本系统区划树中的代码：国家代码为 6 位数字（如洪山区 420111），功能区等自定义节点带连字符（如东湖风景区 420100-DH）；须在您的管辖范围内。' },
  { key: 'regionName', header: '注册地区划名称', width: 18, note: '导出时填写，仅供阅读；导入时忽略，以区划代码为准。' },
  { key: 'address', header: '地址', aliases: ['注册地址', '住所', '办公地址'], width: 36, note: '选填，不超过 200 个字。' },
  { key: 'contactName', header: '联系人', width: 12, note: '选填，不超过 30 个字。' },
  { key: 'contactPhone', header: '联系电话', aliases: ['电话', '联系方式'], text: true, width: 16, note: '选填；手机 11 位，或座机如 027-87654321。' },
  { key: 'qualification', header: '资质等级', aliases: ['资质'], width: 12, note: '选填，不超过 60 个字。' },
  { key: 'status', header: '经营状态', aliases: ['状态'], width: 12, note: `选填：${ENTERPRISE_STATUSES.map((s) => ENTERPRISE_STATUS_LABELS[s]).join('、')}；新增时留空为“正常经营”，更新时留空则不变。` },
];

const UPDATABLE: ReadonlyArray<Exclude<Key, 'creditCode' | 'regionName'>> = [
  'name',
  'legalRepresentative',
  'regionCode',
  'address',
  'contactName',
  'contactPhone',
  'qualification',
  'status',
];

const STATUS_BY_LABEL = new Map<string, EnterpriseStatus>(
  ENTERPRISE_STATUSES.flatMap((s) => [
    [ENTERPRISE_STATUS_LABELS[s], s],
    [s, s],
  ]),
);
STATUS_BY_LABEL.set('正常', 'active');
STATUS_BY_LABEL.set('存续', 'active');
STATUS_BY_LABEL.set('注销', 'deregistered');
STATUS_BY_LABEL.set('停业', 'suspended');

type Row = repo.NewEnterprise;

const LIMITS: Partial<Record<Key, [number, string]>> = {
  legalRepresentative: [30, '法定代表人'],
  address: [200, '地址'],
  contactName: [30, '联系人'],
  qualification: [60, '资质等级'],
};

export function enterpriseImportSpec(db: Db, actor: Actor): ImportSpec<Row> {
  let presentColumns: Key[] = [];
  return {
    kind: 'enterprises',
    auditAction: 'enterprise.import',
    async prepare(buffer, progress): Promise<Prepared<Row>> {
      const table = await readTable(buffer, ENTERPRISE_COLUMNS, progress);
      const errors: ImportIssue[] = [];
      const at = (row: number, key: Key, message: string): ImportIssue => ({
        row,
        column: ENTERPRISE_COLUMNS.find((c) => c.key === key)?.header ?? '',
        cell: table.columnLetter(key) ? `${table.columnLetter(key)}${row}` : null,
        message,
      });
      if (!table.found) {
        const missing = table.header?.missing.map((c) => c.header) ?? ENTERPRISE_COLUMNS.filter((c) => c.required).map((c) => c.header);
        for (const h of missing) errors.push({ row: 1, column: h, cell: null, message: `缺少必填列「${h}」：第 1 行须为表头，请使用导入模板` });
        return { rows: [], total: 0, errors, warnings: [], ignoredColumns: table.header?.ignored ?? [], plannedCreated: 0, plannedUpdated: 0 };
      }
      if (table.tooManyRows) {
        errors.push({ row: 1, column: '', cell: null, message: `文件超过 ${MAX_TABLE_ROWS.toLocaleString('en-US')} 行数据，请拆分为几个文件分批导入` });
        return { rows: [], total: table.rows.length, errors, warnings: [], ignoredColumns: [], plannedCreated: 0, plannedUpdated: 0 };
      }
      const header = table.header!;
      for (const d of header.duplicates) errors.push({ row: 1, column: d, cell: null, message: `表头「${d}」重复，请只保留一列` });
      presentColumns = [...header.index.keys()];

      const regionMap = await regionsInScope(db, actor);
      const codes = table.rows.map((r) => validateUscc(cellText(r.cells.creditCode)).normalized).filter(Boolean);
      const existing = await repo.findManyByCreditCode(db, [...new Set(codes)]);
      const firstRowOf = new Map<string, number>();
      const rows: Row[] = [];
      let plannedUpdated = 0;

      for (const { row, cells } of table.rows) {
        const text = (k: Key) => cellText(cells[k]);
        const out: Row = { creditCode: '', name: '', regionId: 0 };
        const rawCode = cellRaw(cells.creditCode);
        const check = validateUscc(text('creditCode'));
        const found = check.normalized ? existing.get(check.normalized) : undefined;
        if (!text('creditCode')) errors.push(at(row, 'creditCode', '统一社会信用代码不能为空'));
        else if (typeof rawCode === 'number') errors.push(at(row, 'creditCode', '统一社会信用代码被 Excel 存成了数字，末几位可能已丢失：请把该列设为“文本”格式后重新填写'));
        else if (!check.ok && !(isChecksumOnlyFailure(check) && found?.checksumConfirmedAt)) {
          errors.push(at(row, 'creditCode', isChecksumOnlyFailure(check) ? `${check.message}（批量导入不能人工确认：请先在“新增企业”中逐条确认，再导入）` : (check.message as string)));
        } else if (firstRowOf.has(check.normalized)) {
          errors.push(at(row, 'creditCode', `与第 ${firstRowOf.get(check.normalized)} 行的统一社会信用代码重复，同一企业只能出现一次`));
        } else if (found && !found.regionPath.startsWith(actor.regionPath)) {
          errors.push(at(row, 'creditCode', `该企业（${found.name}）已由其他辖区登记，只能由注册地主管部门修改`));
        }
        if (check.normalized && !firstRowOf.has(check.normalized)) firstRowOf.set(check.normalized, row);
        out.creditCode = check.normalized;

        const name = text('name');
        if (!name) errors.push(at(row, 'name', '企业名称不能为空'));
        else if (name.length < 2 || name.length > 100) errors.push(at(row, 'name', '企业名称应为 2–100 个字'));
        out.name = name;

        const regionCode = text('regionCode');
        const region = regionMap.get(regionCode);
        if (!regionCode) errors.push(at(row, 'regionCode', '注册地行政区划代码不能为空'));
        else if (!region) errors.push(at(row, 'regionCode', `区划代码 ${regionCode} 不存在或不在您的管辖范围内，请对照区划列表填写`));
        out.regionId = region?.id ?? 0;

        for (const [key, [max, label]] of Object.entries(LIMITS) as Array<[Key, [number, string]]>) {
          if (!header.index.has(key)) continue;
          const v = text(key);
          if (v.length > max) errors.push(at(row, key, `${label}不超过 ${max} 个字`));
          (out as Record<string, unknown>)[key] = v || null;
        }
        if (header.index.has('contactPhone')) {
          const phone = text('contactPhone');
          if (phone && !isPhoneNumber(phone)) errors.push(at(row, 'contactPhone', `联系电话「${phone}」格式不正确（手机 11 位，座机如 027-87654321）`));
          out.contactPhone = phone || null;
        }
        const statusText = header.index.has('status') ? text('status') : '';
        if (statusText) {
          const status = STATUS_BY_LABEL.get(statusText);
          if (!status) errors.push(at(row, 'status', `经营状态「${statusText}」无法识别，只能填写 ${ENTERPRISE_STATUSES.map((s) => ENTERPRISE_STATUS_LABELS[s]).join('、')}`));
          out.status = status ?? 'active';
        } else {
          out.status = found?.status ?? 'active';
        }
        if (found) plannedUpdated++;
        rows.push(out);
        if (rows.length % 1000 === 0) progress(rows.length);
      }
      return {
        rows,
        total: table.rows.length,
        errors,
        warnings: [],
        ignoredColumns: header.ignored,
        plannedCreated: rows.length - plannedUpdated,
        plannedUpdated,
      };
    },
    async write(tx, rows, progress) {
      const update = UPDATABLE.filter((k) => k === 'status' || presentColumns.includes(k)).map((k) => (k === 'regionCode' ? 'regionId' : k)) as (keyof Row)[];
      let created = 0;
      let updated = 0;
      for (let i = 0; i < rows.length; i += 1000) {
        const batch = rows.slice(i, i + 1000);
        const r = await repo.upsertBatch(tx, actor, batch, update);
        if (r.affected !== batch.length) throw conflict('导入期间有企业被其他辖区登记，已全部撤销，请重新导入');
        created += r.created;
        updated += r.updated;
        progress(i + batch.length);
      }
      return { created, updated };
    },
  };
}

export function enterpriseTemplate(): Promise<Buffer> {
  const first17 = '91420111MA4K7QX8P';
  return buildTemplate({
    sheetName: '物业服务企业',
    columns: ENTERPRISE_COLUMNS,
    example: {
      creditCode: first17 + computeUsccCheckChar(first17),
      name: '武汉示例物业服务有限公司',
      legalRepresentative: '张三',
      regionCode: '420111',
      regionName: '洪山区',
      address: '武汉市洪山区示例路 1 号',
      contactName: '李四',
      contactPhone: '13900000000',
      qualification: '',
      status: '正常经营',
    },
    choices: { status: ENTERPRISE_STATUSES.map((s) => ENTERPRISE_STATUS_LABELS[s]) },
    notes: [
      '第 1 行为表头，列的顺序可以调整，列名须与本说明一致（“说明”工作表导入时会被忽略）。',
      '示例行请删除或改为真实数据后再导入。',
      '上传后系统先逐行检查并列出每个有问题的单元格（行号与 Excel 一致），文件完全无误并经您确认后才会写入；只要有一处错误，整份文件都不会写入。',
      '重复导入同一文件不会产生重复企业：以统一社会信用代码为准，已登记的更新，未登记的新增。',
      '校验位不符、但与营业执照一致的代码，请先在“新增企业”中由有权限的人员人工确认，之后即可导入。',
    ],
  });
}

/**
 * The enterprises registered in the caller's subtree (the records the caller maintains) as a
 * streamed xlsx with the import headers, so an export re-imports cleanly.
 */
export async function exportEnterprises(db: Db, actor: Actor, q: { q?: string; region?: string; status?: string }) {
  const withinPath = await regionFilterPath(db, q.region);
  const writer = streamTable('物业服务企业', ENTERPRISE_COLUMNS);
  const filter = { q: q.q, withinPath, status: q.status, registeredOnly: true };
  void (async () => {
    let after: { name: string; id: string } | null = null;
    for (;;) {
      const batch = await repo.exportBatch(db, actor, filter, after, 2000);
      for (const e of batch) {
        writer.addRow({
          creditCode: e.creditCode,
          name: e.name,
          legalRepresentative: e.legalRepresentative,
          regionCode: e.regionCode,
          regionName: e.regionName,
          address: e.address,
          contactName: e.contactName,
          contactPhone: e.contactPhone,
          qualification: e.qualification,
          status: ENTERPRISE_STATUS_LABELS[e.status as EnterpriseStatus] ?? e.status,
        });
      }
      if (batch.length < 2000) break;
      after = { name: batch[batch.length - 1].name, id: batch[batch.length - 1].id };
    }
    await writer.finish();
  })().catch((err) => writer.fail(err));
  return writer.stream;
}
