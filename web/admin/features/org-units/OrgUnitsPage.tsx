import { type ActionType, PageContainer, ProTable } from '@ant-design/pro-components';
import { App, Button, Form, Input, Modal, Select, Tag } from 'antd';
import { useRef, useState } from 'react';
import { ORG_UNIT_TYPES } from '../../../../core/org.js';
import { ApiError, api, applyFieldErrors, tableRequest } from '../../../common/api.js';
import { ORG_UNIT_TYPE_LABELS } from '../../../common/labels.js';
import { useSession } from '../../app/session.js';
import { RegionSelect } from '../../components/RegionSelect.js';

interface OrgUnit {
  id: string;
  regionCode: string;
  regionName: string;
  type: keyof typeof ORG_UNIT_TYPE_LABELS;
  name: string;
  shortName: string | null;
  hotline: string | null;
  contactName: string | null;
  contactPhone: string | null;
  responsibleLeader: string | null;
  address: string | null;
  active: boolean;
}

export default function OrgUnitsPage() {
  const { can } = useSession();
  const { message } = App.useApp();
  const ref = useRef<ActionType>(null);
  const [editing, setEditing] = useState<OrgUnit | 'new' | null>(null);
  const [form] = Form.useForm();

  const save = async () => {
    const values = await form.validateFields();
    try {
      if (editing === 'new') await api.post('/api/org-units', values);
      else if (editing) await api.patch(`/api/org-units/${editing.id}`, values);
      message.success('已保存');
      setEditing(null);
      ref.current?.reload();
    } catch (err) {
      if (!applyFieldErrors(form, err)) message.error(err instanceof ApiError ? err.message : '保存失败');
    }
  };

  return (
    <PageContainer title="单位与投诉电话">
      <ProTable<OrgUnit>
        rowKey="id"
        actionRef={ref}
        request={(params) => tableRequest<OrgUnit>('/api/org-units', params)}
        search={{ labelWidth: 'auto' }}
        pagination={{ defaultPageSize: 20 }}
        toolBarRender={() => (can('org_unit:manage') ? [<Button key="new" type="primary" onClick={() => { form.resetFields(); setEditing('new'); }}>新增单位</Button>] : [])}
        columns={[
          { title: '名称', dataIndex: 'q', hideInTable: true },
          { title: '区划', dataIndex: 'region', hideInTable: true, renderFormItem: () => <RegionSelect /> },
          { title: '单位名称', dataIndex: 'name', search: false },
          { title: '类型', dataIndex: 'type', valueType: 'select', valueEnum: Object.fromEntries(ORG_UNIT_TYPES.map((t) => [t, { text: ORG_UNIT_TYPE_LABELS[t] }])) },
          { title: '所在区划', dataIndex: 'regionName', search: false },
          { title: '投诉举报电话', dataIndex: 'hotline', search: false },
          { title: '联系人', dataIndex: 'contactName', search: false },
          { title: '联系电话', dataIndex: 'contactPhone', search: false },
          { title: '分管领导', dataIndex: 'responsibleLeader', search: false },
          { title: '状态', dataIndex: 'active', search: false, render: (_d, r) => (r.active ? <Tag color="green">启用</Tag> : <Tag>停用</Tag>) },
          {
            title: '操作',
            valueType: 'option',
            render: (_d, r) => (can('org_unit:manage') ? [<a key="edit" onClick={() => { form.setFieldsValue(r); setEditing(r); }}>编辑</a>] : []),
          },
        ]}
      />
      <Modal open={editing !== null} title={editing === 'new' ? '新增单位' : '编辑单位'} onOk={save} onCancel={() => setEditing(null)} destroyOnHidden width={560}>
        {/* Named, so its field ids (orgUnit_type…) do not clash with the search form's (type…) and each label finds its control. */}
        <Form form={form} layout="vertical" name="orgUnit">
          <Form.Item name="regionCode" label="所属区划" rules={[{ required: true, message: '请选择区划' }]}>
            <RegionSelect />
          </Form.Item>
          <Form.Item name="type" label="单位类型" rules={[{ required: true, message: '请选择类型' }]}>
            <Select options={ORG_UNIT_TYPES.map((t) => ({ value: t, label: ORG_UNIT_TYPE_LABELS[t] }))} />
          </Form.Item>
          <Form.Item name="name" label="单位名称" rules={[{ required: true, message: '请输入名称' }]}>
            <Input />
          </Form.Item>
          <Form.Item name="shortName" label="文号简称" extra="用于执法文书文号，如“东湖房”">
            <Input />
          </Form.Item>
          <Form.Item name="hotline" label="公布的投诉举报电话">
            <Input placeholder="如 027-87654321" />
          </Form.Item>
          <Form.Item name="contactName" label="联系人">
            <Input />
          </Form.Item>
          <Form.Item name="contactPhone" label="联系电话">
            <Input />
          </Form.Item>
          <Form.Item name="responsibleLeader" label="分管领导">
            <Input />
          </Form.Item>
        </Form>
      </Modal>
    </PageContainer>
  );
}
