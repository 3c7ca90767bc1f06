import { PlusOutlined } from '@ant-design/icons';
import { PageContainer, ProTable } from '@ant-design/pro-components';
import { Alert, Button, Form, Input, Modal, Radio, Select, Tag, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { useNavigate } from 'react-router-dom';
import { api, tableRequest } from '../../../common/api.js';
import { fmtDateTime } from '../../../common/format.js';
import { useSession } from '../../app/session.js';
import { useSave } from '../campaigns/components/shared.js';
import { type EnforcementSummary, enforcementLabel } from '../enforcement/api.js';
import type { ProblemSummary } from '../problems/api.js';
import { CASE_SOURCE_LABELS, CASE_STATUSES, CASE_STATUS_COLORS, CASE_STATUS_LABELS, type TypicalCase, createCase } from './api.js';

/** Source picker: closed problems or enforcement actions (a complaint by its id). */
function SourceSelect({ id, value, onChange, sourceType }: { id?: string; value?: string; onChange?: (v: string) => void; sourceType: string }) {
  const [options, setOptions] = useState<{ value: string; label: string }[]>([]);
  const [loading, setLoading] = useState(false);
  const search = async (q: string) => {
    setLoading(true);
    try {
      if (sourceType === 'problem') {
        const r = await api.get<{ items: ProblemSummary[] }>('/api/problems', { status: 'closed', q, pageSize: 30 });
        setOptions(r.items.map((p) => ({ value: p.id, label: `${p.code} ${p.title}${p.enterpriseName ? `（${p.enterpriseName}）` : ''}` })));
      } else {
        const r = await api.get<{ items: EnforcementSummary[] }>('/api/enforcement-actions', { q, pageSize: 30 });
        setOptions(r.items.map((a) => ({ value: a.id, label: `${a.documentNumber} ${enforcementLabel(a.type)}${a.enterpriseName ? `（${a.enterpriseName}）` : ''}` })));
      }
    } finally {
      setLoading(false);
    }
  };
  useEffect(() => {
    setOptions([]);
    void search('');
  }, [sourceType]);
  if (sourceType === 'complaint') return <Input id={id} value={value} onChange={(e) => onChange?.(e.target.value.trim())} placeholder="已办结投诉件的 ID" />;
  return (
    <Select
      id={id}
      showSearch
      filterOption={false}
      loading={loading}
      onSearch={(q) => void search(q)}
      options={options}
      value={value}
      onChange={onChange}
      placeholder={sourceType === 'problem' ? '选择已销号的问题' : '选择执法文书'}
      notFoundContent={loading ? '搜索中…' : '无可选的已办结案件'}
    />
  );
}

/** 典型案例: drafted from a closed case, redacted, approved, published on the portal. */
export default function CasesPage() {
  const { can } = useSession();
  const navigate = useNavigate();
  const save = useSave();
  const [creating, setCreating] = useState(false);
  const [form] = Form.useForm();
  const sourceType = (Form.useWatch('sourceType', form) as string | undefined) ?? 'problem';
  const create = async () => {
    const v = await form.validateFields();
    let created: TypicalCase | null = null;
    const ok = await save(
      async () => {
        created = await createCase({ ...v, title: v.title || null });
      },
      { form, success: '已生成案例草稿，请核对脱敏结果' },
    );
    if (ok && created) {
      setCreating(false);
      navigate(`/app/cases/${(created as TypicalCase).id}`);
    }
  };
  return (
    <PageContainer title="典型案例" content="从已办结案件中选取，自动去除居民个人信息并人工核对，经审批后在门户网站发布曝光。">
      <ProTable<TypicalCase>
        rowKey="id"
        request={(p) => tableRequest<TypicalCase>('/api/cases', p)}
        search={{ labelWidth: 'auto' }}
        pagination={{ defaultPageSize: 20 }}
        onRow={(r) => ({ onClick: () => navigate(`/app/cases/${r.id}`), style: { cursor: 'pointer' } })}
        toolBarRender={() =>
          can('case:manage')
            ? [
                <Button key="new" type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)}>
                  新建案例
                </Button>,
              ]
            : []
        }
        columns={[
          { title: '标题', dataIndex: 'title', search: false, render: (_d, r) => <Typography.Link>{r.title}</Typography.Link> },
          {
            title: '来源',
            dataIndex: 'sourceType',
            width: 110,
            valueType: 'select',
            valueEnum: Object.fromEntries(Object.entries(CASE_SOURCE_LABELS).map(([k, v]) => [k, { text: v }])),
            render: (_d, r) => CASE_SOURCE_LABELS[r.sourceType] ?? r.sourceType,
          },
          { title: '人工核对', dataIndex: 'redactionChecked', search: false, width: 90, render: (_d, r) => (r.redactionChecked ? <Tag color="green">已核对</Tag> : <Tag>未核对</Tag>) },
          { title: '企业', dataIndex: 'enterpriseName', search: false, ellipsis: true, render: (_d, r) => r.enterpriseName ?? '—' },
          {
            title: '状态',
            dataIndex: 'status',
            width: 130,
            valueType: 'select',
            valueEnum: Object.fromEntries(CASE_STATUSES.map((s) => [s, { text: CASE_STATUS_LABELS[s] }])),
            render: (_d, r) => <Tag color={CASE_STATUS_COLORS[r.status]}>{CASE_STATUS_LABELS[r.status] ?? r.status}</Tag>,
          },
          { title: '更新时间', dataIndex: 'updatedAt', search: false, width: 150, render: (_d, r) => fmtDateTime(r.updatedAt) },
        ]}
      />
      <Modal open={creating} title="新建典型案例" okText="生成草稿" onOk={create} onCancel={() => setCreating(false)} destroyOnHidden width={640}>
        <Alert type="info" showIcon style={{ marginBottom: 16 }} message="系统从所选案件生成四部分草稿，并自动去除姓名、电话、微信号、QQ 号、电子邮箱、房号、身份证号；发布前须人工核对。" />
        <Form form={form} layout="vertical" name="newCase" initialValues={{ sourceType: 'problem' }}>
          <Form.Item name="sourceType" label="案件来源">
            <Radio.Group
              onChange={() => form.setFieldValue('sourceId', undefined)}
              options={[
                { value: 'problem', label: '已销号问题' },
                { value: 'enforcement_action', label: '执法文书' },
                { value: 'complaint', label: '已办结投诉' },
              ]}
            />
          </Form.Item>
          <Form.Item name="sourceId" label="选择案件" rules={[{ required: true, message: '请选择来源案件' }]}>
            <SourceSelect sourceType={sourceType} />
          </Form.Item>
          <Form.Item name="title" label="案例标题（可稍后修改）" rules={[{ min: 4, message: '标题至少 4 个字' }]}>
            <Input maxLength={200} />
          </Form.Item>
        </Form>
      </Modal>
    </PageContainer>
  );
}
