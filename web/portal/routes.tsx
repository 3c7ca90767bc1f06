import { lazy, type ComponentType, type LazyExoticComponent } from 'react';

/** Public portal pages (no login). Order = order of the navigation bar. */
export const PORTAL_ROUTES: Array<{ path: string; title: string; element: LazyExoticComponent<ComponentType>; nav?: boolean }> = [
  { path: '/portal', title: '首页', element: lazy(() => import('./pages/HomePage.js')) },
  { path: '/portal/hotlines', title: '投诉举报电话', element: lazy(() => import('./pages/HotlinesPage.js')) },
];
