/**
 * `npx tsx bench/pow-browser.ts` — the portal's bot-check solver in headless Chromium (decision 013).
 * Times finding the number 65,536 of a 2^17 ALTCHA challenge (the mean work of one bot check) with
 *  - the portal's solver (web/portal/components/proofOfWork.ts: @noble/hashes, synchronous, sliced),
 *  - altcha-lib's `solveChallenge` (one `await crypto.subtle.digest` per try, as the widget's workers),
 * at full speed and with the CPU throttled 4× (a low-end phone), and reports whether WebCrypto exists
 * on a plain-HTTP page served from a non-loopback address (as on an intranet) versus 127.0.0.1.
 * Set BENCH_HOST to a non-loopback address of this machine for the second check (default: first found).
 */
import { createServer } from 'node:http';
import { networkInterfaces } from 'node:os';
import { createChallenge } from 'altcha-lib';
import { build } from 'vite';
import { launchBrowser } from '../tests/e2e/browser.js';

const entry = `
import { solveChallenge } from 'altcha-lib';
import { solveInBrowser } from '/web/portal/components/proofOfWork.ts';
window.powBench = async (c, which) => {
  const t0 = performance.now();
  if (which === 'noble') {
    const s = await solveInBrowser(c);
    return { number: s.number, ms: performance.now() - t0 };
  }
  const s = await solveChallenge(c.challenge, c.salt, 'SHA-256', c.maxnumber).promise;
  return { number: s && s.number, ms: performance.now() - t0 };
};
window.probe = () => ({ secure: window.isSecureContext, subtle: typeof crypto.subtle });
`;

const out = await build({
  configFile: false,
  logLevel: 'silent',
  root: process.cwd(),
  plugins: [{ name: 'entry', resolveId: (id) => (id === 'virtual:pow-bench' ? id : null), load: (id) => (id === 'virtual:pow-bench' ? entry : null) }],
  build: { write: false, minify: true, rollupOptions: { input: 'virtual:pow-bench', output: { format: 'es' } } },
});
const chunk = (Array.isArray(out) ? out[0] : out) as { output: { type: string; code?: string }[] };
const js = chunk.output.find((o) => o.type === 'chunk')?.code as string;
const html = '<!doctype html><meta charset="utf-8"><script type="module" src="/bench.js"></script>';
const server = createServer((req, res) => {
  if (req.url === '/bench.js') res.writeHead(200, { 'content-type': 'text/javascript' }).end(js);
  else res.writeHead(200, { 'content-type': 'text/html' }).end(html);
});
await new Promise<void>((r) => server.listen(0, '0.0.0.0', r));
const port = (server.address() as { port: number }).port;
const lan =
  process.env.BENCH_HOST ??
  Object.values(networkInterfaces())
    .flat()
    .find((i) => i && i.family === 'IPv4' && !i.internal)?.address;

const challenge = { ...(await createChallenge({ hmacKey: 'bench', number: 65_536, maxnumber: 131_072 })), maxnumber: 131_072 };
const browser = await launchBrowser();
try {
  const page = await browser.newPage();
  await page.goto(`http://127.0.0.1:${port}/`);
  await page.waitForFunction(() => 'powBench' in window);
  console.log(`http://127.0.0.1 (loopback): ${JSON.stringify(await page.evaluate('probe()'))}`);
  const cdp = await page.context().newCDPSession(page);
  for (const rate of [1, 4]) {
    await cdp.send('Emulation.setCPUThrottlingRate', { rate });
    for (const which of ['noble', 'altcha-lib'] as const) {
      const ms: number[] = [];
      for (let i = 0; i < 3; i++) {
        const r = (await page.evaluate(([c, w]) => (window as any).powBench(c, w), [challenge, which] as const)) as { number: number; ms: number };
        if (r.number !== 65_536) throw new Error(`${which} found ${r.number}`);
        ms.push(r.ms);
      }
      ms.sort((a, b) => a - b);
      const median = ms[1];
      console.log(`CPU ×${rate} ${which.padEnd(10)} 65,537 hashes: median ${median.toFixed(0)} ms (${Math.round(65_537 / (median / 1000)).toLocaleString('en')} hashes/s); runs ${ms.map((m) => m.toFixed(0)).join(', ')} ms`);
    }
  }
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: 1 });
  if (lan) {
    await page.goto(`http://${lan}:${port}/`);
    await page.waitForFunction(() => 'powBench' in window);
    console.log(`http://${lan} (plain HTTP, not loopback): ${JSON.stringify(await page.evaluate('probe()'))}`);
    const r = await page.evaluate(([c]) => (window as any).powBench(c, 'altcha-lib').then((x: unknown) => JSON.stringify(x), (e: Error) => `error: ${e.message}`), [challenge] as const);
    console.log(`  altcha-lib solveChallenge there: ${r}`);
    const n = await page.evaluate(([c]) => (window as any).powBench(c, 'noble').then((x: { number: number; ms: number }) => `number ${x.number} in ${x.ms.toFixed(0)} ms`), [challenge] as const);
    console.log(`  portal solver there: ${n}`);
  }
} finally {
  await browser.close();
  server.close();
}
