import { type SQL, and, desc, eq, gte, inArray, lte } from 'drizzle-orm';
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
import type { AppDeps } from '../../deps.js';
import type { Db } from '../../db/client.js';
import { complaints, open311ApiKeys, open311Requests, orgUnits, projects } from '../../db/schema/index.js';
import { type Actor, systemActor } from '../../http/actor.js';
import { regionScope } from '../../http/scope.js';
import { createComplaint } from '../complaints/complaints.service.js';
import type { ApiKeyRow } from './open311.keys.js';

/**
 * Open311 GeoReport v2 requests (SPEC §5 "Interchange"). Posting and reading need an API key;
 * the key's client acts as a system actor named after it, so its leads and audit rows say where
 * they came from, and it reads only leads in its key's region subtree. `service_request_id` is
 * the lead's uuid, never the tracking code (查询码): the code is the resident's only secret for
 * the tracking page and for rating the reply, so it goes back once, in the POST response's
 * `service_notice`, to the system that relays it to the resident. Reads never carry the
 * complainant's name, phone or e-mail; the description and a free-text address are redacted
 * (with the complainant's own name as a known name).
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

/** The POST response's notice: the tracking code is for the resident only (relay it, do not publish it). */
export function serviceNotice(trackingCode: string): string {
  return `已受理。查询码 ${trackingCode}：请仅转告投诉人本人，凭查询码在门户网站查询办理进度、评价答复（查询码不会出现在任何查询接口中）；一般在 15 个工作日内答复。`;
}

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
  return [{ service_request_id: created.id, service_notice: serviceNotice(created.trackingCode), account_id: req.accountId }];
}

const columns = {
  id: complaints.id,
  contactNameEnc: complaints.contactNameEnc,
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
  id: string;
  contactNameEnc: string | null;
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

type Cipher = AppDeps['cipher'];

/**
 * The published address: the project's registered address when the lead names a project,
 * otherwise the resident's free text with rooms, phones, ID numbers and names removed.
 */
function publicAddress(r: Row, knownNames: string[]): string | null {
  if (r.projectAddress) return r.projectAddress;
  if (!r.address) return null;
  return redactPersonalData(r.address, { knownNames }).text;
}

function present(cipher: Cipher, r: Row) {
  const service = serviceByCode(String(r.category));
  // Only registry data is kept verbatim; the resident's own address text is redacted like the rest.
  const keep = [r.projectName, r.projectAddress].filter((v): v is string => !!v);
  const name = r.contactNameEnc ? cipher.decrypt(r.contactNameEnc) : null;
  const knownNames = name ? [name] : [];
  return {
    service_request_id: r.id,
    status: open311Status(r.status),
    status_notes: PUBLIC_STATUS_LABELS[r.status as ComplaintStatus] ?? null,
    service_name: service?.service_name ?? null,
    service_code: service?.service_code ?? null,
    description: redactPersonalData(r.description, { keep, knownNames }).text,
    agency_responsible: r.agency ?? null,
    service_notice: null,
    requested_datetime: isoChina(r.receivedAt),
    updated_datetime: isoChina(r.updatedAt),
    expected_datetime: isoChina(r.dueAt),
    address: publicAddress(r, knownNames),
    address_id: null,
    zipcode: null,
    lat: r.lat ?? r.projectLat ?? null,
    long: r.long ?? r.projectLng ?? null,
    media_url: r.mediaUrl ?? null,
  };
}

/**
 * Which leads an Open311 reader sees. With an API key: every lead (confidential 保密 ones
 * included) whose region lies in the key's region subtree, and nothing else. Without a key (the
 * GeoReport standard's public reads): every lead except confidential ones. Either way the
 * presentation carries no contact and a redacted description (decision 008).
 */
function visibility(key: ApiKeyRow | null): SQL {
  if (!key) return eq(complaints.confidential, false);
  return regionScope(systemActor(`open311:${key.name}`, key.regionPath), complaints.regionId);
}

const UUID_RE = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

function baseQuery(db: Db) {
  return db
    .select(columns)
    .from(complaints)
    .leftJoin(orgUnits, eq(orgUnits.id, complaints.leadOrgUnitId))
    .leftJoin(projects, eq(projects.id, complaints.projectId))
    .leftJoin(open311Requests, eq(open311Requests.complaintId, complaints.id));
}

/** One lead by its service_request_id (the complaint's uuid) the reader may see; null when unknown or not visible. */
export async function getRequest(deps: Pick<AppDeps, 'db' | 'cipher'>, key: ApiKeyRow | null, serviceRequestId: string) {
  const id = serviceRequestId.trim().toLowerCase();
  if (!UUID_RE.test(id)) return null;
  const [row] = await baseQuery(deps.db).where(and(eq(complaints.id, id), visibility(key)));
  return row ? present(deps.cipher, row) : null;
}

export async function listRequests(deps: Pick<AppDeps, 'db' | 'cipher'>, key: ApiKeyRow | null, q: Open311Query) {
  const conds: SQL[] = [visibility(key)];
  if (q.ids) {
    const ids = q.ids.map((id) => id.toLowerCase()).filter((id) => UUID_RE.test(id));
    if (!ids.length) return [];
    conds.push(inArray(complaints.id, ids));
  } else {
    conds.push(gte(complaints.receivedAt, q.start), lte(complaints.receivedAt, q.end));
    if (q.serviceCodes) conds.push(inArray(complaints.category, q.serviceCodes.map(Number)));
    if (q.statuses && q.statuses.length === 1) conds.push(inArray(complaints.status, statesFor(q.statuses[0])));
  }
  const rows = await baseQuery(deps.db)
    .where(and(...conds))
    .orderBy(desc(complaints.receivedAt))
    .limit(q.limit);
  return rows.map((r) => present(deps.cipher, r));
}
