import { PlusOutlined } from '@ant-design/icons';
import { type ActionType, PageContainer, ProTable } from '@ant-design/pro-components';
import { App, Button, Form, Input, Modal, Select, Switch, Tag } from 'antd';
import { useRef, useState } from 'react';
import { useSearchParams } from 'react-router-dom';
import { PRACTITIONER_ROLES, PRACTITIONER_ROLE_LABELS } from '../../../../core/registry.js';
import { ApiError, applyFieldErrors, tableRequest } from '../../../common/api.js';
import { useSession } from '../../app/session.js';
import { createPractitioner, searchProjects, updatePractitioner } from './api/registry.js';
import type { Practitioner } from './api/types.js';
import { RegionSelect } from '../../components/RegionSelect.js';
import { EnterpriseSelect } from './components/EnterpriseSelect.js';

function ProjectOfEnterpriseSelect(props: { id?: string; value?: string | null; onChange?: (v: string | null) => void; enterpriseId?: string; initialLabel?: string | null }) {
  const [options, setOptions] = useState<{ value: string; label: string }[]>(props.value && props.initialLabel ? [{ value: props.value, label: props.initialLabel }] : []);
  const search = async (q: string) => {
    if (!props.enterpriseId) return;
    const res = await searchProjects(q, props.enterpriseId);
    setOptions(res.items.map((p) => ({ value: p.id, label: `${p.name}（${p.regionName}）` })));
  };
  return (
    <Select
      id={props.id}
      showSearch
      allowClear
      filterOption={false}
      disabled={!props.enterpriseId}
      onSearch={(q) => void search(q)}
      onFocus={() => void search('')}
      options={options}
      value={props.value ?? undefined}
      onChange={(v) => props.onChange?.(v ?? null)}
      placeholder={props.enterpriseId ? '选择该企业管理的项目' : '请先选择企业'}
    />
  );
}

export default function PractitionersPage() {
  const { can } = useSession();
  const { message } = App.useApp();
  const [search] = useSearchParams();
  const ref = useRef<ActionType>(null);
  const [editing, setEditing] = useState<Practitioner | 'new' | null>(null);
  const [form] = Form.useForm();
  const enterpriseId: string | undefined = Form.useWatch('enterpriseId', form);

  const save = async () => {
    const values = await form.validateFields();
    try {
      if (editing === 'new') await createPractitioner(values);
      else if (editing) {
        const { enterpriseId: _e, ...rest } = values;
        await updatePractitioner(editing.id, rest);
      }
      message.success('已保存');
      setEditing(null);
      ref.current?.reload();
    } catch (err) {
      if (!applyFieldErrors(form, err)) message.error(err instanceof ApiError ? err.message : '保存失败');
    }
  };

  return (
    <PageContainer title="从业人员" content="物业服务企业的负责人、项目经理等从业人员，用于信用记录。离职人员设为“离职”，不删除。">
      <ProTable<Practitioner>
        rowKey="id"
        actionRef={ref}
        params={{ enterpriseId: search.get('enterpriseId') ?? undefined }}
        request={(params) => tableRequest<Practitioner>('/api/practitioners', params)}
        search={{ labelWidth: 'auto' }}
        pagination={{ defaultPageSize: 20 }}
        toolBarRender={() =>
          can('enterprise:manage')
            ? [
                <Button
                  key="new"
                  type="primary"
                  icon={<PlusOutlined />}
                  onClick={() => {
                    form.resetFields();
                    form.setFieldsValue({ enterpriseId: search.get('enterpriseId') ?? undefined, active: true });
                    setEditing('new');
                  }}
                >
                  登记从业人员
                </Button>,
              ]
            : []
        }
        columns={[
          { title: '姓名/证书编号', dataIndex: 'q', hideInTable: true },
          { title: '企业', dataIndex: 'enterpriseId', hideInTable: true, renderFormItem: () => <EnterpriseSelect placeholder="全部企业" /> },
          { title: '区划', dataIndex: 'region', hideInTable: true, hideInSearch: !can('region:read'), tooltip: '企业注册地或所在项目位于该区划（含下级）', renderFormItem: () => <RegionSelect /> },
          { title: '姓名', dataIndex: 'name', search: false },
          {
            title: '岗位',
            dataIndex: 'role',
            valueType: 'select',
            valueEnum: Object.fromEntries(PRACTITIONER_ROLES.map((r) => [r, { text: PRACTITIONER_ROLE_LABELS[r] }])),
          },
          { title: '所属企业', dataIndex: 'enterpriseName', search: false },
          { title: '项目', dataIndex: 'projectName', search: false, render: (_d, r) => r.projectName ?? '—' },
          { title: '证书编号', dataIndex: 'certificateNo', search: false },
          { title: '联系电话', dataIndex: 'phone', search: false },
          {
            title: '状态',
            dataIndex: 'active',
            valueType: 'select',
            valueEnum: { true: { text: '在职' }, false: { text: '离职' } },
            render: (_d, r) => (r.active ? <Tag color="green">在职</Tag> : <Tag>离职</Tag>),
          },
          {
            title: '操作',
            valueType: 'option',
            render: (_d, r) =>
              can('enterprise:manage')
                ? [
                    <a
                      key="edit"
                      onClick={() => {
                        form.resetFields();
                        form.setFieldsValue(r);
                        setEditing(r);
                      }}
                    >
                      编辑
                    </a>,
                  ]
                : [],
          },
        ]}
      />
      <Modal open={editing !== null} title={editing === 'new' ? '登记从业人员' : '编辑从业人员'} onOk={() => void save()} onCancel={() => setEditing(null)} destroyOnHidden width={560}>
        <Form form={form} layout="vertical">
          <Form.Item name="enterpriseId" label="所属企业" rules={[{ required: true, message: '请选择企业' }]}>
            <EnterpriseSelect initialLabel={editing && editing !== 'new' ? editing.enterpriseName : null} />
          </Form.Item>
          <Form.Item name="name" label="姓名" rules={[{ required: true, message: '请填写姓名' }]}>
            <Input maxLength={30} />
          </Form.Item>
          <Form.Item name="role" label="岗位" rules={[{ required: true, message: '请选择岗位' }]}>
            <Select options={PRACTITIONER_ROLES.map((r) => ({ value: r, label: PRACTITIONER_ROLE_LABELS[r] }))} />
          </Form.Item>
          <Form.Item name="projectId" label="所在项目">
            <ProjectOfEnterpriseSelect enterpriseId={enterpriseId} initialLabel={editing && editing !== 'new' ? editing.projectName : null} />
          </Form.Item>
          <Form.Item name="certificateNo" label="证书编号">
            <Input maxLength={40} />
          </Form.Item>
          <Form.Item name="phone" label="联系电话">
            <Input />
          </Form.Item>
          <Form.Item name="active" label="在职" valuePropName="checked">
            <Switch checkedChildren="在职" unCheckedChildren="离职" />
          </Form.Item>
        </Form>
      </Modal>
    </PageContainer>
  );
}
