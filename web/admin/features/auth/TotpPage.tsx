import { SafetyOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Form, Input, List, Result, Space, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { ApiError, api } from '../../../common/api.js';
import { useSession } from '../../app/session.js';

interface TotpStatus {
  enabled: boolean;
  enabledAt: string | null;
  recoveryCodesLeft: number;
  required: boolean;
}
interface Enrolment {
  secret: string;
  otpauthUrl: string;
  qrCode: string;
  recoveryCodes: string[];
}

/** 账号安全 — 动态口令（TOTP）绑定: QR code, recovery codes, confirmation with a code. `forced`: a role that must enrol before anything else. */
export function TotpPage({ forced = false }: { forced?: boolean }) {
  const { reload, logout } = useSession();
  const [status, setStatus] = useState<TotpStatus | null>(null);
  const [enrolment, setEnrolment] = useState<Enrolment | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [done, setDone] = useState(false);

  useEffect(() => {
    api.get<TotpStatus>('/api/auth/totp').then(setStatus, () => undefined);
  }, []);

  const start = async () => {
    setError(null);
    setBusy(true);
    try {
      setEnrolment(await api.post<Enrolment>('/api/auth/totp/enroll', {}));
    } catch (err) {
      setError(err instanceof ApiError ? err.message : '操作失败，请稍后重试');
    } finally {
      setBusy(false);
    }
  };

  const confirm = async (values: { code: string }) => {
    setError(null);
    setBusy(true);
    try {
      await api.post('/api/auth/totp/confirm', { code: values.code.trim() });
      setDone(true);
      setEnrolment(null);
      setStatus(await api.get<TotpStatus>('/api/auth/totp'));
      if (forced) await reload();
    } catch (err) {
      setError(err instanceof ApiError ? (err.fields.code ?? err.message) : '操作失败，请稍后重试');
    } finally {
      setBusy(false);
    }
  };

  return (
    <div style={forced ? { minHeight: '100vh', display: 'grid', placeItems: 'center', background: '#f0f4fa' } : undefined}>
      <Card title={<Space><SafetyOutlined />动态口令（双因素登录）</Space>} style={{ maxWidth: 640 }}>
        {forced && <Alert type="warning" showIcon style={{ marginBottom: 16 }} message="您的角色须使用“密码 + 手机动态口令”登录（等保三级），请先完成绑定。" />}
        {error && <Alert type="error" showIcon style={{ marginBottom: 16 }} message={error} data-testid="totp-error" />}
        {done && <Alert type="success" showIcon style={{ marginBottom: 16 }} message="已绑定。以后登录时请输入手机上显示的 6 位动态口令。" />}
        {status && !enrolment && (
          <Typography.Paragraph>
            {status.enabled
              ? `已绑定动态口令（剩余恢复码 ${status.recoveryCodesLeft} 个）。如更换手机，可重新绑定，确认后旧的口令和恢复码失效。`
              : status.required
                ? '尚未绑定。您的角色必须绑定动态口令。'
                : '尚未绑定。绑定后登录时除密码外还需输入手机上的动态口令。'}
          </Typography.Paragraph>
        )}
        {!enrolment ? (
          <Space>
            <Button type="primary" loading={busy} onClick={() => void start()} data-testid="totp-start">
              {status?.enabled ? '重新绑定' : '开始绑定'}
            </Button>
            {forced && <Button onClick={() => void logout()}>退出登录</Button>}
          </Space>
        ) : (
          <>
            <Typography.Paragraph>
              1. 用手机上的身份验证器（如 Microsoft Authenticator、Google Authenticator、FreeOTP 或支持 TOTP 的政务 App）扫描二维码：
            </Typography.Paragraph>
            <img src={enrolment.qrCode} alt="动态口令绑定二维码" width={200} height={200} data-testid="totp-qr" />
            <Typography.Paragraph type="secondary">
              无法扫码时手动输入密钥：<Typography.Text code copyable data-testid="totp-secret">{enrolment.secret}</Typography.Text>
            </Typography.Paragraph>
            <Typography.Paragraph>2. 抄写或打印以下恢复码并妥善保管。手机丢失时，每个恢复码可代替动态口令登录一次；此后不再显示：</Typography.Paragraph>
            <List
              size="small"
              grid={{ column: 2 }}
              dataSource={enrolment.recoveryCodes}
              renderItem={(c) => (
                <List.Item>
                  <Typography.Text code>{c}</Typography.Text>
                </List.Item>
              )}
            />
            <Typography.Paragraph>3. 输入手机上当前显示的 6 位数字完成绑定：</Typography.Paragraph>
            <Form layout="inline" onFinish={confirm}>
              <Form.Item name="code" rules={[{ required: true, message: '请输入 6 位动态口令' }, { pattern: /^\d{6}$/, message: '请输入 6 位数字' }]}>
                <Input inputMode="numeric" autoComplete="one-time-code" maxLength={6} placeholder="6 位数字" data-testid="totp-code" />
              </Form.Item>
              <Button type="primary" htmlType="submit" loading={busy}>
                确认绑定
              </Button>
            </Form>
          </>
        )}
        {forced && done && <Result status="success" title="绑定完成" />}
      </Card>
    </div>
  );
}
