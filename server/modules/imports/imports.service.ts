import type { ImportIssue, ImportResult } from '../../../core/imports.js';
import { randomUUID } from 'node:crypto';
import { and, eq, isNull, sql } from 'drizzle-orm';
import type { AppDeps } from '../../deps.js';
import { type Db, escapeLike } from '../../db/client.js';
import { importJobs, regions } from '../../db/schema/index.js';
import type { Actor } from '../../http/actor.js';
import { recordAudit } from '../../http/audit.js';
import { AppError, conflict, notFound, validationFailed } from '../../http/errors.js';
import type { UploadedFile } from '../../http/multipart.js';
import { checkUpload, recordFile, safeDisplayName, writeUpload } from '../../lib/files.js';
import { publishMessage } from '../messages/publish.js';
import { MAX_UNPACKED_BYTES, UnreadableWorkbookError, WorkbookTooLargeError } from '../../lib/xlsx.js';

/**
 * The xlsx import pipeline shared by the registry imports (and any later import):
 *   1. check the upload (a real .xlsx, within the size limit) and open an import_jobs row;
 *   2. `prepare`: stream-read and validate every row OUTSIDE any transaction, collecting every
 *      problem with its Excel row number and column;
 *   3. with any error, or on a dry run, stop: nothing is written, whatever dryRun says;
 *   4. otherwise keep the file (unless the spec says `keepFile: false`), then `write` every row,
 *      one summary audit row (counts + file name, size and sha256 + kept file id) and the
 *      finished job in ONE transaction: all or nothing.
 * Progress: counters live in memory while the request runs and in the job row between phases,
 * so GET /api/imports/:id can drive a progress bar (pass ?importId=<uuid> to know the id upfront).
 */

/** Errors kept in the response and the job row; the count is always exact. */
export const IMPORT_ERROR_LIMIT = 2000;

export type { ImportIssue, ImportResult };

export interface Prepared<P> {
  rows: P[];
  total: number;
  errors: ImportIssue[];
  warnings: ImportIssue[];
  ignoredColumns: string[];
  plannedCreated: number;
  plannedUpdated: number;
}

export interface ImportSpec<P> {
  kind: 'enterprises' | 'projects' | 'complaints';
  /** Audit action of a committed import, e.g. 'enterprise.import'. */
  auditAction: string;
  /**
   * Keep a copy of a committed import's file under DATA_DIR (default true: the registry imports,
   * whose audit row points to it). False for files full of personal data (12345 exports with
   * residents' names and phones): nothing is written to disk, and only the file's name, size and
   * sha256 stay in the import job and its audit row for traceability.
   */
  keepFile?: boolean;
  prepare(buffer: Buffer, progress: (processed: number) => void): Promise<Prepared<P>>;
  write(tx: Db, rows: P[], progress: (processed: number) => void): Promise<{ created: number; updated: number }>;
}

interface LiveProgress {
  status: string;
  total: number;
  processed: number;
  created: number;
  updated: number;
}
/** Live counters of imports running in this process. */
const live = new Map<string, LiveProgress>();

/** Where uploads go, how big they may be, and whether progress can be shared while writing. */
export interface ImportLimits {
  dataDir: string;
  maxBytes: number;
  /**
   * PostgreSQL: progress of the write phase is saved through another pooled connection while the
   * import's transaction runs, so a poll that reaches any instance sees it. PGlite has a single
   * connection (and a single instance): there the live counters of this process are enough.
   */
  shareWriteProgress: boolean;
}

/** The console page of each import, where its starter reads the result. */
const IMPORT_PAGES: Record<ImportSpec<unknown>['kind'], string> = {
  enterprises: '/app/registry-import',
  projects: '/app/registry-import',
  complaints: '/app/complaints/import',
};

export function importLimits(deps: Pick<AppDeps, 'env' | 'database'>): ImportLimits {
  return { dataDir: deps.env.DATA_DIR, maxBytes: deps.env.UPLOAD_MAX_MB * 1024 * 1024, shareWriteProgress: deps.database.driver === 'postgres' };
}

export async function runImport<P>(
  db: Db,
  actor: Actor,
  deps: ImportLimits,
  file: UploadedFile,
  opts: { dryRun: boolean; importId?: string },
  spec: ImportSpec<P>,
): Promise<ImportResult> {
  const check = checkUpload(file.buffer, ['xlsx'], deps.maxBytes);
  if (!check.ok) throw validationFailed({ file: check.message });
  const id = opts.importId ?? randomUUID();
  const [clash] = await db.select({ id: importJobs.id }).from(importJobs).where(eq(importJobs.id, id));
  if (clash) throw conflict('该导入编号已被使用，请刷新页面后重试');
  await db.insert(importJobs).values({
    id,
    kind: spec.kind,
    dryRun: opts.dryRun,
    status: 'reading',
    fileName: file.fileName,
    fileSha256: check.sha256,
    createdBy: actor.userId,
    regionId: actor.regionId || null,
  });
  const progress: LiveProgress = { status: 'reading', total: 0, processed: 0, created: 0, updated: 0 };
  live.set(id, progress);
  let lastFlush = Date.now();
  // Never after the end: a late progress write must not turn a finished job back into a running one.
  const flush = async () => {
    await db
      .update(importJobs)
      .set({ status: progress.status, total: progress.total, processed: progress.processed })
      .where(and(eq(importJobs.id, id), isNull(importJobs.finishedAt)));
  };

  try {
    let prepared: Prepared<P>;
    try {
      prepared = await spec.prepare(file.buffer, (n) => {
        progress.processed = n;
        if (Date.now() - lastFlush > 1000) {
          lastFlush = Date.now();
          void flush().catch(() => undefined);
        }
      });
    } catch (err) {
      // Only a file exceljs cannot read is the user's to fix; a database error stays a 500.
      if (err instanceof WorkbookTooLargeError) {
        throw validationFailed({ file: `文件内容过大（解压后约 ${Math.round(err.unpackedBytes / 1024 / 1024)} MB，上限 ${MAX_UNPACKED_BYTES / 1024 / 1024} MB），请删除无关的工作表或分成几个文件导入` });
      }
      if (!(err instanceof UnreadableWorkbookError)) throw err;
      throw validationFailed({ file: '无法读取该文件，请确认是 Excel 2007 及以上版本的 .xlsx 文件（不支持 .xls、.csv 或加密的工作簿）' });
    }
    const errors = prepared.errors.sort((a, b) => a.row - b.row);
    const base = {
      importId: id,
      dryRun: opts.dryRun,
      total: prepared.total,
      errorCount: errors.length,
      errors: errors.slice(0, IMPORT_ERROR_LIMIT),
      errorsTruncated: errors.length > IMPORT_ERROR_LIMIT,
      warnings: prepared.warnings.slice(0, IMPORT_ERROR_LIMIT),
      ignoredColumns: prepared.ignoredColumns,
      fileSha256: check.sha256,
    };
    progress.total = prepared.total;
    progress.processed = prepared.total;

    if (errors.length || opts.dryRun) {
      const created = errors.length ? 0 : prepared.plannedCreated;
      const updated = errors.length ? 0 : prepared.plannedUpdated;
      await db
        .update(importJobs)
        .set({ status: 'done', total: prepared.total, processed: prepared.total, created, updated, errorCount: errors.length, errors: base.errors, finishedAt: new Date() })
        .where(eq(importJobs.id, id));
      return { ok: errors.length === 0, written: false, created, updated, ...base };
    }

    progress.status = 'writing';
    progress.processed = 0;
    await flush();
    lastFlush = Date.now();
    const keepFile = spec.keepFile !== false;
    const stored = keepFile ? await writeUpload(deps.dataDir, file.buffer, check.type, file.fileName) : null;
    const fileName = stored?.originalName ?? safeDisplayName(file.fileName);
    const counts = await db.transaction(async (tx) => {
      const fileId = stored ? await recordFile(tx, stored, { entityType: 'import_job', entityId: id, uploadedBy: actor.userId }) : null;
      const written = await spec.write(tx, prepared.rows, (n) => {
        progress.processed = n;
        if (deps.shareWriteProgress && Date.now() - lastFlush > 1000) {
          lastFlush = Date.now();
          void flush().catch(() => undefined);
        }
      });
      await recordAudit(tx, actor, {
        action: spec.auditAction,
        entityType: 'import_job',
        entityId: id,
        after: { kind: spec.kind, fileName, fileSize: file.buffer.length, fileSha256: check.sha256, fileId, fileKept: keepFile, total: prepared.total, ...written },
        note: `导入文件「${fileName}」：共 ${prepared.total} 行，新增 ${written.created}，更新 ${written.updated}`,
      });
      await tx
        .update(importJobs)
        .set({ status: 'done', fileId, total: prepared.total, processed: prepared.total, ...written, finishedAt: new Date() })
        .where(eq(importJobs.id, id));
      if (actor.userId) {
        await publishMessage(tx, {
          kind: 'import.finished',
          recipients: [{ type: 'user', userId: actor.userId }],
          record: { type: 'import_job', id },
          link: IMPORT_PAGES[spec.kind],
          vars: { name: fileName, created: written.created, updated: written.updated },
        });
      }
      return written;
    });
    return { ok: true, written: true, ...counts, ...base };
  } catch (err) {
    await db
      .update(importJobs)
      .set({ status: 'failed', finishedAt: new Date() })
      .where(eq(importJobs.id, id))
      .catch(() => undefined);
    if (actor.userId) {
      const reason = err instanceof AppError ? err.message : '导入过程中出错，未写入任何数据';
      await publishMessage(db, {
        kind: 'import.failed',
        recipients: [{ type: 'user', userId: actor.userId }],
        record: { type: 'import_job', id },
        link: IMPORT_PAGES[spec.kind],
        vars: { name: safeDisplayName(file.fileName), error: reason },
      }).catch(() => undefined);
    }
    throw err;
  } finally {
    live.delete(id);
  }
}

/** An import job of the caller (only its creator may see it). */
export async function getImportJob(db: Db, actor: Actor, id: string) {
  const [row] = await db
    .select()
    .from(importJobs)
    .where(and(eq(importJobs.id, id), eq(importJobs.createdBy, actor.userId ?? '00000000-0000-0000-0000-000000000000')));
  if (!row) throw notFound('导入任务');
  const now = live.get(id);
  return {
    id: row.id,
    kind: row.kind,
    dryRun: row.dryRun,
    status: now?.status ?? row.status,
    fileName: row.fileName,
    total: now?.total || row.total,
    processed: now?.processed ?? row.processed,
    created: row.created,
    updated: row.updated,
    errorCount: row.errorCount,
    errors: (row.errors as ImportIssue[]).slice(0, 200),
    startedAt: row.startedAt,
    finishedAt: row.finishedAt,
  };
}

/**
 * Region code → node for every region in the actor's subtree, loaded once per import so that
 * tens of thousands of rows resolve their region without a query each.
 */
export async function regionsInScope(db: Db, actor: Actor) {
  const prefix = `${escapeLike(actor.regionPath)}%`;
  const rows = await db
    .select({ id: regions.id, code: regions.code, path: regions.path, level: regions.level })
    .from(regions)
    .where(sql`${regions.path} LIKE ${prefix}`);
  return new Map(rows.map((r) => [r.code, r]));
}
