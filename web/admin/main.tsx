import '@ant-design/v5-patch-for-react-19';
import { App as AntApp, ConfigProvider } from 'antd';
// The ES-module locale, not 'antd/locale/zh_CN': that entry is CommonJS, and under Vite 8's Node-style
// CJS interop its default import is the whole `exports` object ({ __esModule, default }), so antd
// falls back to English ("Cancel"/"OK", "20 / page").
import zhCN from 'antd/es/locale/zh_CN';
import { createRoot } from 'react-dom/client';
import { BrowserRouter } from 'react-router-dom';
import '../common/format.js';
import { AdminApp } from './app/AdminApp.js';

createRoot(document.getElementById('root') as HTMLElement).render(
  // Secondary and hint text dark enough for WCAG AA contrast (4.5:1) on white.
  <ConfigProvider locale={zhCN} theme={{ token: { colorPrimary: '#1d4ed8', colorLink: '#1d4ed8', colorError: '#c81e1e', colorErrorText: '#b91c1c', colorSuccess: '#237804', colorSuccessText: '#237804', colorWarningText: '#8a5300', colorTextDescription: 'rgba(0, 0, 0, 0.62)', colorTextTertiary: 'rgba(0, 0, 0, 0.62)' } }}>
    <AntApp>
      <BrowserRouter>
        <AdminApp />
      </BrowserRouter>
    </AntApp>
  </ConfigProvider>,
);
