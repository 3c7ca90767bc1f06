import { and, asc, eq, gte, inArray, isNull, or, sql } from 'drizzle-orm';
import type { FastifyRequest } from 'fastify';
import { normaliseResidentPhone } from '../../../core/intake/public-form.js';
import type { AppDeps } from '../../deps.js';
import { type Db, escapeLike } from '../../db/client.js';
import { enterprises, files, projects, regions } from '../../db/schema/index.js';
import { type Actor, systemActor } from '../../http/actor.js';
import { recordAudit } from '../../http/audit.js';
import { validationFailed } from '../../http/errors.js';
import { checkUpload, recordFile, writeUpload } from '../../lib/files.js';
import { createComplaint } from '../complaints/complaints.service.js';
import { recordSmsConsent } from '../messages/messages.service.js';
import { publishMessage } from '../messages/publish.js';
import { serviceAreaRegionId } from '../regions/regions.service.js';
import { spendBotCheck } from './bot-check.js';
import type { PublicComplaintBody } from './intake.schemas.js';

/** Files uploaded on the portal and not yet attached to a lead. */
export const PUBLIC_UPLOAD_ENTITY = 'public_upload';
/** How long an unattached portal upload may still be attached to a submission. */
const UPLOAD_CLAIM_HOURS = 24;

/** The portal acts as the system user "public" (no login), keeping the caller's IP and request id for the audit trail. */
export function publicActor(request: FastifyRequest): Actor {
  return { ...systemActor('public', '/', ['complaint:create']), displayName: '群众（门户网站）', ip: request.ip, requestId: request.id };
}


/**
 * Project picker of the portal form: the project's name or address contains q, or its company's
 * name does (registered name, or the short name residents use: "听涛" and "听涛物业" both find
 * 武汉听涛物业服务有限公司's estates). Project-name matches first. Only what a resident needs to
 * recognise the estate.
 */
export async function searchProjects(db: Db, q: string) {
  const term = q.trim();
  if (!term) return [];
  const pattern = `%${escapeLike(term)}%`;
  // The short name: the registered name without a leading province/city and without what follows 物业.
  const shortName = sql`substring(${enterprises.name} from '^(?:[^省]{2,3}省)?(?:[^市]{2,3}市)?[^物]{2}([^物]{2,}?物业)')`;
  const companyMatches =
    [...term].length >= 4 ? sql`(${enterprises.name} ILIKE ${pattern} OR strpos(${term}::text, ${shortName}) > 0)` : sql`${enterprises.name} ILIKE ${pattern}`;
  return db
    .select({ id: projects.id, name: projects.name, address: projects.address, regionName: regions.name })
    .from(projects)
    .innerJoin(regions, eq(regions.id, projects.regionId))
    .leftJoin(enterprises, eq(enterprises.id, projects.enterpriseId))
    .where(or(sql`${projects.name} ILIKE ${pattern}`, sql`${projects.address} ILIKE ${pattern}`, companyMatches))
    .orderBy(
      sql`CASE WHEN ${projects.name} ILIKE ${`${escapeLike(term)}%`} THEN 0 WHEN ${projects.name} ILIKE ${pattern} THEN 1 WHEN ${companyMatches} THEN 2 ELSE 3 END`,
      asc(projects.name),
    )
    .limit(20);
}

/** Stores a photo from the portal (JPG/PNG/WEBP by content, ≤ 5 MB) as an unattached upload. */
export async function storePublicUpload(deps: AppDeps, actor: Actor, file: { buffer: Buffer; fileName: string }, maxBytes: number) {
  const check = checkUpload(file.buffer, ['jpeg', 'png', 'webp'], maxBytes);
  if (!check.ok) throw validationFailed({ file: check.message });
  const stored = await writeUpload(deps.env.DATA_DIR, file.buffer, check.type, file.fileName);
  return deps.db.transaction(async (tx) => {
    const fileId = await recordFile(tx, stored, { entityType: PUBLIC_UPLOAD_ENTITY, entityId: null, uploadedBy: null });
    await recordAudit(tx, actor, {
      action: 'complaint.public_upload',
      entityType: 'file',
      entityId: fileId,
      after: { mime: stored.mime, size: stored.size, sha256: stored.sha256 },
    });
    return { fileId };
  });
}

/**
 * A lead from the portal form. Bot check, lead, attachments and audit rows are written in one
 * transaction; the tracking code is returned only after it committed.
 */
export async function submitPublicComplaint(deps: AppDeps, actor: Actor, body: PublicComplaintBody): Promise<{ trackingCode: string }> {
  const { db, env, cipher } = deps;
  const anonymous = body.anonymous === true;
  const photoIds = [...new Set(body.photoIds ?? [])];

  const created = await db.transaction(async (tx) => {
    await spendBotCheck(tx, env, cipher, body.botCheck);

    let regionId: number | null = null;
    if (body.projectId) {
      const [project] = await tx.select({ regionId: projects.regionId }).from(projects).where(eq(projects.id, body.projectId));
      if (!project) throw validationFailed({ projectId: '所选小区不存在，请重新搜索选择，或不选小区、直接填写地址' });
      regionId = project.regionId;
    } else if (body.regionCode) {
      const [region] = await tx.select({ id: regions.id }).from(regions).where(eq(regions.code, body.regionCode));
      if (!region) throw validationFailed({ regionCode: '请从列表中选择所在区、街道' });
      regionId = region.id;
    } else {
      // No district: the lead waits in the coordinators' 待确定属地 box of the service area, with a deadline.
      regionId = await serviceAreaRegionId(tx);
    }

    if (photoIds.length) {
      const since = new Date(Date.now() - UPLOAD_CLAIM_HOURS * 3600 * 1000);
      const claimable = await tx
        .select({ id: files.id })
        .from(files)
        .where(and(inArray(files.id, photoIds), eq(files.entityType, PUBLIC_UPLOAD_ENTITY), isNull(files.entityId), gte(files.createdAt, since)))
        .for('update');
      if (claimable.length !== photoIds.length) throw validationFailed({ photoIds: '照片已失效或已被使用，请重新上传' });
      // Hand them to the complaints service as unclaimed complaint attachments; it links them to the lead.
      await tx.update(files).set({ entityType: 'complaint' }).where(inArray(files.id, photoIds));
    }

    const phone = anonymous ? null : normaliseResidentPhone(body.contactPhone ?? '');
    const result = await createComplaint(tx, deps, actor, {
      channel: 'web',
      description: body.description.trim(),
      contactName: anonymous ? null : body.contactName?.trim() || null,
      contactPhone: phone,
      projectId: body.projectId ?? null,
      address: body.address?.trim() || null,
      regionId,
      enterpriseName: body.projectId ? null : body.enterpriseName?.trim() || null,
      anonymous,
      confidential: body.confidential === true,
      attachments: photoIds,
    });
    // The resident's receipt by SMS: the tracking code and the portal link only (never the text).
    if (phone && body.smsConsent !== false) {
      await recordSmsConsent(tx, result.id);
      await publishMessage(tx, {
        kind: 'complaint.received',
        recipients: [{ type: 'complainant', complaintId: result.id }],
        record: { type: 'complaint', id: result.id },
        link: `/app/complaints/${result.id}`,
        vars: { trackingCode: result.trackingCode },
        // The receipt answers the resident's own submission a moment ago: not held by quiet hours.
        urgent: true,
      });
    }
    return result;
  });
  return { trackingCode: created.trackingCode };
}
