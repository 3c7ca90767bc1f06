import { createHash } from 'node:crypto';
import { solveChallenge } from 'altcha-lib';
import { count } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { complaints, intakeBotChallenges } from '../../server/db/schema/index.js';
import { spendBotCheck } from '../../server/modules/complaints-intake/bot-check.js';
import { createTestContext, expectStatus, type TestContext } from '../helpers/app.js';

/** The portal's bot check switched ON (the default outside tests): ALTCHA proof-of-work, single use. */
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
const sha256Hex = (text: string) => createHash('sha256').update(text).digest('hex');

/** Solves the challenge as any ALTCHA client would, independently of the portal's solver (altcha-lib, WebCrypto). */
async function solve(c: { algorithm: string; challenge: string; salt: string; signature: string; maxnumber: number }) {
  const found = await solveChallenge(c.challenge, c.salt, 'SHA-256', c.maxnumber).promise;
  if (!found) throw new Error('no solution');
  return { algorithm: c.algorithm, challenge: c.challenge, number: found.number, salt: c.salt, signature: c.signature };
}

const form = { description: '物业以欠费为由停了整栋楼的暖气，已经三天了。', contactPhone: '13900003333' };

describe('bot check on', () => {
  it('issues a signed, expiring ALTCHA challenge of 2^17 numbers', async () => {
    const c = await challenge();
    expect(c).toMatchObject({ enabled: true, algorithm: 'SHA-256', maxnumber: 131_072, difficulty: 131_072 });
    expect(c.challenge).toMatch(/^[0-9a-f]{64}$/);
    expect(c.signature).toMatch(/^[0-9a-f]{64}$/);
    const expires = Number(/[?&]expires=(\d+)/.exec(c.salt)?.[1]) * 1000;
    expect(new Date(c.expiresAt).getTime()).toBe(expires);
    expect(expires).toBeGreaterThan(Date.now() + 9 * 60_000);
    const other = await challenge();
    expect(other.challenge).not.toBe(c.challenge);
    expect(other.salt).not.toBe(c.salt);
  });

  it('refuses a submission without a solution, or with a wrong, forged or tampered one', async () => {
    const before = await complaintCount();
    const none = expectStatus(await post(form), 422);
    expect(none.error.details.fields).toHaveProperty('botCheck');
    const c = await challenge();
    const solved = await solve(c);
    const wrong = expectStatus(await post({ ...form, botCheck: { ...solved, number: solved.number + 1 } }), 422);
    expect(wrong.error.details.fields.botCheck).toContain('未通过');
    // A later expiry written into the salt no longer hashes to the signed challenge.
    const later = c.salt.replace(/expires=\d+/, 'expires=9999999999');
    const extended = expectStatus(await post({ ...form, botCheck: { ...solved, salt: later } }), 422);
    expect(extended.error.details.fields.botCheck).toContain('未通过');
    // A challenge of the client's own making (easy number, own hash) carries no valid signature.
    const forged = { ...solved, challenge: sha256Hex(`${c.salt}1`), number: 1 };
    expect(expectStatus(await post({ ...form, botCheck: forged }), 422).error.details.fields.botCheck).toContain('未通过');
    const junk = expectStatus(await post({ ...form, botCheck: { challenge: c.challenge, nonce: '1' } }), 422);
    expect(junk.error.details.fields.botCheck).toContain('无效');
    expect(await complaintCount()).toBe(before);
  });

  it('accepts a solved challenge once; the same solution again is refused', async () => {
    const c = await challenge();
    const botCheck = await solve(c);
    const ok = expectStatus(await post({ ...form, botCheck }), 201);
    expect(ok.trackingCode).toMatch(/^[0-9A-Z]{10}$/);
    const again = expectStatus(await post({ ...form, botCheck }), 422);
    expect(again.error.details.fields.botCheck).toContain('已使用');
    // The widget's encoding (base64 of the same JSON) is the same solution: also spent.
    const encoded = Buffer.from(JSON.stringify(botCheck)).toString('base64');
    expect(expectStatus(await post({ ...form, botCheck: encoded }), 422).error.details.fields.botCheck).toContain('已使用');
    expect((await t.db.select({ n: count() }).from(intakeBotChallenges))[0].n).toBeGreaterThanOrEqual(1);
  });

  it('accepts the ALTCHA widget encoding (base64 JSON) of a solution', async () => {
    const botCheck = Buffer.from(JSON.stringify(await solve(await challenge()))).toString('base64');
    expectStatus(await post({ ...form, botCheck }), 201);
  });

  it('a submission that fails after the check does not spend the challenge', async () => {
    const c = await challenge();
    const botCheck = await solve(c);
    const bad = expectStatus(await post({ ...form, projectId: '00000000-0000-4000-8000-000000000000', botCheck }), 422);
    expect(bad.error.details.fields).toHaveProperty('projectId');
    expectStatus(await post({ ...form, botCheck }), 201);
  });

  it('an expired solution is refused as expired', async () => {
    const c = await challenge();
    const botCheck = await solve(c);
    const afterExpiry = new Date(c.expiresAt).getTime() + 1000;
    await expect(spendBotCheck(t.db, t.env, t.cipher, botCheck, afterExpiry)).rejects.toMatchObject({
      details: { fields: { botCheck: expect.stringContaining('已过期') } },
    });
  });
});
