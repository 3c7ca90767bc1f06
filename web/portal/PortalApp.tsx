import { Layout, Menu, Spin } from 'antd';
import { Suspense } from 'react';
import { Route, Routes, useLocation, useNavigate } from 'react-router-dom';
import { PORTAL_ROUTES } from './routes.js';

export function PortalApp() {
  const navigate = useNavigate();
  const location = useLocation();
  return (
    <Layout style={{ minHeight: '100vh' }}>
      <Layout.Header style={{ display: 'flex', alignItems: 'center', gap: 16, padding: '0 12px', background: '#b91c1c' }}>
        <div style={{ color: '#fff', fontWeight: 600, whiteSpace: 'nowrap' }}>物业服务投诉举报</div>
        <Menu
          theme="dark"
          mode="horizontal"
          style={{ background: 'transparent', flex: 1, minWidth: 0 }}
          selectedKeys={[location.pathname]}
          items={PORTAL_ROUTES.filter((r) => r.nav !== false).map((r) => ({ key: r.path, label: r.title, onClick: () => navigate(r.path) }))}
        />
      </Layout.Header>
      <Layout.Content style={{ padding: 12, maxWidth: 960, width: '100%', margin: '0 auto' }}>
        <Suspense fallback={<Spin />}>
          <Routes>
            {PORTAL_ROUTES.map((r) => (
              <Route key={r.path} path={r.path} element={<r.element />} />
            ))}
          </Routes>
        </Suspense>
      </Layout.Content>
      <Layout.Footer style={{ textAlign: 'center', fontSize: 12 }}>您的个人信息仅用于处理投诉，不会提供给被投诉的物业服务企业。</Layout.Footer>
    </Layout>
  );
}
