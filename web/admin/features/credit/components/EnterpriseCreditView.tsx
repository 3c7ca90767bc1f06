import { PlusOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Col, DatePicker, Empty, Form, Input, Modal, Radio, Row, Select, Spin, Statistic, Table, Tag, Tooltip, Typography } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import { Link } from 'react-router-dom';
import { ApiError } from '../../../../common/api.js';
import { dayjs, fmtDate, fmtDateTime } from '../../../../common/format.js';
import { useSession } from '../../../app/session.js';
import { useSave, ymd } from '../../campaigns/components/shared.js';
import {
  type BlacklistEntry,
  CREDIT_EVENT_LABELS,
  type CreditEvent,
  type EnterpriseCredit,
  GRADE_COLORS,
  MANUAL_CREDIT_EVENT_TYPES,
  OBJECTION_LABELS,
  addBlacklist,
  addCreditEvent,
  decideCreditObjection,
  getEnterpriseCredit,
  objectCreditEvent,
  repairBlacklist,
} from '../api.js';

type Dialog =
  | { kind: 'objection'; event: CreditEvent }
  | { kind: 'decision'; event: CreditEvent }
  | { kind: 'repair'; entry: BlacklistEntry }
  | { kind: 'blacklist' }
  | { kind: 'event' }
  | null;

const today = () => dayjs().format('YYYY-MM-DD');
const eventCounts = (e: CreditEvent) => e.counts ?? e.valid ?? (e.objectionStatus !== 'upheld' && e.occurredOn <= today() && today() <= e.validUntil);
const blacklistActive = (b: BlacklistEntry) => b.active ?? (!b.repairedAt && b.from <= today() && (!b.until || today() <= b.until));

/** One enterprise's credit: score, grade, events with validity and objections, blacklist. */
export function EnterpriseCreditView({ enterpriseId }: { enterpriseId: string }) {
  const { me, can } = useSession();
  const save = useSave();
  const [credit, setCredit] = useState<EnterpriseCredit | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [dialog, setDialog] = useState<Dialog>(null);
  const [form] = Form.useForm();
  const isOwnCompany = me?.enterpriseId === enterpriseId;
  const manage = can('credit:manage');

  const load = useCallback(() => {
    getEnterpriseCredit(enterpriseId).then(setCredit, (err) => setError(err instanceof ApiError ? err.message : '加载失败'));
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
        success = '已完成信用修复';
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
          columns={[
            { title: '列入原因', dataIndex: 'reason' },
            { title: '期间', render: (_v, b) => `${b.from} 至 ${b.until ?? '信用修复前'}` },
            {
              title: '状态',
              render: (_v, b) =>
                b.repairedAt ? (
                  <Tooltip title={b.repairNote}>
                    <Tag color="green">已修复 {fmtDate(b.repairedAt)}</Tag>
                  </Tooltip>
                ) : blacklistActive(b) ? (
                  <Tag color="red">生效中</Tag>
                ) : (
                  <Tag>已到期</Tag>
                ),
            },
            { title: '登记时间', dataIndex: 'createdAt', render: (v) => fmtDateTime(v) },
            { title: '操作', render: (_v, b) => manage && !b.repairedAt && <a onClick={() => setDialog({ kind: 'repair', entry: b })}>信用修复</a> },
          ]}
        />
      </Card>
      <Modal
        open={!!dialog}
        destroyOnHidden
        onCancel={() => setDialog(null)}
        onOk={submit}
        okText="提交"
        title={
          dialog?.kind === 'objection'
            ? '对信用事件提出异议'
            : dialog?.kind === 'decision'
              ? '处理信用异议'
              : dialog?.kind === 'repair'
                ? '信用修复'
                : dialog?.kind === 'blacklist'
                  ? '列入黑名单'
                  : '记录信用事件'
        }
      >
        <Form form={form} layout="vertical" name="creditDialog" initialValues={{ occurredOn: dayjs(), period: [dayjs(), null] }}>
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
          {dialog?.kind === 'repair' && (
            <Form.Item name="note" label="修复说明" rules={[{ required: true, message: '请填写信用修复依据' }]}>
              <Input.TextArea rows={3} maxLength={2000} placeholder="如 已完成整改并公开信用承诺" />
            </Form.Item>
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
