import { isChecksumOnlyFailure, validateUscc } from '../../../core/uscc.js';
import type { Db } from '../../db/client.js';
import type { Actor } from '../../http/actor.js';
import { regionFilterPath } from '../../http/scope.js';
import { type ColumnSpec, MAX_TABLE_ROWS, buildTemplate, cellRaw, cellText, readTable, streamTable } from '../../lib/xlsx.js';
import { enterprisesByCreditCode } from '../enterprises/enterprises.service.js';
import { type ImportIssue, type ImportSpec, type Prepared, regionsInScope } from '../imports/imports.service.js';
import * as repo from './projects.repository.js';
import { LAT_RANGE, LNG_RANGE, type ProjectListQuery } from './projects.schemas.js';

/**
 * Project spreadsheets. The import key is (所属区划代码, 项目名称): a project already registered
 * under that name in that region node is updated (so a change of managing company is an update,
 * not a duplicate); otherwise it is created. The managing enterprise is named by its credit code
 * and must already be registered (anywhere — credit codes are public identifiers); a blank
 * code means the project is not professionally managed. Columns absent from the file are left
 * unchanged on update; a blank cell in a present column clears the value.
 */
type Key =
  | 'name'
  | 'address'
  | 'regionCode'
  | 'regionName'
  | 'enterpriseCreditCode'
  | 'enterpriseName'
  | 'households'
  | 'buildingArea'
  | 'hasOwnersCommittee'
  | 'lng'
  | 'lat'
  | 'fullyDisclosedSince';

export const PROJECT_COLUMNS: readonly ColumnSpec<Key>[] = [
  { key: 'name', header: '项目名称', aliases: ['小区名称', '项目（小区）名称', '物业项目名称'], required: true, width: 28, note: '2–100 个字。同一区划内项目名称唯一：已有同名项目的将被更新。' },
  { key: 'address', header: '地址', aliases: ['项目地址', '小区地址', '坐落'], required: true, width: 36, note: '2–200 个字。' },
  { key: 'regionCode', header: '所属区划代码', aliases: ['区划代码', '所属社区代码', '行政区划代码'], required: true, text: true, width: 20, note: '本系统区划树中的代码，尽量细到社区（如 420100-DH-01-01）；至少到区县；须在您的管辖范围内。' },
  { key: 'regionName', header: '所属区划名称', width: 16, note: '导出时填写，仅供阅读；导入时忽略。' },
  { key: 'enterpriseCreditCode', header: '物业服务企业统一社会信用代码', aliases: ['物业企业统一社会信用代码', '企业统一社会信用代码', '统一社会信用代码'], text: true, width: 26, note: '选填。须为系统中已登记的企业（可先导入企业）；留空表示无物业服务企业（非专业化管理）。' },
  { key: 'enterpriseName', header: '物业服务企业名称', width: 30, note: '导出时填写，仅供阅读；导入时忽略，以信用代码为准。' },
  { key: 'households', header: '户数', aliases: ['总户数'], width: 10, note: '选填，非负整数。' },
  { key: 'buildingArea', header: '建筑面积（平方米）', aliases: ['建筑面积', '总建筑面积'], width: 16, note: '选填，单位平方米，可带两位小数。' },
  { key: 'hasOwnersCommittee', header: '是否成立业委会', aliases: ['业委会', '是否成立业主委员会'], width: 14, note: '选填：是 / 否（留空为否）。' },
  { key: 'lng', header: '经度', width: 12, note: '选填，与纬度同时填写，范围 73.5–135.1。' },
  { key: 'lat', header: '纬度', width: 12, note: '选填，与经度同时填写，范围 3.8–53.6。' },
  { key: 'fullyDisclosedSince', header: '公示完成日期', width: 14, note: '导出时填写（全部公示事项完成的日期），仅供阅读；导入时忽略，公示情况请在项目页面登记。' },
];

const YES = new Set(['是', '有', '已成立', 'y', 'yes', 'true', '1', '√']);
const NO = new Set(['否', '无', '未成立', '没有', 'n', 'no', 'false', '0', '×']);

type Row = repo.NewProject;

function parseNumber(raw: unknown): number | null | 'bad' {
  const v = cellRaw(raw);
  if (typeof v === 'number') return Number.isFinite(v) ? v : 'bad';
  const t = cellText(v).replace(/[,，\s]/g, '');
  if (t === '') return null;
  if (!/^-?\d+(\.\d+)?$/.test(t)) return 'bad';
  return Number(t);
}

export function projectImportSpec(db: Db, actor: Actor): ImportSpec<Row> {
  let updateColumns: (keyof Row)[] = [];
  return {
    kind: 'projects',
    auditAction: 'project.import',
    async prepare(buffer, progress): Promise<Prepared<Row>> {
      const table = await readTable(buffer, PROJECT_COLUMNS, progress);
      const errors: ImportIssue[] = [];
      const warnings: ImportIssue[] = [];
      const at = (row: number, key: Key, message: string): ImportIssue => ({
        row,
        column: PROJECT_COLUMNS.find((c) => c.key === key)?.header ?? '',
        cell: table.columnLetter(key) ? `${table.columnLetter(key)}${row}` : null,
        message,
      });
      if (!table.found) {
        const missing = table.header?.missing.map((c) => c.header) ?? PROJECT_COLUMNS.filter((c) => c.required).map((c) => c.header);
        for (const h of missing) errors.push({ row: 1, column: h, cell: null, message: `缺少必填列「${h}」：第 1 行须为表头，请使用导入模板` });
        return { rows: [], total: 0, errors, warnings, ignoredColumns: table.header?.ignored ?? [], plannedCreated: 0, plannedUpdated: 0 };
      }
      if (table.tooManyRows) {
        errors.push({ row: 1, column: '', cell: null, message: `文件超过 ${MAX_TABLE_ROWS.toLocaleString('en-US')} 行数据，请拆分为几个文件分批导入` });
        return { rows: [], total: table.rows.length, errors, warnings: [], ignoredColumns: [], plannedCreated: 0, plannedUpdated: 0 };
      }
      const header = table.header!;
      for (const d of header.duplicates) errors.push({ row: 1, column: d, cell: null, message: `表头「${d}」重复，请只保留一列` });
      const has = (k: Key) => header.index.has(k);
      updateColumns = ['address'];
      if (has('enterpriseCreditCode')) updateColumns.push('enterpriseId');
      if (has('households')) updateColumns.push('households');
      if (has('buildingArea')) updateColumns.push('buildingArea');
      if (has('hasOwnersCommittee')) updateColumns.push('hasOwnersCommittee');
      if (has('lat') || has('lng')) updateColumns.push('lat', 'lng');

      // Lookups loaded once: regions of the caller's subtree, enterprises named in the file,
      // existing projects of the regions named in the file.
      const regionMap = await regionsInScope(db, actor);
      const codes = new Set<string>();
      for (const r of table.rows) {
        const c = validateUscc(cellText(r.cells.enterpriseCreditCode)).normalized;
        if (c) codes.add(c);
      }
      const enterpriseMap = await enterprisesByCreditCode(db, [...codes]);
      const regionIds = new Set<number>();
      for (const r of table.rows) {
        const region = regionMap.get(cellText(r.cells.regionCode));
        if (region) regionIds.add(region.id);
      }
      const existing = await repo.keysInRegions(db, [...regionIds]);

      const firstRowOf = new Map<string, number>();
      const rows: Row[] = [];
      let plannedUpdated = 0;
      for (const { row, cells } of table.rows) {
        const text = (k: Key) => cellText(cells[k]);
        const name = text('name');
        if (!name) errors.push(at(row, 'name', '项目名称不能为空'));
        else if (name.length < 2 || name.length > 100) errors.push(at(row, 'name', '项目名称应为 2–100 个字'));
        const address = text('address');
        if (!address) errors.push(at(row, 'address', '地址不能为空'));
        else if (address.length > 200) errors.push(at(row, 'address', '地址不超过 200 个字'));

        const regionCode = text('regionCode');
        const region = regionMap.get(regionCode);
        if (!regionCode) errors.push(at(row, 'regionCode', '所属区划代码不能为空'));
        else if (!region) errors.push(at(row, 'regionCode', `区划代码 ${regionCode} 不存在或不在您的管辖范围内，请对照区划列表填写`));
        else if (region.level === 'province' || region.level === 'city') errors.push(at(row, 'regionCode', '项目所属区划至少应细到区县，最好到社区'));

        if (region && name) {
          const key = repo.projectKey(region.id, name);
          const first = firstRowOf.get(key);
          if (first) errors.push(at(row, 'name', `与第 ${first} 行重复（同一区划下的同名项目），同一项目只能出现一次`));
          else firstRowOf.set(key, row);
          if (existing.has(key)) plannedUpdated++;
        }

        let enterpriseId: string | null = null;
        const codeText = text('enterpriseCreditCode');
        if (codeText) {
          const check = validateUscc(codeText);
          const found = enterpriseMap.get(check.normalized);
          if (typeof cellRaw(cells.enterpriseCreditCode) === 'number') {
            errors.push(at(row, 'enterpriseCreditCode', '统一社会信用代码被 Excel 存成了数字，末几位可能已丢失：请把该列设为“文本”格式后重新填写'));
          } else if (!check.ok && !(isChecksumOnlyFailure(check) && found)) {
            errors.push(at(row, 'enterpriseCreditCode', check.message as string));
          } else if (!found) {
            errors.push(at(row, 'enterpriseCreditCode', `信用代码 ${check.normalized} 的物业服务企业尚未登记，请先登记或导入该企业`));
          } else {
            enterpriseId = found.id;
            if (found.status === 'deregistered') warnings.push(at(row, 'enterpriseCreditCode', `${found.name}已注销，请核实该项目现在的物业服务企业`));
          }
        }

        const households = has('households') ? parseNumber(cells.households) : null;
        if (households === 'bad' || (typeof households === 'number' && (!Number.isInteger(households) || households < 0 || households > 100_000))) {
          errors.push(at(row, 'households', `户数「${text('households')}」应为 0–100000 的整数`));
        }
        const area = has('buildingArea') ? parseNumber(cells.buildingArea) : null;
        if (area === 'bad' || (typeof area === 'number' && (area < 0 || area > 100_000_000))) {
          errors.push(at(row, 'buildingArea', `建筑面积「${text('buildingArea')}」应为非负数字（单位平方米）`));
        }
        let committee = false;
        const committeeText = has('hasOwnersCommittee') ? text('hasOwnersCommittee').toLowerCase() : '';
        if (committeeText) {
          if (YES.has(committeeText)) committee = true;
          else if (!NO.has(committeeText)) errors.push(at(row, 'hasOwnersCommittee', `「${text('hasOwnersCommittee')}」无法识别，请填写“是”或“否”`));
        }
        const lng = has('lng') ? parseNumber(cells.lng) : null;
        const lat = has('lat') ? parseNumber(cells.lat) : null;
        if (lng === 'bad' || (typeof lng === 'number' && (lng < LNG_RANGE[0] || lng > LNG_RANGE[1]))) errors.push(at(row, 'lng', `经度「${text('lng')}」应为 73.5–135.1 之间的数字`));
        if (lat === 'bad' || (typeof lat === 'number' && (lat < LAT_RANGE[0] || lat > LAT_RANGE[1]))) errors.push(at(row, 'lat', `纬度「${text('lat')}」应为 3.8–53.6 之间的数字`));
        if ((lng === null) !== (lat === null) && lng !== 'bad' && lat !== 'bad') errors.push(at(row, lng === null ? 'lng' : 'lat', '经度和纬度须同时填写或同时留空'));

        rows.push({
          name,
          address,
          regionId: region?.id ?? 0,
          enterpriseId,
          households: typeof households === 'number' ? households : null,
          buildingArea: typeof area === 'number' ? Math.round(area * 100) / 100 : null,
          hasOwnersCommittee: committee,
          lat: typeof lat === 'number' ? lat : null,
          lng: typeof lng === 'number' ? lng : null,
        });
        if (rows.length % 1000 === 0) progress(rows.length);
      }
      return { rows, total: table.rows.length, errors, warnings, ignoredColumns: header.ignored, plannedCreated: rows.length - plannedUpdated, plannedUpdated };
    },
    async write(tx, rows, progress) {
      let created = 0;
      let updated = 0;
      for (let i = 0; i < rows.length; i += 1000) {
        const batch = rows.slice(i, i + 1000);
        const r = await repo.upsertBatch(tx, batch, updateColumns);
        created += r.created;
        updated += r.updated;
        progress(i + batch.length);
      }
      return { created, updated };
    },
  };
}

export function projectTemplate(): Promise<Buffer> {
  return buildTemplate({
    sheetName: '物业项目',
    columns: PROJECT_COLUMNS,
    example: {
      name: '示例花园小区',
      address: '武汉市洪山区示例路 8 号',
      regionCode: '420111',
      regionName: '洪山区',
      enterpriseCreditCode: '',
      enterpriseName: '',
      households: 860,
      buildingArea: 92000.5,
      hasOwnersCommittee: '是',
      lng: 114.3431,
      lat: 30.4998,
      fullyDisclosedSince: '',
    },
    choices: { hasOwnersCommittee: ['是', '否'] },
    notes: [
      '第 1 行为表头，列的顺序可以调整，列名须与本说明一致（“说明”工作表导入时会被忽略）。',
      '示例行请删除或改为真实数据后再导入。',
      '上传后系统先逐行检查并列出每个有问题的单元格（行号与 Excel 一致），文件完全无误并经您确认后才会写入；只要有一处错误，整份文件都不会写入。',
      '重复导入同一文件不会产生重复项目：以“所属区划代码 + 项目名称”为准，已有的更新，没有的新增。更换物业服务企业时只需修改信用代码列后重新导入。',
      '物业服务企业须先登记（可先用“企业导入模板”导入企业）。',
      '一次最多可导入约 6 万行；行数较多时请耐心等待进度条完成。',
    ],
  });
}

export async function exportProjects(db: Db, actor: Actor, q: Omit<ProjectListQuery, 'page' | 'pageSize'>) {
  const withinPath = await regionFilterPath(db, q.region);
  const writer = streamTable('物业项目', PROJECT_COLUMNS);
  const filter = { q: q.q, withinPath, enterpriseId: q.enterpriseId, disclosed: q.disclosed, hasOwnersCommittee: q.hasOwnersCommittee };
  void (async () => {
    let after: { name: string; id: string } | null = null;
    for (;;) {
      const batch = await repo.exportBatch(db, actor, filter, after, 2000);
      for (const p of batch) {
        writer.addRow({
          name: p.name,
          address: p.address,
          regionCode: p.regionCode,
          regionName: p.regionName,
          enterpriseCreditCode: p.enterpriseCreditCode,
          enterpriseName: p.enterpriseName,
          households: p.households,
          buildingArea: p.buildingArea === null ? null : Number(p.buildingArea),
          hasOwnersCommittee: p.hasOwnersCommittee ? '是' : '否',
          lng: p.lng,
          lat: p.lat,
          fullyDisclosedSince: p.fullyDisclosedSince,
        });
      }
      if (batch.length < 2000) break;
      after = { name: batch[batch.length - 1].name, id: batch[batch.length - 1].id };
    }
    await writer.finish();
  })().catch((err) => writer.fail(err));
  return writer.stream;
}
