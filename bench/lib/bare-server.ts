/**
 * The bare limits the real server is measured against: a Fastify app with the same validator
 * (zod via fastify-type-provider-zod) on the same kind of database, doing the least a route can do.
 *   GET  /hello  → { hello: 'world' }
 *   POST /bare   → validate { description, category? } and INSERT one row, 201 { id }
 * Started by bench/http.ts as its own process:
 *   PORT=… BARE_DATA_DIR=… (PGlite) | DATABASE_URL=… (PostgreSQL) node --import tsx bench/lib/bare-server.ts
 */
import { PGlite } from '@electric-sql/pglite';
import Fastify from 'fastify';
import { type ZodTypeProvider, serializerCompiler, validatorCompiler } from 'fastify-type-provider-zod';
import pg from 'pg';
import { z } from 'zod';

type Query = (text: string, params: unknown[]) => Promise<{ rows: Record<string, unknown>[] }>;

async function openDb(): Promise<Query> {
  const url = process.env.DATABASE_URL;
  if (url) {
    const pool = new pg.Pool({ connectionString: url, max: 10 });
    return (text, params) => pool.query(text, params);
  }
  const db = new PGlite({ dataDir: process.env.BARE_DATA_DIR });
  await db.waitReady;
  return (text, params) => db.query(text, params);
}

async function main() {
  const query = await openDb();
  await query(
    `CREATE TABLE IF NOT EXISTS bare_leads (id uuid PRIMARY KEY DEFAULT gen_random_uuid(), description text NOT NULL,
       category int NOT NULL DEFAULT 0, created_at timestamptz NOT NULL DEFAULT now())`,
    [],
  );
  const app = Fastify({ logger: false });
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  const r = app.withTypeProvider<ZodTypeProvider>();
  r.get('/hello', async () => ({ hello: 'world' }));
  r.post(
    '/bare',
    { schema: { body: z.object({ description: z.string().trim().min(5).max(5000), category: z.number().int().min(0).max(6).optional() }), response: { 201: z.object({ id: z.string() }) } } },
    async (request, reply) => {
      const { rows } = await query('INSERT INTO bare_leads (description, category) VALUES ($1, $2) RETURNING id', [request.body.description, request.body.category ?? 0]);
      return reply.status(201).send({ id: String(rows[0].id) });
    },
  );
  await app.listen({ port: Number(process.env.PORT ?? 3999), host: '127.0.0.1' });
  console.log('bare ready');
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
