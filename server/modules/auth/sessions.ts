import { and, eq, isNull, sql } from 'drizzle-orm';
import type { FastifyRequest } from 'fastify';
import type { OrgUnitType } from '../../../core/org.js';
import { isRole, permissionsFor } from '../../../core/roles.js';
import type { Db } from '../../db/client.js';
import { orgUnits, regions, sessions, users } from '../../db/schema/index.js';
import type { Env } from '../../env.js';
import type { Actor } from '../../http/actor.js';
import { randomToken, sha256 } from '../../lib/crypto.js';
import { ALL_CHANGED, announceLocally, changeFeedLive, onChange } from '../../db/changes.js';

import { totpRequiredFor } from './totp.js';

export const SESSION_COOKIE = 'sid';
/** last_seen_at is refreshed at most this often, to keep reads from becoming writes. */
const TOUCH_INTERVAL_MS = 30_000;

export async function createSession(db: Db, env: Env, userId: string, request: FastifyRequest): Promise<string> {
  const token = randomToken();
  // All session times from the application's clock (the idle check compares with Date.now()).
  const now = Date.now();
  await db.insert(sessions).values({
    id: sha256(token),
    userId,
    createdAt: new Date(now),
    lastSeenAt: new Date(now),
    expiresAt: new Date(now + env.SESSION_MAX_HOURS * 3600_000),
    ip: request.ip,
    userAgent: request.headers['user-agent']?.slice(0, 300) ?? null,
  });
  return token;
}

export async function revokeSession(db: Db, sessionId: string): Promise<void> {
  await db.update(sessions).set({ revokedAt: new Date() }).where(eq(sessions.id, sessionId));
  // Every instance drops it when the database announces the commit; this one at once.
  announceLocally(`session:${sessionId}`);
}

export async function revokeUserSessions(db: Db, userId: string, exceptSessionId?: string): Promise<void> {
  await db
    .update(sessions)
    .set({ revokedAt: new Date() })
    .where(
      and(
        eq(sessions.userId, userId),
        isNull(sessions.revokedAt),
        exceptSessionId ? sql`${sessions.id} <> ${exceptSessionId}` : undefined,
      ),
    );
  announceLocally(`user:${userId}`);
}

/** What GET /api/me shows beyond the Actor (names of the user's region and unit). */
export interface SessionProfile {
  user: { id: string; username: string; displayName: string; mustChangePassword: boolean };
  region: { id: number; code: string; name: string; level: string };
  orgUnit: { id: string; name: string; type: string } | null;
}

interface SessionEntry {
  userId: string;
  expiresAt: number;
  /** Last request seen (this instance's own, or the database's when loaded). */
  lastSeenAt: number;
  /** last_seen_at as last written to the database. */
  touchedAt: number;
  mustChangePassword: boolean;
  /** Production requires this user's role to have a second factor, and none is enrolled yet. */
  mustEnrolTotp: boolean;
  actor: Omit<Actor, 'ip' | 'requestId'>;
  profile: SessionProfile;
  loadedAt: number;
}

/**
 * Resolved sessions of one app instance, kept SESSION_CACHE_MS at most: a request then needs no
 * database round trip. A revoked session, a changed or disabled user is dropped when the database
 * announces the change (db/changes.ts: every instance, on commit), and the entry is only trusted
 * while that feed is live; expiry and idle time are checked on every request.
 */
export class SessionCache {
  readonly entries = new Map<string, SessionEntry>();
  private generation = 0;
  private readonly unsubscribe: () => void;

  constructor(readonly ttlMs = SESSION_CACHE_MS) {
    this.unsubscribe = onChange((payload) => this.forget(payload));
  }

  private forget(payload: string) {
    this.generation++;
    if (payload === ALL_CHANGED) this.entries.clear();
    else if (payload.startsWith('session:')) this.entries.delete(payload.slice(8));
    else if (payload.startsWith('user:')) {
      const userId = payload.slice(5);
      for (const [id, e] of this.entries) if (e.userId === userId) this.entries.delete(id);
    }
  }

  get(sessionId: string, now: number): SessionEntry | null {
    if (!changeFeedLive()) return null;
    const e = this.entries.get(sessionId);
    if (!e || now - e.loadedAt > this.ttlMs) return null;
    return e;
  }

  /** Stores an entry unless a change arrived while it was being loaded. */
  put(sessionId: string, entry: SessionEntry, generationAtLoad: number) {
    if (generationAtLoad !== this.generation || !changeFeedLive()) return;
    if (this.entries.size > 50_000) this.entries.clear();
    this.entries.set(sessionId, entry);
  }

  get currentGeneration() {
    return this.generation;
  }

  close() {
    this.unsubscribe();
    this.entries.clear();
  }
}

/** How long a resolved session is reused without asking the database (a safety net; changes are pushed). */
const SESSION_CACHE_MS = 10_000;

async function loadSession(db: Db, env: Env, sessionId: string, now: number): Promise<SessionEntry | null> {
  const [row] = await db
    .select({
      session: { userId: sessions.userId, expiresAt: sessions.expiresAt, lastSeenAt: sessions.lastSeenAt, revokedAt: sessions.revokedAt },
      user: {
        id: users.id,
        username: users.username,
        displayName: users.displayName,
        roles: users.roles,
        regionId: users.regionId,
        orgUnitId: users.orgUnitId,
        enterpriseId: users.enterpriseId,
        mustChangePassword: users.mustChangePassword,
        totpEnabledAt: users.totpEnabledAt,
        disabled: users.disabled,
      },
      regionCode: regions.code,
      regionPath: regions.path,
      regionName: regions.name,
      regionLevel: regions.level,
      orgUnitType: orgUnits.type,
      orgUnitName: orgUnits.name,
    })
    .from(sessions)
    .innerJoin(users, eq(users.id, sessions.userId))
    .innerJoin(regions, eq(regions.id, users.regionId))
    .leftJoin(orgUnits, eq(orgUnits.id, users.orgUnitId))
    .where(eq(sessions.id, sessionId));
  if (!row || row.session.revokedAt || row.user.disabled) return null;
  const { ip: _ip, requestId: _rid, ...actor } = toActor(row, { ip: null, requestId: null });
  return {
    userId: row.user.id,
    expiresAt: row.session.expiresAt.getTime(),
    lastSeenAt: row.session.lastSeenAt.getTime(),
    touchedAt: row.session.lastSeenAt.getTime(),
    mustChangePassword: row.user.mustChangePassword,
    mustEnrolTotp: !row.user.totpEnabledAt && totpRequiredFor(env, row.user.roles),
    actor,
    profile: {
      user: { id: row.user.id, username: row.user.username, displayName: row.user.displayName, mustChangePassword: row.user.mustChangePassword },
      region: { id: row.user.regionId, code: row.regionCode, name: row.regionName, level: row.regionLevel },
      orgUnit: row.user.orgUnitId && row.orgUnitType ? { id: row.user.orgUnitId, name: row.orgUnitName as string, type: row.orgUnitType } : null,
    },
    loadedAt: now,
  };
}

/**
 * Resolves a cookie token to the acting user. A revoked, expired or idle (no request for
 * SESSION_IDLE_MINUTES) session, or a disabled user, resolves to null. With a cache, a session
 * seen in the last few seconds is resolved from memory.
 */
export async function resolveSession(
  db: Db,
  env: Env,
  token: string,
  request: FastifyRequest,
  cache?: SessionCache,
): Promise<{ actor: Actor; sessionId: string; mustChangePassword: boolean; mustEnrolTotp: boolean; profile: SessionProfile } | null> {
  const sessionId = sha256(token);
  const now = Date.now();
  let entry = cache?.get(sessionId, now) ?? null;
  if (!entry) {
    const generation = cache?.currentGeneration ?? 0;
    entry = await loadSession(db, env, sessionId, now);
    if (!entry) return null;
    cache?.put(sessionId, entry, generation);
  }
  const idleLimit = env.SESSION_IDLE_MINUTES * 60_000;
  if (entry.expiresAt <= now || now - entry.lastSeenAt > idleLimit) {
    await revokeSession(db, sessionId);
    return null;
  }
  entry.lastSeenAt = now;
  if (now - entry.touchedAt > TOUCH_INTERVAL_MS) {
    entry.touchedAt = now;
    await db.update(sessions).set({ lastSeenAt: new Date(now) }).where(eq(sessions.id, sessionId));
  }
  return {
    sessionId,
    mustChangePassword: entry.mustChangePassword,
    mustEnrolTotp: entry.mustEnrolTotp,
    actor: { ...entry.actor, permissions: entry.actor.permissions, ip: request.ip, requestId: request.id },
    profile: entry.profile,
  };
}

interface ActorRow {
  user: { id: string; username: string; displayName: string; roles: string[]; regionId: number; orgUnitId: string | null; enterpriseId: string | null };
  regionCode: string;
  regionPath: string;
  orgUnitType: string | null;
}

/** The Actor of a user row joined with its region and org unit (roles → permissions). */
function toActor(row: ActorRow, origin: { ip: string | null; requestId: string | null }): Actor {
  const roles = row.user.roles.filter(isRole);
  return {
    kind: 'user',
    userId: row.user.id,
    username: row.user.username,
    displayName: row.user.displayName,
    roles,
    permissions: new Set(permissionsFor(roles, row.orgUnitType)),
    regionId: row.user.regionId,
    regionCode: row.regionCode,
    regionPath: row.regionPath,
    orgUnitId: row.user.orgUnitId,
    orgUnitType: (row.orgUnitType as OrgUnitType | null) ?? null,
    enterpriseId: row.user.enterpriseId,
    ...origin,
  };
}

/** The Actor of a user outside any request (demo seed, scripts); throws when the user does not exist. */
export async function loadActor(db: Db, userId: string): Promise<Actor> {
  const [row] = await db
    .select({ user: users, regionCode: regions.code, regionPath: regions.path, orgUnitType: orgUnits.type })
    .from(users)
    .innerJoin(regions, eq(regions.id, users.regionId))
    .leftJoin(orgUnits, eq(orgUnits.id, users.orgUnitId))
    .where(eq(users.id, userId));
  if (!row) throw new Error(`user ${userId} not found`);
  return toActor(row, { ip: null, requestId: null });
}
