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
});
