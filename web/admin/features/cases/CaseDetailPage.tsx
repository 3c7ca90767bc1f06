import { PageContainer } from '@ant-design/pro-components';
import { Alert, Button, Card, Checkbox, Col, Form, Input, Modal, Popconfirm, Result, Row, Space, Spin, Tag, Typography } from 'antd';
import { Fragment, useCallback, useEffect, useState } from 'react';
import { useNavigate, useParams } from 'react-router-dom';
import { ApiError } from '../../../common/api.js';
import { fmtDateTime } from '../../../common/format.js';
import { useSession } from '../../app/session.js';
import { useSave } from '../campaigns/components/shared.js';
import {
  CASE_SECTIONS,
  CASE_SOURCE_LABELS,
  CASE_STATUS_COLORS,
  CASE_STATUS_LABELS,
  type CaseSectionKey,
  type FieldFinding,
  REDACTION_KIND_LABELS,
  type RedactionPreview,
  type TypicalCase,
  caseAction,
  getCase,
  redactPreview,
  updateCase,
} from './api.js';

/** The text with every finding struck out in red and its replacement in green. */
function RedactionDiff({ text, preview }: { text: string; preview: RedactionPreview | null }) {
  if (!preview) return <Typography.Text type="secondary">检查中…</Typography.Text>;
  if (!preview.findings.length) return <Typography.Text type="success">当前文本未发现居民个人信息</Typography.Text>;
  const parts: React.ReactNode[] = [];
  let at = 0;
  const sorted = [...preview.findings].sort((a, b) => a.index - b.index);
  sorted.forEach((f, i) => {
    parts.push(<Fragment key={`t${i}`}>{text.slice(at, f.index)}</Fragment>);
    parts.push(
      <span key={`f${i}`} title={REDACTION_KIND_LABELS[f.kind] ?? f.kind}>
        <del style={{ background: '#fff1f0', color: '#cf1322' }}>{f.original}</del>
        <ins style={{ background: '#f6ffed', color: '#389e0d', textDecoration: 'none' }}>{f.replacement}</ins>
      </span>,
    );
    at = f.index + f.original.length;
  });
  parts.push(<Fragment key="end">{text.slice(at)}</Fragment>);
  return <div style={{ whiteSpace: 'pre-wrap', lineHeight: 1.8 }}>{parts}</div>;
}

/** What the automatic redaction removed from this section when the draft was generated. */
function AutoRemoved({ findings }: { findings: FieldFinding[] }) {
  if (!findings.length) return null;
  return (
    <div style={{ marginBottom: 8 }}>
      <Typography.Text type="secondary">起草时已自动去除：</Typography.Text>
      {findings.map((f) => (
        <Tag key={`${f.index}-${f.original}`} color="red" style={{ marginBottom: 4 }}>
          {REDACTION_KIND_LABELS[f.kind] ?? f.kind} <del>{f.original}</del> → {f.replacement}
        </Tag>
      ))}
    </div>
  );
}

type Texts = Record<CaseSectionKey, string>;

/** Edit (draft/returned) or review (pending/approved/published) one typical case. */
export default function CaseDetailPage() {
  const { id = '' } = useParams();
  const navigate = useNavigate();
  const { can } = useSession();
  const save = useSave();
  const [c, setC] = useState<TypicalCase | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [form] = Form.useForm();
  const [previews, setPreviews] = useState<Partial<Record<CaseSectionKey, RedactionPreview>>>({});
  const [rejecting, setRejecting] = useState(false);
  const [rejectForm] = Form.useForm();
  const texts = Form.useWatch([], form) as (Texts & { title: string; redactionChecked: boolean }) | undefined;

  const load = useCallback(() => {
    getCase(id).then(
      (x) => {
        setC(x);
        form.setFieldsValue({ ...x });
      },
      (err) => setError(err instanceof ApiError ? err.message : '加载失败'),
    );
  }, [id, form]);
  useEffect(load, [load]);

  const editable = !!c && (c.allowedActions ? c.allowedActions.includes('edit') : c.status === 'draft' && can('case:manage'));

  // Re-run the redaction check of each section shortly after the user stops typing.
  const sectionTexts = CASE_SECTIONS.map((s) => texts?.[s.key] ?? '').join('\u0000');
  useEffect(() => {
    if (!c || !texts || !editable) return;
    const timer = setTimeout(() => {
      for (const s of CASE_SECTIONS) {
        const t = texts[s.key] ?? '';
        void redactPreview(t, [c.enterpriseName, c.projectName].filter((x): x is string => !!x)).then(
          (p) => setPreviews((prev) => ({ ...prev, [s.key]: p })),
          () => undefined,
        );
      }
    }, 500);
    return () => clearTimeout(timer);
  }, [sectionTexts, c?.id, editable]);

  if (error) return <Result status="404" title={error} extra={<Button onClick={() => navigate('/app/cases')}>返回案例列表</Button>} />;
  if (!c) return <Spin />;

  const totalFindings = CASE_SECTIONS.reduce((n, s) => n + (previews[s.key]?.findings.length ?? 0), 0);
  const actions = new Set(
    c.allowedActions ??
      [
        editable && 'submit',
        c.status === 'pending_approval' && can('case:approve') && 'approve',
        c.status === 'pending_approval' && can('case:approve') && 'reject',
        c.status === 'approved' && can('case:manage') && 'publish',
        c.status === 'published' && can('case:manage') && 'unpublish',
      ].filter((x): x is string => !!x),
  );

  const fieldsOf = (v: Record<string, unknown>) => ({
    title: v.title,
    basicSituation: v.basicSituation,
    illegalFacts: v.illegalFacts,
    penaltyBasis: v.penaltyBasis,
    handlingResult: v.handlingResult,
    redactionChecked: !!v.redactionChecked,
  });
  const saveDraft = async () => {
    const v = await form.validateFields();
    if (await save(() => updateCase(c.id, fieldsOf(v)), { form, success: '草稿已保存' })) load();
  };
  const submit = async () => {
    const v = await form.validateFields();
    if (!v.redactionChecked) {
      form.setFields([{ name: 'redactionChecked', errors: ['提交审批前须人工核对脱敏结果并勾选'] }]);
      return;
    }
    const ok = await save(
      async () => {
        await updateCase(c.id, fieldsOf(v));
        await caseAction(c.id, 'submit');
      },
      { form, success: '已提交审批' },
    );
    if (ok) load();
  };
  const act = async (action: string, body: Record<string, unknown> = {}, success = '已完成') => {
    if (await save(() => caseAction(c.id, action, body), { success })) load();
  };
  const applyRedaction = (key: CaseSectionKey) => {
    const p = previews[key];
    if (p) form.setFieldValue(key, p.text);
  };

  return (
    <PageContainer
      title={c.title || '典型案例'}
      onBack={() => navigate('/app/cases')}
      tags={<Tag color={CASE_STATUS_COLORS[c.status]}>{CASE_STATUS_LABELS[c.status] ?? c.status}</Tag>}
      extra={[
        editable && (
          <Button key="save" onClick={() => void saveDraft()}>
            保存草稿
          </Button>
        ),
        actions.has('submit') && (
          <Button key="submit" type="primary" onClick={() => void submit()}>
            提交审批
          </Button>
        ),
        actions.has('approve') && (
          <Popconfirm key="approve" title="审批通过该案例？" onConfirm={() => void act('approve', {}, '已审批通过')}>
            <Button type="primary">审批通过</Button>
          </Popconfirm>
        ),
        actions.has('reject') && (
          <Button key="reject" danger onClick={() => setRejecting(true)}>
            退回
          </Button>
        ),
        actions.has('publish') && (
          <Popconfirm key="publish" title="在门户网站发布该案例？" onConfirm={() => void act('publish', {}, '已发布到门户网站')}>
            <Button type="primary">发布</Button>
          </Popconfirm>
        ),
        actions.has('unpublish') && (
          <Popconfirm key="unpublish" title="从门户网站撤下该案例？" onConfirm={() => void act('unpublish', {}, '已撤下')}>
            <Button>撤下</Button>
          </Popconfirm>
        ),
      ]}
    >
      {c.returnNote && c.status === 'draft' && <Alert type="warning" showIcon style={{ marginBottom: 16 }} message={`审批退回：${c.returnNote}`} />}
      <Typography.Paragraph type="secondary">
        来源：{CASE_SOURCE_LABELS[c.sourceType] ?? c.sourceType}
        {c.enterpriseName ? ` · ${c.enterpriseName}` : ''}
        {c.drafterName ? ` · 起草人 ${c.drafterName}` : ''}
        {c.createdAt ? ` · 起草 ${fmtDateTime(c.createdAt)}` : ''}
        {c.publishedAt ? ` · 发布 ${fmtDateTime(c.publishedAt)}` : ''}
      </Typography.Paragraph>
      {editable && totalFindings > 0 && (
        <Alert type="warning" showIcon style={{ marginBottom: 16 }} message={`当前文本中仍有 ${totalFindings} 处疑似居民个人信息，请核对右侧标注，可点击“采用脱敏结果”替换。`} />
      )}
      {editable ? (
        <Form form={form} layout="vertical" name="caseEdit">
          <Form.Item name="title" label="案例标题" rules={[{ required: true, message: '请填写案例标题' }]}>
            <Input maxLength={120} />
          </Form.Item>
          {CASE_SECTIONS.map((s) => (
            <Row gutter={16} key={s.key}>
              <Col xs={24} lg={12}>
                <Form.Item name={s.key} label={s.label} rules={[{ required: true, message: `请填写${s.label}` }]}>
                  <Input.TextArea rows={5} maxLength={5000} showCount />
                </Form.Item>
              </Col>
              <Col xs={24} lg={12}>
                <Card
                  size="small"
                  title={`${s.label} · 脱敏检查`}
                  style={{ marginTop: 30, marginBottom: 16 }}
                  extra={
                    (previews[s.key]?.findings.length ?? 0) > 0 ? (
                      <Button size="small" onClick={() => applyRedaction(s.key)}>
                        采用脱敏结果
                      </Button>
                    ) : null
                  }
                >
                  <AutoRemoved findings={(c.redactionFindings ?? []).filter((f) => f.field === s.key)} />
                  <RedactionDiff text={texts?.[s.key] ?? ''} preview={previews[s.key] ?? null} />
                </Card>
              </Col>
            </Row>
          ))}
          <Form.Item name="redactionChecked" valuePropName="checked">
            <Checkbox>已人工核对：文中已去除居民姓名、电话、微信号、QQ 号、电子邮箱、房号、身份证号等个人信息（企业名称可保留）</Checkbox>
          </Form.Item>
        </Form>
      ) : (
        <Card>
          {CASE_SECTIONS.map((s) => (
            <section key={s.key}>
              <Typography.Title level={5}>{s.label}</Typography.Title>
              <Typography.Paragraph style={{ whiteSpace: 'pre-wrap' }}>{c[s.key] || '—'}</Typography.Paragraph>
            </section>
          ))}
          <Space wrap>
            {c.redactionChecked ? <Tag color="green">已人工核对脱敏结果{c.redactionCheckedAt ? ` ${fmtDateTime(c.redactionCheckedAt)}` : ''}</Tag> : <Tag>尚未人工核对脱敏结果</Tag>}
            {(c.remainingFindings?.length ?? 0) > 0 && <Tag color="red">仍有 {c.remainingFindings?.length} 处疑似个人信息</Tag>}
            {(c.redactionFindings?.length ?? 0) > 0 && <Typography.Text type="secondary">起草时自动去除 {c.redactionFindings?.length} 处个人信息</Typography.Text>}
          </Space>
        </Card>
      )}
      <Modal
        open={rejecting}
        title="退回案例"
        okText="退回"
        onCancel={() => setRejecting(false)}
        destroyOnHidden
        onOk={async () => {
          const v = await rejectForm.validateFields();
          setRejecting(false);
          await act('reject', { note: v.note }, '已退回修改');
        }}
      >
        <Form form={rejectForm} layout="vertical" name="caseReject">
          <Form.Item name="note" label="退回意见" rules={[{ required: true, message: '请填写退回意见' }]}>
            <Input.TextArea rows={3} />
          </Form.Item>
        </Form>
      </Modal>
    </PageContainer>
  );
}
