import { createHash, randomUUID } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { mkdir, readFile, rename, stat, unlink, writeFile } from 'node:fs/promises';
import { dirname, resolve, sep } from 'node:path';
import type { Readable } from 'node:stream';
import { sql } from 'drizzle-orm';
import type { FastifyReply } from 'fastify';
import { type Db, queryRows } from '../db/client.js';
import { files } from '../db/schema/index.js';

/**
 * Uploaded files on local disk under DATA_DIR/uploads (safe file uploads, SPEC §16).
 *  - The type is decided by the file's bytes (magic numbers), never by its name or the
 *    client's Content-Type; only the kinds a caller accepts get through.
 *  - The storage key is generated (yyyy/mm/<uuid>.<ext>); the uploaded name is kept only as a
 *    display string, stripped of path parts and control characters.
 *  - Bytes are written to a temporary name and renamed, so a reader never sees half a file.
 *  - A row with no owner (`entity_id IS NULL`: a resident's photo uploaded before the form is
 *    sent) is claimed by the record that uses it; unclaimed ones are swept after a day
 *    (`sweepUnclaimedUploads`, job `uploads.sweep`).
 * A file written for a transaction that later rolls back stays on disk unreferenced; that is
 * harmless (nothing links to it or can download it).
 */

export const FILE_TYPES = {
  jpeg: { mime: 'image/jpeg', ext: 'jpg' },
  png: { mime: 'image/png', ext: 'png' },
  webp: { mime: 'image/webp', ext: 'webp' },
  gif: { mime: 'image/gif', ext: 'gif' },
  pdf: { mime: 'application/pdf', ext: 'pdf' },
  xlsx: { mime: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', ext: 'xlsx' },
  docx: { mime: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', ext: 'docx' },
} as const;
export type FileType = keyof typeof FILE_TYPES;

export const IMAGE_OR_PDF: readonly FileType[] = ['jpeg', 'png', 'webp', 'gif', 'pdf'];
/** Evidence a company or an officer submits: photos, PDF scans, Word and Excel documents. */
export const EVIDENCE_TYPES: readonly FileType[] = [...IMAGE_OR_PDF, 'docx', 'xlsx'];

/** The type of a buffer from its leading bytes, or null when it is none we know. */
export function sniffFileType(buf: Buffer): FileType | null {
  if (buf.length >= 3 && buf[0] === 0xff && buf[1] === 0xd8 && buf[2] === 0xff) return 'jpeg';
  if (buf.length >= 8 && buf.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]))) return 'png';
  if (buf.length >= 12 && buf.toString('ascii', 0, 4) === 'RIFF' && buf.toString('ascii', 8, 12) === 'WEBP') return 'webp';
  if (buf.length >= 6 && /^GIF8[79]a$/.test(buf.toString('ascii', 0, 6))) return 'gif';
  if (buf.length >= 5 && buf.toString('ascii', 0, 5) === '%PDF-') return 'pdf';
  // Office documents are zips, told apart by their top-level entries; any other zip counts as an
  // xlsx so that an import reports it as a workbook it cannot read.
  if (buf.length >= 4 && buf[0] === 0x50 && buf[1] === 0x4b && buf[2] === 0x03 && buf[3] === 0x04) {
    const names = new Set(zipEntries(buf).map((e) => e.name));
    return names.has('word/document.xml') && !names.has('xl/workbook.xml') ? 'docx' : 'xlsx';
  }
  return null;
}

export interface ZipEntry {
  name: string;
  /** Uncompressed size as declared by the central directory. */
  size: number;
  /** Compressed size, compression method (0 stored, 8 deflate) and local header offset. */
  compressedSize: number;
  method: number;
  offset: number;
}

/** Entries of a zip's central directory; empty when it cannot be found (e.g. a truncated file). */
export function zipEntries(buf: Buffer): ZipEntry[] {
  const entries: ZipEntry[] = [];
  const floor = Math.max(0, buf.length - 22 - 0xffff);
  let eocd = -1;
  for (let i = buf.length - 22; i >= floor; i--) {
    if (buf.readUInt32LE(i) === 0x06054b50) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) return entries;
  const count = buf.readUInt16LE(eocd + 10);
  let at = buf.readUInt32LE(eocd + 16);
  for (let n = 0; n < count && at + 46 <= buf.length && buf.readUInt32LE(at) === 0x02014b50; n++) {
    const nameLength = buf.readUInt16LE(at + 28);
    const extraLength = buf.readUInt16LE(at + 30);
    const commentLength = buf.readUInt16LE(at + 32);
    entries.push({
      name: buf.toString('utf8', at + 46, at + 46 + nameLength),
      size: buf.readUInt32LE(at + 24),
      compressedSize: buf.readUInt32LE(at + 20),
      method: buf.readUInt16LE(at + 10),
      offset: buf.readUInt32LE(at + 42),
    });
    at += 46 + nameLength + extraLength + commentLength;
  }
  return entries;
}

const TYPE_LABELS: Record<FileType, string> = { jpeg: 'JPG', png: 'PNG', webp: 'WEBP', gif: 'GIF', pdf: 'PDF', xlsx: 'Excel（.xlsx）', docx: 'Word（.docx）' };

export type UploadCheck = { ok: true; type: FileType; sha256: string } | { ok: false; message: string };

/** Size and type check with a Chinese message saying what is accepted. */
export function checkUpload(buf: Buffer, accept: readonly FileType[], maxBytes: number): UploadCheck {
  const allowed = accept.map((t) => TYPE_LABELS[t]).join('、');
  if (buf.length === 0) return { ok: false, message: '文件为空，请重新选择' };
  if (buf.length > maxBytes) return { ok: false, message: `文件过大（${formatBytes(buf.length)}），不能超过 ${formatBytes(maxBytes)}` };
  const type = sniffFileType(buf);
  if (!type || !accept.includes(type)) return { ok: false, message: `不支持的文件类型，只能上传 ${allowed} 文件` };
  return { ok: true, type, sha256: sha256Hex(buf) };
}

export function sha256Hex(buf: Buffer): string {
  return createHash('sha256').update(buf).digest('hex');
}

/** A display name: no directories, no control characters, at most 120 characters. */
export function safeDisplayName(name: string | undefined | null): string {
  const base = (name ?? '').split(/[\\/]/).pop() ?? '';
  // biome-ignore lint/suspicious/noControlCharactersInRegex: stripping control characters is the point
  const cleaned = base.replace(/[\u0000-\u001f\u007f<>:"|?*]/g, '').trim();
  return (cleaned || 'file').slice(-120);
}

function uploadsRoot(dataDir: string): string {
  return resolve(dataDir, 'uploads');
}

/** Absolute path of a storage key; refuses anything that would leave the uploads folder. */
export function uploadPath(dataDir: string, storageKey: string): string {
  const root = uploadsRoot(dataDir);
  const full = resolve(root, storageKey);
  if (!full.startsWith(root + sep)) throw new Error('storage key escapes the uploads folder');
  return full;
}

export interface StoredFile {
  storageKey: string;
  originalName: string;
  mime: string;
  size: number;
  sha256: string;
}

/** Writes checked bytes to disk under a generated key. Call `checkUpload` first. */
export async function writeUpload(dataDir: string, buf: Buffer, type: FileType, originalName: string, now = new Date()): Promise<StoredFile> {
  const storageKey = `${now.getFullYear()}/${String(now.getMonth() + 1).padStart(2, '0')}/${randomUUID()}.${FILE_TYPES[type].ext}`;
  const full = uploadPath(dataDir, storageKey);
  await mkdir(dirname(full), { recursive: true });
  const tmp = `${full}.part`;
  await writeFile(tmp, buf, { mode: 0o640 });
  await rename(tmp, full);
  return { storageKey, originalName: safeDisplayName(originalName), mime: FILE_TYPES[type].mime, size: buf.length, sha256: sha256Hex(buf) };
}

export async function readUpload(dataDir: string, storageKey: string): Promise<Buffer> {
  return readFile(uploadPath(dataDir, storageKey));
}

/**
 * A stream of a stored file and its size, or null when the bytes are missing on disk (the caller
 * answers 404). Opening is checked first, so a missing file never fails mid-response.
 */
export async function openUpload(dataDir: string, storageKey: string): Promise<{ stream: Readable; size: number } | null> {
  const full = uploadPath(dataDir, storageKey);
  try {
    const info = await stat(full);
    if (!info.isFile()) return null;
    return { stream: createReadStream(full), size: info.size };
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw err;
  }
}

/**
 * Sends an uploaded file (attachment download routes): its stored MIME type, a Content-Disposition
 * with the RFC 5987 UTF-8 name (images inline, anything else as a download), and a sandboxing CSP so
 * a file can never run script in the application's origin.
 */
export function sendUpload(reply: FastifyReply, file: { name: string; mime: string; body: Buffer | Readable; size?: number }) {
  reply
    .type(file.mime)
    .header('content-disposition', attachmentHeader(file.name, file.mime.startsWith('image/')))
    .header('content-security-policy', "default-src 'none'; img-src 'self'; sandbox")
    .header('cache-control', 'private, max-age=300');
  if (file.size !== undefined) reply.header('content-length', file.size);
  return reply.send(file.body);
}

/** Inserts the files row for a stored file (inside the caller's transaction). Returns its id. */
export async function recordFile(
  db: Db,
  stored: StoredFile,
  owner: { entityType: string; entityId: string | null; uploadedBy: string | null },
): Promise<string> {
  const [row] = await db
    .insert(files)
    .values({ ...stored, entityType: owner.entityType, entityId: owner.entityId, uploadedBy: owner.uploadedBy })
    .returning({ id: files.id });
  return row.id;
}

/** Content-Disposition for a download with a Chinese file name (RFC 6266 / 5987). */
export function attachmentHeader(fileName: string, inline = false): string {
  const ascii = fileName.replace(/[^\x20-\x7e]/g, '_').replace(/["\\]/g, '_');
  return `${inline ? 'inline' : 'attachment'}; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(fileName)}`;
}

function formatBytes(n: number): string {
  if (n >= 1024 * 1024) return `${(n / 1024 / 1024).toFixed(1)} MB`;
  if (n >= 1024) return `${Math.round(n / 1024)} KB`;
  return `${n} B`;
}


/**
 * Deletes uploads nobody claimed within `olderThanHours` (rows and bytes), in batches.
 * Returns how many were removed. A missing file on disk is not an error.
 */
export async function sweepUnclaimedUploads(db: Db, dataDir: string, olderThanHours = 24): Promise<number> {
  let removed = 0;
  for (;;) {
    const rows = await queryRows<{ storage_key: string }>(
      db,
      sql`DELETE FROM files WHERE id IN (
            SELECT id FROM files WHERE entity_id IS NULL AND created_at < now() - make_interval(hours => ${olderThanHours}) LIMIT 500
          ) RETURNING storage_key`,
    );
    for (const r of rows) await unlink(uploadPath(dataDir, r.storage_key)).catch((err) => (err.code === 'ENOENT' ? undefined : Promise.reject(err)));
    removed += rows.length;
    if (rows.length < 500) return removed;
  }
}
