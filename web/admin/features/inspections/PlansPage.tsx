import { PlusOutlined } from '@ant-design/icons';
import { type ActionType, PageContainer, ProTable } from '@ant-design/pro-components';
import { Button, DatePicker, Form, Input, Modal, Select, Tag } from 'antd';
import { useEffect, useRef, useState } from 'react';
import { INSPECTION_MODE_LABELS, INSPECTION_MODES, PLAN_TYPE_LABELS, PLAN_TYPES } from '../../../../core/inspections/labels.js';
import { REPEAT_WINDOW_LABELS, REPEAT_WINDOWS } from '../../../../core/inspections/window.js';
import { DEPARTMENT_TYPE_LABELS, DEPARTMENT_TYPES } from '../../../../core/org.js';
import { api, tableRequest } from '../../../common/api.js';
import { useSession } from '../../app/session.js';
import { RegionSelect } from '../../components/RegionSelect.js';
import { useSave, ymd } from '../campaigns/components/shared.js';
import { type Inspector, listCampaigns, listInspectors } from './api.js';

interface Plan {
  id: string;
  title: string;
  campaignTitle: string;
  regionName: string;
  type: string;
  typeLabel: string;
  mode: string;
  modeLabel: string;
  startsOn: string;
  endsOn: string;
  departments: string[];
}

/** 检查计划: per campaign and region; covert (暗访) plans are listed only to their staff and supervisors. */
export default function PlansPage() {
  const { can } = useSession();
  const ref = useRef<ActionType>(null);
  const save = useSave();
  const [open, setOpen] = useState(false);
  const [form] = Form.useForm();
  const [campaigns, setCampaigns] = useState<Array<{ id: string; title: string }>>([]);
  const [inspectors, setInspectors] = useState<Inspector[]>([]);
  useEffect(() => {
    void listCampaigns().then((p) => setCampaigns(p.items), () => undefined);
    void listInspectors().then((p) => setInspectors(p.items), () => undefined);
  }, []);
  const create = async () => {
    const v = await form.validateFields();
    const body = { ...v, startsOn: ymd(v.period?.[0]), endsOn: ymd(v.period?.[1]), period: undefined };
    if (await save(() => api.post('/api/inspection-plans', body), { form, success: '已新建检查计划' })) {
      setOpen(false);
      form.resetFields();
      ref.current?.reload();
    }
  };
  return (
    <PageContainer title="检查计划" content="日常、专项、投诉驱动、拉网式、双随机和联合检查计划；暗访计划仅计划人员及其上级可见。">
      <ProTable<Plan>
        rowKey="id"
        actionRef={ref}
        request={(p) => tableRequest<Plan>('/api/inspection-plans', p)}
        search={{ labelWidth: 'auto' }}
        toolBarRender={() =>
          can('inspection:manage')
            ? [
                <Button key="new" type="primary" icon={<PlusOutlined />} onClick={() => setOpen(true)}>
                  新建检查计划
                </Button>,
              ]
            : []
        }
        columns={[
          { title: '区划', dataIndex: 'region', hideInTable: true, renderFormItem: () => <RegionSelect /> },
          { title: '计划名称', dataIndex: 'title', search: false },
          { title: '专项行动', dataIndex: 'campaignTitle', search: false, ellipsis: true },
          { title: '区域', dataIndex: 'regionName', search: false, width: 120 },
          { title: '类型', dataIndex: 'typeLabel', search: false, width: 110 },
          { title: '方式', dataIndex: 'modeLabel', search: false, width: 100, render: (_d, r) => <Tag color={r.mode === 'covert' ? 'red' : r.mode === 'unannounced' ? 'orange' : 'blue'}>{r.modeLabel}</Tag> },
          { title: '期间', search: false, width: 200, render: (_d, r) => `${r.startsOn} 至 ${r.endsOn}` },
          { title: '参与部门', search: false, render: (_d, r) => r.departments.map((d) => DEPARTMENT_TYPE_LABELS[d as keyof typeof DEPARTMENT_TYPE_LABELS] ?? d).join('、') || '—' },
        ]}
      />
      <Modal open={open} title="新建检查计划" onOk={create} onCancel={() => setOpen(false)} okText="保存" destroyOnHidden width={640}>
        <Form form={form} layout="vertical" name="newPlan" initialValues={{ type: 'routine', mode: 'announced', repeatWindow: 'quarter' }}>
          <Form.Item name="campaignId" label="专项行动" rules={[{ required: true, message: '请选择专项行动' }]}>
            <Select options={campaigns.map((c) => ({ value: c.id, label: c.title }))} placeholder="选择专项行动" />
          </Form.Item>
          <Form.Item name="regionCode" label="检查区域" rules={[{ required: true, message: '请选择检查区域' }]}>
            <RegionSelect />
          </Form.Item>
          <Form.Item name="title" label="计划名称" rules={[{ required: true, message: '请填写计划名称' }]}>
            <Input maxLength={200} />
          </Form.Item>
          <Form.Item name="type" label="检查类型">
            <Select options={PLAN_TYPES.map((t) => ({ value: t, label: PLAN_TYPE_LABELS[t] }))} />
          </Form.Item>
          <Form.Item name="mode" label="检查方式" tooltip="暗访计划及其记录仅计划人员及其上级可见，不向企业公开">
            <Select options={INSPECTION_MODES.map((t) => ({ value: t, label: INSPECTION_MODE_LABELS[t] }))} />
          </Form.Item>
          <Form.Item name="period" label="计划期间" rules={[{ required: true, message: '请选择计划期间' }]}>
            <DatePicker.RangePicker style={{ width: '100%' }} />
          </Form.Item>
          <Form.Item name="departments" label="参与部门（联合检查）">
            <Select mode="multiple" options={DEPARTMENT_TYPES.map((d) => ({ value: d, label: DEPARTMENT_TYPE_LABELS[d] }))} />
          </Form.Item>
          <Form.Item name="staffUserIds" label="检查人员（持证）">
            <Select mode="multiple" options={inspectors.map((i) => ({ value: i.id, label: `${i.name}（${i.department}）` }))} />
          </Form.Item>
          <Form.Item name="repeatWindow" label="重复检查限制" tooltip="同一企业在此窗口内被另行检查时须说明理由">
            <Select options={REPEAT_WINDOWS.map((w) => ({ value: w, label: REPEAT_WINDOW_LABELS[w] }))} />
          </Form.Item>
        </Form>
      </Modal>
    </PageContainer>
  );
}
