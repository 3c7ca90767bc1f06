import { AuditOutlined, ApartmentOutlined, BarChartOutlined, ClusterOutlined, DashboardOutlined, TeamOutlined } from '@ant-design/icons';
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
  { key: 'ledger', title: '整改与执法', icon: <AuditOutlined /> },
  { key: 'registry', title: '基础台账', icon: <ClusterOutlined /> },
  { key: 'campaign', title: '专项行动', icon: <ApartmentOutlined /> },
  { key: 'reports', title: '统计与报表', icon: <BarChartOutlined /> },
  { key: 'system', title: '系统管理', icon: <TeamOutlined /> },
  { key: 'security', title: '安全审计', icon: <AuditOutlined /> },
];

export const ROUTES: AdminRoute[] = [
  { path: '/app', title: '工作台', element: lazy(() => import('../features/home/HomePage.js')), icon: <DashboardOutlined /> },
  { path: '/app/complaints', title: '线索收件箱', group: 'work', permission: 'complaint:read', element: lazy(() => import('../features/complaints/InboxPage.js')) },
  { path: '/app/complaints/new', title: '登记线索', group: 'work', permission: 'complaint:create', element: lazy(() => import('../features/complaints/NewComplaintPage.js')) },
  { path: '/app/complaints/import', title: '12345 工单导入', group: 'work', permission: 'complaint:import', element: lazy(() => import('../features/complaints/ImportPage.js')) },
  { path: '/app/complaints/hot-spots', title: '投诉热点', group: 'work', permission: 'complaint:read', element: lazy(() => import('../features/complaints/HotSpotsPage.js')) },
  { path: '/app/complaints/recall', title: '回访抽查', group: 'work', permission: 'complaint:supervise', element: lazy(() => import('../features/complaints/RecallPage.js')) },
  { path: '/app/complaints/:id', title: '线索详情', group: 'work', menu: false, permission: 'complaint:read', element: lazy(() => import('../features/complaints/ComplaintDetailPage.js')) },
  { path: '/app/problems', title: '问题台账', group: 'ledger', permission: 'problem:read', element: lazy(() => import('../features/problems/ProblemsPage.js')) },
  { path: '/app/problems/:id', title: '问题详情', group: 'ledger', menu: false, permission: 'problem:read', element: lazy(() => import('../features/problems/ProblemDetailPage.js')) },
  { path: '/app/opinions', title: '意见建议清单', group: 'ledger', permission: ['problem:manage', 'problem:review'], element: lazy(() => import('../features/opinions/OpinionsPage.js')) },
  { path: '/app/enforcement', title: '执法文书', group: 'ledger', permission: 'enforcement:read', element: lazy(() => import('../features/enforcement/EnforcementPage.js')) },
  { path: '/app/enforcement/new', title: '新建执法文书', group: 'ledger', menu: false, permission: 'enforcement:create', element: lazy(() => import('../features/enforcement/EnforcementFormPage.js')) },
  { path: '/app/enforcement/:id', title: '执法文书详情', group: 'ledger', menu: false, permission: 'enforcement:read', element: lazy(() => import('../features/enforcement/EnforcementDetailPage.js')) },
  { path: '/app/credit', title: '信用管理', group: 'ledger', permission: 'credit:read', element: lazy(() => import('../features/credit/CreditPage.js')) },
  { path: '/app/credit/enterprises/:id', title: '企业信用', group: 'ledger', menu: false, permission: 'credit:read', element: lazy(() => import('../features/credit/EnterpriseCreditPage.js')) },
  { path: '/app/cases', title: '典型案例', group: 'ledger', permission: ['case:manage', 'case:approve'], element: lazy(() => import('../features/cases/CasesPage.js')) },
  { path: '/app/cases/:id', title: '典型案例详情', group: 'ledger', menu: false, permission: ['case:manage', 'case:approve'], element: lazy(() => import('../features/cases/CaseDetailPage.js')) },
  { path: '/app/enterprises', title: '物业服务企业', group: 'registry', permission: 'enterprise:read', element: lazy(() => import('../features/registry/EnterprisesPage.js')) },
  { path: '/app/enterprises/:id', title: '企业详情', group: 'registry', menu: false, permission: 'enterprise:read', element: lazy(() => import('../features/registry/EnterpriseDetailPage.js')) },
  { path: '/app/projects', title: '物业项目', group: 'registry', permission: 'project:read', element: lazy(() => import('../features/registry/ProjectsPage.js')) },
  { path: '/app/projects/:id', title: '项目详情', group: 'registry', menu: false, permission: 'project:read', element: lazy(() => import('../features/registry/ProjectDetailPage.js')) },
  { path: '/app/practitioners', title: '从业人员', group: 'registry', permission: 'enterprise:read', element: lazy(() => import('../features/registry/PractitionersPage.js')) },
  { path: '/app/registry-import', title: '台账导入', group: 'registry', permission: ['enterprise:manage', 'project:manage'], element: lazy(() => import('../features/registry/ImportPage.js')) },
  { path: '/app/campaigns', title: '专项行动', group: 'campaign', permission: 'campaign:read', element: lazy(() => import('../features/campaigns/CampaignsPage.js')) },
  { path: '/app/campaigns/:id', title: '专项行动详情', group: 'campaign', menu: false, permission: 'campaign:read', element: lazy(() => import('../features/campaigns/CampaignDetailPage.js')) },
  { path: '/app/legal-provisions', title: '法律依据库', group: 'campaign', permission: ['campaign:read', 'reference:manage'], element: lazy(() => import('../features/legal/LegalPage.js')) },
  { path: '/app/calendar', title: '工作日历', group: 'campaign', permission: ['campaign:read', 'reference:manage'], element: lazy(() => import('../features/calendar/CalendarPage.js')) },
  { path: '/app/dashboard', title: '挂图作战', group: 'reports', permission: 'dashboard:read', element: lazy(() => import('../features/reports/DashboardPage.js')) },
  { path: '/app/reports/monthly', title: '月度工作汇总', group: 'reports', permission: 'report:read', element: lazy(() => import('../features/reports/MonthlyReportPage.js')) },
  { path: '/app/reports/status', title: '月报报送情况', group: 'reports', permission: 'report:read', element: lazy(() => import('../features/reports/ReportingStatusPage.js')) },
  { path: '/app/reports/records', title: '数据下钻', group: 'reports', menu: false, permission: 'report:read', element: lazy(() => import('../features/reports/RecordsPage.js')) },
  { path: '/app/outcomes', title: '成果登记', group: 'reports', permission: ['report:read', 'outcome:manage'], element: lazy(() => import('../features/reports/OutcomesPage.js')) },
  { path: '/app/reports/notifications', title: '工作进展通报', group: 'reports', permission: ['report:submit', 'report:review'], element: lazy(() => import('../features/reports/NotificationsPage.js')) },
  { path: '/app/assessment', title: '绩效考核', group: 'reports', permission: 'report:read', element: lazy(() => import('../features/reports/AssessmentPage.js')) },
  { path: '/app/regions', title: '行政区划', group: 'system', permission: 'region:read', element: lazy(() => import('../features/regions/RegionsPage.js')) },
  { path: '/app/org-units', title: '单位与投诉电话', group: 'system', permission: 'org_unit:read', element: lazy(() => import('../features/org-units/OrgUnitsPage.js')) },
  { path: '/app/users', title: '用户管理', group: 'system', permission: 'user:manage', element: lazy(() => import('../features/users/UsersPage.js')) },
  { path: '/app/open311-keys', title: '接口密钥', group: 'system', permission: 'user:manage', element: lazy(() => import('../features/open311/Open311KeysPage.js')) },
  { path: '/app/audit', title: '审计日志', group: 'security', permission: 'audit:read', element: lazy(() => import('../features/audit/AuditPage.js')) },
];
