import { existsSync, readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, type TestContext } from '../helpers/app.js';

/*
 * @fastify/helmet (issue 14): a Content-Security-Policy and the standard headers on every response —
 * pages, API answers, errors and unknown paths — and pages that work under it (no inline script).
 */

let t: TestContext;
beforeAll(async () => {
  t = await createTestContext();
});
afterAll(() => t.close());

function expectHeaders(res: { headers: Record<string, unknown> }, what: string) {
  const csp = String(res.headers['content-security-policy'] ?? '');
  expect(csp, what).toContain("default-src 'self'");
  expect(csp, what).toContain("script-src 'self';");
  expect(csp, what).toContain("frame-ancestors 'none'");
  expect(csp, what).toContain("object-src 'none'");
  expect(csp, what).not.toMatch(/script-src[^;]*unsafe/);
  expect(res.headers['x-content-type-options'], what).toBe('nosniff');
  expect(res.headers['x-frame-options'], what).toBe('DENY');
  expect(res.headers['referrer-policy'], what).toBe('same-origin');
  expect(res.headers['strict-transport-security'], what).toBeDefined();
  expect(res.headers['cross-origin-opener-policy'], what).toBe('same-origin');
}

describe('security headers on every response', () => {
  it('API: public, signed in, validation error, 401 and unknown route', async () => {
    const cookie = await t.login('district-housing');
    const cases = [
      ['GET /api/health', await t.app.inject({ method: 'GET', url: '/api/health' })],
      ['GET /api/me', await t.as(cookie, { method: 'GET', url: '/api/me' })],
      ['GET /api/me anonymous (401)', await t.app.inject({ method: 'GET', url: '/api/me' })],
      ['POST /api/auth/login {} (422)', await t.app.inject({ method: 'POST', url: '/api/auth/login', payload: {} })],
      ['GET /api/nothing-here (404)', await t.app.inject({ method: 'GET', url: '/api/nothing-here' })],
      ['GET /open311/v2/services.json', await t.app.inject({ method: 'GET', url: '/open311/v2/services.json' })],
    ] as const;
    for (const [what, res] of cases) expectHeaders(res, what);
  });

  it('pages: console and portal (built) — and they contain no inline script the policy would block', async () => {
    const built = existsSync('web/dist/index.html');
    const pages = built ? ['web/dist/index.html', 'web/dist/portal.html'] : ['web/index.html', 'web/portal.html'];
    for (const file of pages) {
      const html = readFileSync(file, 'utf8');
      const scripts = [...html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/g)];
      expect(scripts.length, file).toBeGreaterThan(0);
      for (const [, attrs, body] of scripts) {
        expect(attrs, file).toMatch(/\bsrc=/);
        expect(body.trim(), file).toBe('');
      }
      expect(html, file).not.toMatch(/\son[a-z]+=/i); // no inline event handlers (script-src-attr 'none')
    }
    if (!built) return; // the server serves pages only after `npm run build:web`
    for (const url of ['/', '/portal', '/app/complaints', '/login']) {
      const res = await t.app.inject({ method: 'GET', url });
      expect(res.statusCode, url).toBe(200);
      expectHeaders(res, url);
    }
  });
});
