import '@ant-design/v5-patch-for-react-19';
import { App as AntApp, ConfigProvider } from 'antd';
import zhCN from 'antd/locale/zh_CN';
import { createRoot } from 'react-dom/client';
import { BrowserRouter } from 'react-router-dom';
import '../common/format.js';
import { AdminApp } from './app/AdminApp.js';

createRoot(document.getElementById('root') as HTMLElement).render(
  <ConfigProvider locale={zhCN} theme={{ token: { colorPrimary: '#1d4ed8' } }}>
    <AntApp>
      <BrowserRouter>
        <AdminApp />
      </BrowserRouter>
    </AntApp>
  </ConfigProvider>,
);
