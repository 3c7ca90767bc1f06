import { PlusOutlined } from '@ant-design/icons';
import { type ActionType, PageContainer, ProTable } from '@ant-design/pro-components';
import { Button, Form, Input, Modal, Tag, Typography } from 'antd';
import { useRef, useState } from 'react';
import { api, tableRequest } from '../../../common/api.js';
import { fmtDateTime } from '../../../common/format.js';
import { useSession } from '../../app/session.js';
import { RegionSelect } from '../../components/RegionSelect.js';
import { useSave } from '../campaigns/components/shared.js';

interface Opinion {
  id: string;
  regionName?: string | null;
  sourceUnit: string;
  content: string;
  submittedBy: string;
  status: 'open' | 'responded';
  response: string | null;
  respondedByName?: string | null;
  respondedAt: string | null;
  createdAt: string;
}

/** 意见建议清单: opinions and suggestions collected during the campaign, each answered. */
export default function OpinionsPage() {
  const { can } = useSession();
  const ref = useRef<ActionType>(null);
  const save = useSave();
  const [creating, setCreating] = useState(false);
  const [responding, setResponding] = useState<Opinion | null>(null);
  const [createForm] = Form.useForm();
  const [respondForm] = Form.useForm();
  const manage = can('problem:manage');

  const create = async () => {
    const v = await createForm.validateFields();
    if (await save(() => api.post('/api/opinions', v), { form: createForm, success: '已登记意见建议' })) {
      setCreating(false);
      createForm.resetFields();
      ref.current?.reload();
    }
  };
  const respond = async () => {
    if (!responding) return;
    const v = await respondForm.validateFields();
    if (await save(() => api.post(`/api/opinions/${responding.id}/respond`, v), { form: respondForm, success: '已答复' })) {
      setResponding(null);
      respondForm.resetFields();
      ref.current?.reload();
    }
  };

  return (
    <PageContainer title="意见建议清单" content="专项整治中收集的群众、代表和社区意见建议，逐条答复。">
      <ProTable<Opinion>
        rowKey="id"
        actionRef={ref}
        request={(p) => tableRequest<Opinion>('/api/opinions', p)}
        search={{ labelWidth: 'auto' }}
        pagination={{ defaultPageSize: 20 }}
        toolBarRender={() =>
          manage
            ? [
                <Button key="new" type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)}>
                  登记意见建议
                </Button>,
              ]
            : []
        }
        columns={[
          { title: '关键词', dataIndex: 'q', hideInTable: true },
          { title: '区划', dataIndex: 'region', hideInTable: true, renderFormItem: () => <RegionSelect /> },
          { title: '来源单位', dataIndex: 'sourceUnit', search: false, width: 160 },
          { title: '提出人', dataIndex: 'submittedBy', search: false, width: 120 },
          { title: '意见建议', dataIndex: 'content', search: false, render: (_d, r) => <Typography.Paragraph style={{ margin: 0, whiteSpace: 'pre-wrap' }}>{r.content}</Typography.Paragraph> },
          {
            title: '答复',
            dataIndex: 'response',
            search: false,
            render: (_d, r) =>
              r.response ? (
                <>
                  <Typography.Paragraph style={{ margin: 0, whiteSpace: 'pre-wrap' }}>{r.response}</Typography.Paragraph>
                  <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                    {r.respondedByName ?? ''} {fmtDateTime(r.respondedAt)}
                  </Typography.Text>
                </>
              ) : (
                '—'
              ),
          },
          {
            title: '状态',
            dataIndex: 'status',
            width: 90,
            valueType: 'select',
            valueEnum: { open: { text: '待答复' }, responded: { text: '已答复' } },
            render: (_d, r) => (r.status === 'responded' ? <Tag color="green">已答复</Tag> : <Tag color="orange">待答复</Tag>),
          },
          { title: '登记时间', dataIndex: 'createdAt', search: false, width: 140, render: (_d, r) => fmtDateTime(r.createdAt) },
          {
            title: '操作',
            valueType: 'option',
            width: 80,
            render: (_d, r) =>
              manage
                ? [
                    <a key="respond" onClick={() => { respondForm.setFieldsValue({ response: r.response ?? undefined }); setResponding(r); }}>
                      {r.status === 'open' ? '答复' : '修改答复'}
                    </a>,
                  ]
                : [],
          },
        ]}
      />
      <Modal open={creating} title="登记意见建议" onOk={create} onCancel={() => setCreating(false)} okText="登记" destroyOnHidden>
        <Form form={createForm} layout="vertical" name="newOpinion">
          <Form.Item name="regionCode" label="所属区划" tooltip="不选则为本单位所在区划">
            <RegionSelect />
          </Form.Item>
          <Form.Item name="sourceUnit" label="来源单位" rules={[{ required: true, message: '请填写来源单位' }]}>
            <Input placeholder="如 某社区居委会、人大代表座谈会" />
          </Form.Item>
          <Form.Item name="submittedBy" label="提出人/提出单位" rules={[{ required: true, message: '请填写提出人或提出单位' }]}>
            <Input />
          </Form.Item>
          <Form.Item name="content" label="意见建议内容" rules={[{ required: true, message: '请填写意见建议内容' }]}>
            <Input.TextArea rows={4} maxLength={4000} showCount />
          </Form.Item>
        </Form>
      </Modal>
      <Modal open={!!responding} title="答复意见建议" onOk={respond} onCancel={() => setResponding(null)} okText="答复" forceRender>
        {responding && <Typography.Paragraph type="secondary">{responding.content}</Typography.Paragraph>}
        <Form form={respondForm} layout="vertical" name="respondOpinion">
          <Form.Item name="response" label="答复内容" rules={[{ required: true, message: '请填写答复内容' }]}>
            <Input.TextArea rows={4} maxLength={4000} />
          </Form.Item>
        </Form>
      </Modal>
    </PageContainer>
  );
}
