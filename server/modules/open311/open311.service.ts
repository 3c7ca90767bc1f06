import { type SQL, and, desc, eq, gte, inArray, lte, or, sql } from 'drizzle-orm';
import type { FastifyRequest } from 'fastify';
import { PUBLIC_STATUS_LABELS } from '../../../core/complaints/labels.js';
import type { ComplaintStatus } from '../../../core/complaints/state-machine.js';
import {
  type Open311NewRequest,
  type Open311Query,
  isoChina,
  open311Status,
  serviceByCode,
  statesFor,
} from '../../../core/intake/open311.js';
import { redactPersonalData } from '../../../core/redaction/index.js';
import type { AppDeps } from '../../app.js';
import type { Db } from '../../db/client.js';
import { complaints, open311ApiKeys, open311Requests, orgUnits, projects, regions } from '../../db/schema/index.js';
import { type Actor, systemActor } from '../../http/actor.js';
import { createComplaint } from '../complaints/complaints.service.js';
import type { ApiKeyRow } from './open311.keys.js';

/**
 * Open311 GeoReport v2 requests (SPEC §5 "Interchange"). Posting needs an API key; the key's
 * client acts as a system actor named after it, so its leads and audit rows say where they
 * came from. Reads never carry the complainant's name, phone or e-mail, and personal data a
 * resident wrote into the description is redacted.
 */

export function keyActor(key: ApiKeyRow, request: FastifyRequest): Actor {
  return {
    ...systemActor(`open311:${key.name}`, key.regionPath, ['complaint:create']),
    displayName: `Open311 接口：${key.name}`,
    regionId: key.regionId,
    ip: request.ip,
    requestId: request.id,
  };
}

export const SERVICE_NOTICE = '已受理。请凭 service_request_id（查询码）查询办理进度；一般在 15 个工作日内答复。';

export async function postRequest(deps: AppDeps, key: ApiKeyRow, actor: Actor, req: Open311NewRequest) {
  const created = await deps.db.transaction(async (tx) => {
    const result = await createComplaint(tx, deps, actor, {
      channel: 'open311',
      description: req.description,
      contactName: req.contactName,
      contactPhone: req.contactPhone,
      address: req.address,
      regionId: key.regionId,
      category: req.category,
    });
    await tx.insert(open311Requests).values({
      complaintId: result.id,
      apiKeyId: key.id,
      lat: req.lat,
      long: req.long,
      emailEnc: deps.cipher.encrypt(req.email),
      mediaUrl: req.mediaUrl,
      deviceId: req.deviceId,
      accountId: req.accountId,
    });
    await tx.update(open311ApiKeys).set({ lastUsedAt: new Date() }).where(eq(open311ApiKeys.id, key.id));
    return result;
  });
  return [{ service_request_id: created.trackingCode, service_notice: SERVICE_NOTICE, account_id: req.accountId }];
}

const columns = {
  trackingCode: complaints.trackingCode,
  status: complaints.status,
  category: complaints.category,
  description: complaints.description,
  address: complaints.address,
  receivedAt: complaints.receivedAt,
  updatedAt: complaints.updatedAt,
  dueAt: complaints.dueAt,
  agency: orgUnits.name,
  projectAddress: projects.address,
  projectName: projects.name,
  projectLat: projects.lat,
  projectLng: projects.lng,
  lat: open311Requests.lat,
  long: open311Requests.long,
  mediaUrl: open311Requests.mediaUrl,
};
interface Row {
  trackingCode: string;
  status: string;
  category: number;
  description: string;
  address: string | null;
  receivedAt: Date;
  updatedAt: Date;
  dueAt: Date | null;
  agency: string | null;
  projectAddress: string | null;
  projectName: string | null;
  projectLat: number | null;
  projectLng: number | null;
  lat: number | null;
  long: number | null;
  mediaUrl: string | null;
}

function present(r: Row) {
  const service = serviceByCode(String(r.category));
  const keep = [r.projectName, r.projectAddress, r.address].filter((v): v is string => !!v);
  return {
    service_request_id: r.trackingCode,
    status: open311Status(r.status),
    status_notes: PUBLIC_STATUS_LABELS[r.status as ComplaintStatus] ?? null,
    service_name: service?.service_name ?? null,
    service_code: service?.service_code ?? null,
    description: redactPersonalData(r.description, { keep }).text,
    agency_responsible: r.agency ?? null,
    service_notice: null,
    requested_datetime: isoChina(r.receivedAt),
    updated_datetime: isoChina(r.updatedAt),
    expected_datetime: isoChina(r.dueAt),
    address: r.address ?? r.projectAddress ?? null,
    address_id: null,
    zipcode: null,
    lat: r.lat ?? r.projectLat ?? null,
    long: r.long ?? r.projectLng ?? null,
    media_url: r.mediaUrl ?? null,
  };
}

/**
 * Which leads an Open311 reader sees: confidential leads (保密) only with an API key whose
 * region covers them; every other lead in the platform (status, category and redacted text only).
 */
function visibility(key: ApiKeyRow | null): SQL {
  const open = sql`${complaints.confidential} = false`;
  if (!key) return open;
  const pattern = `${key.regionPath.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
  return or(open, sql`${complaints.regionId} IN (SELECT ${regions.id} FROM ${regions} WHERE ${regions.path} LIKE ${pattern})`) as SQL;
}

function baseQuery(db: Db) {
  return db
    .select(columns)
    .from(complaints)
    .leftJoin(orgUnits, eq(orgUnits.id, complaints.leadOrgUnitId))
    .leftJoin(projects, eq(projects.id, complaints.projectId))
    .leftJoin(open311Requests, eq(open311Requests.complaintId, complaints.id));
}

export async function getRequest(db: Db, key: ApiKeyRow | null, trackingCode: string) {
  const code = trackingCode.trim().toUpperCase();
  if (!/^[0-9A-Z]{6,20}$/.test(code)) return null;
  const [row] = await baseQuery(db).where(and(eq(complaints.trackingCode, code), visibility(key)));
  return row ? present(row) : null;
}

export async function listRequests(db: Db, key: ApiKeyRow | null, q: Open311Query) {
  const conds: SQL[] = [visibility(key)];
  if (q.ids) {
    conds.push(inArray(complaints.trackingCode, q.ids.map((id) => id.toUpperCase())));
  } else {
    conds.push(gte(complaints.receivedAt, q.start), lte(complaints.receivedAt, q.end));
    if (q.serviceCodes) conds.push(inArray(complaints.category, q.serviceCodes.map(Number)));
    if (q.statuses && q.statuses.length === 1) conds.push(inArray(complaints.status, statesFor(q.statuses[0])));
  }
  const rows = await baseQuery(db)
    .where(and(...conds))
    .orderBy(desc(complaints.receivedAt))
    .limit(q.limit);
  return rows.map(present);
}
