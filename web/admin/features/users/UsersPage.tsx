import { type ActionType, PageContainer, ProTable } from '@ant-design/pro-components';
import { App, Button, Form, Input, Modal, Select, Switch, Tag, Typography } from 'antd';
import { useRef, useState } from 'react';
import { ROLES } from '../../../../core/roles.js';
import { ApiError, api, applyFieldErrors, tableRequest } from '../../../common/api.js';
import { fmtDateTime } from '../../../common/format.js';
import { ROLE_LABELS } from '../../../common/labels.js';
import { RegionSelect } from '../../components/RegionSelect.js';

interface User {
  id: string;
  username: string;
  displayName: string;
  roles: string[];
  regionCode: string;
  regionName: string;
  orgUnitId: string | null;
  orgUnitName: string | null;
  enterpriseId: string | null;
  phone: string | null;
  certificateNo: string | null;
  mustChangePassword: boolean;
  lockedUntil: string | null;
  lastLoginAt: string | null;
  disabled: boolean;
}

function OrgUnitSelect(props: { id?: string; value?: string; onChange?: (v: string) => void }) {
  const [options, setOptions] = useState<{ value: string; label: string }[]>([]);
  const search = async (q: string) => {
    const res = await api.get<{ items: { id: string; name: string; regionName: string }[] }>('/api/org-units', { q, pageSize: 30 });
    setOptions(res.items.map((u) => ({ value: u.id, label: `${u.name}（${u.regionName}）` })));
  };
  return <Select id={props.id} showSearch filterOption={false} onSearch={search} onFocus={() => void search('')} options={options} value={props.value} onChange={props.onChange} allowClear placeholder="搜索单位" />;
}

export default function UsersPage() {
  const { message, modal } = App.useApp();
  const ref = useRef<ActionType>(null);
  const [editing, setEditing] = useState<User | 'new' | null>(null);
  const [form] = Form.useForm();

  const showPassword = (title: string, password: string) =>
    modal.info({ title, content: <Typography.Paragraph copyable={{ text: password }}>临时密码：<b>{password}</b>（请当面或通过安全渠道告知本人，首次登录须修改）</Typography.Paragraph> });

  const save = async () => {
    const values = await form.validateFields();
    try {
      if (editing === 'new') {
        const res = await api.post<{ initialPassword: string | null }>('/api/users', values);
        if (res.initialPassword) showPassword('用户已创建', res.initialPassword);
      } else if (editing) {
        const { username: _u, ...rest } = values;
        await api.patch(`/api/users/${editing.id}`, rest);
        message.success('已保存');
      }
      setEditing(null);
      ref.current?.reload();
    } catch (err) {
      if (!applyFieldErrors(form, err)) message.error(err instanceof ApiError ? err.message : '保存失败');
    }
  };

  const act = async (url: string, done: (res: { temporaryPassword?: string }) => void) => {
    try {
      done(await api.post(url));
      ref.current?.reload();
    } catch (err) {
      message.error(err instanceof ApiError ? err.message : '操作失败');
    }
  };

  return (
    <PageContainer title="用户管理" content="系统管理员、安全审计员不得兼任其他角色（三员分立）。新用户和重置密码的用户首次登录须修改密码。">
      <ProTable<User>
        rowKey="id"
        actionRef={ref}
        request={(params) => tableRequest<User>('/api/users', params)}
        search={{ labelWidth: 'auto' }}
        toolBarRender={() => [<Button key="new" type="primary" onClick={() => { form.resetFields(); setEditing('new'); }}>新建用户</Button>]}
        columns={[
          { title: '用户名/姓名', dataIndex: 'q', hideInTable: true },
          { title: '角色', dataIndex: 'role', hideInTable: true, valueType: 'select', valueEnum: Object.fromEntries(ROLES.map((r) => [r, { text: ROLE_LABELS[r] }])) },
          { title: '区划', dataIndex: 'region', hideInTable: true, renderFormItem: () => <RegionSelect /> },
          { title: '用户名', dataIndex: 'username', search: false },
          { title: '姓名', dataIndex: 'displayName', search: false },
          { title: '角色', dataIndex: 'roles', search: false, render: (_d, r) => r.roles.map((x) => <Tag key={x}>{ROLE_LABELS[x as keyof typeof ROLE_LABELS] ?? x}</Tag>) },
          { title: '单位', dataIndex: 'orgUnitName', search: false },
          { title: '区划', dataIndex: 'regionName', search: false },
          { title: '最近登录', dataIndex: 'lastLoginAt', search: false, render: (_d, r) => fmtDateTime(r.lastLoginAt) },
          {
            title: '状态',
            search: false,
            render: (_d, r) => [
              r.disabled && <Tag key="d">停用</Tag>,
              r.lockedUntil && new Date(r.lockedUntil) > new Date() && <Tag key="l" color="red">锁定中</Tag>,
              r.mustChangePassword && <Tag key="m" color="orange">待改密</Tag>,
            ],
          },
          {
            title: '操作',
            valueType: 'option',
            render: (_d, r) => [
              <a key="edit" onClick={() => { form.setFieldsValue({ ...r, regionCode: r.regionCode }); setEditing(r); }}>编辑</a>,
              <a key="reset" onClick={() => void act(`/api/users/${r.id}/reset-password`, (res) => showPassword('密码已重置', res.temporaryPassword as string))}>重置密码</a>,
              r.lockedUntil && <a key="unlock" onClick={() => void act(`/api/users/${r.id}/unlock`, () => message.success('已解除锁定'))}>解锁</a>,
            ],
          },
        ]}
      />
      <Modal open={editing !== null} title={editing === 'new' ? '新建用户' : '编辑用户'} onOk={save} onCancel={() => setEditing(null)} destroyOnHidden width={560}>
        <Form form={form} layout="vertical">
          <Form.Item name="username" label="用户名" rules={[{ required: true, message: '请输入用户名' }]}>
            <Input disabled={editing !== 'new'} />
          </Form.Item>
          <Form.Item name="displayName" label="姓名" rules={[{ required: true, message: '请输入姓名' }]}>
            <Input />
          </Form.Item>
          <Form.Item name="roles" label="角色" rules={[{ required: true, message: '请选择角色' }]}>
            <Select mode="multiple" options={ROLES.map((r) => ({ value: r, label: ROLE_LABELS[r] }))} />
          </Form.Item>
          <Form.Item name="orgUnitId" label="所属单位">
            <OrgUnitSelect />
          </Form.Item>
          <Form.Item name="regionCode" label="所在区划" extra="选择单位后可不填，默认为单位所在区划">
            <RegionSelect />
          </Form.Item>
          <Form.Item name="enterpriseId" label="所属企业编号（物业企业用户）">
            <Input />
          </Form.Item>
          <Form.Item name="certificateNo" label="执法证号（执法检查员）">
            <Input />
          </Form.Item>
          <Form.Item name="phone" label="手机">
            <Input />
          </Form.Item>
          {editing !== 'new' && (
            <Form.Item name="disabled" label="停用" valuePropName="checked">
              <Switch />
            </Form.Item>
          )}
        </Form>
      </Modal>
    </PageContainer>
  );
}
