/**
 * 统一社会信用代码 (GB 32100-2015). Pure and isomorphic: the server validates with it and the
 * web shows the same message while the user types.
 *
 * 18 characters: 登记管理部门代码 (1) · 机构类别代码 (1) · 登记管理机关行政区划码 (6 digits) ·
 * 主体标识码 (9, the GB 11714 organisation code) · 校验码 (1). Character set excludes I, O, S, V, Z.
 * Check character: c = 31 − (Σ value_i × 3^(i−1) mod 31 over positions 1–17) mod 31; 31 → 0.
 *
 * Real registries contain a few codes that fail only the check character, so a code whose sole
 * problem is the checksum can be accepted after a person with permission confirms it
 * (see `isChecksumOnlyFailure`).
 */
export const USCC_CHARSET = '0123456789ABCDEFGHJKLMNPQRTUWXY';
export const USCC_LENGTH = 18;
export const USCC_STRUCTURE_RE = /^[0-9A-HJ-NPQRTUWXY]{2}\d{6}[0-9A-HJ-NPQRTUWXY]{10}$/;

/** 3^(i−1) mod 31 for positions 1–17. */
export const USCC_WEIGHTS: readonly number[] = Array.from({ length: 17 }, (_, i) => {
  let w = 1;
  for (let k = 0; k < i; k++) w = (w * 3) % 31;
  return w;
});

export const USCC_PROBLEMS = ['length', 'charset', 'structure', 'checksum'] as const;
export type UsccProblem = (typeof USCC_PROBLEMS)[number];

export interface UsccResult {
  ok: boolean;
  /** Trimmed, upper-cased, full-width characters folded to ASCII, inner spaces removed. */
  normalized: string;
  problems: UsccProblem[];
  /** One Chinese sentence saying what is wrong and how to fix it; null when ok. */
  message: string | null;
  /** The check character the first 17 characters call for (when they can be evaluated). */
  expectedCheckChar: string | null;
}

/** Folds full-width ASCII (ＡＢＣ１２３, common in Chinese office files) and removes whitespace. */
export function normalizeUscc(input: string): string {
  return input
    .replace(/[\uFF01-\uFF5E]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0))
    .replace(/[\s\u3000]+/g, '')
    .toUpperCase();
}

/** Check character for the first 17 characters (which must all be in the charset). */
export function computeUsccCheckChar(first17: string): string {
  const body = normalizeUscc(first17);
  if (body.length !== 17) throw new Error('computeUsccCheckChar needs exactly 17 characters');
  let sum = 0;
  for (let i = 0; i < 17; i++) {
    const v = USCC_CHARSET.indexOf(body[i]);
    if (v < 0) throw new Error(`character ${body[i]} is not in the USCC charset`);
    sum += v * USCC_WEIGHTS[i];
  }
  const c = 31 - (sum % 31);
  return USCC_CHARSET[c === 31 ? 0 : c];
}

export function validateUscc(input: string): UsccResult {
  const normalized = normalizeUscc(input ?? '');
  const problems: UsccProblem[] = [];
  const messages: string[] = [];
  let expectedCheckChar: string | null = null;

  if (normalized.length === 0) {
    return { ok: false, normalized, problems: ['length'], message: '请填写统一社会信用代码（18 位）', expectedCheckChar };
  }
  if (normalized.length !== USCC_LENGTH) {
    problems.push('length');
    messages.push(`统一社会信用代码应为 18 位，当前为 ${normalized.length} 位`);
  }
  const bad = [...new Set([...normalized].filter((c) => !USCC_CHARSET.includes(c)))];
  if (bad.length) {
    problems.push('charset');
    const forbiddenLetters = bad.filter((c) => 'IOSVZ'.includes(c));
    messages.push(
      `含有不允许的字符「${bad.join('」「')}」` +
        (forbiddenLetters.length ? '（代码中不使用字母 I、O、S、V、Z，请核对是否为数字 1、0、5、2 等）' : '（只能是数字和大写字母）'),
    );
  }
  if (!problems.length && !USCC_STRUCTURE_RE.test(normalized)) {
    problems.push('structure');
    messages.push('第 3–8 位应为 6 位数字的登记管理机关行政区划码');
  }
  if (normalized.length === USCC_LENGTH && !bad.length) {
    expectedCheckChar = computeUsccCheckChar(normalized.slice(0, 17));
    if (expectedCheckChar !== normalized[17]) {
      problems.push('checksum');
      messages.push(
        `统一社会信用代码校验位不正确（第 18 位应为 ${expectedCheckChar}，实为 ${normalized[17]}），请对照营业执照核对前 17 位` +
          (problems.length === 1 ? '；如确认与执照一致，可由有权限的人员人工确认后保存' : ''),
      );
    }
  }
  const ok = problems.length === 0;
  return { ok, normalized, problems, message: ok ? null : messages.join('；'), expectedCheckChar };
}

/** The only failure is the check character: a person with permission may confirm the code. */
export function isChecksumOnlyFailure(result: UsccResult): boolean {
  return result.problems.length === 1 && result.problems[0] === 'checksum';
}

const ORG_CODE_WEIGHTS = [3, 7, 9, 10, 5, 8, 4, 2];
const orgCodeValue = (c: string) => (c >= '0' && c <= '9' ? c.charCodeAt(0) - 48 : c.charCodeAt(0) - 55);

/** GB 11714 check digit of an 8-character organisation code body (positions 9–16 of a USCC). */
export function computeOrgCodeCheckChar(body8: string): string {
  let sum = 0;
  for (let i = 0; i < 8; i++) sum += orgCodeValue(body8[i]) * ORG_CODE_WEIGHTS[i];
  const c = 11 - (sum % 11);
  return c === 10 ? 'X' : c === 11 ? '0' : String(c);
}

/**
 * A valid code for a made-up company (seeds, tests, benchmarks): 9 (市场监管) 1 (企业), the
 * given six-digit region, a random 8-character body with its GB 11714 check digit, and the
 * GB 32100 check character. `random` returns [0, 1) — pass a seeded PRNG for determinism.
 */
export function generateUscc(regionCode6: string, random: () => number = Math.random): string {
  if (!/^\d{6}$/.test(regionCode6)) throw new Error('generateUscc needs a six-digit region code');
  // "MA" bodies are what registries have issued since 2015; older ones are all digits.
  const modern = random() < 0.6;
  const digits = '0123456789';
  const letters = 'ABCDEFGHJKLMNPQRTUWXY';
  const pick = (set: string) => set[Math.floor(random() * set.length)];
  let body = modern ? 'MA' : '';
  while (body.length < 8) body += modern && random() < 0.4 ? pick(letters) : pick(digits);
  const orgCheck = computeOrgCodeCheckChar(body);
  const first17 = `91${regionCode6}${body}${orgCheck}`;
  return first17 + computeUsccCheckChar(first17);
}
