import { ApiError, api } from '../../../common/api.js';

/*
 * The phone's inspection draft. It lives in the device's localStorage (per user), so a lost signal
 * or a closed tab loses nothing; it is sent when the device is back online. Every draft carries an
 * idempotency key (`clientKey`) that the server remembers: a draft whose answer was lost and is
 * sent again makes no second record. Photos are compressed on the device before they are stored.
 */

export interface DraftPhoto {
  dataUrl: string;
  /** Set once uploaded, so a retry never uploads the photo again. */
  fileId?: string;
}
export interface DraftFinding {
  focusItemId: string;
  projectId: string;
  result: 'compliant' | 'problem';
  description?: string;
  photos: DraftPhoto[];
}
export interface Draft {
  clientKey: string;
  campaignId?: string;
  enterpriseId?: string;
  projectIds: string[];
  date: string;
  mode: 'announced' | 'unannounced' | 'covert';
  peopleDispatched: number;
  inspectorIds: string[];
  companyPresent?: string;
  repeatReason?: string;
  findings: DraftFinding[];
  /** editing → queued (waiting for a signal) → sent; failed = the server refused it (message kept). */
  status: 'editing' | 'queued' | 'sent' | 'failed';
  error?: string;
  recordId?: string;
  updatedAt: string;
}

const key = (userId: string) => `inspection-draft:${userId}`;

export function newClientKey(): string {
  return `draft-${crypto.randomUUID()}`;
}

export function loadDraft(userId: string): Draft | null {
  try {
    const raw = localStorage.getItem(key(userId));
    return raw ? (JSON.parse(raw) as Draft) : null;
  } catch {
    return null;
  }
}

export function saveDraft(userId: string, draft: Draft): void {
  localStorage.setItem(key(userId), JSON.stringify({ ...draft, updatedAt: new Date().toISOString() }));
}

export function clearDraft(userId: string): void {
  localStorage.removeItem(key(userId));
}

/** Scales a camera photo down to at most `maxSide` pixels and re-encodes it as JPEG on the device. */
export async function compressPhoto(file: Blob, maxSide = 1600, quality = 0.7): Promise<string> {
  const bitmap = await createImageBitmap(file);
  const scale = Math.min(1, maxSide / Math.max(bitmap.width, bitmap.height));
  const canvas = document.createElement('canvas');
  canvas.width = Math.max(1, Math.round(bitmap.width * scale));
  canvas.height = Math.max(1, Math.round(bitmap.height * scale));
  const ctx = canvas.getContext('2d');
  if (!ctx) throw new Error('canvas unavailable');
  ctx.drawImage(bitmap, 0, 0, canvas.width, canvas.height);
  bitmap.close();
  return canvas.toDataURL('image/jpeg', quality);
}

function dataUrlToBlob(dataUrl: string): Blob {
  const [head, body] = dataUrl.split(',');
  const mime = /data:([^;]+)/.exec(head ?? '')?.[1] ?? 'image/jpeg';
  const bin = atob(body ?? '');
  const bytes = new Uint8Array(bin.length);
  for (let i = 0; i < bin.length; i++) bytes[i] = bin.charCodeAt(i);
  return new Blob([bytes], { type: mime });
}

/** A network failure (no signal): the draft stays queued. Anything the server answered is not. */
export const isOffline = (err: unknown) => !(err instanceof ApiError);

let sending = false;

/**
 * Sends a queued draft: uploads photos not yet uploaded (remembering their ids), then the record
 * with its findings under the draft's idempotency key. Returns the updated draft (saved after each step).
 */
export async function sendDraft(userId: string, draft: Draft): Promise<Draft> {
  if (sending) return draft;
  sending = true;
  let d = { ...draft, status: 'queued' as Draft['status'] };
  try {
    for (const f of d.findings) {
      for (const p of f.photos) {
        if (p.fileId) continue;
        const form = new FormData();
        form.append('file', dataUrlToBlob(p.dataUrl), 'photo.jpg');
        const res = await api.upload<{ files: Array<{ fileId: string }> }>('/api/inspection-photos', form);
        p.fileId = res.files[0]?.fileId;
        saveDraft(userId, d);
      }
    }
    const body = {
      enterpriseId: d.enterpriseId,
      projectIds: d.projectIds,
      date: d.date,
      mode: d.mode,
      peopleDispatched: d.peopleDispatched,
      inspectorIds: d.inspectorIds,
      companyPresent: d.companyPresent || undefined,
      repeatReason: d.repeatReason || undefined,
      clientKey: d.clientKey,
      findings: d.findings.map((f) => ({ focusItemId: f.focusItemId, projectId: f.projectId, result: f.result, description: f.description || undefined, photoIds: f.photos.map((p) => p.fileId as string) })),
    };
    const res = await api.post<{ id: string }>('/api/inspections', body);
    d = { ...d, status: 'sent', recordId: res.id, error: undefined };
    saveDraft(userId, d);
    return d;
  } catch (err) {
    d = isOffline(err) ? { ...d, status: 'queued' } : { ...d, status: 'failed', error: err instanceof Error ? err.message : '发送失败' };
    saveDraft(userId, d);
    return d;
  } finally {
    sending = false;
  }
}
