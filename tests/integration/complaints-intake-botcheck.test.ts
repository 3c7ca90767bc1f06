import { createHash } from 'node:crypto';
import { count } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { complaints, intakeBotChallenges } from '../../server/db/schema/index.js';
import { createTestContext, expectStatus, type TestContext } from '../helpers/app.js';

/** The portal's bot check switched ON (the default outside tests): offline proof-of-work, single use. */
let t: TestContext;
let ipSeq = 1;
const nextIp = () => `10.30.0.${ipSeq++}`;

beforeAll(async () => {
  t = await createTestContext({ PORTAL_BOT_CHECK: 'on' });
});
afterAll(async () => {
  await t.close();
});

const challenge = async () => expectStatus(await t.app.inject({ method: 'GET', url: '/api/public/bot-check' }), 200);
const post = (payload: Record<string, unknown>) => t.app.inject({ method: 'POST', url: '/api/public/complaints', payload, remoteAddress: nextIp() });
const complaintCount = async () => (await t.db.select({ n: count() }).from(complaints))[0].n;

function zeroBits(buf: Buffer): number {
  let bits = 0;
  for (const b of buf) {
    if (b === 0) {
      bits += 8;
      continue;
    }
    return bits + Math.clz32(b) - 24;
  }
  return bits;
}
/** Solves the challenge independently of the server's code (node:crypto). */
function solve(text: string, difficulty: number): string {
  for (let i = 0; ; i++) {
    const nonce = i.toString(36);
    if (zeroBits(createHash('sha256').update(text + nonce).digest()) >= difficulty) return nonce;
  }
}
function wrongNonce(text: string, difficulty: number): string {
  for (let i = 0; ; i++) {
    const nonce = `w${i}`;
    if (zeroBits(createHash('sha256').update(text + nonce).digest()) < difficulty) return nonce;
  }
}

const form = { description: '物业以欠费为由停了整栋楼的暖气，已经三天了。', contactPhone: '13900003333' };

describe('bot check on', () => {
  it('issues a signed, expiring challenge of about 16 bits', async () => {
    const c = await challenge();
    expect(c.enabled).toBe(true);
    expect(c.difficulty).toBe(16);
    expect(c.challenge).toMatch(/^pow1\.16\.\d+\.[\w-]+\.[\w-]{43}$/);
    expect(new Date(c.expiresAt).getTime()).toBeGreaterThan(Date.now());
    const other = await challenge();
    expect(other.challenge).not.toBe(c.challenge);
  });

  it('refuses a submission without a solution, or with a wrong or tampered one', async () => {
    const before = await complaintCount();
    const none = expectStatus(await post(form), 422);
    expect(none.error.details.fields).toHaveProperty('botCheck');
    const c = await challenge();
    const wrong = expectStatus(await post({ ...form, botCheck: { challenge: c.challenge, nonce: wrongNonce(c.challenge, 16) } }), 422);
    expect(wrong.error.details.fields.botCheck).toContain('未通过');
    // An easier difficulty written into the challenge breaks its signature.
    const easy = c.challenge.replace('pow1.16.', 'pow1.8.');
    const tampered = expectStatus(await post({ ...form, botCheck: { challenge: easy, nonce: solve(easy, 8) } }), 422);
    expect(tampered.error.details.fields.botCheck).toContain('无效');
    expect(await complaintCount()).toBe(before);
  });

  it('accepts a solved challenge once; the same solution again is refused', async () => {
    const c = await challenge();
    const botCheck = { challenge: c.challenge, nonce: solve(c.challenge, c.difficulty) };
    const ok = expectStatus(await post({ ...form, botCheck }), 201);
    expect(ok.trackingCode).toMatch(/^[0-9A-Z]{10}$/);
    const again = expectStatus(await post({ ...form, botCheck }), 422);
    expect(again.error.details.fields.botCheck).toContain('已使用');
    expect((await t.db.select({ n: count() }).from(intakeBotChallenges))[0].n).toBeGreaterThanOrEqual(1);
  });

  it('a submission that fails after the check does not spend the challenge', async () => {
    const c = await challenge();
    const botCheck = { challenge: c.challenge, nonce: solve(c.challenge, c.difficulty) };
    const bad = expectStatus(await post({ ...form, projectId: '00000000-0000-4000-8000-000000000000', botCheck }), 422);
    expect(bad.error.details.fields).toHaveProperty('projectId');
    expectStatus(await post({ ...form, botCheck }), 201);
  });
});
