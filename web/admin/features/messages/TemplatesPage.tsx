import { PageContainer } from '@ant-design/pro-components';
import { App, Button, Card, Checkbox, Form, Input, Modal, Space, Table, Tag, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { ApiError, api, applyFieldErrors } from '../../../common/api.js';

interface Template {
  kind: string;
  label: string;
  title: string;
  body: string;
  sms: string | null;
  smsDefault: boolean;
  emailDefault: boolean;
  vars: string[];
  edited: boolean;
  smsLength: number;
  smsSegments: number;
}
interface Preview {
  title: string;
  body: string;
  sms: string | null;
  smsLength: number;
  smsSegments: number;
}

/** 消息模板 (administrator): the Chinese texts of every kind with named variables, preview and length check. */
export default function TemplatesPage() {
  const { message } = App.useApp();
  const [rows, setRows] = useState<Template[]>([]);
  const [editing, setEditing] = useState<Template | null>(null);
  const [preview, setPreview] = useState<Preview | null>(null);
  const [form] = Form.useForm();
  const load = () => void api.get<Template[]>('/api/admin/message-templates').then(setRows);
  useEffect(load, []);

  const values = () => {
    const v = form.getFieldsValue();
    return { title: v.title, body: v.body, sms: editing?.sms !== null ? v.sms || null : null, smsDefault: !!v.smsDefault, emailDefault: !!v.emailDefault };
  };
  const doPreview = async () => {
    if (!editing) return;
    try {
      setPreview(await api.post<Preview>(`/api/admin/message-templates/${editing.kind}/preview`, values()));
    } catch (err) {
      setPreview(null);
      if (!applyFieldErrors(form, err)) message.error(err instanceof ApiError ? err.message : '预览失败');
    }
  };
  const save = async () => {
    if (!editing) return;
    try {
      await api.put(`/api/admin/message-templates/${editing.kind}`, values());
      message.success('模板已保存');
      setEditing(null);
      load();
    } catch (err) {
      if (!applyFieldErrors(form, err)) message.error(err instanceof ApiError ? err.message : '保存失败');
    }
  };

  return (
    <PageContainer title="消息模板">
      <Table
        size="small"
        rowKey="kind"
        pagination={false}
        dataSource={rows}
        columns={[
          { title: '类型', dataIndex: 'label', render: (v: string, r) => <Space>{v}{r.edited && <Tag color="orange">已修改</Tag>}</Space> },
          { title: '编码', dataIndex: 'kind' },
          { title: '站内标题', dataIndex: 'title' },
          { title: '短信', dataIndex: 'sms', render: (v: string | null, r) => (v ? `${r.smsLength} 字 / ${r.smsSegments} 条` : '不发短信') },
          { title: '默认渠道', render: (_: unknown, r) => [r.smsDefault && '短信', r.emailDefault && '邮件'].filter(Boolean).join('、') || '仅站内' },
          {
            title: '操作',
            render: (_: unknown, r) => (
              <Space>
                <Button size="small" onClick={() => {
                    setEditing(r);
                    setPreview(null);
                    form.setFieldsValue(r);
                  }}>
                  编辑
                </Button>
                {r.edited && (
                  <Button size="small" onClick={async () => {
                      await api.delete(`/api/admin/message-templates/${r.kind}`);
                      load();
                    }}>
                    恢复默认
                  </Button>
                )}
              </Space>
            ),
          },
        ]}
      />
      <Modal open={!!editing} title={`编辑模板：${editing?.label ?? ''}`} onCancel={() => setEditing(null)} onOk={() => void save()} okText="保存" width={720}>
        <Typography.Paragraph type="secondary">可用变量：{editing?.vars.map((v) => `{${v}}`).join('、')}。短信每条 70 字，超过按 67 字一条计，不得超过两条；短信中不得出现投诉内容、企业名称或投诉人姓名。</Typography.Paragraph>
        <Form form={form} layout="vertical">
          <Form.Item name="title" label="站内标题" rules={[{ required: true, message: '请填写标题' }]}>
            <Input />
          </Form.Item>
          <Form.Item name="body" label="站内正文 / 邮件正文" rules={[{ required: true, message: '请填写正文' }]}>
            <Input.TextArea rows={3} />
          </Form.Item>
          {editing?.sms !== null && (
            <Form.Item name="sms" label="短信">
              <Input.TextArea rows={2} showCount />
            </Form.Item>
          )}
          <Space>
            <Form.Item name="smsDefault" valuePropName="checked">
              <Checkbox>默认发短信</Checkbox>
            </Form.Item>
            <Form.Item name="emailDefault" valuePropName="checked">
              <Checkbox>默认发邮件</Checkbox>
            </Form.Item>
          </Space>
        </Form>
        <Button onClick={() => void doPreview()}>预览</Button>
        {preview && (
          <Card size="small" style={{ marginTop: 12 }}>
            <div>
              <b>{preview.title}</b>
            </div>
            <div>{preview.body}</div>
            {preview.sms && (
              <div style={{ marginTop: 8 }}>
                短信：{preview.sms}（{preview.smsLength} 字，{preview.smsSegments} 条）
              </div>
            )}
          </Card>
        )}
      </Modal>
    </PageContainer>
  );
}
