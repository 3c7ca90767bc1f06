import { AuditOutlined, ApartmentOutlined, ClusterOutlined, DashboardOutlined, TeamOutlined } from '@ant-design/icons';
import { lazy, type ComponentType, type LazyExoticComponent, type ReactNode } from 'react';
import type { Permission } from '../../../core/roles.js';

/**
 * The route table: one entry per page. It drives the menu (grouped by `group`), the guards
 * (a page whose permission the user lacks is neither shown nor reachable) and the titles.
 * The server enforces the same permissions on every API call; this only hides what it forbids.
 */
export interface AdminRoute {
  path: string;
  title: string;
  element: LazyExoticComponent<ComponentType>;
  permission?: Permission | Permission[];
  icon?: ReactNode;
  /** Menu group title; omit for top-level items. */
  group?: string;
  /** false = reachable but not in the menu (detail pages). */
  menu?: boolean;
}

export const MENU_GROUPS: Array<{ key: string; title: string; icon: ReactNode }> = [
  { key: 'work', title: '业务办理', icon: <DashboardOutlined /> },
  { key: 'registry', title: '基础台账', icon: <ClusterOutlined /> },
  { key: 'campaign', title: '专项行动', icon: <ApartmentOutlined /> },
  { key: 'system', title: '系统管理', icon: <TeamOutlined /> },
  { key: 'security', title: '安全审计', icon: <AuditOutlined /> },
];

export const ROUTES: AdminRoute[] = [
  { path: '/app', title: '工作台', element: lazy(() => import('../features/home/HomePage.js')), icon: <DashboardOutlined /> },
  { path: '/app/regions', title: '行政区划', group: 'system', permission: 'region:read', element: lazy(() => import('../features/regions/RegionsPage.js')) },
  { path: '/app/org-units', title: '单位与投诉电话', group: 'system', permission: 'org_unit:read', element: lazy(() => import('../features/org-units/OrgUnitsPage.js')) },
  { path: '/app/users', title: '用户管理', group: 'system', permission: 'user:manage', element: lazy(() => import('../features/users/UsersPage.js')) },
  { path: '/app/audit', title: '审计日志', group: 'security', permission: 'audit:read', element: lazy(() => import('../features/audit/AuditPage.js')) },
];
