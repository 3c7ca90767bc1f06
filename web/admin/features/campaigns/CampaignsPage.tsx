import { type ActionType, PageContainer, ProTable } from '@ant-design/pro-components';
import { Alert, Button, DatePicker, Form, Input, InputNumber, Modal, Radio, Select, Space, Steps, Typography } from 'antd';
import { useEffect, useRef, useState } from 'react';
import { useNavigate } from 'react-router-dom';
import { CAMPAIGN_STATUSES, CAMPAIGN_STATUS_LABELS } from '../../../../core/campaigns.js';
import { tableRequest } from '../../../common/api.js';
import { REGION_LEVEL_LABELS } from '../../../common/labels.js';
import { useSession } from '../../app/session.js';
import { RegionSelect } from '../../components/RegionSelect.js';
import { type CampaignSummary, type CampaignTemplate, createCampaign, createFromTemplate, listTemplates } from './api/campaigns.js';
import { RelationTag, StatusTag, useSave, ymd } from './components/shared.js';

function FromTemplateModal({ open, onClose }: { open: boolean; onClose: () => void }) {
  const [templates, setTemplates] = useState<CampaignTemplate[]>([]);
  const [form] = Form.useForm();
  const navigate = useNavigate();
  const save = useSave();
  const templateId = Form.useWatch('templateId', form) as string | undefined;
  const chosen = templates.find((t) => t.id === templateId);
  useEffect(() => {
    if (open) void listTemplates().then((r) => setTemplates(r.items));
  }, [open]);
  const submit = async () => {
    const v = await form.validateFields();
    let createdId = '';
    const ok = await save(
      async () => {
        createdId = (await createFromTemplate(v)).id;
      },
      { form, success: '已按模板创建专项行动' },
    );
    if (ok) {
      onClose();
      navigate(`/app/campaigns/${createdId}`);
    }
  };
  return (
    <Modal open={open} title="按模板新建专项行动" onOk={submit} onCancel={onClose} width={720} destroyOnHidden okText="创建">
      <Form form={form} name="fromTemplate" layout="vertical" initialValues={{ status: 'draft' }}>
        <Form.Item name="templateId" label="模板" rules={[{ required: true, message: '请选择模板' }]}>
          <Select
            options={templates.map((t) => ({ value: t.id, label: `${t.name}（${REGION_LEVEL_LABELS[t.level as keyof typeof REGION_LEVEL_LABELS] ?? t.level}级）` }))}
            onChange={(id) => form.setFieldValue('year', templates.find((t) => t.id === id)?.year)}
          />
        </Form.Item>
        {chosen ? (
          <>
            <Alert type="info" style={{ marginBottom: 16 }} message={`《${chosen.title}》`} description={chosen.summary} />
            {chosen.phases.length ? (
              <Steps
                size="small"
                style={{ marginBottom: 16 }}
                items={chosen.phases.map((p) => ({ title: p.name, description: `${p.startsOn ? p.startsOn.slice(5) : '…'} 至 ${p.endsOn.slice(5)}，${p.taskCount} 项任务` }))}
              />
            ) : null}
            <Typography.Paragraph type="secondary">
              整治重点 {chosen.focusItemCount} 项；部门分工：{chosen.departments.map((d) => `${d.unitName}${d.role === 'lead' ? '（牵头）' : ''}`).join('、')}。
              创建后自动关联本区划对应部门的单位，分管领导与联系人取自单位信息。
            </Typography.Paragraph>
          </>
        ) : null}
        <Space align="start" wrap>
          <Form.Item name="regionCode" label="适用区划" rules={[{ required: true, message: '请选择区划' }]}>
            <RegionSelect />
          </Form.Item>
          <Form.Item name="year" label="年度" extra="日期按月日顺延到该年度">
            <InputNumber min={2000} max={2100} />
          </Form.Item>
          <Form.Item name="status" label="创建后状态">
            <Radio.Group
              options={[
                { value: 'draft', label: '草稿' },
                { value: 'active', label: '立即实施' },
              ]}
            />
          </Form.Item>
        </Space>
      </Form>
    </Modal>
  );
}

function CreateCampaignModal({ open, onClose }: { open: boolean; onClose: () => void }) {
  const [form] = Form.useForm();
  const navigate = useNavigate();
  const save = useSave();
  const submit = async () => {
    const v = await form.validateFields();
    let createdId = '';
    const body = { ...v, issuedOn: ymd(v.issuedOn), startsOn: ymd(v.period?.[0]), endsOn: ymd(v.period?.[1]), period: undefined };
    const ok = await save(
      async () => {
        createdId = (await createCampaign(body)).id;
      },
      { form, success: '已创建专项行动' },
    );
    if (ok) {
      onClose();
      navigate(`/app/campaigns/${createdId}`);
    }
  };
  return (
    <Modal open={open} title="新建空白专项行动" onOk={submit} onCancel={onClose} width={640} destroyOnHidden okText="创建">
      <Form form={form} name="newCampaign" layout="vertical" initialValues={{ withDefaultRules: true }}>
        <Form.Item name="title" label="方案名称（不含书名号）" rules={[{ required: true, message: '请填写方案名称' }]}>
          <Input />
        </Form.Item>
        <Form.Item name="regionCode" label="适用区划" rules={[{ required: true, message: '请选择区划' }]}>
          <RegionSelect />
        </Form.Item>
        <Form.Item name="issuingUnit" label="印发单位" rules={[{ required: true, message: '请填写印发单位' }]}>
          <Input />
        </Form.Item>
        <Space>
          <Form.Item name="documentNumber" label="文号">
            <Input placeholder="如 东湖管〔2026〕12号" />
          </Form.Item>
          <Form.Item name="issuedOn" label="印发日期">
            <DatePicker />
          </Form.Item>
        </Space>
        <Form.Item name="period" label="起止日期" rules={[{ required: true, message: '请选择起止日期' }]}>
          <DatePicker.RangePicker placeholder={['开始日期', '结束日期']} />
        </Form.Item>
        <Form.Item name="withDefaultRules" label="责任分工规则">
          <Radio.Group
            options={[
              { value: true, label: '使用默认责任矩阵' },
              { value: false, label: '稍后自行设置' },
            ]}
          />
        </Form.Item>
      </Form>
    </Modal>
  );
}

/** 专项行动列表: campaigns applying to the caller's jurisdiction (own, higher levels, lower levels). */
export default function CampaignsPage() {
  const { can } = useSession();
  const navigate = useNavigate();
  const ref = useRef<ActionType>(null);
  const [modal, setModal] = useState<'template' | 'blank' | null>(null);
  const manage = can('campaign:manage');
  return (
    <PageContainer title="专项行动" content="本级制定的方案、上级方案（须贯彻执行）与下级实施方案。">
      <ProTable<CampaignSummary>
        rowKey="id"
        actionRef={ref}
        request={(params) => tableRequest<CampaignSummary>('/api/campaigns', params)}
        search={{ labelWidth: 'auto' }}
        pagination={{ defaultPageSize: 20 }}
        toolBarRender={() =>
          manage
            ? [
                <Button key="blank" onClick={() => setModal('blank')}>新建空白方案</Button>,
                <Button key="tpl" type="primary" onClick={() => setModal('template')}>按模板新建</Button>,
              ]
            : []
        }
        columns={[
          { title: '名称/文号', dataIndex: 'q', hideInTable: true },
          { title: '区划', dataIndex: 'region', hideInTable: true, renderFormItem: () => <RegionSelect /> },
          { title: '年度', dataIndex: 'year', hideInTable: true, valueType: 'digit' },
          {
            title: '方案名称',
            dataIndex: 'title',
            search: false,
            render: (_d, r) => (
              <a onClick={() => navigate(`/app/campaigns/${r.id}`)}>《{r.title}》</a>
            ),
          },
          {
            title: '制定区划',
            dataIndex: 'regionName',
            search: false,
            width: 200,
            render: (_d, r) => (
              <Space>
                {r.regionName}
                <RelationTag relation={r.relation} />
              </Space>
            ),
          },
          { title: '印发单位', dataIndex: 'issuingUnit', search: false, ellipsis: true },
          { title: '印发日期', dataIndex: 'issuedOn', search: false, width: 110, render: (_d, r) => r.issuedOn ?? '—' },
          { title: '起止日期', search: false, width: 200, render: (_d, r) => `${r.startsOn} 至 ${r.endsOn}` },
          {
            title: '状态',
            dataIndex: 'status',
            width: 100,
            valueType: 'select',
            valueEnum: Object.fromEntries(CAMPAIGN_STATUSES.map((s) => [s, { text: CAMPAIGN_STATUS_LABELS[s] }])),
            render: (_d, r) => <StatusTag status={r.status} />,
          },
          { title: '操作', valueType: 'option', width: 80, render: (_d, r) => [<a key="open" onClick={() => navigate(`/app/campaigns/${r.id}`)}>{r.canManage ? '管理' : '查看'}</a>] },
        ]}
      />
      <FromTemplateModal open={modal === 'template'} onClose={() => setModal(null)} />
      <CreateCampaignModal open={modal === 'blank'} onClose={() => setModal(null)} />
    </PageContainer>
  );
}

