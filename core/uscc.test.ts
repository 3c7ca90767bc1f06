import { describe, expect, it } from 'vitest';
import {
  USCC_WEIGHTS,
  computeOrgCodeCheckChar,
  computeUsccCheckChar,
  generateUscc,
  isChecksumOnlyFailure,
  validateUscc,
} from './uscc.js';

const VERIFIED = ['91350200MA2YJ1XR9G', '913502000728319549', '91440101MA5CJQ4N59', '91350200776049653A', '9135021359498494XQ'];

describe('unified social credit code (GB 32100-2015)', () => {
  it('uses the weights 3^(i-1) mod 31', () => {
    expect(USCC_WEIGHTS).toEqual([1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28]);
  });

  it.each(VERIFIED)('accepts the verified sample %s and computes its check character', (code) => {
    const r = validateUscc(code);
    expect(r).toMatchObject({ ok: true, normalized: code, problems: [], message: null });
    expect(computeUsccCheckChar(code.slice(0, 17))).toBe(code[17]);
  });

  it('trims, upper-cases and folds full-width characters before checking', () => {
    expect(validateUscc('  91350200ma2yj1xr9g ').normalized).toBe('91350200MA2YJ1XR9G');
    expect(validateUscc('９１３５０２００ＭＡ２ＹＪ１ＸＲ９Ｇ').ok).toBe(true);
  });

  it('flags the known-bad registry code 91350203M0001QAY9B as a checksum-only failure', () => {
    const r = validateUscc('91350203M0001QAY9B');
    expect(r.ok).toBe(false);
    expect(r.problems).toEqual(['checksum']);
    expect(isChecksumOnlyFailure(r)).toBe(true);
    expect(r.message).toContain(`应为 ${r.expectedCheckChar}`);
    expect(r.expectedCheckChar).not.toBe('B');
    expect(r.message).toContain('人工确认');
  });

  it('rejects a one-character typo through the check character', () => {
    const r = validateUscc('91350200MA2YJ1XR8G');
    expect(r.problems).toEqual(['checksum']);
  });

  it('reports the wrong length with the actual count', () => {
    const r = validateUscc('91350200MA2YJ1XR9');
    expect(r.problems).toEqual(['length']);
    expect(r.message).toContain('当前为 17 位');
    expect(validateUscc('').problems).toEqual(['length']);
  });

  it('rejects the letters I, O, S, V and Z, naming them', () => {
    const r = validateUscc('91350200MA2YJ1XO9G');
    expect(r.problems).toContain('charset');
    expect(r.problems).not.toContain('checksum');
    expect(r.message).toContain('「O」');
    expect(isChecksumOnlyFailure(r)).toBe(false);
  });

  it('rejects a region part that is not six digits as a structure problem', () => {
    const first17 = '9135A200MA2YJ1XR9';
    const code = first17 + computeUsccCheckChar(first17);
    const r = validateUscc(code);
    expect(r.problems).toEqual(['structure']);
    expect(isChecksumOnlyFailure(r)).toBe(false);
  });

  it('computes the GB 11714 check digit of the organisation-code body', () => {
    expect(computeOrgCodeCheckChar('07283195')).toBe('4'); // 913502000728319549
    expect(computeOrgCodeCheckChar('MA2YJ1XR')).toBe('9'); // 91350200MA2YJ1XR9G
  });

  it('generates valid codes carrying the given region, deterministically for a seeded source', () => {
    let s = 42;
    const rand = () => {
      s = (s * 1103515245 + 12345) % 2 ** 31;
      return s / 2 ** 31;
    };
    const codes = Array.from({ length: 500 }, () => generateUscc('420111', rand));
    for (const c of codes) {
      expect(validateUscc(c).ok).toBe(true);
      expect(c.slice(2, 8)).toBe('420111');
      expect(computeOrgCodeCheckChar(c.slice(8, 16))).toBe(c[16]);
    }
    expect(new Set(codes).size).toBe(500);
    s = 42;
    expect(generateUscc('420111', rand)).toBe(codes[0]);
  });
});
