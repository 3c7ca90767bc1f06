import { RegionSelect } from '../../../components/RegionSelect.js';
import { UploadOutlined } from '@ant-design/icons';
import { Alert, Button, DatePicker, Form, Input, InputNumber, Modal, Radio, Select, Switch, Typography, Upload } from 'antd';
import type { FormInstance } from 'antd';
import type { UploadFile } from 'antd/es/upload/interface';
import { type ReactNode, useEffect, useState } from 'react';
import { dayjs } from '../../../../common/format.js';
import { type ComplaintDetail, runAction, uploadAttachment } from '../api/complaints.js';
import { ComplaintSelect, OrgUnitSelect, ProjectSelect } from './pickers.js';
import { CATEGORY_OPTIONS, DEPT_OPTIONS, FINDING_LABELS, LEAD_OPTIONS, OUTCOME_LABELS, SATISFACTION_LABELS, useRun, ymd } from './shared.js';

interface ActionSpec {
  /** Button label. */
  label: string;
  title: string;
  danger?: boolean;
  primary?: boolean;
  /** Whether the form offers attachments (uploaded first, their ids sent as `attachments`). */
  attachments?: boolean;
  intro?: (d: ComplaintDetail) => ReactNode;
  fields?: (d: ComplaintDetail, form: FormInstance) => ReactNode;
  initial?: (d: ComplaintDetail) => Record<string, unknown>;
  body?: (v: Record<string, any>, d: ComplaintDetail) => Record<string, unknown>;
  okText?: string;
}

const reason = (label: string, min: number, extra?: string) => (
  <Form.Item name="reason" label={label} rules={[{ required: true, message: `请填写${label}` }, { min, message: `${label}至少 ${min} 个字` }]} extra={extra}>
    <Input.TextArea rows={4} maxLength={2000} showCount />
  </Form.Item>
);
const note = (label = '备注') => (
  <Form.Item name="note" label={label}>
    <Input.TextArea rows={3} maxLength={2000} />
  </Form.Item>
);
const REPLY_RULES = [
  { required: true, message: '请填写答复内容' },
  { min: 30, message: '答复至少 30 个字：说明核查了什么、结论是什么、怎么处理的、结果如何' },
];

function FindingFields({ form }: { form: FormInstance }) {
  const outcome = Form.useWatch('outcome', form);
  return (
    <>
      <Form.Item name="finding" label="核查结论" rules={[{ required: true, message: '请选择核查结论' }]}>
        <Radio.Group optionType="button" options={Object.entries(FINDING_LABELS).map(([value, label]) => ({ value, label }))} />
      </Form.Item>
      <Form.Item name="outcome" label="处理结果" rules={[{ required: true, message: '请选择处理结果' }]}>
        <Select options={Object.entries(OUTCOME_LABELS).map(([value, label]) => ({ value, label }))} />
      </Form.Item>
      {outcome === 'rectification_ordered' && (
        <Form.Item name="rectificationDeadline" label="整改期限" rules={[{ required: true, message: '责令整改须设定整改期限' }]} extra="将同时在问题清单中建立整改台账。">
          <DatePicker disabledDate={(d) => d.isBefore(dayjs(), 'day')} />
        </Form.Item>
      )}
      {outcome === 'rectification_ordered' && (
        <Form.Item name="rectificationMeasures" label="整改措施" rules={[{ required: true, message: '责令整改须写明整改措施' }]} extra="企业须做到什么；企业在问题台账中看到这一要求。">
          <Input.TextArea rows={3} maxLength={2000} placeholder="如 三日内恢复供水，不得以停水方式催缴物业费" />
        </Form.Item>
      )}
      {outcome === 'referred' && (
        <Form.Item name="referredTo" label="移交单位" rules={[{ required: true, message: '请填写移交的单位' }]}>
          <Input placeholder="如 东湖风景区公安分局" />
        </Form.Item>
      )}
      <Form.Item name="details" label="核查情况" rules={[{ required: true, message: '请填写核查情况' }, { min: 10, message: '请至少写 10 个字：何时何地核查、查明了什么' }]}>
        <Input.TextArea rows={5} maxLength={5000} showCount />
      </Form.Item>
    </>
  );
}

/** What each workflow action asks for. Only actions the server lists in allowedActions are offered. */
export const ACTIONS: Record<string, ActionSpec> = {
  dispatch: {
    label: '派单',
    title: '派单',
    primary: true,
    intro: (d) =>
      d.returnCount >= 2 ? (
        <Alert type="warning" showIcon style={{ marginBottom: 12 }} message={`已退单 ${d.returnCount} 次，本次为终审派单：承办单位不得再退单。`} />
      ) : (
        <Alert type="info" showIcon style={{ marginBottom: 12 }} message="已按责任分工规则预选主办、协办单位，可调整。办理时限自派单时起算。" />
      ),
    fields: (d) => {
      const pa = d.proposedAssignment;
      const initial = [
        ...(pa?.leadOrgUnitId ? [{ value: pa.leadOrgUnitId, label: pa.leadOrgUnitName ?? '' }] : []),
        ...(pa?.coOrgUnits ?? []).map((u) => ({ value: u.id, label: u.name })),
      ];
      return (
        <>
          <Form.Item name="leadOrgUnitId" label="主办单位" rules={[{ required: true, message: '请选择主办单位' }]}>
            <OrgUnitSelect initial={initial} />
          </Form.Item>
          <Form.Item name="coOrgUnitIds" label="协办单位">
            <OrgUnitSelect mode="multiple" initial={initial} placeholder="无" />
          </Form.Item>
          {note('派单说明')}
        </>
      );
    },
    initial: (d) => ({ leadOrgUnitId: d.proposedAssignment?.leadOrgUnitId ?? undefined, coOrgUnitIds: (d.proposedAssignment?.coOrgUnits ?? []).map((u) => u.id) }),
    body: (v) => ({ leadOrgUnitId: v.leadOrgUnitId, coOrgUnitIds: v.coOrgUnitIds ?? [], note: v.note || undefined }),
  },
  opinion: {
    label: '办理意见',
    title: '填写办理意见',
    attachments: true,
    intro: (d) => (
      <Typography.Paragraph type="secondary">
        {d.coOrgUnits.length ? '协办单位在此填写本部门职责部分的核查和处理情况，主办单位据此汇总答复；' : ''}
        主办单位可记录办理进展。意见记入办理过程，不改变线索状态。
      </Typography.Paragraph>
    ),
    fields: () => reason('办理意见', 2, '如：已于 10 月 9 日会同物业核查电梯维保记录，维保单位资质有效，已要求公示维保记录。'),
    body: (v) => ({ note: v.reason }),
  },
  sign: { label: '签收', title: '签收', primary: true, fields: () => note('签收意见'), body: (v) => ({ note: v.note || undefined }) },
  return: {
    label: '退单',
    title: '退单',
    danger: true,
    intro: () => <Alert type="warning" showIcon style={{ marginBottom: 12 }} message="退单不停止计时，并计入本单位考核。请写明不属于本单位职责的理由和依据。" />,
    fields: () => (
      <>
        {reason('退单理由', 10, '须说明为何不属于本单位职责，并建议承办单位。')}
        <Form.Item name="basis" label="职责依据" rules={[{ required: true, message: '请写明职责依据：三定方案或法律法规的具体条款' }, { min: 4, message: '请写明具体条款' }]} extra="如：《东湖风景区市场监管局三定方案》第三条；《湖北省物业服务和管理条例》第六条第二款">
          <Input maxLength={500} />
        </Form.Item>
      </>
    ),
    body: (v) => ({ reason: v.reason, basis: v.basis }),
  },
  findings: {
    label: '登记核查结果',
    title: '登记核查结果',
    primary: true,
    attachments: true,
    fields: (_d, form) => <FindingFields form={form} />,
    body: (v) => ({
      finding: v.finding,
      outcome: v.outcome,
      details: v.details,
      rectificationDeadline: ymd(v.rectificationDeadline),
      rectificationMeasures: v.outcome === 'rectification_ordered' ? v.rectificationMeasures?.trim() || undefined : undefined,
      referredTo: v.referredTo || undefined,
    }),
  },
  answer: {
    label: '直接答复',
    title: '直接答复（不属于专项整治部门职责）',
    intro: () => <Alert type="info" showIcon style={{ marginBottom: 12 }} message="不属于专项整治部门职责的诉求无需派单，由牵头部门直接答复并告知投诉人处理途径；答复仍须审核、回访后办结。" />,
    fields: () => (
      <Form.Item name="reply" label="答复内容" rules={REPLY_RULES}>
        <Input.TextArea rows={6} maxLength={5000} showCount />
      </Form.Item>
    ),
    body: (v) => ({ reply: v.reply }),
  },
  reply: {
    label: '起草答复',
    title: '起草答复',
    primary: true,
    intro: () => <Alert type="info" showIcon style={{ marginBottom: 12 }} message="答复将经单位负责人审核后告知投诉人。请写明核查情况、处理结果和后续安排，不要使用“已处理”等模板化答复。" />,
    fields: () => (
      <Form.Item name="text" label="答复内容" rules={REPLY_RULES}>
        <Input.TextArea rows={8} maxLength={5000} showCount />
      </Form.Item>
    ),
    initial: (d) => ({ text: d.reply?.text ?? '' }),
    body: (v) => ({ text: v.text }),
  },
  'approve-reply': {
    label: '审核通过',
    title: '审核通过答复',
    primary: true,
    intro: (d) => (
      <>
        <Typography.Paragraph type="secondary">通过后答复即告知投诉人，并进入回访。</Typography.Paragraph>
        <Typography.Paragraph style={{ background: '#fafafa', padding: 12, whiteSpace: 'pre-wrap' }}>{d.reply?.text}</Typography.Paragraph>
      </>
    ),
    fields: () => note('审核意见'),
    body: (v) => ({ note: v.note || undefined }),
    okText: '通过并告知投诉人',
  },
  'reject-reply': {
    label: '退回答复',
    title: '退回答复修改',
    danger: true,
    intro: (d) => <Typography.Paragraph style={{ background: '#fafafa', padding: 12, whiteSpace: 'pre-wrap' }}>{d.reply?.text}</Typography.Paragraph>,
    fields: () => reason('退回理由', 5),
    body: (v) => ({ reason: v.reason }),
  },
  'follow-up': {
    label: '回访',
    title: '回访投诉人',
    primary: true,
    attachments: true,
    fields: (d) => (
      <>
        <Form.Item name="satisfaction" label="满意度" rules={[{ required: true, message: '请选择回访结果' }]}>
          <Radio.Group
            options={Object.entries(SATISFACTION_LABELS)
              .filter(([k]) => k !== 'unreachable' || !d.contact)
              .map(([value, label]) => ({ value, label }))}
          />
        </Form.Item>
        <Form.Item name="note" label="回访记录" rules={[{ required: true, message: '请填写回访情况' }]}>
          <Input.TextArea rows={3} maxLength={1000} placeholder="如 电话回访，投诉人表示已恢复供水，对处理结果满意" />
        </Form.Item>
      </>
    ),
    body: (v) => ({ satisfaction: v.satisfaction, note: v.note || '' }),
  },
  rework: {
    label: '重办',
    title: '重办',
    danger: true,
    fields: () => reason('重办原因', 5, '如投诉人不满意、问题反弹。重办次数计入考核。'),
    body: (v) => ({ reason: v.reason }),
  },
  close: {
    label: '办结',
    title: '办结',
    primary: true,
    intro: () => <Typography.Paragraph type="secondary">办结后投诉人可在查询页看到“已办结”。</Typography.Paragraph>,
    fields: () => note('办结说明'),
    body: (v) => ({ note: v.note || undefined }),
  },
  merge: {
    label: '合并',
    title: '合并为重复线索',
    fields: (d) => (
      <>
        <Alert type="info" showIcon style={{ marginBottom: 12 }} message="合并后本线索不再单独办理，主线索的办理结果和答复同样告知本线索的投诉人。" />
        <Form.Item name="targetId" label="合并到（主线索）" rules={[{ required: true, message: '请选择主线索' }]}>
          <ComplaintSelect excludeId={d.id} initial={d.duplicateCandidates.map((c) => ({ value: c.id, label: `${c.trackingCode} ${c.description.slice(0, 30)}` }))} />
        </Form.Item>
      </>
    ),
    body: (v) => ({ targetId: v.targetId }),
  },
  'extension-request': {
    label: '申请延期',
    title: '申请延期',
    intro: (d) => <Typography.Paragraph type="secondary">须在办结期限（{d.sla?.dueAt ? dayjs(d.sla.dueAt).format('YYYY-MM-DD HH:mm') : '—'}）前申请，由牵头部门审批。</Typography.Paragraph>,
    fields: () => (
      <>
        <Form.Item name="days" label="延长工作日数" rules={[{ required: true, message: '请填写延长天数' }]}>
          <InputNumber min={1} max={30} addonAfter="个工作日" />
        </Form.Item>
        {reason('延期理由', 5)}
      </>
    ),
    body: (v) => ({ days: v.days, reason: v.reason }),
  },
  'extension-decision': {
    label: '审批延期',
    title: '审批延期申请',
    fields: (d) => {
      const pending = d.sla?.extensions.filter((e) => e.status === 'pending') ?? [];
      return (
        <>
          <Form.Item name="extensionId" label="延期申请" rules={[{ required: true, message: '请选择延期申请' }]}>
            <Select options={pending.map((e) => ({ value: e.id, label: `延长 ${e.days} 个工作日：${e.reason}` }))} />
          </Form.Item>
          <Form.Item name="approve" label="同意延期" valuePropName="checked">
            <Switch checkedChildren="同意" unCheckedChildren="不同意" />
          </Form.Item>
          {note('审批意见')}
        </>
      );
    },
    initial: (d) => ({ extensionId: d.sla?.extensions.find((e) => e.status === 'pending')?.id, approve: true }),
    body: (v) => ({ extensionId: v.extensionId, approve: !!v.approve, note: v.note || '' }),
  },
  supervise: {
    label: '挂牌督办',
    title: '挂牌督办',
    danger: true,
    fields: () => (
      <>
        <Form.Item name="deadline" label="督办期限" rules={[{ required: true, message: '请选择督办期限' }]}>
          <DatePicker disabledDate={(d) => d.isBefore(dayjs(), 'day')} />
        </Form.Item>
        <Form.Item name="note" label="督办要求" rules={[{ required: true, message: '请填写督办要求' }]}>
          <Input.TextArea rows={3} maxLength={2000} />
        </Form.Item>
      </>
    ),
    body: (v) => ({ deadline: ymd(v.deadline), note: v.note }),
  },
  triage: {
    label: '确认/修正分类',
    title: '确认或修正分类与责任部门',
    intro: () => (
      <Typography.Paragraph type="secondary">核对系统建议：无误直接提交即为人工确认，有误请修正。确认和修正都会记录，用于衡量和改进自动研判。</Typography.Paragraph>
    ),
    fields: (d) => (
      <>
        {(d.status === 'received' || d.status === 'returned') && (
          <Form.Item name="projectId" label="物业项目" extra="物业服务企业和所在区域随项目更正；派单后不能再更换">
            <ProjectSelect initialLabel={d.projectName} placeholder="未识别到项目" />
          </Form.Item>
        )}
        {(d.status === 'received' || d.status === 'returned') && !d.projectId && (
          <Form.Item name="regionCode" label="确定属地" extra="未选小区的线索：选择所在区或街道后，由该区派单办理">
            <RegionSelect placeholder={d.regionName ?? '选择区或街道'} allowClear />
          </Form.Item>
        )}
        <Form.Item name="category" label="问题类别" rules={[{ required: true, message: '请选择问题类别' }]}>
          <Select options={CATEGORY_OPTIONS} />
        </Form.Item>
        <Form.Item name="leadDepartment" label="主办部门" rules={[{ required: true, message: '请选择主办部门' }]}>
          <Select options={LEAD_OPTIONS} />
        </Form.Item>
        <Form.Item name="coDepartments" label="协办部门">
          <Select mode="multiple" options={DEPT_OPTIONS} placeholder="无" />
        </Form.Item>
        <Form.Item name="urgent" label="紧急" valuePropName="checked">
          <Switch checkedChildren="紧急" unCheckedChildren="一般" />
        </Form.Item>
      </>
    ),
    initial: (d) => ({ projectId: d.projectId, category: d.category, leadDepartment: d.leadDepartment, coDepartments: d.coDepartments ?? [], urgent: d.urgent }),
    body: (v) => ({
      category: v.category,
      leadDepartment: v.leadDepartment,
      coDepartments: v.coDepartments ?? [],
      urgent: !!v.urgent,
      ...(v.projectId !== undefined ? { projectId: v.projectId ?? null } : {}),
      ...(v.regionCode ? { regionCode: v.regionCode } : {}),
    }),
  },
};

/** Order of the buttons in the page header (the forward step first). */
export const ACTION_ORDER = [
  'dispatch',
  'sign',
  'findings',
  'answer',
  'reply',
  'approve-reply',
  'follow-up',
  'close',
  'opinion',
  'triage',
  'extension-request',
  'extension-decision',
  'merge',
  'supervise',
  'reject-reply',
  'rework',
  'return',
];

/** One modal form per action; on success the server's updated lead replaces the page's copy. */
export function ActionModal(props: { action: string | null; detail: ComplaintDetail; extraInitial?: Record<string, unknown>; onClose: () => void; onDone: (d: ComplaintDetail) => void }) {
  const [form] = Form.useForm();
  const run = useRun();
  const [files, setFiles] = useState<UploadFile[]>([]);
  const [busy, setBusy] = useState(false);
  const spec = props.action ? ACTIONS[props.action] : null;

  useEffect(() => {
    if (!props.action || !spec) return;
    form.resetFields();
    setFiles([]);
    form.setFieldsValue({ ...(spec.initial?.(props.detail) ?? {}), ...(props.extraInitial ?? {}) });
  }, [props.action]);

  if (!spec || !props.action) return null;
  const action = props.action;

  const submit = async () => {
    const v = await form.validateFields();
    setBusy(true);
    try {
      const updated = await run(
        async () => {
          const attachments: string[] = [];
          for (const f of files) if (f.originFileObj) attachments.push((await uploadAttachment(props.detail.id, f.originFileObj)).fileId);
          const body = { ...(spec.body?.(v, props.detail) ?? v) };
          if (spec.attachments && attachments.length) body.attachments = attachments;
          return runAction(props.detail.id, action, body);
        },
        { form, success: `${spec.title}：已完成` },
      );
      if (updated) props.onDone(updated);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Modal
      open
      title={spec.title}
      onOk={() => void submit()}
      onCancel={props.onClose}
      okText={spec.okText ?? '确定'}
      cancelText="取消"
      okButtonProps={{ danger: spec.danger, loading: busy }}
      destroyOnHidden
      width={640}
    >
      {spec.intro?.(props.detail)}
      <Form form={form} name={`action-${action}`} layout="vertical">
        {spec.fields?.(props.detail, form)}
        {spec.attachments && (
          <Form.Item label="附件（照片、笔录等）">
            <Upload beforeUpload={() => false} fileList={files} onChange={({ fileList }) => setFiles(fileList)} multiple>
              <Button icon={<UploadOutlined />}>选择文件</Button>
            </Upload>
          </Form.Item>
        )}
      </Form>
    </Modal>
  );
}
