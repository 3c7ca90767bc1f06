import { OFFICIAL_REGION_CODE_RE } from './validation.js';

export const CODE_SOURCES = ['gb2260', 'nbs', 'custom'] as const;
export type CodeSource = (typeof CODE_SOURCES)[number];

/** Custom codes hang off the parent's code: 420100 → 420100-01, 420100-DH → 420100-DH-03. */
export function nextCustomCode(parentCode: string, siblingCodes: string[]): string {
  const prefix = `${parentCode}-`;
  let max = 0;
  for (const c of siblingCodes) {
    if (!c.startsWith(prefix)) continue;
    const n = Number.parseInt(c.slice(prefix.length), 10);
    if (Number.isInteger(n) && String(n).padStart(2, '0') === c.slice(prefix.length) && n > max) max = n;
  }
  return `${prefix}${String(max + 1).padStart(2, '0')}`;
}

export function isOfficialCode(code: string): boolean {
  return OFFICIAL_REGION_CODE_RE.test(code);
}

export function pathOf(parentPath: string | null, code: string): string {
  return `${parentPath ?? '/'}${code}/`;
}
