import { PageContainer } from '@ant-design/pro-components';
import { Alert, App, Button, Card, Form, Input, Switch, Table } from 'antd';
import { useEffect, useState } from 'react';
import { ApiError, applyFieldErrors } from '../../../common/api.js';
import { getPreferences, type Preferences, putPreferences } from './api.js';

/** 通知设置: per kind, whether to be told also by SMS and e-mail (the 消息中心 always receives it). */
export default function PreferencesPage() {
  const { message } = App.useApp();
  const [prefs, setPrefs] = useState<Preferences | null>(null);
  const [form] = Form.useForm();
  useEffect(() => {
    void getPreferences().then((p) => {
      setPrefs(p);
      form.setFieldsValue({ email: p.email ?? '' });
    });
  }, [form]);
  if (!prefs) return <PageContainer title="通知设置" loading />;
  const set = (kind: string, channel: 'sms' | 'email', value: boolean) => setPrefs({ ...prefs, kinds: { ...prefs.kinds, [kind]: { ...prefs.kinds[kind], [channel]: value } } });
  const save = async () => {
    try {
      const email = form.getFieldValue('email')?.trim() || null;
      setPrefs(await putPreferences({ kinds: prefs.kinds, email }));
      message.success('通知设置已保存');
    } catch (err) {
      if (!applyFieldErrors(form, err)) message.error(err instanceof ApiError ? err.message : '保存失败');
    }
  };
  return (
    <PageContainer title="通知设置">
      <Alert
        type="info"
        showIcon
        style={{ marginBottom: 12 }}
        message="站内消息始终送达。紧急线索和超期提醒另以短信发送给本单位联络员；晚 22 时至早 8 时不发送非紧急短信。"
      />
      <Card size="small" style={{ marginBottom: 12 }}>
        <Form form={form} layout="inline">
          <Form.Item label="接收短信的手机">{prefs.phone ?? '未登记（请联系管理员）'}</Form.Item>
          <Form.Item label="接收邮件的邮箱" name="email">
            <Input placeholder="name@example.gov.cn" style={{ width: 240 }} />
          </Form.Item>
        </Form>
      </Card>
      <Table
        size="small"
        rowKey="kind"
        pagination={false}
        dataSource={Object.keys(prefs.kinds).map((kind) => ({ kind, label: prefs.labels[kind] ?? kind, ...prefs.kinds[kind] }))}
        columns={[
          { title: '消息类型', dataIndex: 'label' },
          { title: '短信', dataIndex: 'sms', render: (v: boolean, r) => <Switch checked={v} onChange={(x) => set(r.kind, 'sms', x)} aria-label={`${r.label} 短信`} /> },
          { title: '邮件', dataIndex: 'email', render: (v: boolean, r) => <Switch checked={v} onChange={(x) => set(r.kind, 'email', x)} aria-label={`${r.label} 邮件`} /> },
        ]}
      />
      <Button type="primary" style={{ marginTop: 12 }} onClick={() => void save()}>
        保存
      </Button>
    </PageContainer>
  );
}
