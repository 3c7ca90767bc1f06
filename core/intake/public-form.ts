import { LANDLINE_RE, MOBILE_RE } from '../validation.js';

/**
 * Rules of the portal's complaint form (no login), shared by the server and the portal page.
 * A resident may stay anonymous; otherwise a phone number is required so the lead can be
 * followed up (回访). Only mainland mobiles and landlines — not service numbers like 12345.
 */
export const PUBLIC_DESCRIPTION_MIN = 5;
export const PUBLIC_DESCRIPTION_MAX = 2000;
export const PUBLIC_MAX_PHOTOS = 6;
export const PUBLIC_PHOTO_MAX_BYTES = 5 * 1024 * 1024;

/** Normalised resident phone (spaces, brackets and a +86 prefix removed), or null when it is not one. */
export function normaliseResidentPhone(value: string): string | null {
  const v = value.replace(/[\s()（）]/g, '').replace(/^(\+86|0086)/, '');
  if (MOBILE_RE.test(v)) return v;
  if (LANDLINE_RE.test(v) && /^0\d{2,3}-?\d{7,8}(-\d{1,6})?$/.test(v)) return v;
  return null;
}

export interface PublicComplaintInput {
  description: string;
  contactName?: string | null;
  contactPhone?: string | null;
  anonymous?: boolean;
}

/** Field errors of the form (empty object when valid). */
export function checkPublicComplaint(input: PublicComplaintInput): Record<string, string> {
  const fields: Record<string, string> = {};
  const description = (input.description ?? '').trim();
  if (description.length < PUBLIC_DESCRIPTION_MIN) fields.description = `请把问题写清楚一些（至少 ${PUBLIC_DESCRIPTION_MIN} 个字）：哪个小区、什么事、什么时候`;
  else if (description.length > PUBLIC_DESCRIPTION_MAX) fields.description = `问题描述不能超过 ${PUBLIC_DESCRIPTION_MAX} 个字`;
  if (!input.anonymous) {
    const phone = (input.contactPhone ?? '').trim();
    // The phone is optional: without one the resident follows the lead and rates the reply by
    // tracking code, and the lead is treated as unreachable for the phone follow-up.
    if (phone && !normaliseResidentPhone(phone)) fields.contactPhone = '电话格式不对：请填写 11 位手机号，或带区号的固定电话（如 027-85551234）';
    const name = (input.contactName ?? '').trim();
    if (name.length > 30) fields.contactName = '姓名不超过 30 个字';
  }
  return fields;
}
