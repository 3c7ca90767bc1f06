/**
 * Roles and permissions (SPEC §2). The server checks a permission string on every route;
 * the web only hides what the server would refuse anyway.
 */
export const ROLES = [
  'supervisor',
  'coordinator',
  'dept_officer',
  'dept_leader',
  'inspector',
  'street_staff',
  'enterprise_user',
  'admin',
  'auditor',
] as const;
export type Role = (typeof ROLES)[number];

export const ROLE_LABELS: Record<Role, string> = {
  supervisor: '监督员（依法治办）',
  coordinator: '统筹协调（房管牵头）',
  dept_officer: '部门经办人',
  dept_leader: '部门负责人',
  inspector: '执法检查员',
  street_staff: '街道/社区工作人员',
  enterprise_user: '物业企业用户',
  admin: '系统管理员',
  auditor: '安全审计员',
};

export const PERMISSIONS = [
  'region:read',
  'region:manage',
  'org_unit:read',
  'org_unit:manage',
  'user:manage',
  'audit:read',
  'reference:manage',
  'enterprise:read',
  'enterprise:manage',
  'enterprise:confirm_checksum',
  'project:read',
  'project:manage',
  'disclosure:manage',
  'campaign:read',
  'campaign:manage',
  'complaint:read',
  'complaint:create',
  'complaint:import',
  'complaint:dispatch',
  'complaint:handle',
  'complaint:approve',
  'complaint:reveal_contact',
  'complaint:supervise',
  'problem:read',
  'problem:manage',
  'problem:review',
  'problem:submit',
  'enforcement:read',
  'enforcement:create',
  'credit:read',
  'credit:manage',
  'case:manage',
  'case:approve',
  'dashboard:read',
  'commitment:read',
  'commitment:issue',
  'commitment:sign',
  'self_inspection:read',
  'self_inspection:file',
  'self_inspection:decide',
  'hotline:manage',
  'hotline:check',
  'notice:receive',
  'inspection:read',
  'inspection:manage',
  'inspection:record',
  'report:read',
  'report:submit',
  'report:review',
  'outcome:manage',
] as const;
export type Permission = (typeof PERMISSIONS)[number];

const STAFF_READ: Permission[] = [
  'region:read',
  'org_unit:read',
  'enterprise:read',
  'project:read',
  'campaign:read',
  'complaint:read',
  'problem:read',
  'enforcement:read',
  'credit:read',
  'dashboard:read',
  'commitment:read',
  'self_inspection:read',
  'inspection:read',
  'report:read',
];

export const ROLE_PERMISSIONS: Record<Role, readonly Permission[]> = {
  supervisor: [
    ...STAFF_READ,
    'audit:read',
    'complaint:supervise',
    'complaint:reveal_contact',
    'problem:review',
    'case:approve',
    'hotline:check',
    'report:review',
  ],
  coordinator: [
    ...STAFF_READ,
    'inspection:manage',
    'inspection:record',
    'enterprise:manage',
    'enterprise:confirm_checksum',
    'project:manage',
    'disclosure:manage',
    'campaign:manage',
    'complaint:create',
    'complaint:import',
    'complaint:dispatch',
    'complaint:handle',
    'complaint:reveal_contact',
    'problem:manage',
    'problem:review',
    'enforcement:create',
    'credit:manage',
    'case:manage',
    'commitment:issue',
    'self_inspection:decide',
    'hotline:manage',
    'hotline:check',
    'report:submit',
    'report:review',
    'outcome:manage',
  ],
  dept_officer: [
    ...STAFF_READ,
    'inspection:manage',
    'inspection:record',
    'enterprise:manage',
    'project:manage',
    'disclosure:manage',
    'complaint:create',
    'complaint:handle',
    'complaint:reveal_contact',
    'problem:manage',
    'problem:review',
    'enforcement:create',
    'case:manage',
    'commitment:issue',
    'self_inspection:decide',
    'hotline:manage',
    'outcome:manage',
  ],
  dept_leader: [
    ...STAFF_READ,
    'inspection:manage',
    'inspection:record',
    'enterprise:manage',
    'enterprise:confirm_checksum',
    'project:manage',
    'disclosure:manage',
    'complaint:create',
    'complaint:handle',
    'complaint:approve',
    'complaint:reveal_contact',
    'problem:manage',
    'problem:review',
    'enforcement:create',
    'credit:manage',
    'case:manage',
    'case:approve',
    'commitment:issue',
    'self_inspection:decide',
    'hotline:manage',
    'outcome:manage',
  ],
  inspector: [...STAFF_READ, 'complaint:create', 'problem:manage', 'problem:review', 'disclosure:manage', 'inspection:record'],
  street_staff: [...STAFF_READ, 'complaint:create', 'problem:manage', 'hotline:manage', 'outcome:manage'],
  enterprise_user: [
    'enterprise:read',
    'project:read',
    'problem:read',
    'problem:submit',
    'credit:read',
    'disclosure:manage',
    'commitment:read',
    'commitment:sign',
    'self_inspection:read',
    'self_inspection:file',
    'notice:receive',
    'inspection:read',
  ],
  admin: ['region:read', 'region:manage', 'org_unit:read', 'org_unit:manage', 'user:manage', 'reference:manage', 'campaign:read'],
  auditor: ['audit:read'],
};

/**
 * Permissions a role gains in a unit of a given type: the unit's remit, not the role, decides
 * them. The development & credit department (发改/经发局) keeps the credit records and the
 * blacklist (S3 §二), so its officers manage credit even though officers elsewhere do not.
 */
export const UNIT_TYPE_GRANTS: Partial<Record<string, Partial<Record<Role, readonly Permission[]>>>> = {
  credit: { dept_officer: ['credit:manage'] },
};

export function permissionsFor(roles: readonly Role[], orgUnitType?: string | null): Permission[] {
  const set = new Set<Permission>();
  for (const role of roles) {
    for (const p of ROLE_PERMISSIONS[role] ?? []) set.add(p);
    for (const p of (orgUnitType && UNIT_TYPE_GRANTS[orgUnitType]?.[role]) || []) set.add(p);
  }
  return [...set].sort();
}

export function isRole(value: string): value is Role {
  return (ROLES as readonly string[]).includes(value);
}
