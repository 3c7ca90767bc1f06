import type { Permission, Role } from '../../core/roles.js';
import type { OrgUnitType } from '../../core/org.js';
import { forbidden } from './errors.js';

/** The acting user, passed as one object into every use case. */
export interface Actor {
  kind: 'user' | 'system';
  userId: string | null;
  username: string;
  displayName: string;
  roles: Role[];
  permissions: ReadonlySet<Permission>;
  regionId: number;
  regionCode: string;
  /** Materialised path of the user's region ("/420000/420100/"); the jurisdiction subtree. */
  regionPath: string;
  orgUnitId: string | null;
  orgUnitType: OrgUnitType | null;
  /** Enterprise users only: the company whose data they may see. */
  enterpriseId: string | null;
  ip: string | null;
  requestId: string | null;
}

export function can(actor: Actor, permission: Permission): boolean {
  return actor.permissions.has(permission);
}

export function requirePermission(actor: Actor, permission: Permission): void {
  if (!can(actor, permission)) throw forbidden();
}

export function isEnterpriseUser(actor: Actor): boolean {
  return actor.enterpriseId !== null && actor.roles.includes('enterprise_user');
}

/** Jobs and seeds act as the system, scoped to a region root (whole tree by default). */
export function systemActor(name = 'system', regionPath = '/', allPermissions: Permission[] = []): Actor {
  return {
    kind: 'system',
    userId: null,
    username: name,
    displayName: '系统',
    roles: [],
    permissions: new Set(allPermissions),
    regionId: 0,
    regionCode: '',
    regionPath,
    orgUnitId: null,
    orgUnitType: null,
    enterpriseId: null,
    ip: null,
    requestId: null,
  };
}
