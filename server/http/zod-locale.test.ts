import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import './zod-locale.js';

const HAN = /[\u4e00-\u9fff]/;

describe('zod messages in Chinese', () => {
  const schema = z.object({
    name: z.string(),
    phone: z.string().describe('联系电话'),
    age: z.number().int().min(18),
    kind: z.enum(['a', 'b']),
    email: z.email(),
    when: z.iso.date(),
    tags: z.array(z.string()).max(1),
    own: z.string().min(2, '至少两个字'),
  });

  it('gives every issue a Chinese message without English type names, with the schema label', () => {
    const r = schema.safeParse({ age: 3.5, kind: 'c', email: 'x', when: '2026-02-30', tags: ['1', '2'], own: 'x' });
    expect(r.success).toBe(false);
    const byPath = Object.fromEntries((r.error?.issues ?? []).map((i) => [i.path.join('.'), i.message]));
    expect(byPath.name).toBe('此项为必填项');
    expect(byPath.phone).toBe('请填写联系电话');
    expect(byPath.own).toBe('至少两个字');
    for (const [path, message] of Object.entries(byPath)) {
      expect(message, path).toMatch(HAN);
      expect(message, path).not.toMatch(/\b(string|number|undefined|Invalid|expected|received)\b/);
    }
    expect(z.number().safeParse('x').error?.issues[0].message).toBe('无效输入：期望 数字，实际接收 文本');
  });
});
