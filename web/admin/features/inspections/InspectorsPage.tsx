import { PlusOutlined } from '@ant-design/icons';
import { type ActionType, PageContainer, ProTable } from '@ant-design/pro-components';
import { Button, DatePicker, Form, Input, Modal, Tag } from 'antd';
import { useRef, useState } from 'react';
import { api } from '../../../common/api.js';
import { RegionSelect } from '../../components/RegionSelect.js';
import { RemoteSelect } from '../../components/RemoteSelect.js';
import { useSave, ymd } from '../campaigns/components/shared.js';
import type { Inspector } from './api.js';

/** 执法检查人员资格: the certificate register; only valid certificates can be drawn or recorded. */
export default function InspectorsPage() {
  const ref = useRef<ActionType>(null);
  const save = useSave();
  const [open, setOpen] = useState(false);
  const [form] = Form.useForm();
  const searchUsers = async (q: string) =>
    (await api.get<{ items: Array<{ id: string; name: string; department: string }> }>('/api/inspector-certificates/candidates', { q })).items.map((u) => ({
      value: u.id,
      label: `${u.name}（${u.department}）`,
    }));
  const create = async () => {
    const v = await form.validateFields();
    if (await save(() => api.post('/api/inspector-certificates', { ...v, validFrom: ymd(v.validFrom), validUntil: ymd(v.validUntil) }), { form, success: '已登记执法证' })) {
      setOpen(false);
      form.resetFields();
      ref.current?.reload();
    }
  };
  return (
    <PageContainer title="执法检查人员" content="持有效执法证的人员方可被抽取或登记为检查人员。">
      <ProTable<Inspector>
        rowKey="id"
        actionRef={ref}
        request={async (p) => {
          const data = await api.get<{ items: Inspector[] }>('/api/inspector-certificates', { region: p.region as string | undefined });
          return { data: data.items, success: true, total: data.items.length };
        }}
        search={{ labelWidth: 'auto' }}
        toolBarRender={() => [
          <Button key="new" type="primary" icon={<PlusOutlined />} onClick={() => setOpen(true)}>
            登记执法证
          </Button>,
        ]}
        columns={[
          { title: '区划', dataIndex: 'region', hideInTable: true, renderFormItem: () => <RegionSelect /> },
          { title: '姓名', dataIndex: 'name', search: false },
          { title: '单位', dataIndex: 'department', search: false },
          { title: '执法证号', dataIndex: 'certificateNo', search: false },
          { title: '有效期', search: false, render: (_d, r) => `${r.validFrom} 至 ${r.validUntil}` },
          { title: '状态', search: false, render: (_d, r) => (r.valid ? <Tag color="green">有效</Tag> : <Tag color="red">已失效</Tag>) },
        ]}
      />
      <Modal open={open} title="登记执法证" onOk={create} onCancel={() => setOpen(false)} okText="登记" destroyOnHidden>
        <Form form={form} layout="vertical" name="certify">
          <Form.Item name="userId" label="人员" rules={[{ required: true, message: '请选择人员' }]}>
            <RemoteSelect search={searchUsers} placeholder="输入姓名搜索" notFound="没有匹配的人员" />
          </Form.Item>
          <Form.Item name="certificateNo" label="执法证号" rules={[{ required: true, message: '请填写执法证号' }]}>
            <Input maxLength={40} />
          </Form.Item>
          <Form.Item name="validFrom" label="发证日期" rules={[{ required: true, message: '请选择发证日期' }]}>
            <DatePicker />
          </Form.Item>
          <Form.Item name="validUntil" label="有效期至" rules={[{ required: true, message: '请选择有效期' }]}>
            <DatePicker />
          </Form.Item>
        </Form>
      </Modal>
    </PageContainer>
  );
}
