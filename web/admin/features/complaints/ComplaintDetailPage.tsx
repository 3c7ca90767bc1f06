import { EyeOutlined, PaperClipOutlined } from '@ant-design/icons';
import { PageContainer } from '@ant-design/pro-components';
import { Alert, Button, Card, Col, Descriptions, Empty, Form, Input, List, Modal, Result, Row, Space, Spin, Statistic, Table, Tag, Timeline, Typography } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import { Link, useParams } from 'react-router-dom';
import { ApiError } from '../../../common/api.js';
import { dayjs, fmtDate, fmtDateTime } from '../../../common/format.js';
import { useSession } from '../../app/session.js';
import { type ComplaintDetail, type TimelineEntry, attachmentUrl, getComplaint, revealContact } from './api/complaints.js';
import { ACTIONS, ACTION_ORDER, ActionModal } from './components/ActionModal.js';
import {
  CHANNEL_LABELS,
  FINDING_LABELS,
  OUTCOME_LABELS,
  SATISFACTION_LABELS,
  STATUS_LABELS,
  SlaTags,
  StatusTag,
  categoryLabel,
  deptLabel,
  timeLeft,
  useRun,
} from './components/shared.js';
import { RecallModal } from './components/RecallModal.js';
import { TriagePanel } from './components/TriagePanel.js';

const ONGOING = (s: string) => !['closed', 'merged'].includes(s);
const label = (labels: Record<string, string>, key: string) => labels[key] ?? key;

function Deadline({ label, at, active }: { label: string; at: string | null | undefined; active: boolean }) {
  if (!at) return <Statistic title={label} value="—" />;
  const overdue = dayjs(at).isBefore(dayjs());
  return (
    <div>
      <Typography.Text type="secondary">{label}</Typography.Text>
      <div style={{ fontSize: 18 }}>{fmtDateTime(at)}</div>
      {active && <Typography.Text type={overdue ? 'danger' : dayjs(at).diff(dayjs(), 'hour') < 24 ? 'warning' : 'success'}>{timeLeft(at)}</Typography.Text>}
    </div>
  );
}

function RevealContact({ detail }: { detail: ComplaintDetail }) {
  const { can } = useSession();
  const run = useRun();
  const [asking, setAsking] = useState(false);
  const [shown, setShown] = useState<{ contactName: string | null; contactPhone: string | null } | null>(null);
  const [form] = Form.useForm();
  if (!detail.contact) return <Tag>匿名投诉，无联系方式</Tag>;
  if (shown)
    return (
      <Space>
        <span>{shown.contactName ?? '（未留姓名）'}</span>
        {shown.contactPhone ? <a href={`tel:${shown.contactPhone}`}>{shown.contactPhone}</a> : '（未留电话）'}
        <Typography.Text type="secondary">（本次查看已记录）</Typography.Text>
      </Space>
    );
  return (
    <Space wrap>
      <span>{detail.contact.name ?? '（未留姓名）'}</span>
      <span>{detail.contact.phone ?? '（未留电话）'}</span>
      {can('complaint:reveal_contact') && (
        <Button size="small" icon={<EyeOutlined />} onClick={() => setAsking(true)}>
          查看完整联系方式
        </Button>
      )}
      <Modal
        open={asking}
        title="查看完整联系方式"
        okText="查看"
        cancelText="取消"
        destroyOnHidden
        onCancel={() => setAsking(false)}
        onOk={async () => {
          const v = await form.validateFields();
          const r = await run(() => revealContact(detail.id, v.reason), { form });
          if (r) {
            setShown(r);
            setAsking(false);
          }
        }}
      >
        <Alert
          type="warning"
          showIcon
          style={{ marginBottom: 12 }}
          message="投诉人信息受保护：查看将记录您的姓名、时间和理由，严禁向被投诉企业或无关人员透露。"
        />
        <Form form={form} layout="vertical" name="revealContact">
          <Form.Item name="reason" label="查看理由" rules={[{ required: true, message: '请填写查看理由' }, { min: 4, message: '请具体说明查看理由' }]}>
            <Input placeholder="如 电话回访投诉人核实情况" />
          </Form.Item>
        </Form>
      </Modal>
    </Space>
  );
}

function attachmentLinks(complaintId: string, list: TimelineEntry['attachments']) {
  if (!list?.length) return null;
  return (
    <Space size={8} wrap>
      {list.map((a) => (
        <a key={a.id} href={attachmentUrl(complaintId, a.id)} target="_blank" rel="noreferrer">
          <PaperClipOutlined /> {a.name}
        </a>
      ))}
    </Space>
  );
}

/** 线索详情: the lead with its deadlines, triage, duplicates, handling results, timeline and the actions allowed now. */
export default function ComplaintDetailPage() {
  const { id } = useParams<{ id: string }>();
  const [detail, setDetail] = useState<ComplaintDetail | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [action, setAction] = useState<string | null>(null);
  const [extraInitial, setExtraInitial] = useState<Record<string, unknown> | undefined>();
  const [recalling, setRecalling] = useState(false);
  const reload = useCallback(async () => {
    try {
      setDetail(await getComplaint(id as string));
    } catch (err) {
      // A malformed or unknown id (or one outside the jurisdiction) is simply a lead that does not exist here.
      setError(err instanceof ApiError && (err.status === 404 || err.status === 422 || err.status === 400) ? '线索不存在' : err instanceof ApiError ? err.message : '加载失败');
    }
  }, [id]);
  useEffect(() => {
    void reload();
  }, [reload]);

  if (error) return <Result status="404" title={error} extra={<Link to="/app/complaints">返回线索收件箱</Link>} />;
  if (!detail) return <Spin />;
  const allowed = detail.allowedActions ?? [];
  const buttons = ACTION_ORDER.filter((a) => allowed.includes(a) && ACTIONS[a]);
  const open = (a: string, init?: Record<string, unknown>) => {
    setExtraInitial(init);
    setAction(a);
  };
  const sla = detail.sla;
  const escalations = detail.escalations ?? [];
  const reply = detail.reply;
  const active = ONGOING(detail.status);
  const triage = detail.triage ? { ...detail.triage.proposal, cues: detail.triage.cues } : null;
  const confirmed = { category: detail.category, leadDepartment: detail.leadDepartment, coDepartments: detail.coDepartments ?? [], urgent: detail.urgent };
  const differs =
    !!triage &&
    (triage.category !== confirmed.category ||
      triage.leadDepartment !== confirmed.leadDepartment ||
      triage.urgent !== confirmed.urgent ||
      [...triage.coDepartments].sort().join() !== [...confirmed.coDepartments].sort().join());

  return (
    <PageContainer
      title={
        <Space>
          线索 <Typography.Text copyable style={{ fontFamily: 'monospace', fontSize: 20 }}>{detail.trackingCode}</Typography.Text>
        </Space>
      }
      tags={[<StatusTag key="s" status={detail.status} label={detail.statusLabel} />, <SlaTags key="sla" item={detail} />]}
      onBack={() => window.history.back()}
      extra={[
        ...buttons.map((a) => (
          <Button key={a} type={ACTIONS[a].primary ? 'primary' : 'default'} danger={ACTIONS[a].danger} onClick={() => open(a)}>
            {ACTIONS[a].label}
          </Button>
        )),
        allowed.includes('recall') ? (
          <Button key="recall" onClick={() => setRecalling(true)}>
            抽查回访
          </Button>
        ) : null,
      ]}
    >
      {detail.mergedInto && (
        <Alert
          type="info"
          showIcon
          style={{ marginBottom: 16 }}
          message={
            <>
              本线索已合并到 <Link to={`/app/complaints/${detail.mergedInto.id}`}>{detail.mergedInto.trackingCode}</Link>，由主线索统一办理、答复。
            </>
          }
        />
      )}
      {detail.supervision?.supervised && (
        <Alert
          type="error"
          showIcon
          style={{ marginBottom: 16 }}
          message={`挂牌督办：${detail.supervision.deadline ? `${fmtDate(detail.supervision.deadline)} 前办结` : ''}`}
          description={detail.supervision.note}
        />
      )}
      {sla && (active || escalations.length > 0 || (detail.status === 'closed' && sla.dueAt)) && (
        <Card size="small" style={{ marginBottom: 16 }}>
          {detail.status === 'closed' && sla.dueAt && (
            <Alert
              style={{ marginBottom: 12 }}
              showIcon
              {...(() => {
                const answeredAt = detail.reply?.approvedAt ?? detail.closedAt;
                const late = !!answeredAt && new Date(answeredAt).getTime() > new Date(sla.dueAt as string).getTime();
                return late
                  ? { type: 'warning' as const, message: `超期办结：答复于 ${fmtDateTime(answeredAt)}，办理答复期限 ${fmtDateTime(sla.dueAt)}` }
                  : { type: 'success' as const, message: `按期办结${answeredAt ? `：答复于 ${fmtDateTime(answeredAt)}` : ''}，办理答复期限 ${fmtDateTime(sla.dueAt)}` };
              })()}
            />
          )}
          {escalations.length > 0 && (
            <Alert
              type={active && sla.overdue ? 'error' : 'warning'}
              showIcon
              style={{ marginBottom: 12 }}
              message={
                <Space direction="vertical" size={0}>
                  {escalations.map((e) => (
                    <span key={`${e.kind}-${e.dueAt}`}>
                      已于 {fmtDateTime(e.escalatedAt)} 升级至{e.notifiedOrgUnitName ?? '监督部门'}（超出{e.kindLabel}，期限 {fmtDateTime(e.dueAt)}）
                    </span>
                  ))}
                </Space>
              }
            />
          )}
          {sla.provisional ? (
            <Alert
              type="warning"
              showIcon
              style={{ marginBottom: 12 }}
              message="期限暂定"
              description="期限跨入尚未录入法定节假日安排的年份，暂按《全国年节及纪念日放假办法》规定的节日（不含调休）计算。系统管理员录入官方安排后将自动重新计算，并记入办理过程。"
            />
          ) : null}
          <Row gutter={16}>
            <Col xs={12} md={5}>
              <Deadline label="签收期限" at={sla.signDueAt} active={sla.currentKind === 'sign'} />
            </Col>
            {sla.actDueAt ? (
              <Col xs={12} md={5}>
                <Deadline label="紧急处置期限" at={sla.actDueAt} active={sla.currentKind === 'act'} />
              </Col>
            ) : null}
            <Col xs={12} md={5}>
              <Deadline label="办理答复期限" at={sla.dueAt} active={sla.currentKind === 'reply'} />
            </Col>
            <Col xs={12} md={5}>
              <Deadline label="回访期限" at={sla.followUpDueAt} active={sla.currentKind === 'follow_up'} />
            </Col>
            <Col xs={12} md={4}>
              <Typography.Text type="secondary">延期申请</Typography.Text>
              <div>
                {sla.extensions.length
                  ? sla.extensions.map((e) => (
                      <div key={e.id}>
                        延长 {e.days} 个工作日{' '}
                        <Tag color={e.status === 'approved' ? 'green' : e.status === 'refused' ? 'red' : 'gold'}>
                          {e.status === 'approved' ? '已同意' : e.status === 'refused' ? '未同意' : '待审批'}
                        </Tag>
                      </div>
                    ))
                  : '无'}
              </div>
            </Col>
          </Row>
        </Card>
      )}
      <Row gutter={16}>
        <Col xs={24} xl={16}>
          <Card size="small" title="诉求" style={{ marginBottom: 16 }}>
            <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', fontSize: 15 }}>{detail.description}</Typography.Paragraph>
            <Descriptions size="small" column={{ xs: 1, sm: 1, md: 2, lg: 2, xl: 2, xxl: 2 }} bordered>
              <Descriptions.Item label="来源渠道">
                {CHANNEL_LABELS[detail.channel] ?? detail.channel}
                {detail.externalRef ? `（${detail.externalRef}）` : ''}
              </Descriptions.Item>
              <Descriptions.Item label="收到时间">{fmtDateTime(detail.receivedAt)}</Descriptions.Item>
              <Descriptions.Item label="物业项目">{detail.projectId ? <Link to={`/app/projects/${detail.projectId}`}>{detail.projectName}</Link> : (detail.projectName ?? '未识别')}</Descriptions.Item>
              <Descriptions.Item label="物业服务企业">
                {detail.enterpriseId ? <Link to={`/app/enterprises/${detail.enterpriseId}`}>{detail.enterpriseName}</Link> : (detail.enterpriseName ?? '未识别')}
              </Descriptions.Item>
              <Descriptions.Item label="所属区划">{detail.regionName ?? '—'}</Descriptions.Item>
              <Descriptions.Item label="地址">{detail.address ?? '—'}</Descriptions.Item>
              <Descriptions.Item label="投诉人" span={2}>
                <Space wrap>
                  <RevealContact detail={detail} />
                  {detail.confidential && <Tag color="red">要求保密</Tag>}
                </Space>
              </Descriptions.Item>
              <Descriptions.Item label="问题类别">{categoryLabel(detail.category)}</Descriptions.Item>
              <Descriptions.Item label="责任部门">
                主办 {deptLabel(detail.leadDepartment)}
                {detail.coDepartments?.length ? `；协办 ${detail.coDepartments.map(deptLabel).join('、')}` : ''}
              </Descriptions.Item>
              <Descriptions.Item label="承办单位">
                {detail.leadOrgUnitName ?? '未派单'}
                {detail.finalAssignment ? <Tag color="red" style={{ marginLeft: 8 }}>终审派单</Tag> : null}
              </Descriptions.Item>
              <Descriptions.Item label="协办单位">{detail.coOrgUnits?.length ? detail.coOrgUnits.map((u) => u.name).join('、') : '—'}</Descriptions.Item>
            </Descriptions>
          </Card>

          {(detail.finding || reply || detail.satisfaction || detail.problemId || detail.recall) && (
            <Card size="small" title="办理结果" style={{ marginBottom: 16 }}>
              <Descriptions size="small" column={1}>
                {detail.finding && (
                  <Descriptions.Item label="核查结论">
                    {label(FINDING_LABELS, detail.finding)}；{detail.outcome ? label(OUTCOME_LABELS, detail.outcome) : ''}
                    {detail.rectificationDeadline ? `（整改期限 ${fmtDate(detail.rectificationDeadline)}）` : ''}
                  </Descriptions.Item>
                )}
                {detail.findingDetails && <Descriptions.Item label="核查情况">{detail.findingDetails}</Descriptions.Item>}
                {detail.problemId && (
                  <Descriptions.Item label="整改台账">
                    <Link to={`/app/problems/${detail.problemId}`}>查看问题清单记录</Link>
                  </Descriptions.Item>
                )}
                {detail.referredTo && <Descriptions.Item label="移交单位">{detail.referredTo}</Descriptions.Item>}
                {reply && (
                  <Descriptions.Item
                    label={reply.released ? '答复（已告知投诉人）' : reply.approvedAt ? '答复（已审核）' : '答复草稿（待审核）'}
                  >
                    <Space direction="vertical" size={0}>
                      <span style={{ whiteSpace: 'pre-wrap' }}>{reply.text}</span>
                      {reply.approvedAt && (
                        <Typography.Text type="secondary">
                          {reply.approvedByName} 于 {fmtDateTime(reply.approvedAt)} 审核通过
                        </Typography.Text>
                      )}
                    </Space>
                  </Descriptions.Item>
                )}
                {detail.satisfaction && (
                  <Descriptions.Item label="回访满意度">
                    {label(SATISFACTION_LABELS, detail.satisfaction)}
                    {detail.followUpNote ? `：${detail.followUpNote}` : ''}
                    {detail.followedUpAt ? `（${fmtDateTime(detail.followedUpAt)}）` : ''}
                  </Descriptions.Item>
                )}
                {detail.reworkCount > 0 ? <Descriptions.Item label="重办次数">{detail.reworkCount}</Descriptions.Item> : null}
                {detail.recall && (
                  <Descriptions.Item label="回访抽查">
                    <Tag color={detail.recall.result === 'contradicted' ? 'red' : detail.recall.result === 'confirmed' ? 'green' : 'default'}>{detail.recall.resultLabel}</Tag>
                    {detail.recall.satisfaction ? `投诉人表示${label(SATISFACTION_LABELS, detail.recall.satisfaction)}；` : ''}
                    {detail.recall.note}（{detail.recall.byName ?? '监督部门'} {fmtDateTime(detail.recall.at)}）
                  </Descriptions.Item>
                )}
              </Descriptions>
            </Card>
          )}

          <Card size="small" title="办理过程" style={{ marginBottom: 16 }}>
            {detail.timeline.length ? (
              <Timeline
                items={detail.timeline.map((t, i) => ({
                  key: t.id ?? i,
                  color:
                    t.action === 'return' || t.action === 'reject-reply' || t.action === 'rework' || t.action === 'escalate'
                      ? 'red'
                      : t.toStatus === 'closed'
                        ? 'green'
                        : 'blue',
                  children: (
                    <>
                      <Typography.Text strong>{t.actionLabel}</Typography.Text>{' '}
                      {t.toStatus && t.toStatus !== t.fromStatus ? <Tag>{label(STATUS_LABELS, t.toStatus)}</Tag> : null}
                      <br />
                      <Typography.Text type="secondary">
                        {fmtDateTime(t.at)} · {[t.orgUnitName, t.actorName].filter(Boolean).join(' ') || '系统'}
                      </Typography.Text>
                      {t.note ? <div style={{ whiteSpace: 'pre-wrap' }}>{t.note}</div> : null}
                      {attachmentLinks(detail.id, t.attachments)}
                    </>
                  ),
                }))}
              />
            ) : (
              <Empty />
            )}
          </Card>
        </Col>
        <Col xs={24} xl={8}>
          <Card size="small" title="研判" style={{ marginBottom: 16 }}>
            <TriagePanel proposal={triage} />
            {triage && (
              <Alert
                style={{ marginTop: 8 }}
                type={!detail.triage?.confirmedAt ? 'info' : differs ? 'warning' : 'success'}
                showIcon
                message={
                  !detail.triage?.confirmedAt
                    ? '待人工确认：请核对系统建议，无误可直接派单（派单即视为确认），有误请“确认/修正分类”'
                    : differs
                      ? `已人工修正：${categoryLabel(confirmed.category)}，主办 ${deptLabel(confirmed.leadDepartment)}${confirmed.urgent ? '，紧急' : ''}`
                      : '人工确认与系统建议一致'
                }
                description={
                  detail.triage?.confirmedAt ? `${detail.triage.confirmedByName ?? ''} ${fmtDateTime(detail.triage.confirmedAt)}`.trim() : undefined
                }
              />
            )}
          </Card>
          <Card size="small" title="疑似重复线索" style={{ marginBottom: 16 }}>
            {detail.duplicateCandidates.length ? (
              <Table
                size="small"
                rowKey="id"
                pagination={false}
                dataSource={detail.duplicateCandidates}
                columns={[
                  { title: '查询码', dataIndex: 'trackingCode', render: (v, r) => <Link to={`/app/complaints/${r.id}`}>{v}</Link> },
                  { title: '内容', dataIndex: 'description', ellipsis: true },
                  { title: '相似度', dataIndex: 'similarity', width: 70, render: (v: number) => `${Math.round(v * 100)}%` },
                  ...(allowed.includes('merge')
                    ? [
                        {
                          title: '',
                          key: 'merge',
                          width: 70,
                          render: (_: unknown, r: { id: string }) => (
                            <Button size="small" onClick={() => open('merge', { targetId: r.id })}>
                              合并
                            </Button>
                          ),
                        },
                      ]
                    : []),
                ]}
              />
            ) : (
              <Typography.Text type="secondary">未发现</Typography.Text>
            )}
          </Card>
          {detail.mergedChildren?.length ? (
            <Card size="small" title="已合并到本线索" style={{ marginBottom: 16 }}>
              <List
                size="small"
                dataSource={detail.mergedChildren}
                renderItem={(c) => (
                  <List.Item extra={c.satisfaction ? <Tag color={c.satisfaction === 'dissatisfied' ? 'red' : 'green'}>{label(SATISFACTION_LABELS, c.satisfaction)}</Tag> : <Typography.Text type="secondary">未评价</Typography.Text>}>
                    <Link to={`/app/complaints/${c.id}`}>{c.trackingCode}</Link>
                  </List.Item>
                )}
              />
            </Card>
          ) : null}
        </Col>
      </Row>
      <RecallModal
        target={recalling ? { id: detail.id, trackingCode: detail.trackingCode, description: detail.description, satisfaction: detail.satisfaction } : null}
        onClose={() => setRecalling(false)}
        onDone={(d) => {
          setRecalling(false);
          setDetail(d);
        }}
      />
      <ActionModal
        action={action}
        detail={detail}
        extraInitial={extraInitial}
        onClose={() => setAction(null)}
        onDone={(d) => {
          setAction(null);
          setDetail(d);
        }}
      />
    </PageContainer>
  );
}
