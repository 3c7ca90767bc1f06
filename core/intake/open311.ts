import { FOCUS_CATEGORY_LABELS, type FocusCategory } from '../categories.js';
import { isPhoneNumber } from '../validation.js';

/**
 * Open311 GeoReport v2 as an edge format (SPEC §5 "Interchange"): the focus categories are the
 * services; our richer states fold into open/closed with a plain-language status note. Pure
 * mapping and parameter checks; the server module does I/O.
 */

export interface Open311Service {
  service_code: string;
  service_name: string;
  description: string;
  metadata: false;
  type: 'realtime';
  keywords: string;
  group: string;
}

const SERVICE_NAMES: Record<FocusCategory, { name: string; keywords: string[] }> = {
  1: { name: '违规断水断电断气断暖', keywords: ['停水', '停电', '断气', '停暖', '欠费', '断水断电'] },
  2: { name: '擅自占用共用部位经营、放任违法违规', keywords: ['共用部位', '公共区域', '占用', '广告', '违建', '群租'] },
  3: { name: '泄露业主信息、骚扰恐吓、打击报复', keywords: ['泄露信息', '骚扰', '恐吓', '报复', '业委会'] },
  4: { name: '擅自撤离或拒不退出交接', keywords: ['撤离', '停止服务', '拒不退出', '交接', '合同到期'] },
  5: { name: '未按规定公示', keywords: ['公示', '收费标准', '公共收益', '投诉电话', '维保'] },
  6: { name: '擅自提价、不合理收费', keywords: ['乱收费', '涨价', '转供电', '加价', '停车费'] },
  0: { name: '其他物业服务问题', keywords: ['物业服务', '其他'] },
};

export const OPEN311_SERVICES: readonly Open311Service[] = ([1, 2, 3, 4, 5, 6, 0] as FocusCategory[]).map((c) => ({
  service_code: String(c),
  service_name: SERVICE_NAMES[c].name,
  description: FOCUS_CATEGORY_LABELS[c],
  metadata: false,
  type: 'realtime',
  keywords: SERVICE_NAMES[c].keywords.join(','),
  group: c === 0 ? '其他' : '物业服务专项整治重点问题',
}));

export function serviceByCode(code: string): Open311Service | undefined {
  return OPEN311_SERVICES.find((s) => s.service_code === code);
}

/** Plain-language status notes (for other systems and residents alike; no staff data). */
export const STATUS_NOTES: Record<string, string> = {
  received: '已受理，正在分派',
  dispatched: '已派发至承办部门',
  returned: '正在重新分派',
  accepted: '承办部门正在办理',
  handled: '已调查处理，正在拟写答复',
  reply_pending: '答复正在审核',
  replied: '已答复，等待回访',
  closed: '已办结',
  merged: '已与同一问题的其他线索合并办理',
};

export function open311Status(status: string): 'open' | 'closed' {
  return status === 'closed' || status === 'merged' ? 'closed' : 'open';
}

/** Internal states matching an Open311 status filter. */
export function statesFor(status: 'open' | 'closed'): string[] {
  return Object.keys(STATUS_NOTES).filter((s) => open311Status(s) === status);
}

/** ISO 8601 with the China offset (+08:00), as Open311 examples show local offsets. */
export function isoChina(date: Date | null | undefined): string | null {
  if (!date) return null;
  const local = new Date(date.getTime() + 8 * 3600 * 1000);
  return `${local.toISOString().slice(0, 19)}+08:00`;
}

const ISO_RE = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.\d{1,6})?)?(Z|[+-]\d{2}:?\d{2})?)?$/;

/** An ISO 8601 date or date-time; a date or a time without offset is China time. Null when invalid. */
export function parseIso8601(value: string): Date | null {
  const m = ISO_RE.exec(value.trim());
  if (!m) return null;
  let text = value.trim().replace(' ', 'T');
  if (!m[4]) text = `${text}T00:00:00+08:00`;
  else if (!m[7]) text = `${text}+08:00`;
  const d = new Date(text);
  if (Number.isNaN(d.getTime()) || Number(m[2]) > 12 || Number(m[3]) > 31) return null;
  return d;
}

export interface Open311Error {
  code: number;
  description: string;
}

export interface Open311NewRequest {
  serviceCode: string;
  category: FocusCategory;
  description: string;
  address: string | null;
  lat: number | null;
  long: number | null;
  contactName: string | null;
  contactPhone: string | null;
  email: string | null;
  mediaUrl: string | null;
  deviceId: string | null;
  accountId: string | null;
}

const str = (v: unknown): string => (typeof v === 'string' ? v.trim() : Array.isArray(v) ? str(v[0]) : v === undefined || v === null ? '' : String(v).trim());

/** Checks the fields of POST requests.json. Every problem is listed (Open311 allows an error array). */
export function parseNewRequest(body: Record<string, unknown>): { ok: true; request: Open311NewRequest } | { ok: false; errors: Open311Error[] } {
  const errors: Open311Error[] = [];
  const bad = (description: string) => errors.push({ code: 400, description });
  const serviceCode = str(body.service_code);
  const service = serviceByCode(serviceCode);
  if (!serviceCode) bad('service_code 必填：取值见 services.json');
  else if (!service) bad(`service_code「${serviceCode.slice(0, 20)}」不存在：取值见 services.json`);
  const description = str(body.description);
  if (description.length < 10) bad('description 必填，至少 10 个字，请写明小区、问题和时间');
  else if (description.length > 4000) bad('description 不能超过 4000 个字');
  const latText = str(body.lat);
  const longText = str(body.long);
  let lat: number | null = null;
  let long: number | null = null;
  if (latText || longText) {
    lat = Number(latText);
    long = Number(longText);
    if (!latText || !longText || !Number.isFinite(lat) || !Number.isFinite(long) || Math.abs(lat) > 90 || Math.abs(long) > 180) {
      bad('lat 与 long 须同时填写，且为有效的 WGS84 坐标（纬度 -90–90，经度 -180–180）');
      lat = null;
      long = null;
    }
  }
  const address = str(body.address_string) || str(body.address_id) || null;
  if (address && address.length > 200) bad('address_string 不能超过 200 个字');
  if (!address && (lat === null || long === null) && errors.every((e) => !e.description.startsWith('lat'))) {
    bad('须提供位置：lat 和 long，或 address_string');
  }
  const first = str(body.first_name);
  const last = str(body.last_name);
  const contactName = `${last}${first}`.trim() || null;
  if (contactName && contactName.length > 50) bad('first_name 与 last_name 合计不能超过 50 个字');
  const phone = str(body.phone).replace(/\s/g, '') || null;
  if (phone && !isPhoneNumber(phone)) bad('phone 格式不对：应为手机号或带区号的固定电话');
  const email = str(body.email) || null;
  if (email && (email.length > 120 || !/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(email))) bad('email 格式不对');
  const mediaUrl = str(body.media_url) || null;
  if (mediaUrl && (mediaUrl.length > 500 || !/^https?:\/\/[^\s]+$/.test(mediaUrl))) bad('media_url 应为 http(s) 地址，且不超过 500 个字符');
  const deviceId = str(body.device_id).slice(0, 100) || null;
  const accountId = str(body.account_id).slice(0, 100) || null;
  if (errors.length) return { ok: false, errors };
  return {
    ok: true,
    request: {
      serviceCode,
      category: Number(serviceCode) as FocusCategory,
      description,
      address,
      lat,
      long,
      contactName,
      contactPhone: phone,
      email,
      mediaUrl,
      deviceId,
      accountId,
    },
  };
}

export interface Open311Query {
  ids: string[] | null;
  serviceCodes: string[] | null;
  statuses: Array<'open' | 'closed'> | null;
  start: Date;
  end: Date;
  limit: number;
}

export const OPEN311_MAX_RESULTS = 1000;
const DEFAULT_WINDOW_DAYS = 90;

const list = (v: unknown): string[] =>
  str(v)
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);

/**
 * GET requests.json parameters. As the spec says: without dates the last 90 days; at most
 * 1000 results; service_request_id overrides every other filter.
 */
export function parseRequestQuery(q: Record<string, unknown>, now: Date): { ok: true; query: Open311Query } | { ok: false; errors: Open311Error[] } {
  const errors: Open311Error[] = [];
  const ids = list(q.service_request_id);
  if (ids.length > 100) errors.push({ code: 400, description: 'service_request_id 一次最多 100 个' });
  const codes = list(q.service_code);
  for (const c of codes) if (!serviceByCode(c)) errors.push({ code: 400, description: `service_code「${c.slice(0, 20)}」不存在` });
  const statuses = list(q.status);
  for (const s of statuses) if (s !== 'open' && s !== 'closed') errors.push({ code: 400, description: `status 只能是 open 或 closed，收到「${s.slice(0, 20)}」` });
  const startText = str(q.start_date);
  const endText = str(q.end_date);
  const start = startText ? parseIso8601(startText) : null;
  const end = endText ? parseIso8601(endText) : null;
  if (startText && !start) errors.push({ code: 400, description: 'start_date 应为 ISO 8601 时间，如 2026-03-01T00:00:00+08:00' });
  if (endText && !end) errors.push({ code: 400, description: 'end_date 应为 ISO 8601 时间，如 2026-03-31T23:59:59+08:00' });
  if (start && end && start > end) errors.push({ code: 400, description: 'start_date 不能晚于 end_date' });
  if (errors.length) return { ok: false, errors };
  const day = 24 * 3600 * 1000;
  const endAt = end ?? (start ? new Date(start.getTime() + DEFAULT_WINDOW_DAYS * day) : now);
  const startAt = start ?? new Date(endAt.getTime() - DEFAULT_WINDOW_DAYS * day);
  return {
    ok: true,
    query: {
      ids: ids.length ? ids : null,
      serviceCodes: codes.length ? codes : null,
      statuses: statuses.length ? (statuses as Array<'open' | 'closed'>) : null,
      start: startAt,
      end: endAt,
      limit: OPEN311_MAX_RESULTS,
    },
  };
}
