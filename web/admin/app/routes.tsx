import { AuditOutlined, ApartmentOutlined, BarChartOutlined, ClusterOutlined, DashboardOutlined, SafetyCertificateOutlined, SolutionOutlined, TeamOutlined } from '@ant-design/icons';
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
  { key: 'inspection', title: '执法检查', icon: <SafetyCertificateOutlined /> },
  { key: 'registry', title: '基础台账', icon: <ClusterOutlined /> },
  { key: 'campaign', title: '专项行动', icon: <ApartmentOutlined /> },
  { key: 'company', title: '企业事项', icon: <SolutionOutlined /> },
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
  { path: '/app/inspections', title: '检查记录', group: 'inspection', permission: 'inspection:read', element: lazy(() => import('../features/inspections/RecordsPage.js')) },
  { path: '/app/inspections/mine', title: '我的检查', group: 'inspection', permission: 'inspection:record', element: lazy(() => import('../features/inspections/MySchedulePage.js')) },
  { path: '/app/inspections/record', title: '现场检查登记', group: 'inspection', menu: false, permission: 'inspection:record', element: lazy(() => import('../features/inspections/MobileRecordPage.js')) },
  { path: '/app/inspections/records/:id', title: '检查记录详情', group: 'inspection', menu: false, permission: 'inspection:read', element: lazy(() => import('../features/inspections/RecordDetailPage.js')) },
  { path: '/app/inspections/plans', title: '检查计划', group: 'inspection', permission: 'inspection:manage', element: lazy(() => import('../features/inspections/PlansPage.js')) },
  { path: '/app/inspections/draws', title: '双随机抽查', group: 'inspection', permission: 'inspection:manage', element: lazy(() => import('../features/inspections/DrawsPage.js')) },
  { path: '/app/inspections/draws/:id', title: '抽查批次', group: 'inspection', menu: false, permission: 'inspection:read', element: lazy(() => import('../features/inspections/DrawDetailPage.js')) },
  { path: '/app/inspections/coverage', title: '拉网排查覆盖', group: 'inspection', permission: 'inspection:manage', element: lazy(() => import('../features/inspections/CoveragePage.js')) },
  { path: '/app/inspectors', title: '执法检查人员', group: 'inspection', permission: 'inspection:manage', element: lazy(() => import('../features/inspections/InspectorsPage.js')) },
  { path: '/app/enterprises', title: '物业服务企业', group: 'registry', permission: 'enterprise:read', element: lazy(() => import('../features/registry/EnterprisesPage.js')) },
  { path: '/app/enterprises/:id', title: '企业详情', group: 'registry', menu: false, permission: 'enterprise:read', element: lazy(() => import('../features/registry/EnterpriseDetailPage.js')) },
  { path: '/app/projects', title: '物业项目', group: 'registry', permission: 'project:read', element: lazy(() => import('../features/registry/ProjectsPage.js')) },
  { path: '/app/projects/:id', title: '项目详情', group: 'registry', menu: false, permission: 'project:read', element: lazy(() => import('../features/registry/ProjectDetailPage.js')) },
  { path: '/app/practitioners', title: '从业人员', group: 'registry', permission: 'enterprise:read', element: lazy(() => import('../features/registry/PractitionersPage.js')) },
  { path: '/app/registry-import', title: '台账导入', group: 'registry', permission: ['enterprise:manage', 'project:manage'], element: lazy(() => import('../features/registry/ImportPage.js')) },
  { path: '/app/campaigns', title: '专项行动', group: 'campaign', permission: 'campaign:read', element: lazy(() => import('../features/campaigns/CampaignsPage.js')) },
  { path: '/app/campaigns/:id', title: '专项行动详情', group: 'campaign', menu: false, permission: 'campaign:read', element: lazy(() => import('../features/campaigns/CampaignDetailPage.js')) },
  { path: '/app/commitments', title: '承诺书', group: 'campaign', permission: 'commitment:issue', element: lazy(() => import('../features/commitments/CommitmentsPage.js')) },
  { path: '/app/self-inspections', title: '企业自查（附件1）', group: 'campaign', permission: 'self_inspection:decide', element: lazy(() => import('../features/self-inspections/SelfInspectionsPage.js')) },
  { path: '/app/self-inspections/:id', title: '自查表详情', group: 'campaign', menu: false, permission: 'self_inspection:read', element: lazy(() => import('../features/self-inspections/SelfInspectionDetailPage.js')) },
  { path: '/app/hotline-checks', title: '热线抽查', group: 'campaign', permission: ['hotline:check', 'hotline:manage'], element: lazy(() => import('../features/hotlines/HotlineChecksPage.js')) },
  { path: '/app/company/commitments', title: '我的承诺书', group: 'company', permission: 'commitment:sign', element: lazy(() => import('../features/company/MyCommitmentsPage.js')) },
  { path: '/app/company/self-inspections', title: '我的自查表', group: 'company', permission: 'self_inspection:file', element: lazy(() => import('../features/company/MySelfInspectionsPage.js')) },
  { path: '/app/company/notices', title: '送达文书', group: 'company', permission: 'notice:receive', element: lazy(() => import('../features/company/MyNoticesPage.js')) },
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
  { path: '/app/messages', title: '消息中心', menu: false, element: lazy(() => import('../features/messages/MessagesPage.js')) },
  { path: '/app/messages/settings', title: '通知设置', menu: false, element: lazy(() => import('../features/messages/PreferencesPage.js')) },
  { path: '/app/admin/outbox', title: '短信与邮件发件箱', group: 'system', permission: 'user:manage', element: lazy(() => import('../features/messages/OutboxPage.js')) },
  { path: '/app/admin/message-templates', title: '消息模板', group: 'system', permission: 'user:manage', element: lazy(() => import('../features/messages/TemplatesPage.js')) },
  { path: '/app/audit', title: '审计日志', group: 'security', permission: 'audit:read', element: lazy(() => import('../features/audit/AuditPage.js')) },
];
