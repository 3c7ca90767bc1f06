import { hostname } from 'node:os';
import { sql } from 'drizzle-orm';
import type { FastifyBaseLogger } from 'fastify';
import type { AppDeps } from '../deps.js';
import { type Db, queryRows } from '../db/client.js';
import { jobs } from '../db/schema/index.js';

export type JobHandler = (payload: Record<string, unknown>, deps: AppDeps) => Promise<void>;

interface Schedule {
  name: string;
  type: string;
  intervalSeconds: number;
}

const handlers = new Map<string, JobHandler>();
const schedules: Schedule[] = [];
const tickTasks = new Map<string, (deps: AppDeps) => Promise<unknown>>();

/** Modules register their job types at import time (see jobs/registry.ts). */
export function defineJob(type: string, handler: JobHandler) {
  handlers.set(type, handler);
}

/**
 * Work done on every tick without a job row (the messages outbox drain): the task claims its own
 * rows with FOR UPDATE SKIP LOCKED and must be safe to run on several instances at once.
 */
export function defineTickTask(name: string, task: (deps: AppDeps) => Promise<unknown>) {
  tickTasks.set(name, task);
}

export function defineSchedule(schedule: Schedule) {
  if (!schedules.some((s) => s.name === schedule.name)) schedules.push(schedule);
}

/** Enqueue a job, in the caller's transaction when given one. A dedupeKey keeps one live job per key. */
export async function enqueueJob(db: Db, type: string, payload: Record<string, unknown> = {}, opts: { runAt?: Date; dedupeKey?: string } = {}) {
  await db
    .insert(jobs)
    .values({ type, payload, runAt: opts.runAt ?? new Date(), dedupeKey: opts.dedupeKey ?? null })
    .onConflictDoNothing();
}

/**
 * Claims due jobs with FOR UPDATE SKIP LOCKED, so any number of app instances can run this loop
 * against one database without running a job twice. Failed jobs retry with backoff; a job
 * running for over 10 minutes is considered abandoned by a dead instance and is re-queued.
 */
export class JobRunner {
  #timer: NodeJS.Timeout | null = null;
  #running = false;
  readonly #worker = `${hostname()}:${process.pid}`;

  constructor(
    private readonly deps: AppDeps,
    private readonly log: FastifyBaseLogger,
    private readonly pollMs: number,
  ) {}

  async start() {
    for (const s of schedules) {
      await this.deps.db.execute(
        sql`INSERT INTO job_schedules (name, type, interval_seconds, next_run_at) VALUES (${s.name}, ${s.type}, ${s.intervalSeconds}, now())
            ON CONFLICT (name) DO UPDATE SET type = EXCLUDED.type, interval_seconds = EXCLUDED.interval_seconds`,
      );
    }
    this.#timer = setInterval(() => void this.tick(), this.pollMs);
  }

  async stop() {
    if (this.#timer) clearInterval(this.#timer);
    this.#timer = null;
    while (this.#running) await new Promise((r) => setTimeout(r, 20));
  }

  /** One pass: enqueue due schedules, then run due jobs. Returns the number of jobs run. */
  async tick(): Promise<number> {
    if (this.#running) return 0;
    this.#running = true;
    try {
      await this.enqueueDueSchedules();
      for (const [name, task] of tickTasks) {
        try {
          await task(this.deps);
        } catch (err) {
          this.log.error({ err, task: name }, 'tick task failed');
        }
      }
      let ran = 0;
      for (;;) {
        const claimed = await this.claim(5);
        if (claimed.length === 0) break;
        for (const job of claimed) {
          await this.runOne(job);
          ran++;
        }
      }
      return ran;
    } catch (err) {
      this.log.error({ err }, 'job runner tick failed');
      return 0;
    } finally {
      this.#running = false;
    }
  }

  private async enqueueDueSchedules() {
    const { db } = this.deps;
    await db.transaction(async (tx) => {
      const due = await queryRows<{ name: string; type: string; interval_seconds: number }>(
        tx,
        sql`SELECT name, type, interval_seconds FROM job_schedules WHERE next_run_at <= now() FOR UPDATE SKIP LOCKED`,
      );
      for (const s of due) {
        await enqueueJob(tx, s.type, {}, { dedupeKey: `schedule:${s.name}` });
        await tx.execute(sql`UPDATE job_schedules SET next_run_at = now() + make_interval(secs => ${s.interval_seconds}) WHERE name = ${s.name}`);
      }
    });
  }

  private async claim(limit: number) {
    return queryRows<{ id: number; type: string; payload: Record<string, unknown>; attempts: number; max_attempts: number }>(this.deps.db, sql`
      UPDATE jobs SET status = 'running', locked_at = now(), locked_by = ${this.#worker}, attempts = attempts + 1
      WHERE id IN (
        SELECT id FROM jobs
        WHERE (status = 'pending' AND run_at <= now())
           OR (status = 'running' AND locked_at < now() - interval '10 minutes')
        ORDER BY run_at
        FOR UPDATE SKIP LOCKED
        LIMIT ${limit}
      )
      RETURNING id, type, payload, attempts, max_attempts`);
  }

  private async runOne(job: { id: number; type: string; payload: Record<string, unknown>; attempts: number; max_attempts: number }) {
    const { db } = this.deps;
    const handler = handlers.get(job.type);
    try {
      if (!handler) throw new Error(`no handler for job type ${job.type}`);
      await handler(job.payload ?? {}, this.deps);
      // dedupe_key is released so the next scheduled run can enqueue again.
      await db.execute(sql`UPDATE jobs SET status = 'done', finished_at = now(), dedupe_key = NULL, last_error = NULL WHERE id = ${job.id}`);
    } catch (err) {
      const message = (err as Error).message?.slice(0, 2000) ?? String(err);
      const final = job.attempts >= job.max_attempts;
      this.log.warn({ jobId: job.id, type: job.type, err }, final ? 'job failed permanently' : 'job failed, will retry');
      await db.execute(sql`
        UPDATE jobs SET status = ${final ? 'failed' : 'pending'}, last_error = ${message},
          run_at = now() + make_interval(secs => ${Math.min(3600, 2 ** job.attempts * 15)}),
          dedupe_key = CASE WHEN ${final} THEN NULL ELSE dedupe_key END,
          finished_at = CASE WHEN ${final} THEN now() ELSE NULL END
        WHERE id = ${job.id}`);
    }
  }
}
