import { Button, Layout, Menu, Result, Spin } from 'antd';
import { Suspense } from 'react';
import { Link, Route, Routes, useLocation } from 'react-router-dom';
import { PORTAL_ROUTES } from './routes.js';

export function PortalApp() {
  const location = useLocation();
  return (
    <Layout style={{ minHeight: '100vh' }}>
      <Layout.Header style={{ display: 'flex', alignItems: 'center', gap: 16, padding: '0 12px', background: '#b91c1c' }}>
        <Link to="/portal" style={{ color: '#fff', fontWeight: 600, whiteSpace: 'nowrap' }}>
          物业服务专项整治监督平台
        </Link>
        <Menu
          theme="dark"
          mode="horizontal"
          style={{ background: 'transparent', flex: 1, minWidth: 0 }}
          selectedKeys={[location.pathname]}
          // Real links: reachable by Tab, open in a new tab, announced as links.
          items={PORTAL_ROUTES.filter((r) => r.nav !== false).map((r) => ({ key: r.path, label: <Link to={r.path}>{r.title}</Link> }))}
        />
      </Layout.Header>
      <Layout.Content id="main" style={{ padding: 12, maxWidth: 960, width: '100%', margin: '0 auto' }}>
        <Suspense fallback={<Spin />}>
          <Routes>
            {PORTAL_ROUTES.map((r) => (
              <Route key={r.path} path={r.path} element={<r.element />} />
            ))}
            <Route
              path="*"
              element={
                <Result
                  status="404"
                  title="页面不存在"
                  subTitle="您访问的页面不存在，请检查网址，或从首页进入。"
                  extra={
                    <Link to="/portal">
                      <Button type="primary">返回首页</Button>
                    </Link>
                  }
                />
              }
            />
          </Routes>
        </Suspense>
      </Layout.Content>
      <Layout.Footer style={{ textAlign: 'center', fontSize: 12 }}>您的个人信息仅用于处理投诉，不会提供给被投诉的物业服务企业。</Layout.Footer>
    </Layout>
  );
}
