import { PageContainer } from '@ant-design/pro-components';
import { Alert, App, Button, Card, Checkbox, Col, DatePicker, Form, Input, Radio, Row, Select, Space, Switch, Typography } from 'antd';
import { useEffect, useRef, useState } from 'react';
import { useNavigate } from 'react-router-dom';
import { dayjs } from '../../../common/format.js';
import { type TriageProposal, createComplaint, triageText } from './api/complaints.js';
import { ProjectSelect } from './components/pickers.js';
import { CATEGORY_OPTIONS, CHANNEL_LABELS, DEPT_OPTIONS, LEAD_OPTIONS, STAFF_CHANNELS, useRun } from './components/shared.js';
import { TriagePanel } from './components/TriagePanel.js';

const CORRECTABLE = ['category', 'leadDepartment', 'coDepartments', 'urgent'] as const;

/**
 * 登记线索: staff entry of a phone call, letter, visit, inspection finding or referral. The text is
 * triaged as the officer types (debounced); the proposal fills the classification fields until the
 * officer changes them, and the server keeps both the proposal and the correction.
 */
export default function NewComplaintPage() {
  const [form] = Form.useForm();
  const navigate = useNavigate();
  const { message } = App.useApp();
  const run = useRun();
  const [proposal, setProposal] = useState<TriageProposal | null>(null);
  const [triaging, setTriaging] = useState(false);
  const [saving, setSaving] = useState(false);
  const touched = useRef(new Set<string>());
  const description: string = Form.useWatch('description', form) ?? '';
  const anonymous: boolean = Form.useWatch('anonymous', form) ?? false;
  const channel: string = Form.useWatch('channel', form) ?? 'phone';
  const current: Record<string, unknown> = {
    category: Form.useWatch('category', form),
    leadDepartment: Form.useWatch('leadDepartment', form),
    coDepartments: Form.useWatch('coDepartments', form),
    urgent: Form.useWatch('urgent', form),
  };

  useEffect(() => {
    const text = description.trim();
    if (text.length < 6) return;
    let cancelled = false;
    const t = setTimeout(() => {
      setTriaging(true);
      triageText(text)
        .then((p) => {
          if (cancelled) return;
          setProposal(p);
          const patch: Record<string, unknown> = {};
          for (const k of CORRECTABLE) if (!touched.current.has(k)) patch[k] = p[k];
          if (p.project && !form.getFieldValue('projectId')) patch.projectId = p.project.id;
          form.setFieldsValue(patch);
        })
        .catch(() => undefined)
        .finally(() => !cancelled && setTriaging(false));
    }, 500);
    return () => {
      cancelled = true;
      clearTimeout(t);
    };
  }, [description, form]);

  const corrected = proposal
    ? CORRECTABLE.filter((k) => {
        const v = current[k];
        const p = proposal[k];
        return Array.isArray(p) ? [...((v as string[]) ?? [])].sort().join() !== [...p].sort().join() : v !== undefined && v !== p;
      })
    : [];

  const submit = async () => {
    const v = await form.validateFields();
    setSaving(true);
    const body = {
      channel: v.channel,
      description: v.description,
      projectId: v.projectId || undefined,
      address: v.address || undefined,
      contactName: v.anonymous ? undefined : v.contactName || undefined,
      contactPhone: v.anonymous ? undefined : v.contactPhone || undefined,
      anonymous: !!v.anonymous,
      confidential: !!v.confidential,
      externalRef: v.externalRef || undefined,
      receivedAt: v.receivedAt ? v.receivedAt.toISOString() : undefined,
      category: v.category,
      leadDepartment: v.leadDepartment,
      coDepartments: v.coDepartments ?? [],
      urgent: !!v.urgent,
    };
    const created = await run(() => createComplaint(body), { form });
    setSaving(false);
    if (!created) return;
    // The detail page shows the tracking code in its title, with a copy button, for telling the caller.
    message.success(`线索已登记，查询码 ${created.trackingCode}，请告知投诉人凭此码查询进度`, 8);
    navigate(`/app/complaints/${created.id}`);
  };

  return (
    <PageContainer title="登记线索" content="登记电话、来信、来访、检查发现或部门移交的线索。系统根据内容自动研判类别与责任部门，请核对后确认。" onBack={() => navigate('/app/complaints')}>
      <Row gutter={16}>
        <Col xs={24} lg={14}>
          <Card>
            <Form
              form={form}
              name="newComplaint"
              layout="vertical"
              initialValues={{ channel: 'phone', anonymous: false, confidential: false, urgent: false, coDepartments: [], receivedAt: dayjs() }}
              onValuesChange={(changed) => {
                for (const k of Object.keys(changed)) if ((CORRECTABLE as readonly string[]).includes(k)) touched.current.add(k);
              }}
            >
              <Form.Item name="channel" label="来源渠道" rules={[{ required: true, message: '请选择来源渠道' }]}>
                <Radio.Group optionType="button" options={STAFF_CHANNELS.map((c) => ({ value: c, label: CHANNEL_LABELS[c] }))} />
              </Form.Item>
              <Form.Item
                name="description"
                label="诉求内容"
                rules={[
                  { required: true, message: '请填写诉求内容' },
                  { min: 10, message: '请至少写 10 个字，说清楚问题、地点和经过' },
                ]}
              >
                <Input.TextArea rows={6} maxLength={5000} showCount placeholder="尽量记录投诉人的原话：发生了什么、在哪个小区哪栋楼、从什么时候开始、物业公司怎么说的。" />
              </Form.Item>
              <Space wrap style={{ width: '100%' }} align="start">
                <Form.Item name="projectId" label="物业项目（小区）" style={{ minWidth: 320 }}>
                  <ProjectSelect initialLabel={proposal?.project?.name} />
                </Form.Item>
                <Form.Item name="address" label="详细地址" style={{ minWidth: 280 }}>
                  <Input placeholder="如 3 栋 2 单元（无法确定项目时必填）" />
                </Form.Item>
              </Space>
              <Space wrap align="start">
                <Form.Item name="receivedAt" label="收到时间">
                  <DatePicker showTime={{ format: 'HH:mm' }} format="YYYY-MM-DD HH:mm" />
                </Form.Item>
                {channel === 'referral' || channel === 'letter' ? (
                  <Form.Item name="externalRef" label={channel === 'referral' ? '移交单号' : '来信编号'}>
                    <Input />
                  </Form.Item>
                ) : null}
              </Space>
              <Form.Item name="anonymous" valuePropName="checked" style={{ marginBottom: 8 }}>
                <Checkbox>匿名（不留姓名和电话，无法回访，只能凭查询码查询结果）</Checkbox>
              </Form.Item>
              {!anonymous && (
                <Space wrap align="start">
                  <Form.Item name="contactName" label="投诉人姓名">
                    <Input maxLength={50} />
                  </Form.Item>
                  <Form.Item name="contactPhone" label="联系电话" rules={[{ pattern: /^[0-9+\-\s]{7,20}$/, message: '请填写正确的电话号码' }]}>
                    <Input maxLength={20} />
                  </Form.Item>
                </Space>
              )}
              <Form.Item name="confidential" valuePropName="checked">
                <Checkbox>要求保密（办理中不向被投诉方透露投诉人任何信息；工作人员查看联系方式需填写理由并留痕）</Checkbox>
              </Form.Item>

              <Typography.Title level={5}>分类与责任部门 {triaging && <Typography.Text type="secondary">（研判中…）</Typography.Text>}</Typography.Title>
              {corrected.length > 0 && <Alert type="info" showIcon style={{ marginBottom: 12 }} message="您修改了系统建议，修改将被记录，用于改进自动研判。" />}
              <Form.Item name="category" label="问题类别" rules={[{ required: true, message: '请选择问题类别' }]}>
                <Select options={CATEGORY_OPTIONS} />
              </Form.Item>
              <Space wrap align="start">
                <Form.Item name="leadDepartment" label="主办部门" rules={[{ required: true, message: '请选择主办部门' }]} style={{ minWidth: 200 }}>
                  <Select options={LEAD_OPTIONS} />
                </Form.Item>
                <Form.Item name="coDepartments" label="协办部门" style={{ minWidth: 280 }}>
                  <Select mode="multiple" options={DEPT_OPTIONS} placeholder="无" />
                </Form.Item>
                <Form.Item name="urgent" label="紧急" valuePropName="checked" tooltip="正在发生的侵害（如冬季停暖、暴力威胁），签收时限按小时计">
                  <Switch checkedChildren="紧急" unCheckedChildren="一般" />
                </Form.Item>
              </Space>
              <Button type="primary" loading={saving} onClick={() => void submit()}>
                登记
              </Button>
            </Form>
          </Card>
        </Col>
        <Col xs={24} lg={10}>
          <Card style={{ position: 'sticky', top: 16 }}>
            <TriagePanel proposal={proposal} />
          </Card>
        </Col>
      </Row>
    </PageContainer>
  );
}
