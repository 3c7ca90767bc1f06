import { Alert, App, Button, Card, Form, Input } from 'antd';
import { useNavigate } from 'react-router-dom';
import { ApiError, api, applyFieldErrors } from '../../../common/api.js';
import { useSession } from '../../app/session.js';

export function ChangePasswordPage({ forced = false }: { forced?: boolean }) {
  const [form] = Form.useForm();
  const { reload, logout } = useSession();
  const { message } = App.useApp();
  const navigate = useNavigate();

  const submit = async (values: { currentPassword: string; newPassword: string; confirm: string }) => {
    try {
      await api.post('/api/auth/change-password', { currentPassword: values.currentPassword, newPassword: values.newPassword });
      message.success('密码已修改');
      await reload();
      navigate('/app', { replace: true });
    } catch (err) {
      if (!applyFieldErrors(form, err)) message.error(err instanceof ApiError ? err.message : '修改失败');
    }
  };

  const card = (
    <Card title="修改密码" style={{ maxWidth: 460, margin: forced ? '10vh auto' : 24 }}>
      {forced && <Alert type="warning" showIcon message="首次登录或密码已被重置，请先设置新密码" style={{ marginBottom: 16 }} />}
      <Form form={form} layout="vertical" onFinish={submit}>
        <Form.Item name="currentPassword" label="当前密码" rules={[{ required: true, message: '请输入当前密码' }]}>
          <Input.Password autoComplete="current-password" />
        </Form.Item>
        <Form.Item name="newPassword" label="新密码" extra="至少 8 位，包含大写字母、小写字母、数字、符号中的至少三类，且不含用户名" rules={[{ required: true, message: '请输入新密码' }]}>
          <Input.Password autoComplete="new-password" />
        </Form.Item>
        <Form.Item
          name="confirm"
          label="确认新密码"
          dependencies={['newPassword']}
          rules={[
            { required: true, message: '请再次输入新密码' },
            ({ getFieldValue }) => ({ validator: (_r, v) => (!v || v === getFieldValue('newPassword') ? Promise.resolve() : Promise.reject(new Error('两次输入不一致'))) }),
          ]}
        >
          <Input.Password autoComplete="new-password" />
        </Form.Item>
        <Button type="primary" htmlType="submit">
          保存新密码
        </Button>
        {forced && (
          <Button style={{ marginLeft: 8 }} onClick={() => void logout()}>
            退出
          </Button>
        )}
      </Form>
    </Card>
  );
  return forced ? <div style={{ minHeight: '100vh', background: '#f0f4fa', paddingTop: 1 }}>{card}</div> : card;
}
