import { AlertOutlined, PaperClipOutlined } from '@ant-design/icons';
import { PageContainer } from '@ant-design/pro-components';
import { Alert, Button, Card, Col, Descriptions, Empty, List, Result, Row, Space, Spin, Table, Tag, Timeline, Typography } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router-dom';
import { ApiError } from '../../../common/api.js';
import { fmtDateTime } from '../../../common/format.js';
import { useSession } from '../../app/session.js';
import { enforcementLabel } from '../enforcement/api.js';
import {
  ACTION_LABELS,
  PROBLEM_CATEGORY_LABELS,
  PROBLEM_SOURCE_LABELS,
  PROBLEM_STATUS_LABELS,
  type ProblemDetail,
  type ProblemFile,
  type ProblemSource,
  type ProblemStatus,
  REQUEST_STATUS_LABELS,
  REVIEW_METHOD_LABELS,
  REVIEW_RESULT_LABELS,
  getProblem,
  normAction,
  problemFileUrl,
} from './api.js';
import { ProblemActionModal } from './components/ProblemActionModal.js';
import { ProjectCommitment } from '../commitments/ProjectCommitment.js';
import { ProblemFlags, ProblemStatusTag } from './components/ProblemTags.js';

/** Order of the action buttons; the primary one is the next step of the lifecycle. */
const ACTION_ORDER = ['start', 'submit', 'review', 'close', 'rework', 'extension_request', 'extension_decision', 'supervise', 'objection', 'objection_decision'];
const PRIMARY = new Set(['start', 'submit', 'review', 'close']);

function FileLinks({ problemId, ids, files }: { problemId: string; ids?: string[]; files?: ProblemFile[] }) {
  const list: ProblemFile[] = files?.length ? files : (ids ?? []).map((id) => ({ id }));
  if (!list.length) return null;
  return (
    <Space wrap size={4}>
      {list.map((f, i) => (
        <a key={f.id} href={f.url ?? problemFileUrl(problemId, f.id)} target="_blank" rel="noreferrer">
          <PaperClipOutlined /> {f.name ?? f.fileName ?? `附件${i + 1}`}
        </a>
      ))}
    </Space>
  );
}

const statusLabel = (s: string | null) => (s ? (PROBLEM_STATUS_LABELS[s as ProblemStatus] ?? s) : '');

export default function ProblemDetailPage() {
  const { id = '' } = useParams();
  const navigate = useNavigate();
  const { me, can } = useSession();
  const [p, setP] = useState<ProblemDetail | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [action, setAction] = useState<string | null>(null);
  const isCompany = !!me?.enterpriseId;

  const load = useCallback(() => {
    getProblem(id).then(setP, (err) => setError(err instanceof ApiError ? err.message : '加载失败'));
  }, [id]);
  useEffect(load, [load]);

  if (error) return <Result status="404" title={error} extra={<Button onClick={() => navigate('/app/problems')}>返回问题列表</Button>} />;
  if (!p) return <Spin />;

  const allowed = new Set(p.allowedActions.map(normAction));
  const actions = ACTION_ORDER.filter((a) => allowed.has(a));
  const repeat = p.repeat ?? { repeatOffence: p.repeatOffence, previous: [], suggestedNextStep: null };
  const withdrawn = p.status === 'withdrawn';
  const reviewsBySubmission = new Map(p.reviews.map((r) => [r.submissionId, r]));
  const startEnforcement = (type: string) => {
    const q = new URLSearchParams({ type, problemId: p.id });
    if (p.enterpriseId) q.set('enterpriseId', p.enterpriseId);
    if (p.enterpriseName) q.set('enterpriseName', p.enterpriseName);
    if (p.projectId) q.set('projectId', p.projectId);
    if (p.projectName) q.set('projectName', p.projectName);
    navigate(`/app/enforcement/new?${q.toString()}`);
  };

  return (
    <PageContainer
      title={`${p.code} ${p.title}`}
      onBack={() => navigate('/app/problems')}
      tags={
        <Space size={0}>
          <ProblemStatusTag status={p.status} />
          <ProblemFlags p={p} />
        </Space>
      }
      extra={actions.map((a) => (
        <Button key={a} type={PRIMARY.has(a) ? 'primary' : 'default'} onClick={() => setAction(a)}>
          {ACTION_LABELS[a]}
        </Button>
      ))}
    >
      {p.overdue && p.status !== 'closed' && <Alert type="error" showIcon style={{ marginBottom: 16 }} message={`已超过整改时限（${p.deadline}），请尽快整改并报送。`} />}
      {withdrawn && (
        <Alert
          type="info"
          showIcon
          style={{ marginBottom: 16 }}
          message="该问题已撤销"
          description={`企业提出的异议经审查成立，问题已撤销，无需整改。${p.repeatOffence ? '因本问题记录的屡改屡犯信用事件同时作废。' : ''}`}
        />
      )}
      {repeat.repeatOffence && !withdrawn && (
        <Alert
          type="warning"
          showIcon
          icon={<AlertOutlined />}
          style={{ marginBottom: 16 }}
          message="屡改屡犯：该企业 12 个月内同类问题再次发生"
          description={
            <Space direction="vertical">
              {repeat.previous.length > 0 && (
                <span>
                  此前同类问题：
                  {repeat.previous.map((x, i) => (
                    <span key={x.id}>
                      {i > 0 && '、'}
                      {isCompany ? x.code : <Link to={`/app/problems/${x.id}`}>{x.code}</Link>}（{statusLabel(x.status)}）
                    </span>
                  ))}
                </span>
              )}
              {repeat.suggestedNextStep && (
                <Space wrap>
                  <span>建议执法措施：{enforcementLabel(repeat.suggestedNextStep)}</span>
                  {can('enforcement:create') && p.enterpriseId && (
                    <Button size="small" danger onClick={() => startEnforcement(repeat.suggestedNextStep as string)}>
                      启动{enforcementLabel(repeat.suggestedNextStep)}
                    </Button>
                  )}
                </Space>
              )}
            </Space>
          }
        />
      )}
      <Card title="问题信息" style={{ marginBottom: 16 }}>
        <Descriptions column={2} size="small" bordered>
          <Descriptions.Item label="问题编号">{p.code}</Descriptions.Item>
          <Descriptions.Item label="状态">{statusLabel(p.status)}</Descriptions.Item>
          <Descriptions.Item label="问题来源">{PROBLEM_SOURCE_LABELS[p.source as ProblemSource] ?? p.source}</Descriptions.Item>
          <Descriptions.Item label="问题类别">{PROBLEM_CATEGORY_LABELS[p.category] ?? p.category}</Descriptions.Item>
          <Descriptions.Item label="物业服务企业">
            {p.enterpriseId && !isCompany ? <Link to={`/app/enterprises/${p.enterpriseId}`}>{p.enterpriseName ?? '查看企业'}</Link> : (p.enterpriseName ?? '—')}
          </Descriptions.Item>
          <Descriptions.Item label="物业项目">{p.projectId ? <Link to={`/app/projects/${p.projectId}`}>{p.projectName ?? '查看项目'}</Link> : '—'}</Descriptions.Item>
          {p.projectId && (
            <Descriptions.Item label="项目承诺书">
              <ProjectCommitment projectId={p.projectId} />
            </Descriptions.Item>
          )}
          <Descriptions.Item label="所属区划">{p.regionName ?? '—'}</Descriptions.Item>
          <Descriptions.Item label="整改时限">
            <span style={p.overdue ? { color: '#cf1322', fontWeight: 600 } : undefined}>{p.deadline}</span>
          </Descriptions.Item>
          <Descriptions.Item label="责任单位">{p.responsibleOrgUnitName ?? '—'}</Descriptions.Item>
          <Descriptions.Item label="责任人">{p.responsiblePerson ?? '—'}</Descriptions.Item>
          {p.supervised && (
            <Descriptions.Item label="挂牌督办" span={2}>
              督办期限 {p.supervisionDeadline}
              {p.supervisionNote ? `；${p.supervisionNote}` : ''}
            </Descriptions.Item>
          )}
          <Descriptions.Item label="问题描述" span={2}>
            <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', margin: 0 }}>{p.description}</Typography.Paragraph>
          </Descriptions.Item>
          <Descriptions.Item label="整改措施" span={2}>
            <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', margin: 0 }}>{p.measures ?? '—'}</Typography.Paragraph>
          </Descriptions.Item>
          {!isCompany && p.complaintId && (
            <Descriptions.Item label="来源投诉" span={2}>
              <Link to={`/app/complaints/${p.complaintId}`}>查看投诉件</Link>
            </Descriptions.Item>
          )}
          <Descriptions.Item label="登记时间">{fmtDateTime(p.createdAt)}</Descriptions.Item>
          <Descriptions.Item label="销号时间">{fmtDateTime(p.closedAt)}</Descriptions.Item>
        </Descriptions>
      </Card>
      <Row gutter={16}>
        <Col xs={24} lg={14}>
          <Card title="整改报送与回头看复核" style={{ marginBottom: 16 }}>
            {p.submissions.length === 0 ? (
              <Empty description="尚未报送整改情况" />
            ) : (
              <List
                dataSource={[...p.submissions].sort((a, b) => b.seq - a.seq)}
                renderItem={(s) => {
                  const r = reviewsBySubmission.get(s.id);
                  return (
                    <List.Item>
                      <Space direction="vertical" style={{ width: '100%' }}>
                        <Space wrap>
                          <Tag>第 {s.seq} 次报送</Tag>
                          <span>
                            {s.submittedByName}
                            {s.byEnterprise ? '（企业）' : ''} · {fmtDateTime(s.submittedAt)}
                          </span>
                        </Space>
                        <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', margin: 0 }}>{s.text}</Typography.Paragraph>
                        <FileLinks problemId={p.id} ids={s.fileIds} files={s.files} />
                        {r ? (
                          <Alert
                            type={r.result === 'pass' ? 'success' : 'error'}
                            message={`${REVIEW_METHOD_LABELS[r.method as keyof typeof REVIEW_METHOD_LABELS] ?? r.method} · ${REVIEW_RESULT_LABELS[r.result as keyof typeof REVIEW_RESULT_LABELS] ?? r.result} · ${r.reviewerName} · ${fmtDateTime(r.reviewedAt)}`}
                            description={r.note ?? undefined}
                          />
                        ) : (
                          <Tag color="purple">待回头看复核</Tag>
                        )}
                      </Space>
                    </List.Item>
                  );
                }}
              />
            )}
          </Card>
          {(p.extensions?.length ?? 0) > 0 && (
            <Card title="延期申请" style={{ marginBottom: 16 }}>
              <Table
                rowKey="id"
                size="small"
                pagination={false}
                dataSource={p.extensions}
                columns={[
                  { title: '申请人', dataIndex: 'requestedByName' },
                  { title: '延期', render: (_d, e) => `${e.days} 个工作日（${e.previousDeadline} → ${e.requestedDeadline}）` },
                  { title: '理由', dataIndex: 'reason' },
                  { title: '结果', render: (_d, e) => <Tag>{REQUEST_STATUS_LABELS[e.status] ?? e.status}</Tag> },
                  { title: '审批意见', dataIndex: 'decisionNote', render: (v) => v ?? '—' },
                ]}
              />
            </Card>
          )}
          {(p.objections?.length ?? 0) > 0 && (
            <Card title="异议" style={{ marginBottom: 16 }}>
              <Table
                rowKey="id"
                size="small"
                pagination={false}
                dataSource={p.objections}
                columns={[
                  { title: '提出人', dataIndex: 'raisedByName' },
                  { title: '时间', dataIndex: 'raisedAt', render: (v) => fmtDateTime(v) },
                  { title: '理由', dataIndex: 'reason' },
                  { title: '结果', render: (_d, o) => <Tag>{REQUEST_STATUS_LABELS[o.status] ?? o.status}</Tag> },
                  { title: '处理意见', dataIndex: 'decisionNote', render: (v) => v ?? '—' },
                ]}
              />
            </Card>
          )}
        </Col>
        <Col xs={24} lg={10}>
          <Card title="办理过程" style={{ marginBottom: 16 }}>
            <Timeline
              items={[...p.timeline]
                .sort((a, b) => a.at.localeCompare(b.at))
                .map((e) => ({
                  key: e.id,
                  color: e.action === 'close' ? 'green' : e.action === 'rework' ? 'red' : 'blue',
                  children: (
                    <Space direction="vertical" size={0}>
                      <span>
                        <b>{ACTION_LABELS[normAction(e.action)] ?? e.action}</b>
                        {e.toStatus && e.toStatus !== e.fromStatus ? ` → ${statusLabel(e.toStatus)}` : ''}
                      </span>
                      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                        {e.actorName}
                        {e.byEnterprise || e.actorEnterpriseId ? '（企业）' : ''} · {fmtDateTime(e.at)}
                      </Typography.Text>
                      {e.note && <span style={{ whiteSpace: 'pre-wrap' }}>{e.note}</span>}
                      <FileLinks problemId={p.id} ids={e.attachmentFileIds} files={e.attachments} />
                    </Space>
                  ),
                }))}
            />
          </Card>
          {!isCompany && !withdrawn && can('enforcement:create') && p.enterpriseId && (
            <Card title="执法措施" size="small">
              <Space wrap>
                <Button onClick={() => startEnforcement('interview')}>约谈</Button>
                <Button onClick={() => startEnforcement('rectification_order')}>责令整改通知书</Button>
              </Space>
            </Card>
          )}
        </Col>
      </Row>
      <ProblemActionModal problem={p} action={action} onClose={() => setAction(null)} onDone={load} />
    </PageContainer>
  );
}
