import { randomUUID } from 'node:crypto';
import { and, eq, inArray, sql } from 'drizzle-orm';
import {
  checkMapping,
  columnSpecsFor,
  HOTLINE_FIELDS,
  type HeaderMapping,
  type HotlineField,
  type HotlineRecord,
  parseHotlineRow,
} from '../../../core/intake/hotline12345.js';
import { maskName, maskPhone } from '../../../core/masking.js';
import type { AppDeps } from '../../deps.js';
import { complaints, hotlineOrders, projects } from '../../db/schema/index.js';
import type { Actor } from '../../http/actor.js';
import { recordAudit } from '../../http/audit.js';
import { validationFailed } from '../../http/errors.js';
import type { UploadedFile } from '../../http/multipart.js';
import { regionScope } from '../../http/scope.js';
import { type ColumnSpec, MAX_TABLE_ROWS, buildTemplate, cellRaw, cellText, readTable } from '../../lib/xlsx.js';
import { createComplaint } from '../complaints/complaints.service.js';
import { type ImportIssue, type ImportSpec, type Prepared, importLimits, runImport } from '../imports/imports.service.js';

/**
 * Bulk import of 12345 work-order exports (SPEC §5 "Channels", "Interchange") on the shared
 * import pipeline (server/modules/imports: read and check every row first, then all rows in one
 * transaction, nothing written on any error or a dry run). Idempotent on the upstream order
 * number: a 办件编号 already imported (channel hotline_12345) updates its upstream record —
 * and, while nobody has acted on the lead yet (status received), its text and contact — never
 * a second lead. A 办件编号 repeated inside the file is counted in `duplicates`; the last row wins.
 */

const CHANNEL = 'hotline_12345';

export const HOTLINE_COLUMNS: readonly ColumnSpec<HotlineField>[] = HOTLINE_FIELDS;

interface PlannedRow {
  row: number;
  record: HotlineRecord;
  existingId: string | null;
  projectId: string | null;
  regionId: number;
}

export interface HotlineImportOptions {
  dryRun: boolean;
  importId?: string;
  mapping?: string;
}

export function parseMappingField(text: string | undefined): HeaderMapping {
  if (!text?.trim()) return {};
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    throw validationFailed({ mapping: '列对应关系不是有效的 JSON，应形如 {"externalRef":"流水号","content":"市民诉求"}' });
  }
  const checked = checkMapping(parsed);
  if (!checked.ok) throw validationFailed({ mapping: checked.problems.map((p) => p.message).join('；') });
  return checked.mapping;
}

function hotlineSpec(deps: AppDeps, actor: Actor, mapping: HeaderMapping, importId: string, state: { duplicates: number; plan: PlannedRow[]; recognised: Record<string, string> }): ImportSpec<PlannedRow> {
  const columns = columnSpecsFor(mapping);
  const headerOf = (k: HotlineField) => columns.find((c) => c.key === k)?.header ?? k;
  return {
    kind: 'complaints',
    auditAction: 'complaint.import',
    // The export holds every resident's name and phone: keep no copy of it (only its name,
    // size and sha256, in the import job and the audit row); the leads keep the contact encrypted.
    keepFile: false,
    async prepare(buffer, progress): Promise<Prepared<PlannedRow>> {
      const table = await readTable(buffer, columns, progress);
      const errors: ImportIssue[] = [];
      const warnings: ImportIssue[] = [];
      const at = (row: number, key: HotlineField, message: string): ImportIssue => ({
        row,
        column: headerOf(key),
        cell: table.columnLetter(key) ? `${table.columnLetter(key)}${row}` : null,
        message,
      });
      const empty = (extra: Partial<Prepared<PlannedRow>> = {}): Prepared<PlannedRow> => ({
        rows: [],
        total: 0,
        errors,
        warnings,
        ignoredColumns: table.header?.ignored ?? [],
        plannedCreated: 0,
        plannedUpdated: 0,
        ...extra,
      });
      if (!table.found) {
        const missing = table.header?.missing ?? columns.filter((c) => c.required);
        for (const c of missing) {
          const known = mapping[c.key] ? `（列对应关系指定的表头「${mapping[c.key]}」不在第 1 行）` : `（可识别的表头：${[c.header, ...(c.aliases ?? [])].join('、')}）`;
          errors.push({ row: 1, column: c.header, cell: null, message: `缺少必填列「${c.header}」${known}：第 1 行须为表头；其他格式的导出文件请提供列对应关系` });
        }
        return empty();
      }
      if (table.tooManyRows) {
        errors.push({ row: 1, column: '', cell: null, message: `文件超过 ${MAX_TABLE_ROWS.toLocaleString('en-US')} 行数据，请拆分为几个文件分批导入` });
        return empty({ total: table.rows.length });
      }
      const header = table.header!;
      for (const d of header.duplicates) errors.push({ row: 1, column: d, cell: null, message: `表头「${d}」与另一列对应同一字段，请只保留一列或提供列对应关系` });
      for (const key of header.index.keys()) state.recognised[key] = headerOf(key);

      // Parse every row; in-file repeats of a 办件编号: the last row wins.
      const parsed: PlannedRow[] = [];
      const lastRowOf = new Map<string, number>();
      for (const { row, cells } of table.rows) {
        const text: Partial<Record<HotlineField, string>> = {};
        const raw: Partial<Record<HotlineField, unknown>> = {};
        for (const key of header.index.keys()) {
          text[key] = cellText(cells[key]);
          raw[key] = cellRaw(cells[key]);
        }
        const r = parseHotlineRow({ text, raw });
        for (const e of r.errors) errors.push(at(row, e.field, e.message));
        for (const w of r.warnings) warnings.push(at(row, w.field, w.message));
        if (r.record.externalRef) {
          const earlier = lastRowOf.get(r.record.externalRef);
          if (earlier !== undefined) {
            state.duplicates++;
            warnings.push(at(row, 'externalRef', `办件编号 ${r.record.externalRef} 与第 ${parsed[earlier].row} 行重复，按本行（较后的一行）导入`));
            parsed[earlier] = { ...parsed[earlier], record: { ...parsed[earlier].record, externalRef: '' } };
          }
          lastRowOf.set(r.record.externalRef, parsed.length);
        }
        parsed.push({ row, record: r.record, existingId: null, projectId: null, regionId: actor.regionId });
      }
      const rows = parsed.filter((p) => p.record.externalRef);

      // Already imported orders (same channel), and whether they are in the importer's jurisdiction.
      const refs = rows.map((r) => r.record.externalRef);
      const existing = new Map<string, { id: string; inScope: boolean }>();
      for (let i = 0; i < refs.length; i += 1000) {
        const found = await deps.db
          .select({ id: complaints.id, ref: complaints.externalRef, inScope: sql<boolean>`${regionScope(actor, complaints.regionId)}` })
          .from(complaints)
          .where(and(eq(complaints.channel, CHANNEL), inArray(complaints.externalRef, refs.slice(i, i + 1000))));
        for (const f of found) existing.set(f.ref as string, { id: f.id, inScope: Boolean(f.inScope) });
      }

      // Projects named in the file, within the importer's jurisdiction (exact name).
      const names = [...new Set(rows.map((r) => r.record.projectName).filter((n): n is string => !!n))];
      const projectsByName = new Map<string, Array<{ id: string; regionId: number }>>();
      for (let i = 0; i < names.length; i += 1000) {
        const found = await deps.db
          .select({ id: projects.id, name: projects.name, regionId: projects.regionId })
          .from(projects)
          .where(and(inArray(projects.name, names.slice(i, i + 1000)), regionScope(actor, projects.regionId)));
        for (const p of found) projectsByName.set(p.name, [...(projectsByName.get(p.name) ?? []), { id: p.id, regionId: p.regionId }]);
      }

      let plannedUpdated = 0;
      for (const r of rows) {
        const ex = existing.get(r.record.externalRef);
        if (ex && !ex.inScope) {
          errors.push(at(r.row, 'externalRef', `办件编号 ${r.record.externalRef} 已由其他辖区登记，不能在本辖区导入；请联系该办件的承办辖区`));
          continue;
        }
        if (ex) {
          r.existingId = ex.id;
          plannedUpdated++;
        }
        const name = r.record.projectName;
        if (name) {
          const candidates = projectsByName.get(name) ?? [];
          if (candidates.length === 1) {
            r.projectId = candidates[0].id;
            r.regionId = candidates[0].regionId;
          } else if (candidates.length > 1) {
            warnings.push(at(r.row, 'projectName', `辖区内有 ${candidates.length} 个名为「${name}」的项目，未自动归入项目，请在线索详情中确认`));
          } else {
            warnings.push(at(r.row, 'projectName', `辖区内没有名为「${name}」的项目，线索归入您所在辖区，请在线索详情中确认`));
          }
        }
      }
      if (!actor.regionId) errors.push({ row: 1, column: '', cell: null, message: '您的账号没有所属区划，不能导入线索' });
      state.plan = rows;
      return {
        rows,
        total: table.rows.length,
        errors,
        warnings,
        ignoredColumns: header.ignored,
        plannedCreated: rows.length - plannedUpdated,
        plannedUpdated,
      };
    },

    async write(tx, rows, progress) {
      let created = 0;
      let updated = 0;
      for (const [i, r] of rows.entries()) {
        const rec = r.record;
        const upstream = {
          externalRef: rec.externalRef,
          source: rec.source,
          cityRef: rec.cityRef,
          subject: rec.subject,
          handlingUnit: rec.handlingUnit,
          majorCategory: rec.majorCategory,
          minorCategory: rec.minorCategory,
          dispatchedAt: rec.dispatchedAt,
          promisedAt: rec.promisedAt,
          upstreamStatus: rec.upstreamStatus,
          lastImportId: importId,
          updatedAt: new Date(),
        };
        if (r.existingId) {
          const [before] = await tx
            .select({ status: complaints.status, upstreamStatus: hotlineOrders.upstreamStatus })
            .from(complaints)
            .leftJoin(hotlineOrders, eq(hotlineOrders.complaintId, complaints.id))
            .where(eq(complaints.id, r.existingId))
            .for('update', { of: complaints });
          await tx
            .insert(hotlineOrders)
            .values({ complaintId: r.existingId, ...upstream })
            .onConflictDoUpdate({ target: hotlineOrders.complaintId, set: upstream });
          if (before?.status === 'received') {
            // Nobody has acted on it yet: the upstream text and contact still stand for the lead.
            await tx
              .update(complaints)
              .set({
                description: rec.description,
                ...(rec.address ? { address: rec.address } : {}),
                // A later export that masks or omits the contact does not erase what we have.
                ...(rec.contactName ? { contactNameEnc: deps.cipher.encrypt(rec.contactName) } : {}),
                ...(rec.contactPhone ? { contactPhoneEnc: deps.cipher.encrypt(rec.contactPhone), contactPhoneBidx: deps.cipher.blindIndex(rec.contactPhone) } : {}),
                updatedAt: new Date(),
              })
              .where(eq(complaints.id, r.existingId));
          }
          await recordAudit(tx, actor, {
            action: 'complaint.import_update',
            entityType: 'complaint',
            entityId: r.existingId,
            before: { upstreamStatus: before?.upstreamStatus ?? null },
            after: { externalRef: rec.externalRef, upstreamStatus: rec.upstreamStatus, importId, leadUpdated: before?.status === 'received' },
          });
          updated++;
        } else {
          const result = await createComplaint(tx, deps, actor, {
            channel: CHANNEL,
            externalRef: rec.externalRef,
            description: rec.description,
            contactName: rec.contactName,
            contactPhone: rec.contactPhone,
            projectId: r.projectId,
            address: rec.address,
            regionId: r.regionId,
            receivedAt: rec.receivedAt ?? rec.dispatchedAt ?? undefined,
          });
          await tx.insert(hotlineOrders).values({ complaintId: result.id, ...upstream });
          created++;
        }
        if ((i + 1) % 100 === 0) progress(i + 1);
      }
      return { created, updated };
    },
  };
}

export async function importHotlineOrders(deps: AppDeps, actor: Actor, file: UploadedFile, opts: HotlineImportOptions) {
  const mapping = parseMappingField(opts.mapping);
  const importId = opts.importId ?? randomUUID();
  const state = { duplicates: 0, plan: [] as PlannedRow[], recognised: {} as Record<string, string> };
  const result = await runImport(
    deps.db,
    actor,
    importLimits(deps),
    file,
    { dryRun: opts.dryRun, importId },
    hotlineSpec(deps, actor, mapping, importId, state),
  );
  const preview = state.plan.slice(0, 50).map((r) => ({
    row: r.row,
    externalRef: r.record.externalRef,
    action: r.existingId ? ('update' as const) : ('create' as const),
    description: r.record.description.length > 120 ? `${r.record.description.slice(0, 120)}…` : r.record.description,
    contactName: maskName(r.record.contactName),
    contactPhone: maskPhone(r.record.contactPhone),
    receivedAt: r.record.receivedAt ?? r.record.dispatchedAt,
    upstreamStatus: r.record.upstreamStatus,
    projectName: r.record.projectName,
  }));
  return { ...result, duplicates: state.duplicates, recognised: state.recognised, preview };
}

export async function hotlineTemplate(): Promise<Buffer> {
  return buildTemplate({
    sheetName: '12345工单',
    columns: HOTLINE_COLUMNS,
    example: {
      externalRef: 'GD202603020001',
      source: '电话',
      cityRef: 'WH202603020001',
      subject: '物业以欠费为由停水',
      content: '东湖某小区3栋，物业以我家欠物业费为由从昨天起停水，家里有老人，请尽快处理。',
      handlingUnit: '东湖风景区房管部门',
      contactName: '王先生',
      contactPhone: '13900000001',
      majorCategory: '城乡建设',
      minorCategory: '物业管理',
      receivedAt: '2026-03-02 09:30',
      dispatchedAt: '2026-03-02 10:00',
      promisedAt: '2026-03-16 18:00',
      upstreamStatus: '办理中',
      address: '',
      projectName: '',
    },
    notes: [
      '第 1 行为表头，列的顺序不限；12345 平台导出的常见表头（如 工单编号、来电人、联系电话、受理时间）可直接识别。',
      '其他格式的导出文件：导入时提供列对应关系（本平台字段 → 文件表头），无需修改文件。',
      '同一办件编号重复导入时更新原线索，不会重复登记；同一文件内重复的办件编号以较后的一行为准。',
      '任何一行有错误时整个文件都不会写入；请先“检查”（dryRun=true）查看每行的问题。',
      '诉求人姓名和电话加密保存，物业企业用户不可见。',
    ],
  });
}

