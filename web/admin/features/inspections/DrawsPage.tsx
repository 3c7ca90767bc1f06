import { PlusOutlined } from '@ant-design/icons';
import { type ActionType, PageContainer, ProTable } from '@ant-design/pro-components';
import { Button, Form, Input, InputNumber, Modal, Select, Tag } from 'antd';
import { useEffect, useRef, useState } from 'react';
import { Link, useNavigate } from 'react-router-dom';
import { DEPARTMENT_TYPE_LABELS, DEPARTMENT_TYPES } from '../../../../core/org.js';
import { api, tableRequest } from '../../../common/api.js';
import { fmtDateTime } from '../../../common/format.js';
import { useSession } from '../../app/session.js';
import { RegionSelect } from '../../components/RegionSelect.js';
import { useSave } from '../campaigns/components/shared.js';
import { listCampaigns } from './api.js';

interface Draw {
  id: string;
  seed: string;
  algorithm: string;
  regionName: string;
  campaignTitle: string;
  targetCount: number;
  published: boolean;
  createdAt: string;
}

const WEIGHTINGS = [
  { value: 'none', label: '不加权（等概率）' },
  { value: 'complaints', label: '按近12个月投诉量加权' },
  { value: 'credit', label: '按信用等级加权' },
  { value: 'complaints_credit', label: '按投诉量和信用等级加权' },
];

/** 双随机抽查: draw targets and inspectors; every draw can be re-run and verified. */
export default function DrawsPage() {
  const { can } = useSession();
  const ref = useRef<ActionType>(null);
  const save = useSave();
  const navigate = useNavigate();
  const [open, setOpen] = useState(false);
  const [form] = Form.useForm();
  const [campaigns, setCampaigns] = useState<Array<{ id: string; title: string }>>([]);
  useEffect(() => {
    void listCampaigns().then((p) => setCampaigns(p.items), () => undefined);
  }, []);
  const create = async () => {
    const v = await form.validateFields();
    let id = '';
    const ok = await save(
      async () => {
        id = (await api.post<{ id: string }>('/api/inspection-draws', { ...v, seed: v.seed?.trim() || undefined })).id;
      },
      { form, success: '抽取完成' },
    );
    if (ok) {
      setOpen(false);
      navigate(`/app/inspections/draws/${id}`);
    }
  };
  return (
    <PageContainer title="双随机抽查" content="从企业项目库中随机抽取检查对象，从持证检查人员中随机抽取检查人员；随机种子、输入和算法版本存档，任何人可复核。">
      <ProTable<Draw>
        rowKey="id"
        actionRef={ref}
        request={(p) => tableRequest<Draw>('/api/inspection-draws', p)}
        search={{ labelWidth: 'auto' }}
        toolBarRender={() =>
          can('inspection:manage')
            ? [
                <Button key="new" type="primary" icon={<PlusOutlined />} onClick={() => setOpen(true)}>
                  新建抽取
                </Button>,
              ]
            : []
        }
        columns={[
          { title: '区划', dataIndex: 'region', hideInTable: true, renderFormItem: () => <RegionSelect /> },
          { title: '抽取时间', dataIndex: 'createdAt', search: false, width: 160, render: (_d, r) => <Link to={`/app/inspections/draws/${r.id}`}>{fmtDateTime(r.createdAt)}</Link> },
          { title: '专项行动', dataIndex: 'campaignTitle', search: false, ellipsis: true },
          { title: '区域', dataIndex: 'regionName', search: false, width: 120 },
          { title: '抽中对象', dataIndex: 'targetCount', search: false, width: 90 },
          { title: '随机种子', dataIndex: 'seed', search: false, ellipsis: true, width: 200 },
          { title: '公开', dataIndex: 'published', search: false, width: 80, render: (_d, r) => (r.published ? <Tag color="green">已公开</Tag> : <Tag>不公开</Tag>) },
        ]}
      />
      <Modal open={open} title="双随机抽取" onOk={create} onCancel={() => setOpen(false)} okText="抽取" destroyOnHidden width={600}>
        <Form form={form} layout="vertical" name="newDraw" initialValues={{ targetCount: 3, inspectorsPerTarget: 2, weighting: 'none' }}>
          <Form.Item name="campaignId" label="专项行动" rules={[{ required: true, message: '请选择专项行动' }]}>
            <Select options={campaigns.map((c) => ({ value: c.id, label: c.title }))} />
          </Form.Item>
          <Form.Item name="regionCode" label="抽取范围" rules={[{ required: true, message: '请选择抽取范围' }]}>
            <RegionSelect />
          </Form.Item>
          <Form.Item name="targetCount" label="抽取对象数" rules={[{ required: true, message: '请填写抽取对象数' }]}>
            <InputNumber min={1} max={500} />
          </Form.Item>
          <Form.Item name="inspectorsPerTarget" label="每个对象检查人员数" rules={[{ required: true, message: '请填写检查人员数' }]}>
            <InputNumber min={2} max={10} />
          </Form.Item>
          <Form.Item name="departments" label="参与部门（从这些部门的持证人员中抽取）">
            <Select mode="multiple" options={DEPARTMENT_TYPES.map((d) => ({ value: d, label: DEPARTMENT_TYPE_LABELS[d] }))} />
          </Form.Item>
          <Form.Item name="weighting" label="风险加权">
            <Select options={WEIGHTINGS} />
          </Form.Item>
          <Form.Item name="seed" label="随机种子" tooltip="留空则由系统生成；公开种子后任何人都可以复核抽取结果">
            <Input maxLength={128} placeholder="留空自动生成" />
          </Form.Item>
        </Form>
      </Modal>
    </PageContainer>
  );
}
