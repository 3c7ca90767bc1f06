import { lazy, type ComponentType, type LazyExoticComponent } from 'react';

/** Public portal pages (no login). Order = order of the navigation bar. */
export const PORTAL_ROUTES: Array<{ path: string; title: string; element: LazyExoticComponent<ComponentType>; nav?: boolean }> = [
  { path: '/portal', title: '首页', element: lazy(() => import('./pages/HomePage.js')) },
  { path: '/portal/complaint', title: '我要投诉', element: lazy(() => import('./pages/ComplaintPage.js')) },
  { path: '/portal/track', title: '进度查询', element: lazy(() => import('./pages/TrackPage.js')) },
  { path: '/portal/hotlines', title: '投诉举报电话', element: lazy(() => import('./pages/HotlinesPage.js')) },
  { path: '/portal/cases', title: '典型案例', element: lazy(() => import('./pages/CasesPage.js')) },
  { path: '/portal/cases/:id', title: '案例详情', nav: false, element: lazy(() => import('./pages/CaseDetailPage.js')) },
  { path: '/portal/penalties', title: '行政处罚公示', element: lazy(() => import('./pages/PenaltiesPage.js')) },
  { path: '/portal/penalties/:id', title: '处罚公示详情', nav: false, element: lazy(() => import('./pages/PenaltyDetailPage.js')) },
  { path: '/portal/inspection-draws', title: '双随机抽查公开', element: lazy(() => import('./pages/InspectionDrawsPage.js')) },
  { path: '/portal/credit', title: '企业信用查询', element: lazy(() => import('./pages/CreditLookupPage.js')) },
  { path: '/portal/blacklist', title: '黑名单', element: lazy(() => import('./pages/BlacklistPage.js')) },
  { path: '/portal/fee-disclosures', title: '收费公示查询', element: lazy(() => import('./pages/FeeDisclosurePage.js')) },
  { path: '/portal/announcements', title: '工作通报', element: lazy(() => import('./pages/AnnouncementsPage.js')) },
  { path: '/portal/announcements/:id', title: '通报详情', nav: false, element: lazy(() => import('./pages/AnnouncementsPage.js')) },
];
