import '@ant-design/v5-patch-for-react-19';
import { App as AntApp, ConfigProvider } from 'antd';
import zhCN from 'antd/locale/zh_CN';
import { createRoot } from 'react-dom/client';
import { BrowserRouter } from 'react-router-dom';
import '../common/format.js';
import { PortalApp } from './PortalApp.js';

createRoot(document.getElementById('root') as HTMLElement).render(
  <ConfigProvider locale={zhCN} theme={{ token: { colorPrimary: '#b91c1c' } }}>
    <AntApp>
      <BrowserRouter>
        <PortalApp />
      </BrowserRouter>
    </AntApp>
  </ConfigProvider>,
);
