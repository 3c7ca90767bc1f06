import { PageContainer } from '@ant-design/pro-components';
import { Button, Card, DatePicker, Descriptions, Form, Input, InputNumber, Modal, Popconfirm, Result, Space, Spin, Tabs, Typography } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import { Link, useParams } from 'react-router-dom';
import { ApiError } from '../../../common/api.js';
import { dayjs } from '../../../common/format.js';
import { TimeLimitsCard } from '../complaints/components/TimeLimitsCard.js';
import { type CampaignDetail, getCampaign, updateCampaign } from './api/campaigns.js';
import { FocusItemsTab } from './components/FocusItemsTab.js';
import { PhasesTab } from './components/PhasesTab.js';
import { ProgressTab } from './components/ProgressTab.js';
import { RulesTab } from './components/RulesTab.js';
import { RelationTag, StatusTag, useSave, ymd } from './components/shared.js';
import { DeadlinesTab, UnitsTab } from './components/UnitsTab.js';

function EditBasicsModal({ campaign, open, onClose, onSaved }: { campaign: CampaignDetail; open: boolean; onClose: () => void; onSaved: () => Promise<void> }) {
  const [form] = Form.useForm();
  const save = useSave();
  useEffect(() => {
    if (!open) return;
    form.setFieldsValue({
      ...campaign,
      issuedOn: campaign.issuedOn ? dayjs(campaign.issuedOn) : null,
      period: [dayjs(campaign.startsOn), dayjs(campaign.endsOn)],
      dragnetDeadline: campaign.dragnetDeadline ? dayjs(campaign.dragnetDeadline) : null,
    });
  }, [open, campaign, form]);
  const submit = async () => {
    const v = await form.validateFields();
    const body = {
      title: v.title,
      documentNumber: v.documentNumber || null,
      issuingUnit: v.issuingUnit,
      issuedOn: ymd(v.issuedOn),
      startsOn: ymd(v.period[0]),
      endsOn: ymd(v.period[1]),
      objective: v.objective || null,
      monthlyReportDueDay: v.monthlyReportDueDay ?? null,
      monthlyReportRule: v.monthlyReportRule || null,
      dragnetDeadline: ymd(v.dragnetDeadline),
      dragnetDescription: v.dragnetDescription || null,
    };
    if (await save(() => updateCampaign(campaign.id, body), { form })) {
      onClose();
      await onSaved();
    }
  };
  return (
    <Modal open={open} title="编辑方案信息" onOk={submit} onCancel={onClose} width={760} destroyOnHidden>
      <Form form={form} name="campaignBasics" layout="vertical">
        <Form.Item name="title" label="方案名称（不含书名号）" rules={[{ required: true, message: '请填写方案名称' }]}>
          <Input />
        </Form.Item>
        <Space wrap>
          <Form.Item name="issuingUnit" label="印发单位" rules={[{ required: true, message: '请填写印发单位' }]} style={{ width: 320 }}>
            <Input />
          </Form.Item>
          <Form.Item name="documentNumber" label="文号">
            <Input />
          </Form.Item>
          <Form.Item name="issuedOn" label="印发日期">
            <DatePicker />
          </Form.Item>
        </Space>
        <Form.Item name="period" label="起止日期" rules={[{ required: true, message: '请选择起止日期' }]}>
          <DatePicker.RangePicker placeholder={['开始日期', '结束日期']} />
        </Form.Item>
        <Form.Item name="objective" label="工作目标">
          <Input.TextArea rows={3} />
        </Form.Item>
        <Space align="start">
          <Form.Item name="monthlyReportDueDay" label="月报报送日（次月几日前）">
            <InputNumber min={1} max={28} />
          </Form.Item>
          <Form.Item name="monthlyReportRule" label="月报报送要求" style={{ width: 520 }}>
            <Input.TextArea rows={2} />
          </Form.Item>
        </Space>
        <Space align="start">
          <Form.Item name="dragnetDeadline" label="拉网式执法检查截止日期">
            <DatePicker />
          </Form.Item>
          <Form.Item name="dragnetDescription" label="说明" style={{ width: 480 }}>
            <Input placeholder="如 对辖区内所有物业服务企业完成拉网式执法检查" />
          </Form.Item>
        </Space>
      </Form>
    </Modal>
  );
}

/** 专项行动详情: plan, phase timeline, per-region progress, focus items, rules, units, deadlines. */
export default function CampaignDetailPage() {
  const { id } = useParams<{ id: string }>();
  const [campaign, setCampaign] = useState<CampaignDetail | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [editing, setEditing] = useState(false);
  const save = useSave();
  const reload = useCallback(async () => {
    try {
      setCampaign(await getCampaign(id as string));
    } catch (err) {
      setError(err instanceof ApiError ? err.message : '加载失败');
    }
  }, [id]);
  useEffect(() => {
    void reload();
  }, [reload]);

  if (error) return <Result status="404" title={error} extra={<Link to="/app/campaigns">返回专项行动列表</Link>} />;
  if (!campaign) return <Spin />;
  const setStatus = async (status: 'active' | 'closed') => {
    if (await save(() => updateCampaign(campaign.id, { status }), { success: status === 'active' ? '已启动' : '已结束' })) await reload();
  };

  return (
    <PageContainer
      title={`《${campaign.title}》`}
      tags={[<StatusTag key="s" status={campaign.status} />, <RelationTag key="r" relation={campaign.relation} />]}
      onBack={() => window.history.back()}
      extra={
        campaign.canManage
          ? [
              <Button key="edit" onClick={() => setEditing(true)}>编辑方案信息</Button>,
              campaign.status === 'draft' ? (
                <Popconfirm key="start" title="启动后各区划可报送任务进度。确认启动？" onConfirm={() => setStatus('active')}>
                  <Button type="primary">启动实施</Button>
                </Popconfirm>
              ) : null,
              campaign.status !== 'closed' ? (
                <Popconfirm key="close" title="结束后不能再重新启动。确认结束？" onConfirm={() => setStatus('closed')}>
                  <Button danger>结束</Button>
                </Popconfirm>
              ) : null,
            ]
          : []
      }
    >
      <Card size="small" style={{ marginBottom: 16 }}>
        <Descriptions column={{ xs: 1, md: 2, xl: 3 }} size="small">
          <Descriptions.Item label="制定区划">{campaign.regionName}</Descriptions.Item>
          <Descriptions.Item label="印发单位">{campaign.issuingUnit}</Descriptions.Item>
          <Descriptions.Item label="文号">{campaign.documentNumber ?? '—'}</Descriptions.Item>
          <Descriptions.Item label="印发日期">{campaign.issuedOn ?? '—'}</Descriptions.Item>
          <Descriptions.Item label="起止日期">
            {campaign.startsOn} 至 {campaign.endsOn}
          </Descriptions.Item>
          <Descriptions.Item label="上级方案">
            {campaign.parent ? <Link to={`/app/campaigns/${campaign.parent.id}`}>《{campaign.parent.title}》（{campaign.parent.regionName}）</Link> : '—'}
          </Descriptions.Item>
          <Descriptions.Item label="月报报送" span={2}>
            <Space direction="vertical" size={0}>
              <span>{campaign.monthlyReportDueDay ? `每月${campaign.monthlyReportDueDay}日前报送上月情况` : '未设置'}</span>
              {campaign.monthlyReportRule ? <Typography.Text type="secondary">{campaign.monthlyReportRule}</Typography.Text> : null}
            </Space>
          </Descriptions.Item>
          <Descriptions.Item label="拉网式检查">
            {campaign.dragnetDeadline ? `${campaign.dragnetDeadline} 前${campaign.dragnetDescription ? `：${campaign.dragnetDescription}` : ''}` : '未设置'}
          </Descriptions.Item>
          {campaign.objective ? (
            <Descriptions.Item label="工作目标" span={3}>
              {campaign.objective}
            </Descriptions.Item>
          ) : null}
          {campaign.children.length ? (
            <Descriptions.Item label="下级实施方案" span={3}>
              <Space wrap>
                {campaign.children.map((c) => (
                  <Link key={c.id} to={`/app/campaigns/${c.id}`}>
                    {c.regionName}：《{c.title}》
                  </Link>
                ))}
              </Space>
            </Descriptions.Item>
          ) : null}
        </Descriptions>
      </Card>
      <Card size="small">
        <Tabs
          items={[
            { key: 'phases', label: '工作步骤', children: <PhasesTab campaign={campaign} reload={reload} /> },
            { key: 'progress', label: '任务进度', children: <ProgressTab campaign={campaign} /> },
            { key: 'focus', label: `整治重点（${campaign.focusItems.length}）`, children: <FocusItemsTab campaign={campaign} reload={reload} /> },
            { key: 'rules', label: '责任分工规则', children: <RulesTab campaign={campaign} reload={reload} /> },
            { key: 'units', label: `参与单位（${campaign.units.length}）`, children: <UnitsTab campaign={campaign} reload={reload} /> },
            { key: 'deadlines', label: '期限', children: <DeadlinesTab campaign={campaign} reload={reload} /> },
            { key: 'complaint-time-limits', label: '线索办理时限', children: <TimeLimitsCard campaignId={campaign.id} /> },
          ]}
        />
      </Card>
      <EditBasicsModal campaign={campaign} open={editing} onClose={() => setEditing(false)} onSaved={reload} />
    </PageContainer>
  );
}
