/**
 * Benchmark: what telling people costs the lead paths (issue 17).
 *   npx tsx bench/dispatch.ts [leads=200]
 * Registers and dispatches leads through the real HTTP routes on embedded PGlite (each dispatch
 * publishes `lead.dispatched`), then times `publishMessage` alone (one INSERT in a transaction),
 * and the outbox drain that later fans the events out (off the request path).
 */
import { performance } from 'node:perf_hooks';
import { sql } from 'drizzle-orm';
import { queryRows } from '../server/db/client.js';
import { fanOutEvents } from '../server/modules/messages/messages.fanout.js';
import { publishMessage } from '../server/modules/messages/publish.js';
import { startBenchApp } from './lib/app.js';

const LEADS = Number(process.argv[2] ?? 200);

async function main() {
  const bench = await startBenchApp();
  const { app, db } = bench;
  const cookie = await bench.cookieFor('district-housing');
  const [unit] = await queryRows<{ id: string }>(db, sql`SELECT id FROM org_units WHERE name = '东湖风景区市场监督管理局'`);
  const [project] = await queryRows<{ id: string }>(db, sql`SELECT p.id FROM projects p JOIN regions r ON r.id = p.region_id WHERE r.path LIKE '%/420100-DH/%' LIMIT 1`);
  const ms = (xs: number[]) => {
    const s = [...xs].sort((a, b) => a - b);
    return `median ${s[Math.floor(s.length / 2)].toFixed(2)} ms, p95 ${s[Math.floor(s.length * 0.95)].toFixed(2)} ms`;
  };

  const create: number[] = [];
  const dispatch: number[] = [];
  for (let i = 0; i < LEADS; i++) {
    let t0 = performance.now();
    const res = await app.inject({
      method: 'POST',
      url: '/api/complaints',
      headers: { cookie },
      payload: { channel: 'phone', description: `小区电梯坏了一个多月没人修，维保单位也不公示（${i}）`, contactPhone: '13900001234', projectId: project.id },
    });
    create.push(performance.now() - t0);
    const { id } = res.json() as { id: string };
    t0 = performance.now();
    const d = await app.inject({ method: 'POST', url: `/api/complaints/${id}/dispatch`, headers: { cookie }, payload: { leadOrgUnitId: unit.id } });
    dispatch.push(performance.now() - t0);
    if (d.statusCode !== 200) throw new Error(`dispatch ${d.statusCode} ${d.body}`);
  }
  console.log(`lead create (POST /api/complaints): ${ms(create)}`);
  console.log(`lead dispatch (publishes lead.dispatched): ${ms(dispatch)}`);

  const publish: number[] = [];
  for (let i = 0; i < LEADS; i++) {
    const t0 = performance.now();
    await db.transaction((tx) =>
      publishMessage(tx, { kind: 'lead.dispatched', recipients: [{ type: 'unit', orgUnitId: unit.id }], record: { type: 'complaint', id: `bench-${i}` }, link: '/app/complaints/x', vars: { trackingCode: `B${i}` } }),
    );
    publish.push(performance.now() - t0);
  }
  console.log(`publishMessage alone (one INSERT, own transaction): ${ms(publish)}`);

  const t0 = performance.now();
  let events = 0;
  for (;;) {
    const n = await fanOutEvents({ db, database: bench.database, env: bench.env, cipher: bench.cipher });
    if (!n) break;
    events += n;
  }
  const spent = performance.now() - t0;
  console.log(`fan-out (off the request path): ${events} events in ${spent.toFixed(0)} ms (${(spent / Math.max(events, 1)).toFixed(2)} ms/event)`);
  await bench.close();
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
