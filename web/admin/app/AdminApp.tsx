import { LogoutOutlined, UserOutlined } from '@ant-design/icons';
import { ProLayout } from '@ant-design/pro-components';
import { Dropdown, Result, Spin } from 'antd';
import { Suspense } from 'react';
import { Navigate, Route, Routes, useLocation, useNavigate } from 'react-router-dom';
import { ROLE_LABELS } from '../../common/labels.js';
import { ChangePasswordPage } from '../features/auth/ChangePasswordPage.js';
import { LoginPage } from '../features/auth/LoginPage.js';
import { TotpPage } from '../features/auth/TotpPage.js';
import { MessageBell } from '../features/messages/MessageBell.js';
import { MENU_GROUPS, ROUTES } from './routes.js';
import { SessionProvider, useSession } from './session.js';

export function AdminApp() {
  return (
    <SessionProvider>
      <Shell />
    </SessionProvider>
  );
}

function Shell() {
  const { me, loading } = useSession();
  const location = useLocation();
  if (loading) return <Spin fullscreen />;
  if (location.pathname === '/login') return me ? <Navigate to="/app" replace /> : <LoginPage />;
  if (!me) return <Navigate to={`/login?next=${encodeURIComponent(location.pathname + location.search)}`} replace />;
  if (me.user.mustChangePassword) return <ChangePasswordPage forced />;
  if (me.user.mustEnrolTotp) return <TotpPage forced />;
  return <Layout />;
}

function Layout() {
  const { me, can, logout } = useSession();
  const navigate = useNavigate();
  const location = useLocation();
  const visible = ROUTES.filter((r) => can(r.permission));
  const menuRoutes = [
    ...visible.filter((r) => !r.group && r.menu !== false).map((r) => ({ path: r.path, name: r.title, icon: r.icon })),
    ...MENU_GROUPS.map((g) => ({
      path: `/group/${g.key}`,
      name: g.title,
      icon: g.icon,
      routes: visible.filter((r) => r.group === g.key && r.menu !== false).map((r) => ({ path: r.path, name: r.title })),
    })).filter((g) => g.routes.length > 0),
  ];
  return (
    <ProLayout
      title="物业专项整治监督平台"
      logo={false}
      layout="mix"
      fixSiderbar
      route={{ path: '/', routes: menuRoutes }}
      location={{ pathname: location.pathname }}
      menuItemRender={(item, dom) => <a onClick={() => item.path && navigate(item.path)}>{dom}</a>}
      actionsRender={() => [<MessageBell key="bell" />]}
      avatarProps={{
        icon: <UserOutlined />,
        title: `${me?.user.displayName}（${me?.orgUnit?.name ?? me?.region.name}）`,
        size: 'small',
        render: (_p, dom) => (
          <Dropdown
            menu={{
              items: [
                { key: 'roles', label: me?.roles.map((r) => ROLE_LABELS[r as keyof typeof ROLE_LABELS] ?? r).join('、'), disabled: true },
                { key: 'password', label: '修改密码', onClick: () => navigate('/app/change-password') },
                { key: 'totp', label: '动态口令', onClick: () => navigate('/app/security') },
                { key: 'logout', icon: <LogoutOutlined />, label: '退出登录', onClick: () => void logout() },
              ],
            }}
          >
            {dom}
          </Dropdown>
        ),
      }}
    >
      <Suspense fallback={<Spin />}>
        <Routes>
          {visible.map((r) => (
            <Route key={r.path} path={r.path} element={<r.element />} />
          ))}
          <Route path="/app/change-password" element={<ChangePasswordPage />} />
          <Route path="/app/security" element={<TotpPage />} />
          <Route path="/" element={<Navigate to="/app" replace />} />
          <Route path="*" element={<Result status="404" title="页面不存在或无权访问" />} />
        </Routes>
      </Suspense>
    </ProLayout>
  );
}
