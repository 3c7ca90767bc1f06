import { Button, DatePicker, Form, Input, InputNumber, Modal, Popconfirm, Select, Space, Table, Tag, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { DEADLINE_KINDS, DEADLINE_KIND_LABELS, UNIT_ROLES, UNIT_ROLE_LABELS } from '../../../../../core/campaigns.js';
import { api } from '../../../../common/api.js';
import { dayjs } from '../../../../common/format.js';
import {
  type CampaignDeadline,
  type CampaignDetail,
  type CampaignUnit,
  addDeadline,
  addUnit,
  deleteDeadline,
  deleteUnit,
  updateDeadline,
  updateUnit,
} from '../api/campaigns.js';
import { DEPARTMENT_OPTIONS, deptLabel, useSave, ymd } from './shared.js';

interface OrgUnitOption {
  id: string;
  name: string;
  type: string;
  regionName: string;
}

/** 参与单位: each unit's role, duties, responsible leader and contact (S3 §四(一)). */
export function UnitsTab({ campaign, reload }: { campaign: CampaignDetail; reload: () => Promise<void> }) {
  const save = useSave();
  const [form] = Form.useForm();
  const [editing, setEditing] = useState<CampaignUnit | 'new' | null>(null);
  const [orgUnits, setOrgUnits] = useState<OrgUnitOption[]>([]);
  const manage = campaign.canManage;
  useEffect(() => {
    if (manage) void api.get<{ items: OrgUnitOption[] }>('/api/org-units', { region: campaign.regionCode, pageSize: 200 }).then((r) => setOrgUnits(r.items));
  }, [manage, campaign.regionCode]);

  const open = (u: CampaignUnit | 'new') => {
    form.resetFields();
    form.setFieldsValue(u === 'new' ? { role: 'member' } : u);
    setEditing(u);
  };
  const submit = async () => {
    const v = await form.validateFields();
    const ok = await save(() => (editing === 'new' ? addUnit(campaign.id, v) : updateUnit(campaign.id, (editing as CampaignUnit).id, v)), { form });
    if (ok) {
      setEditing(null);
      await reload();
    }
  };

  return (
    <>
      {manage ? (
        <Button style={{ marginBottom: 16 }} onClick={() => open('new')}>
          新增参与单位
        </Button>
      ) : null}
      <Table<CampaignUnit>
        rowKey="id"
        size="small"
        pagination={false}
        dataSource={campaign.units}
        columns={[
          { title: '单位', dataIndex: 'unitName', width: 220, render: (v: string, u) => <Space>{v}{u.orgUnitId ? null : <Tag>未关联单位</Tag>}</Space> },
          { title: '类别', dataIndex: 'role', width: 90, render: (v: string) => <Tag color={v === 'lead' ? 'blue' : 'default'}>{UNIT_ROLE_LABELS[v as 'lead'] ?? v}</Tag> },
          { title: '部门', dataIndex: 'departmentType', width: 130, render: (v: string | null) => deptLabel(v) },
          { title: '职责', dataIndex: 'duties', render: (v: string | null) => <Typography.Paragraph style={{ margin: 0 }}>{v ?? '—'}</Typography.Paragraph> },
          { title: '分管领导', dataIndex: 'responsibleLeader', width: 100, render: (v: string | null) => v ?? '—' },
          { title: '联系人', dataIndex: 'contactName', width: 90, render: (v: string | null) => v ?? '—' },
          { title: '联系电话', dataIndex: 'contactPhone', width: 130, render: (v: string | null) => v ?? '—' },
          ...(manage
            ? [
                {
                  title: '操作',
                  width: 100,
                  render: (_v: unknown, u: CampaignUnit) => (
                    <Space>
                      <a onClick={() => open(u)}>编辑</a>
                      <Popconfirm title="移除该参与单位？" onConfirm={async () => (await save(() => deleteUnit(campaign.id, u.id), { success: '已移除' })) && reload()}>
                        <a>移除</a>
                      </Popconfirm>
                    </Space>
                  ),
                },
              ]
            : []),
        ]}
      />
      <Modal open={editing !== null} title={editing === 'new' ? '新增参与单位' : '编辑参与单位'} onOk={submit} onCancel={() => setEditing(null)} destroyOnHidden width={640}>
        <Form form={form} name="campaignUnit" layout="vertical">
          <Form.Item name="orgUnitId" label="单位" extra="选择已登记的单位；未登记的单位可只填名称">
            <Select
              allowClear
              showSearch
              optionFilterProp="label"
              options={orgUnits.map((u) => ({ value: u.id, label: `${u.name}（${u.regionName}）` }))}
              onChange={(id) => {
                const u = orgUnits.find((x) => x.id === id);
                if (u && !form.getFieldValue('unitName')) form.setFieldValue('unitName', u.name);
              }}
            />
          </Form.Item>
          <Form.Item name="unitName" label="单位名称">
            <Input />
          </Form.Item>
          <Space>
            <Form.Item name="role" label="类别">
              <Select style={{ width: 140 }} options={UNIT_ROLES.map((r) => ({ value: r, label: UNIT_ROLE_LABELS[r] }))} />
            </Form.Item>
            <Form.Item name="departmentType" label="部门类型">
              <Select allowClear style={{ width: 200 }} options={DEPARTMENT_OPTIONS} />
            </Form.Item>
            <Form.Item name="sortOrder" label="排序">
              <InputNumber min={0} />
            </Form.Item>
          </Space>
          <Form.Item name="duties" label="职责">
            <Input.TextArea rows={3} />
          </Form.Item>
          <Space>
            <Form.Item name="responsibleLeader" label="分管领导">
              <Input />
            </Form.Item>
            <Form.Item name="contactName" label="联系人">
              <Input />
            </Form.Item>
            <Form.Item name="contactPhone" label="联系电话">
              <Input />
            </Form.Item>
          </Space>
        </Form>
      </Modal>
    </>
  );
}

/** 期限: dated obligations besides the phases (self-inspection filing, dragnet inspection …). */
export function DeadlinesTab({ campaign, reload }: { campaign: CampaignDetail; reload: () => Promise<void> }) {
  const save = useSave();
  const [form] = Form.useForm();
  const [editing, setEditing] = useState<CampaignDeadline | 'new' | null>(null);
  const manage = campaign.canManage;
  const open = (d: CampaignDeadline | 'new') => {
    form.resetFields();
    if (d !== 'new') form.setFieldsValue({ ...d, dueOn: dayjs(d.dueOn) });
    setEditing(d);
  };
  const submit = async () => {
    const v = await form.validateFields();
    const body = { ...v, dueOn: ymd(v.dueOn) };
    const ok = await save(() => (editing === 'new' ? addDeadline(campaign.id, body) : updateDeadline(campaign.id, (editing as CampaignDeadline).id, body)), { form });
    if (ok) {
      setEditing(null);
      await reload();
    }
  };
  return (
    <>
      {manage ? (
        <Button style={{ marginBottom: 16 }} onClick={() => open('new')}>
          新增期限
        </Button>
      ) : null}
      <Table<CampaignDeadline>
        rowKey="id"
        size="small"
        pagination={false}
        dataSource={campaign.deadlines}
        columns={[
          { title: '期限', dataIndex: 'dueOn', width: 120 },
          { title: '类型', dataIndex: 'kind', width: 160, render: (v: string) => DEADLINE_KIND_LABELS[v as keyof typeof DEADLINE_KIND_LABELS] ?? v },
          { title: '说明', dataIndex: 'description' },
          ...(manage
            ? [
                {
                  title: '操作',
                  width: 100,
                  render: (_v: unknown, d: CampaignDeadline) => (
                    <Space>
                      <a onClick={() => open(d)}>编辑</a>
                      <Popconfirm title="删除该期限？" onConfirm={async () => (await save(() => deleteDeadline(campaign.id, d.id), { success: '已删除' })) && reload()}>
                        <a>删除</a>
                      </Popconfirm>
                    </Space>
                  ),
                },
              ]
            : []),
        ]}
      />
      <Modal open={editing !== null} title={editing === 'new' ? '新增期限' : '编辑期限'} onOk={submit} onCancel={() => setEditing(null)} destroyOnHidden>
        <Form form={form} name="campaignDeadline" layout="vertical">
          <Form.Item name="kind" label="类型" rules={[{ required: true, message: '请选择类型' }]}>
            <Select options={DEADLINE_KINDS.map((k) => ({ value: k, label: DEADLINE_KIND_LABELS[k] }))} />
          </Form.Item>
          <Form.Item name="dueOn" label="期限" rules={[{ required: true, message: '请选择日期' }]}>
            <DatePicker />
          </Form.Item>
          <Form.Item name="description" label="说明" rules={[{ required: true, message: '请填写说明' }]}>
            <Input.TextArea rows={2} />
          </Form.Item>
        </Form>
      </Modal>
    </>
  );
}
