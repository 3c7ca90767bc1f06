/** Shared input rules used by server schemas and web forms alike. */
export const MOBILE_RE = /^1[3-9]\d{9}$/;
export const LANDLINE_RE = /^(0\d{2,3}-?)?\d{7,8}(-\d{1,6})?$/;
export const SERVICE_NUMBER_RE = /^(12345|12315|12358|110|119|120|122|96\d{3,4})$/;

/** Accepts a mobile (optionally +86), a landline with or without area code, or a service number. */
export function isPhoneNumber(value: string): boolean {
  const v = value.replace(/[\s()]/g, '').replace(/^(\+86|0086)/, '');
  return MOBILE_RE.test(v) || LANDLINE_RE.test(v) || SERVICE_NUMBER_RE.test(v);
}

export const REGION_CODE_RE = /^[0-9A-Z][0-9A-Z-]{1,31}$/;
export const OFFICIAL_REGION_CODE_RE = /^\d{6}$/;
export const USERNAME_RE = /^[a-zA-Z0-9][a-zA-Z0-9._-]{2,31}$/;
