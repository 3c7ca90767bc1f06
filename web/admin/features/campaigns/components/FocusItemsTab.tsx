import { Button, Card, Empty, Form, Input, InputNumber, Modal, Popconfirm, Select, Space, Table, Tag, Typography } from 'antd';
import { useEffect, useMemo, useState } from 'react';
import { type Provision, listProvisions } from '../../legal/api/legal.js';
import { CONFIDENCE_SHORT, ConfidenceTag, DepartmentTag } from '../../legal/components.js';
import { type CampaignDetail, type FocusItem, addFocusItem, deleteFocusItem, updateFocusItem } from '../api/campaigns.js';
import { DEPARTMENT_OPTIONS, LEAD_OPTIONS, useSave } from './shared.js';

/** Multi-select over the legal library, searching on the server. */
function ProvisionPicker(props: { value?: number[]; onChange?: (v: number[]) => void; initial: Provision[] }) {
  const [options, setOptions] = useState<Provision[]>(props.initial);
  const [q, setQ] = useState('');
  useEffect(() => {
    const timer = setTimeout(() => {
      void listProvisions({ q: q || undefined, pageSize: 50 }).then((r) =>
        setOptions((prev) => {
          const byId = new Map([...prev, ...r.items].map((p) => [p.id, p]));
          return [...byId.values()];
        }),
      );
    }, 250);
    return () => clearTimeout(timer);
  }, [q]);
  return (
    <Select
      mode="multiple"
      value={props.value}
      onChange={props.onChange}
      showSearch
      filterOption={false}
      onSearch={setQ}
      placeholder="输入法规名称、条款或关键词检索"
      options={options.map((p) => ({ value: p.id, label: `${p.citation}${p.versionLabel ? `（${p.versionLabel}）` : ''}【${CONFIDENCE_SHORT[p.confidence]}】` }))}
    />
  );
}

function LegalBasisTable({ items }: { items: Provision[] }) {
  if (items.length === 0) return <Typography.Text type="secondary">未设置法律依据</Typography.Text>;
  return (
    <Table<Provision>
      rowKey="id"
      size="small"
      pagination={false}
      dataSource={items}
      columns={[
        { title: '条款', dataIndex: 'citation', width: 220, render: (v: string, p) => <span>{v}{p.versionLabel ? <Typography.Text type="secondary">（{p.versionLabel}）</Typography.Text> : null}</span> },
        { title: '要旨', dataIndex: 'summary', ellipsis: true },
        { title: '罚则', dataIndex: 'penaltyRange', width: 260, ellipsis: true, render: (v: string | null) => v ?? '—' },
        { title: '执法', dataIndex: 'enforcingDepartmentType', width: 110, render: (v: string | null) => <DepartmentTag value={v} /> },
        { title: '有效期', width: 170, render: (_v, p) => `${p.effectiveFrom} 起${p.effectiveTo ? ` 至 ${p.effectiveTo}` : ''}` },
        { title: '核实', dataIndex: 'confidence', width: 90, render: (v: string) => <ConfidenceTag value={v} /> },
      ]}
    />
  );
}

/** 整治重点: S3 §二's items with their legal basis and lead / co-operating departments. */
export function FocusItemsTab({ campaign, reload }: { campaign: CampaignDetail; reload: () => Promise<void> }) {
  const save = useSave();
  const [form] = Form.useForm();
  const [editing, setEditing] = useState<FocusItem | 'new' | null>(null);
  const manage = campaign.canManage;
  const nextSeq = useMemo(() => Math.max(0, ...campaign.focusItems.map((f) => f.seq)) + 1, [campaign.focusItems]);

  const open = (item: FocusItem | 'new') => {
    form.resetFields();
    form.setFieldsValue(item === 'new' ? { seq: nextSeq, coDepartmentTypes: [], legalProvisionIds: [] } : item);
    setEditing(item);
  };
  const submit = async () => {
    const v = await form.validateFields();
    const ok = await save(() => (editing === 'new' ? addFocusItem(campaign.id, v) : updateFocusItem(campaign.id, (editing as FocusItem).id, v)), { form });
    if (ok) {
      setEditing(null);
      await reload();
    }
  };

  return (
    <>
      {manage ? (
        <Button style={{ marginBottom: 16 }} onClick={() => open('new')}>
          新增整治重点
        </Button>
      ) : null}
      {campaign.focusItems.length === 0 ? <Empty description="尚未设置整治重点" /> : null}
      {campaign.focusItems.map((f) => (
        <Card
          key={f.id}
          size="small"
          style={{ marginBottom: 16 }}
          title={
            <Space>
              <Tag color="blue">{f.seq}</Tag>
              <span>{f.title}</span>
            </Space>
          }
          extra={
            <Space>
              <span>牵头</span>
              <DepartmentTag value={f.leadDepartmentType} />
              {f.coDepartmentTypes.length ? <span>协办</span> : null}
              {f.coDepartmentTypes.map((d) => (
                <DepartmentTag key={d} value={d} />
              ))}
              {manage ? (
                <>
                  <a onClick={() => open(f)}>编辑</a>
                  <Popconfirm title="删除该整治重点？" onConfirm={async () => (await save(() => deleteFocusItem(campaign.id, f.id), { success: '已删除' })) && reload()}>
                    <a>删除</a>
                  </Popconfirm>
                </>
              ) : null}
            </Space>
          }
        >
          <Typography.Paragraph>{f.description}</Typography.Paragraph>
          {f.checklistText && f.checklistText !== f.description ? (
            <Typography.Paragraph type="secondary">自查表表述：{f.checklistText}</Typography.Paragraph>
          ) : null}
          <LegalBasisTable items={f.legalBasis} />
        </Card>
      ))}

      <Modal open={editing !== null} title={editing === 'new' ? '新增整治重点' : '编辑整治重点'} onOk={submit} onCancel={() => setEditing(null)} destroyOnHidden width={760}>
        <Form form={form} name="focusItem" layout="vertical">
          <Space align="start">
            <Form.Item name="seq" label="编号" rules={[{ required: true, message: '请填写编号' }]}>
              <InputNumber min={1} max={20} />
            </Form.Item>
            <Form.Item name="title" label="简称" rules={[{ required: true, message: '请填写简称' }]} style={{ width: 560 }}>
              <Input />
            </Form.Item>
          </Space>
          <Form.Item name="description" label="整治内容（方案原文）" rules={[{ required: true, message: '请填写内容' }]}>
            <Input.TextArea rows={3} />
          </Form.Item>
          <Form.Item name="checklistText" label="自查表表述" extra="与方案原文不同时填写">
            <Input.TextArea rows={2} />
          </Form.Item>
          <Space align="start">
            <Form.Item name="leadDepartmentType" label="牵头部门" rules={[{ required: true, message: '请选择牵头部门' }]}>
              <Select style={{ width: 220 }} options={LEAD_OPTIONS} />
            </Form.Item>
            <Form.Item name="coDepartmentTypes" label="协办部门">
              <Select mode="multiple" style={{ width: 440 }} options={DEPARTMENT_OPTIONS} />
            </Form.Item>
          </Space>
          <Form.Item name="legalProvisionIds" label="法律依据">
            <ProvisionPicker initial={editing && editing !== 'new' ? editing.legalBasis : []} />
          </Form.Item>
        </Form>
      </Modal>
    </>
  );
}
