import type { FastifyInstance } from 'fastify';
import { sql } from 'drizzle-orm';
import type { AppDeps } from '../../deps.js';
import { migrationStatus } from '../../db/client.js';

export async function healthRoutes(app: FastifyInstance, { db }: AppDeps) {
  app.get('/healthz', { schema: { hide: true } }, async () => ({ status: 'ok' }));
  app.get('/readyz', { schema: { hide: true } }, async (_request, reply) => {
    try {
      await db.execute(sql`SELECT 1`);
      const m = await migrationStatus(db);
      if (m.applied < m.expected) {
        return reply.status(503).send({ status: 'migrations_pending', database: 'ok', migrations: m });
      }
      return { status: 'ready', database: 'ok', migrations: m };
    } catch (err) {
      return reply.status(503).send({ status: 'unavailable', database: 'error', message: (err as Error).message });
    }
  });
}
