import { and, eq } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { files } from '../../db/schema/index.js';
import type { Actor } from '../../http/actor.js';
import { recordAudit } from '../../http/audit.js';
import { forbidden, notFound, validationFailed } from '../../http/errors.js';
import type { UploadedFile } from '../../http/multipart.js';
import { type FileType, type StoredFile, checkUpload, readUpload, recordFile, writeUpload } from '../../lib/files.js';
import { isEnterpriseUser } from '../../http/actor.js';
import { getInspection } from './records.service.js';

const PHOTO_TYPES: readonly FileType[] = ['jpeg', 'png', 'webp'];

/**
 * Inspection photos are uploaded before the record is sent (the phone compresses them first) and
 * stay unclaimed until a finding names them; unclaimed uploads are swept after 24 hours.
 */
export async function uploadPhotos(db: Db, actor: Actor, deps: { dataDir: string; maxBytes: number }, uploads: UploadedFile[]) {
  if (isEnterpriseUser(actor)) throw forbidden();
  if (!uploads.length) throw validationFailed({ file: '请选择照片' });
  const checked = uploads.map((f) => ({ f, check: checkUpload(f.buffer, PHOTO_TYPES, deps.maxBytes) }));
  const bad = checked.find((c) => !c.check.ok);
  if (bad && !bad.check.ok) throw validationFailed({ file: `「${bad.f.fileName}」：${bad.check.message}` });
  const stored: StoredFile[] = [];
  for (const { f, check } of checked) if (check.ok) stored.push(await writeUpload(deps.dataDir, f.buffer, check.type, f.fileName));
  return db.transaction(async (tx) => {
    const out: Array<{ fileId: string; name: string; size: number }> = [];
    for (const s of stored) out.push({ fileId: await recordFile(tx, s, { entityType: 'inspection_photo', entityId: null, uploadedBy: actor.userId }), name: s.originalName, size: s.size });
    await recordAudit(tx, actor, { action: 'inspection.photo_upload', entityType: 'inspection_photo', after: { files: out } });
    return { files: out };
  });
}

export async function readPhoto(db: Db, actor: Actor, dataDir: string, id: string, fileId: string) {
  await getInspection(db, actor, id);
  const [file] = await db.select().from(files).where(and(eq(files.id, fileId), eq(files.entityType, 'inspection_photo'), eq(files.entityId, id)));
  if (!file) throw notFound('照片');
  return { name: file.originalName, mime: file.mime, buffer: await readUpload(dataDir, file.storageKey) };
}
