import { PageContainer } from '@ant-design/pro-components';
import { Alert, Button, Card, DatePicker, Form, Input, InputNumber, Result, Select, Space, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { useNavigate, useSearchParams } from 'react-router-dom';
import { dayjs } from '../../../common/format.js';
import { FOCUS_CATEGORY_OPTIONS } from '../../../common/labels.js';
import { useSave, ymd } from '../campaigns/components/shared.js';
import { type Provision, listProvisions } from '../legal/api/legal.js';
import { getProblem } from '../problems/api.js';
import { ProjectSelect } from '../problems/components/ProjectSelect.js';
import { EnterpriseSelect } from '../registry/components/EnterpriseSelect.js';
import { AMOUNT_TYPES, ENFORCEMENT_TYPES, ENFORCEMENT_TYPE_LABELS, createEnforcement } from './api.js';

/** Legal-basis picker limited to provisions in force on the act's date. */
function LegalBasisSelect({ id, value, onChange, date }: { id?: string; value?: number[]; onChange?: (v: number[]) => void; date: string | null }) {
  const [items, setItems] = useState<Provision[]>([]);
  const [loading, setLoading] = useState(false);
  useEffect(() => {
    if (!date) return;
    setLoading(true);
    void listProvisions({ inForceOn: date, pageSize: 200 })
      .then((r) => setItems(r.items))
      .finally(() => setLoading(false));
  }, [date]);
  return (
    <Select
      id={id}
      mode="multiple"
      allowClear
      loading={loading}
      disabled={!date}
      value={value}
      onChange={onChange}
      optionFilterProp="label"
      placeholder={date ? '选择在该日期有效的法律条款' : '请先选择日期'}
      options={items.map((p) => ({ value: p.id, label: `${p.citation}${p.versionLabel ? `（${p.versionLabel}）` : ''} ${p.summary.slice(0, 40)}` }))}
      notFoundContent={loading ? '加载中…' : '该日期无有效条款'}
    />
  );
}

/** 新建执法文书: the document number is assigned by the server when saved. */
export default function EnforcementFormPage() {
  const [params] = useSearchParams();
  const navigate = useNavigate();
  const save = useSave();
  const [form] = Form.useForm();
  const [created, setCreated] = useState<{ id: string; documentNumber: string; problemId: string | null } | null>(null);
  const [busy, setBusy] = useState(false);
  const type = Form.useWatch('type', form) as string | undefined;
  const problemId = (Form.useWatch('problemId', form) as string | undefined)?.trim();
  const date = Form.useWatch('date', form) as ReturnType<typeof dayjs> | undefined;
  const enterpriseId = Form.useWatch('enterpriseId', form) as string | null | undefined;
  const dateStr = date ? date.format('YYYY-MM-DD') : null;
  const fromProblem = params.get('problemId');

  // Started from the problem ledger: offer the problem's facts as a starting point.
  useEffect(() => {
    if (!fromProblem) return;
    void getProblem(fromProblem).then(
      (p) => {
        if (!form.getFieldValue('facts')) form.setFieldValue('facts', `经查，${p.enterpriseName ?? '该企业'}${p.projectName ? `在${p.projectName}` : ''}存在以下问题：${p.title}。${p.description}`);
      },
      () => undefined,
    );
  }, [fromProblem, form]);

  const submit = async () => {
    const v = await form.validateFields();
    const body: Record<string, unknown> = {
      type: v.type,
      enterpriseId: v.enterpriseId,
      projectId: v.projectId || undefined,
      complaintId: v.complaintId?.trim() || undefined,
      problemId: v.problemId?.trim() || undefined,
      date: ymd(v.date),
      facts: v.facts,
      legalBasisIds: v.legalBasisIds ?? [],
    };
    if (AMOUNT_TYPES.includes(v.type) && v.amount !== undefined && v.amount !== null) body.amount = v.amount;
    if (v.type === 'rectification_order' && v.deadlineDays) body.deadlineDays = v.deadlineDays;
    if (v.type === 'rectification_order' && !body.problemId && v.category !== undefined) body.category = v.category;
    setBusy(true);
    await save(
      async () => {
        setCreated(await createEnforcement(body));
      },
      { form, success: '执法文书已生成' },
    );
    setBusy(false);
  };

  if (created)
    return (
      <PageContainer title="新建执法文书">
        <Result
          status="success"
          title="执法文书已生成"
          subTitle={
            <span>
              文号：<Typography.Text strong copyable>{created.documentNumber}</Typography.Text>
              {created.problemId && !problemId && <>；已在整改台账立项，按整改期限跟踪</>}
            </span>
          }
          extra={[
            <Button key="open" type="primary" onClick={() => navigate(`/app/enforcement/${created.id}`)}>
              查看文书
            </Button>,
            <Button key="list" onClick={() => navigate('/app/enforcement')}>
              返回列表
            </Button>,
          ]}
        />
      </PageContainer>
    );

  return (
    <PageContainer title="新建执法文书" onBack={() => navigate(-1)}>
      <Card>
        <Form
          form={form}
          name="newEnforcement"
          layout="vertical"
          style={{ maxWidth: 860 }}
          initialValues={{
            type: params.get('type') ?? 'rectification_order',
            enterpriseId: params.get('enterpriseId') ?? undefined,
            projectId: params.get('projectId') ?? undefined,
            problemId: params.get('problemId') ?? undefined,
            complaintId: params.get('complaintId') ?? undefined,
            date: dayjs(),
            deadlineDays: 15,
          }}
          onValuesChange={(changed) => {
            if ('date' in changed) form.setFieldValue('legalBasisIds', []);
          }}
        >
          <Space align="start" wrap>
            <Form.Item name="type" label="文书类型" rules={[{ required: true, message: '请选择文书类型' }]}>
              <Select style={{ width: 200 }} options={ENFORCEMENT_TYPES.map((t) => ({ value: t, label: ENFORCEMENT_TYPE_LABELS[t] }))} />
            </Form.Item>
            <Form.Item name="date" label="日期" rules={[{ required: true, message: '请选择日期' }]}>
              <DatePicker />
            </Form.Item>
          </Space>
          <Space align="start" wrap>
            <Form.Item name="enterpriseId" label="当事企业" rules={[{ required: true, message: '请选择当事企业' }]}>
              <EnterpriseSelect initialLabel={params.get('enterpriseName')} style={{ width: 380 }} />
            </Form.Item>
            <Form.Item name="projectId" label="物业项目">
              <ProjectSelect enterpriseId={enterpriseId} initialLabel={params.get('projectName')} />
            </Form.Item>
          </Space>
          <Space align="start" wrap>
            <Form.Item name="problemId" label="关联问题编号（ID）">
              <Input style={{ width: 320 }} placeholder="从问题台账发起时自动填写" />
            </Form.Item>
            <Form.Item name="complaintId" label="关联投诉编号（ID）">
              <Input style={{ width: 320 }} />
            </Form.Item>
          </Space>
          <Form.Item name="facts" label="违法事实" rules={[{ required: true, message: '请填写违法事实' }, { min: 10, message: '请填写违法事实（至少 10 个字）' }]}>
            <Input.TextArea rows={5} maxLength={4000} showCount />
          </Form.Item>
          <Form.Item name="legalBasisIds" label="法律依据" extra="仅列出在上述日期有效的条款版本">
            <LegalBasisSelect date={dateStr} />
          </Form.Item>
          {type && AMOUNT_TYPES.includes(type) && (
            <Form.Item name="amount" label="金额（元）" rules={[{ required: true, message: '请填写金额' }]}>
              <InputNumber min={0} precision={2} style={{ width: 200 }} />
            </Form.Item>
          )}
          {type === 'rectification_order' && (
            <Form.Item name="deadlineDays" label="整改期限（工作日）" rules={[{ required: true, message: '请填写整改期限' }]}>
              <InputNumber min={1} max={180} />
            </Form.Item>
          )}
          {type === 'rectification_order' && !problemId && (
            <Form.Item name="category" label="问题类别" extra="未关联问题的责令整改会自动在整改台账立项，按上述期限跟踪，经复查后方可销号">
              <Select options={FOCUS_CATEGORY_OPTIONS} style={{ width: 320 }} placeholder="不选则按关联线索的类别，或记为“其他”" allowClear />
            </Form.Item>
          )}
          <Alert type="info" showIcon style={{ marginBottom: 16 }} message="保存后系统按本单位、本年度顺序分配文号（不重号、不空号），并生成可打印的 .docx 文书。" />
          <Button type="primary" loading={busy} onClick={() => void submit()}>
            生成文书
          </Button>
        </Form>
      </Card>
    </PageContainer>
  );
}
