import { CheckOutlined, CopyOutlined } from '@ant-design/icons';
import { type ActionType, PageContainer, ProTable } from '@ant-design/pro-components';
import { Alert, App, Button, Form, Input, Modal, Popconfirm, Tag, Typography } from 'antd';
import { useRef, useState } from 'react';
import { ApiError, api, applyFieldErrors, tableRequest } from '../../../common/api.js';
import { fmtDateTime } from '../../../common/format.js';
import { RegionSelect } from '../../components/RegionSelect.js';

interface ApiKey {
  id: string;
  name: string;
  regionCode: string;
  regionName: string;
  createdAt: string;
  createdBy: string | null;
  lastUsedAt: string | null;
  revokedAt: string | null;
  revokedBy: string | null;
  active: boolean;
}

/** The key just issued: shown in the dialog once, never again (the server keeps only its hash). */
interface Issued {
  name: string;
  regionName: string;
  apiKey: string;
}

/**
 * Open311 API keys (系统管理 → 接口密钥): other systems (the 12345 platform) post leads into the
 * key's region and read that region's leads with it. A new key is shown once; 停用 is immediate
 * and final.
 */
export default function Open311KeysPage() {
  const { message } = App.useApp();
  const ref = useRef<ActionType>(null);
  const [creating, setCreating] = useState(false);
  const [saving, setSaving] = useState(false);
  const [issued, setIssued] = useState<Issued | null>(null);
  const [form] = Form.useForm();

  const create = async () => {
    const values = await form.validateFields();
    setSaving(true);
    try {
      const res = await api.post<{ key: ApiKey; apiKey: string }>('/api/open311/keys', values);
      setIssued({ name: res.key.name, regionName: res.key.regionName, apiKey: res.apiKey });
      ref.current?.reload();
    } catch (err) {
      if (!applyFieldErrors(form, err)) message.error(err instanceof ApiError ? err.message : '新建失败');
    } finally {
      setSaving(false);
    }
  };

  const close = () => {
    setCreating(false);
    setIssued(null);
  };

  const revoke = async (key: ApiKey) => {
    try {
      await api.post(`/api/open311/keys/${key.id}/revoke`);
      message.success(`已停用：${key.name}`);
    } catch (err) {
      message.error(err instanceof ApiError ? err.message : '停用失败');
    }
    ref.current?.reload();
  };

  return (
    <PageContainer
      title="接口密钥（Open311）"
      content="其他系统（如 12345 热线平台）通过 Open311 接口（/open311/v2）提交线索时须携带接口密钥：提交的线索归入密钥所属区划，带密钥查询可看到该区划及下级的全部线索（含保密线索）。密钥只在新建时显示一次，平台只保存其摘要；停用后立即失效，不能恢复。"
    >
      <ProTable<ApiKey>
        rowKey="id"
        actionRef={ref}
        request={(params) => tableRequest<ApiKey>('/api/open311/keys', params)}
        search={{ labelWidth: 'auto' }}
        toolBarRender={() => [
          <Button key="new" type="primary" onClick={() => { form.resetFields(); setIssued(null); setCreating(true); }}>
            新建密钥
          </Button>,
        ]}
        columns={[
          { title: '名称', dataIndex: 'q', hideInTable: true },
          { title: '区划', dataIndex: 'region', hideInTable: true, renderFormItem: () => <RegionSelect /> },
          { title: '状态', dataIndex: 'status', hideInTable: true, valueType: 'select', valueEnum: { active: { text: '启用' }, revoked: { text: '已停用' } } },
          { title: '名称', dataIndex: 'name', search: false },
          { title: '所属区划', dataIndex: 'regionName', search: false },
          { title: '创建时间', dataIndex: 'createdAt', search: false, render: (_d, r) => fmtDateTime(r.createdAt) },
          { title: '创建人', dataIndex: 'createdBy', search: false, render: (_d, r) => r.createdBy ?? '系统初始化' },
          { title: '最近提交线索', dataIndex: 'lastUsedAt', search: false, render: (_d, r) => fmtDateTime(r.lastUsedAt) },
          {
            title: '状态',
            dataIndex: 'active',
            search: false,
            render: (_d, r) =>
              r.active ? (
                <Tag color="green">启用</Tag>
              ) : (
                <span>
                  <Tag>已停用</Tag>
                  <Typography.Text type="secondary">
                    {fmtDateTime(r.revokedAt)}
                    {r.revokedBy ? ` ${r.revokedBy}` : ''}
                  </Typography.Text>
                </span>
              ),
          },
          {
            title: '操作',
            valueType: 'option',
            render: (_d, r) => [
              r.active && (
                <Popconfirm
                  key="revoke"
                  title={`停用密钥「${r.name}」？`}
                  description="停用后，使用该密钥的系统将立即无法提交和查询线索，且不能恢复。"
                  okText="停用"
                  okButtonProps={{ danger: true }}
                  onConfirm={() => revoke(r)}
                >
                  <a>停用</a>
                </Popconfirm>
              ),
            ],
          },
        ]}
      />
      <Modal
        open={creating}
        title={issued ? '密钥已生成' : '新建密钥'}
        onCancel={close}
        destroyOnHidden
        maskClosable={!issued}
        width={600}
        footer={
          issued
            ? [
                <Button key="done" type="primary" onClick={close}>
                  我已保存，关闭
                </Button>,
              ]
            : [
                <Button key="cancel" onClick={close}>
                  取消
                </Button>,
                <Button key="ok" type="primary" loading={saving} onClick={() => void create()}>
                  生成密钥
                </Button>,
              ]
        }
      >
        {issued ? (
          <>
            <Alert
              type="warning"
              showIcon
              message="密钥只显示这一次，关闭后无法再次查看"
              description="请立即复制，通过安全渠道交给对接系统的负责人，不要通过聊天群或邮件明文转发。遗失时请停用此密钥并重新新建。"
              style={{ marginBottom: 16 }}
            />
            <Typography.Paragraph>
              {issued.name}（{issued.regionName}）的接口密钥：
            </Typography.Paragraph>
            <Typography.Paragraph
              code
              style={{ fontSize: 15, wordBreak: 'break-all' }}
              copyable={{
                text: issued.apiKey,
                icon: [
                  <span key="copy">
                    <CopyOutlined /> 复制密钥
                  </span>,
                  <span key="copied">
                    <CheckOutlined /> 已复制
                  </span>,
                ],
                tooltips: false,
              }}
            >
              <span className="open311-issued-key">{issued.apiKey}</span>
            </Typography.Paragraph>
            <Typography.Paragraph type="secondary">对接系统在提交线索（POST /open311/v2/requests.json）和查询时以 api_key 参数携带此密钥。</Typography.Paragraph>
          </>
        ) : (
          <Form form={form} layout="vertical">
            <Form.Item name="name" label="名称" extra="对接系统的名称，如“12345 热线平台”；全平台唯一，会出现在其提交的线索和审计日志中" rules={[{ required: true, message: '请输入名称' }]}>
              <Input maxLength={60} />
            </Form.Item>
            <Form.Item name="regionCode" label="所属区划" extra="通过此密钥提交的线索归入该区划；带密钥查询可看到该区划及下级的全部线索" rules={[{ required: true, message: '请选择所属区划' }]}>
              <RegionSelect />
            </Form.Item>
          </Form>
        )}
      </Modal>
    </PageContainer>
  );
}
