import '@ant-design/v5-patch-for-react-19';
import { App as AntApp, ConfigProvider } from 'antd';
// The ES-module locale, not 'antd/locale/zh_CN': that entry is CommonJS, and under Vite 8's Node-style
// CJS interop its default import is the whole `exports` object ({ __esModule, default }), so antd
// falls back to English ("Cancel"/"OK", "20 / page").
import zhCN from 'antd/es/locale/zh_CN';
import { createRoot } from 'react-dom/client';
import { BrowserRouter } from 'react-router-dom';
import '../common/format.js';
import { PortalApp } from './PortalApp.js';

// The portal's header runs edge to edge on a phone: no default body margin.
document.body.style.margin = '0';

createRoot(document.getElementById('root') as HTMLElement).render(
  // Secondary text and the header menu dark/light enough for WCAG AA contrast (4.5:1).
  <ConfigProvider
    locale={zhCN}
    theme={{
      token: { colorPrimary: '#b91c1c', colorLink: '#b91c1c', colorTextDescription: 'rgba(0, 0, 0, 0.62)', colorTextTertiary: 'rgba(0, 0, 0, 0.62)' },
      components: { Menu: { darkItemColor: '#ffffff', darkItemHoverColor: '#ffffff', darkItemSelectedBg: '#7f1d1d', darkItemSelectedColor: '#ffffff' } },
    }}
  >
    <AntApp>
      <BrowserRouter>
        <PortalApp />
      </BrowserRouter>
    </AntApp>
  </ConfigProvider>,
);
