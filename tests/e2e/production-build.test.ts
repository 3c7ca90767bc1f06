import { describe, expect, inject, it } from 'vitest';

/*
 * `npm start` and `npm run build:web` always serve a production web build, even with
 * NODE_ENV=development in the environment (issue 15): React's development runtime (jsxDEV) in the
 * served bundle means a development build reached the users.
 */
describe('the served web bundle', () => {
  it('is a production build for the console and the portal', async () => {
    const base = inject('baseUrl');
    for (const page of ['/', '/portal']) {
      const html = await (await fetch(`${base}${page}`)).text();
      const scripts = [...html.matchAll(/<script[^>]+src="([^"]+)"/g)].map((m) => m[1] as string);
      const modules = [...html.matchAll(/<link[^>]+rel="modulepreload"[^>]+href="([^"]+)"/g)].map((m) => m[1] as string);
      expect(scripts.length).toBeGreaterThan(0);
      for (const src of [...scripts, ...modules]) {
        const js = await (await fetch(new URL(src, base))).text();
        expect(js.length).toBeGreaterThan(0);
        expect(js.includes('jsxDEV'), `${src} contains jsxDEV`).toBe(false);
      }
    }
  });

  it('hashed scripts go out compressed and cached for a year; pages are revalidated (issue 13)', async () => {
    const base = inject('baseUrl');
    const html = await fetch(`${base}/`);
    expect(html.headers.get('cache-control')).toBe('no-cache');
    const src = [...(await html.text()).matchAll(/<script[^>]+src="([^"]+)"/g)].map((m) => m[1] as string)[0];
    expect(src).toMatch(/^\/assets\/.+-[\w-]{8,}\.js$/);
    for (const encoding of ['br', 'gzip']) {
      const res = await fetch(new URL(src, base), { headers: { 'accept-encoding': encoding } });
      await res.arrayBuffer();
      expect(res.headers.get('content-encoding'), encoding).toBe(encoding);
      expect(res.headers.get('cache-control'), encoding).toBe('public, max-age=31536000, immutable');
    }
  });
});
