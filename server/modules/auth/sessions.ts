import { and, eq, isNull, sql } from 'drizzle-orm';
import type { FastifyRequest } from 'fastify';
import type { OrgUnitType } from '../../../core/org.js';
import { isRole, permissionsFor } from '../../../core/roles.js';
import type { Db } from '../../db/client.js';
import { orgUnits, regions, sessions, users } from '../../db/schema/index.js';
import type { Env } from '../../env.js';
import type { Actor } from '../../http/actor.js';
import { randomToken, sha256 } from '../../lib/crypto.js';

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
}

/**
 * Resolves a cookie token to the acting user. A revoked, expired or idle (no request for
 * SESSION_IDLE_MINUTES) session, or a disabled user, resolves to null.
 */
export async function resolveSession(
  db: Db,
  env: Env,
  token: string,
  request: FastifyRequest,
): Promise<{ actor: Actor; sessionId: string; mustChangePassword: boolean; mustEnrolTotp: boolean } | null> {
  const sessionId = sha256(token);
  const [row] = await db
    .select({
      session: sessions,
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
      orgUnitType: orgUnits.type,
    })
    .from(sessions)
    .innerJoin(users, eq(users.id, sessions.userId))
    .innerJoin(regions, eq(regions.id, users.regionId))
    .leftJoin(orgUnits, eq(orgUnits.id, users.orgUnitId))
    .where(eq(sessions.id, sessionId));
  if (!row || row.session.revokedAt || row.user.disabled) return null;
  const now = Date.now();
  const idleLimit = env.SESSION_IDLE_MINUTES * 60_000;
  if (row.session.expiresAt.getTime() <= now || now - row.session.lastSeenAt.getTime() > idleLimit) {
    await revokeSession(db, sessionId);
    return null;
  }
  if (now - row.session.lastSeenAt.getTime() > TOUCH_INTERVAL_MS) {
    await db.update(sessions).set({ lastSeenAt: new Date(now) }).where(eq(sessions.id, sessionId));
  }
  return {
    sessionId,
    mustChangePassword: row.user.mustChangePassword,
    mustEnrolTotp: !row.user.totpEnabledAt && totpRequiredFor(env, row.user.roles),
    actor: toActor(row, { ip: request.ip, requestId: request.id }),
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
