import { PlusOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Col, DatePicker, Empty, Form, Input, Modal, Radio, Row, Select, Space, Spin, Statistic, Table, Tag, Tooltip, Typography } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import { Link } from 'react-router-dom';
import { ApiError } from '../../../../common/api.js';
import { chinaToday, fmtDate, fmtDateTime } from '../../../../common/format.js';
import { useSession } from '../../../app/session.js';
import { useSave, ymd } from '../../campaigns/components/shared.js';
import {
  BLACKLIST_PENDING_LABELS,
  type BlacklistAction,
  type BlacklistEntry,
  CREDIT_EVENT_LABELS,
  type CreditEvent,
  type EnterpriseCredit,
  GRADE_COLORS,
  MANUAL_CREDIT_EVENT_TYPES,
  OBJECTION_LABELS,
  addBlacklist,
  addCreditEvent,
  applyBlacklistRepair,
  decideBlacklistObjection,
  decideCreditObjection,
  getEnterpriseCredit,
  objectBlacklist,
  objectCreditEvent,
  refuseBlacklistRepair,
  repairBlacklist,
  uploadBlacklistFile,
} from '../api.js';
import { BlacklistApplications } from './BlacklistApplications.js';
import { FileIdsUpload } from '../../../components/FileIdsUpload.js';

type Dialog =
  | { kind: 'objection'; event: CreditEvent }
  | { kind: 'decision'; event: CreditEvent }
  | { kind: 'repair'; entry: BlacklistEntry }
  | { kind: 'repairRefusal'; entry: BlacklistEntry }
  | { kind: 'blacklistObjection'; entry: BlacklistEntry }
  | { kind: 'blacklistDecision'; entry: BlacklistEntry; upheld: boolean }
  | { kind: 'repairApplication'; entry: BlacklistEntry }
  | { kind: 'blacklist' }
  | { kind: 'event' }
  | null;

const today = () => chinaToday().format('YYYY-MM-DD');
const eventCounts = (e: CreditEvent) => e.counts ?? e.valid ?? (e.objectionStatus !== 'upheld' && e.occurredOn <= today() && today() <= e.validUntil);
const blacklistActive = (b: BlacklistEntry) => b.active ?? (!b.repairedAt && !b.annulledAt && b.from <= today() && (!b.until || today() <= b.until));

function BlacklistStatusTag({ entry: b }: { entry: BlacklistEntry }) {
  if (b.annulledAt) return <Tag color="green">已撤销（异议成立）</Tag>;
  if (b.repairedAt)
    return (
      <Tooltip title={b.repairNote}>
        <Tag color="green">已修复 {fmtDate(b.repairedAt)}</Tag>
      </Tooltip>
    );
  if (blacklistActive(b)) return <Tag color="red">生效中</Tag>;
  return b.from > today() ? <Tag>未生效</Tag> : <Tag>已到期</Tag>;
}

const DIALOG_TITLES: Record<NonNullable<Dialog>['kind'], string> = {
  objection: '对信用事件提出异议',
  decision: '处理信用异议',
  repair: '信用修复',
  repairRefusal: '不予信用修复',
  blacklistObjection: '对黑名单记录提出异议',
  blacklistDecision: '处理黑名单异议',
  repairApplication: '申请信用修复',
  blacklist: '列入黑名单',
  event: '记录信用事件',
};

/** The pending objection or repair application the staff user is answering. */
function PendingApplicationSummary({ entry }: { entry: BlacklistEntry }) {
  const pending = entry.applications?.find((a) => a.status === 'pending');
  if (!pending) return null;
  return (
    <Alert
      type="info"
      style={{ marginBottom: 16 }}
      message={pending.kind === 'objection' ? '企业异议理由' : '企业信用修复申请'}
      description={
        pending.kind === 'objection' ? (
          pending.reason
        ) : (
          <>
            <div>信用承诺：{pending.commitment}</div>
            <div>整改情况：{pending.rectificationSummary}</div>
          </>
        )
      }
    />
  );
}

/** One enterprise's credit: score, grade, events with validity and objections, blacklist (with the company's objections and repair applications). */
export function EnterpriseCreditView({ enterpriseId }: { enterpriseId: string }) {
  const { me, can } = useSession();
  const save = useSave();
  const [credit, setCredit] = useState<EnterpriseCredit | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [dialog, setDialog] = useState<Dialog>(null);
  const [form] = Form.useForm();
  const isOwnCompany = me?.enterpriseId === enterpriseId;
  const manage = can('credit:manage');
  // The server lists what the user may do on each entry; older responses fall back to the role.
  const allowed = (b: BlacklistEntry, action: BlacklistAction) => (b.allowedActions ? b.allowedActions.includes(action) : action === 'repair' && manage && !b.repairedAt);

  // Entries whose requests are shown: those with a pending request open by themselves, and an entry
  // stays open after its request is decided, so the decision is seen at once.
  const [expanded, setExpanded] = useState<string[]>([]);
  const load = useCallback(() => {
    getEnterpriseCredit(enterpriseId).then(
      (c) => {
        setCredit(c);
        setExpanded((prev) => [...new Set([...prev, ...c.blacklist.filter((b) => b.pendingApplication).map((b) => b.id)])]);
      },
      (err) => setError(err instanceof ApiError ? err.message : '加载失败'),
    );
  }, [enterpriseId]);
  useEffect(load, [load]);

  if (error) return <Alert type="error" message={error} />;
  if (!credit) return <Spin />;

  const submit = async () => {
    if (!dialog) return;
    const v = await form.validateFields();
    let fn: () => Promise<unknown>;
    let success = '已保存';
    switch (dialog.kind) {
      case 'objection':
        fn = () => objectCreditEvent(dialog.event.id, v.reason);
        success = '异议已提交，等待主管部门处理';
        break;
      case 'decision':
        fn = () => decideCreditObjection(dialog.event.id, { uphold: v.uphold, note: v.note });
        success = '异议已处理';
        break;
      case 'repair':
        fn = () => repairBlacklist(dialog.entry.id, v.note);
        success = dialog.entry.pendingApplication === 'repair' ? '已同意信用修复申请，该记录已移出黑名单' : '已完成信用修复';
        break;
      case 'repairRefusal':
        fn = () => refuseBlacklistRepair(dialog.entry.id, v.note);
        success = '已答复：不予信用修复';
        break;
      case 'blacklistObjection':
        fn = () => objectBlacklist(dialog.entry.id, { reason: v.reason, fileIds: v.fileIds ?? [] });
        success = '异议已提交，等待主管部门处理';
        break;
      case 'blacklistDecision':
        fn = () => decideBlacklistObjection(dialog.entry.id, { upheld: dialog.upheld, note: v.note });
        success = dialog.upheld ? '异议成立，该黑名单记录已撤销' : '已答复：异议不成立';
        break;
      case 'repairApplication':
        fn = () => applyBlacklistRepair(dialog.entry.id, { commitment: v.commitment, rectificationSummary: v.rectificationSummary, fileIds: v.fileIds ?? [] });
        success = '信用修复申请已提交，等待主管部门审核';
        break;
      case 'blacklist':
        fn = () => addBlacklist(enterpriseId, { reason: v.reason, from: ymd(v.period?.[0]), until: ymd(v.period?.[1]) });
        success = '已列入黑名单';
        break;
      default:
        fn = () => addCreditEvent({ enterpriseId, type: v.type, reason: v.reason, occurredOn: ymd(v.occurredOn) });
        success = '已记录信用事件';
    }
    if (await save(fn, { form, success })) {
      setDialog(null);
      form.resetFields();
      load();
    }
  };

  const activeBlacklist = credit.blacklist.filter(blacklistActive);
  return (
    <>
      {credit.blacklisted && (
        <Alert
          type="error"
          showIcon
          style={{ marginBottom: 16 }}
          message="该企业已被列入黑名单"
          description={activeBlacklist.map((b) => `${b.reason}（${b.from} 至 ${b.until ?? '信用修复前'}）`).join('；')}
        />
      )}
      <Row gutter={16} style={{ marginBottom: 16 }}>
        <Col span={8}>
          <Card>
            <Statistic title="信用分" value={credit.score} />
          </Card>
        </Col>
        <Col span={8}>
          <Card>
            <Statistic title="信用等级" valueRender={() => <Tag color={GRADE_COLORS[credit.grade]} style={{ fontSize: 20, padding: '4px 12px' }}>{credit.grade}</Tag>} />
          </Card>
        </Col>
        <Col span={8}>
          <Card>
            <Statistic title="黑名单" valueRender={() => (credit.blacklisted ? <Tag color="red">已列入</Tag> : <Tag color="green">未列入</Tag>)} />
          </Card>
        </Col>
      </Row>
      <Card
        title="信用事件"
        style={{ marginBottom: 16 }}
        extra={
          manage && (
            <Button icon={<PlusOutlined />} onClick={() => setDialog({ kind: 'event' })}>
              记录信用事件
            </Button>
          )
        }
      >
        <Table<CreditEvent>
          rowKey="id"
          size="small"
          dataSource={credit.events}
          pagination={{ pageSize: 10, hideOnSinglePage: true }}
          locale={{ emptyText: <Empty description="暂无信用事件" /> }}
          columns={[
            { title: '发生日期', dataIndex: 'occurredOn', width: 110 },
            { title: '类型', dataIndex: 'type', width: 130, render: (t: keyof typeof CREDIT_EVENT_LABELS) => CREDIT_EVENT_LABELS[t] ?? t },
            {
              title: '分值',
              dataIndex: 'points',
              width: 70,
              align: 'right',
              render: (p: number) => <span style={{ color: p < 0 ? '#cf1322' : p > 0 ? '#389e0d' : undefined }}>{p > 0 ? `+${p}` : p}</span>,
            },
            { title: '事由', dataIndex: 'reason' },
            {
              title: '有效期至',
              dataIndex: 'validUntil',
              width: 140,
              render: (_v, e) => (
                <>
                  {e.validUntil} {eventCounts(e) ? <Tag color="blue">有效</Tag> : <Tag>已失效</Tag>}
                </>
              ),
            },
            {
              title: '异议',
              dataIndex: 'objectionStatus',
              width: 150,
              render: (_v, e) =>
                e.objectionStatus === 'none' ? (
                  '—'
                ) : (
                  <Tooltip title={[e.objectionReason, e.objectionDecisionNote].filter(Boolean).join(' / ')}>
                    <Tag color={e.objectionStatus === 'pending' ? 'orange' : e.objectionStatus === 'upheld' ? 'green' : 'default'}>{OBJECTION_LABELS[e.objectionStatus] ?? e.objectionStatus}</Tag>
                  </Tooltip>
                ),
            },
            {
              title: '操作',
              width: 100,
              render: (_v, e) => (
                <>
                  {isOwnCompany && e.objectionStatus === 'none' && e.points < 0 && <a onClick={() => setDialog({ kind: 'objection', event: e })}>提出异议</a>}
                  {manage && e.objectionStatus === 'pending' && <a onClick={() => setDialog({ kind: 'decision', event: e })}>处理异议</a>}
                  {!isOwnCompany && e.sourceType === 'enforcement_action' && e.sourceId && <Link to={`/app/enforcement/${e.sourceId}`}>文书</Link>}
                  {!isOwnCompany && e.sourceType === 'problem' && e.sourceId && <Link to={`/app/problems/${e.sourceId}`}>问题</Link>}
                </>
              ),
            },
          ]}
        />
      </Card>
      <Card
        title="黑名单记录"
        extra={
          manage && (
            <Button danger onClick={() => setDialog({ kind: 'blacklist' })}>
              列入黑名单
            </Button>
          )
        }
      >
        <Table<BlacklistEntry>
          rowKey="id"
          size="small"
          dataSource={credit.blacklist}
          pagination={false}
          locale={{ emptyText: '无黑名单记录' }}
          expandable={{
            rowExpandable: (b) => !!b.applications?.length,
            expandedRowKeys: expanded,
            onExpandedRowsChange: (keys) => setExpanded(keys.map(String)),
            expandedRowRender: (b) => <BlacklistApplications entryId={b.id} applications={b.applications ?? []} />,
          }}
          columns={[
            { title: '列入原因', dataIndex: 'reason' },
            { title: '期间', render: (_v, b) => `${b.from} 至 ${b.until ?? '信用修复前'}` },
            {
              title: '状态',
              render: (_v, b) => (
                <>
                  <BlacklistStatusTag entry={b} />
                  {b.pendingApplication && <Tag color="orange">{BLACKLIST_PENDING_LABELS[b.pendingApplication]}</Tag>}
                </>
              ),
            },
            { title: '登记时间', dataIndex: 'createdAt', render: (v) => fmtDateTime(v) },
            {
              title: '操作',
              render: (_v, b) => (
                <Space size="small" wrap>
                  {allowed(b, 'objection') && <a onClick={() => setDialog({ kind: 'blacklistObjection', entry: b })}>提出异议</a>}
                  {allowed(b, 'repair_application') && <a onClick={() => setDialog({ kind: 'repairApplication', entry: b })}>申请信用修复</a>}
                  {allowed(b, 'objection_decision') && (
                    <>
                      <a onClick={() => setDialog({ kind: 'blacklistDecision', entry: b, upheld: true })}>异议成立</a>
                      <a onClick={() => setDialog({ kind: 'blacklistDecision', entry: b, upheld: false })}>异议不成立</a>
                    </>
                  )}
                  {allowed(b, 'repair') && (
                    <a onClick={() => setDialog({ kind: 'repair', entry: b })}>{b.pendingApplication === 'repair' ? '同意修复' : '信用修复'}</a>
                  )}
                  {allowed(b, 'repair_refusal') && <a onClick={() => setDialog({ kind: 'repairRefusal', entry: b })}>不予修复</a>}
                </Space>
              ),
            },
          ]}
        />
      </Card>
      <Modal
        open={!!dialog}
        destroyOnHidden
        onCancel={() => setDialog(null)}
        onOk={submit}
        okText="提交"
        title={dialog ? (dialog.kind === 'repair' && dialog.entry.pendingApplication === 'repair' ? '同意信用修复申请' : DIALOG_TITLES[dialog.kind]) : ''}
      >
        <Form form={form} layout="vertical" name="creditDialog" initialValues={{ occurredOn: chinaToday(), period: [chinaToday(), null] }}>
          {(dialog?.kind === 'objection' || dialog?.kind === 'decision') && (
            <Typography.Paragraph type="secondary">
              {CREDIT_EVENT_LABELS[dialog.event.type]} {dialog.event.points}分：{dialog.event.reason}
              {dialog.kind === 'decision' && dialog.event.objectionReason ? `。异议理由：${dialog.event.objectionReason}` : ''}
            </Typography.Paragraph>
          )}
          {dialog?.kind === 'objection' && (
            <Form.Item name="reason" label="异议理由" rules={[{ required: true, message: '请填写异议理由' }, { min: 10, message: '请说明异议理由（至少 10 个字）' }]}>
              <Input.TextArea rows={4} maxLength={2000} />
            </Form.Item>
          )}
          {dialog?.kind === 'decision' && (
            <>
              <Form.Item name="uphold" label="处理结果" rules={[{ required: true, message: '请选择处理结果' }]}>
                <Radio.Group
                  options={[
                    { value: true, label: '异议成立（撤销该事件）' },
                    { value: false, label: '异议不成立' },
                  ]}
                />
              </Form.Item>
              <Form.Item name="note" label="处理意见" rules={[{ required: true, message: '请填写处理意见' }]}>
                <Input.TextArea rows={3} maxLength={2000} />
              </Form.Item>
            </>
          )}
          {(dialog?.kind === 'repair' ||
            dialog?.kind === 'repairRefusal' ||
            dialog?.kind === 'blacklistObjection' ||
            dialog?.kind === 'blacklistDecision' ||
            dialog?.kind === 'repairApplication') && (
            <Typography.Paragraph type="secondary">
              黑名单记录：{dialog.entry.reason}（{dialog.entry.from} 至 {dialog.entry.until ?? '信用修复前'}）
            </Typography.Paragraph>
          )}
          {(dialog?.kind === 'blacklistDecision' || dialog?.kind === 'repairRefusal' || dialog?.kind === 'repair') && (
            <PendingApplicationSummary entry={dialog.entry} />
          )}
          {dialog?.kind === 'repair' && (
            <Form.Item name="note" label="修复说明" rules={[{ required: true, message: '请填写信用修复依据' }, { min: 4, message: '请填写信用修复说明（至少 4 个字）' }]}>
              <Input.TextArea rows={3} maxLength={2000} placeholder="如 已完成整改并公开信用承诺" />
            </Form.Item>
          )}
          {dialog?.kind === 'repairRefusal' && (
            <Form.Item name="note" label="不予修复的理由" rules={[{ required: true, message: '请填写不予修复的理由' }, { min: 4, message: '请填写不予修复的理由（至少 4 个字）' }]}>
              <Input.TextArea rows={3} maxLength={2000} placeholder="如 整改材料不全，公共收益未公示" />
            </Form.Item>
          )}
          {dialog?.kind === 'blacklistDecision' && (
            <>
              <Alert
                type={dialog.upheld ? 'success' : 'warning'}
                showIcon
                style={{ marginBottom: 16 }}
                message={dialog.upheld ? '异议成立：撤销该黑名单记录，企业不再计为黑名单。' : '异议不成立：黑名单记录继续有效。'}
              />
              <Form.Item name="note" label="处理意见" rules={[{ required: true, message: '请填写处理意见' }, { min: 4, message: '请填写处理意见（至少 4 个字）' }]}>
                <Input.TextArea rows={3} maxLength={2000} />
              </Form.Item>
            </>
          )}
          {dialog?.kind === 'blacklistObjection' && (
            <>
              <Form.Item name="reason" label="异议理由" rules={[{ required: true, message: '请填写异议理由' }, { min: 10, message: '请说明异议理由（至少 10 个字）' }]}>
                <Input.TextArea rows={4} maxLength={2000} placeholder="说明列入黑名单的认定有何错误，如 所依据的处罚已被撤销" />
              </Form.Item>
              <Form.Item name="fileIds" label="证明材料（可选）">
                <FileIdsUpload upload={(file) => uploadBlacklistFile(dialog.entry.id, file)} />
              </Form.Item>
            </>
          )}
          {dialog?.kind === 'repairApplication' && (
            <>
              <Form.Item name="commitment" label="信用承诺" rules={[{ required: true, message: '请填写信用承诺' }, { min: 10, message: '请填写信用承诺（至少 10 个字）' }]}>
                <Input.TextArea rows={3} maxLength={2000} placeholder="如 我公司承诺依法诚信经营，按规定公示收费，接受业主和社会监督" />
              </Form.Item>
              <Form.Item
                name="rectificationSummary"
                label="整改情况"
                rules={[{ required: true, message: '请说明整改情况' }, { min: 10, message: '请说明整改情况（至少 10 个字）' }]}
              >
                <Input.TextArea rows={4} maxLength={4000} showCount placeholder="已采取的整改措施、完成时间、处罚履行情况等" />
              </Form.Item>
              <Form.Item name="fileIds" label="证明材料（可选）">
                <FileIdsUpload upload={(file) => uploadBlacklistFile(dialog.entry.id, file)} />
              </Form.Item>
            </>
          )}
          {dialog?.kind === 'blacklist' && (
            <>
              <Form.Item name="reason" label="列入原因" rules={[{ required: true, message: '请填写列入原因' }]}>
                <Input.TextArea rows={3} maxLength={2000} />
              </Form.Item>
              <Form.Item name="period" label="列入期间（结束日期可空，至信用修复为止）" rules={[{ required: true, message: '请选择开始日期' }]}>
                <DatePicker.RangePicker allowEmpty={[false, true]} placeholder={['开始日期', '结束日期']} />
              </Form.Item>
            </>
          )}
          {dialog?.kind === 'event' && (
            <>
              <Form.Item name="type" label="事件类型" rules={[{ required: true, message: '请选择事件类型' }]}>
                <Select options={MANUAL_CREDIT_EVENT_TYPES.map((t) => ({ value: t, label: CREDIT_EVENT_LABELS[t] }))} />
              </Form.Item>
              <Form.Item name="reason" label="事由" rules={[{ required: true, message: '请填写事由' }]}>
                <Input.TextArea rows={3} maxLength={2000} />
              </Form.Item>
              <Form.Item name="occurredOn" label="发生日期" rules={[{ required: true, message: '请选择发生日期' }]}>
                <DatePicker />
              </Form.Item>
            </>
          )}
        </Form>
      </Modal>
    </>
  );
}
