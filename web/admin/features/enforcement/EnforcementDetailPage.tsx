import { DownloadOutlined, NotificationOutlined } from '@ant-design/icons';
import { PageContainer } from '@ant-design/pro-components';
import { Button, Card, Descriptions, List, Popconfirm, Result, Spin, Typography } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router-dom';
import { ApiError } from '../../../common/api.js';
import { fmtDateTime } from '../../../common/format.js';
import { useSession } from '../../app/session.js';
import { useSave } from '../campaigns/components/shared.js';
import { AMOUNT_TYPES, type EnforcementDetail, downloadDocument, enforcementLabel, getEnforcement, publishEnforcement } from './api.js';
import { ProjectCommitment } from '../commitments/ProjectCommitment.js';
import { ReceiptStatus } from './ReceiptStatus.js';
import { PublicationTag } from './EnforcementPage.js';

export default function EnforcementDetailPage() {
  const { id = '' } = useParams();
  const navigate = useNavigate();
  const { can } = useSession();
  const save = useSave();
  const [a, setA] = useState<EnforcementDetail | null>(null);
  const [error, setError] = useState<string | null>(null);
  const load = useCallback(() => {
    getEnforcement(id).then(setA, (err) => setError(err instanceof ApiError ? err.message : '加载失败'));
  }, [id]);
  useEffect(load, [load]);
  if (error) return <Result status="404" title={error} extra={<Button onClick={() => navigate('/app/enforcement')}>返回列表</Button>} />;
  if (!a) return <Spin />;
  const mayPublish = a.penalty && !a.publishedAt && can('enforcement:create');
  return (
    <PageContainer
      title={`${a.title ?? enforcementLabel(a.type)} ${a.documentNumber}`}
      onBack={() => navigate('/app/enforcement')}
      extra={[
        <Button key="doc" type="primary" icon={<DownloadOutlined />} onClick={() => downloadDocument(a.id)}>
          下载文书
        </Button>,
        mayPublish && (
          <Popconfirm key="publish" title="确认在门户网站公示该行政处罚决定？" onConfirm={() => void save(() => publishEnforcement(a.id), { success: '已公示' }).then((ok) => ok && load())}>
            <Button icon={<NotificationOutlined />}>公示</Button>
          </Popconfirm>
        ),
      ]}
    >
      <Card>
        <Descriptions column={2} size="small" bordered>
          <Descriptions.Item label="文号">{a.documentNumber}</Descriptions.Item>
          <Descriptions.Item label="类型">{enforcementLabel(a.type)}</Descriptions.Item>
          <Descriptions.Item label="当事企业">{a.enterpriseId ? <Link to={`/app/enterprises/${a.enterpriseId}`}>{a.enterpriseName}</Link> : '—'}</Descriptions.Item>
          <Descriptions.Item label="物业项目">{a.projectId ? <Link to={`/app/projects/${a.projectId}`}>{a.projectName ?? '查看项目'}</Link> : '—'}</Descriptions.Item>
          {a.projectId && (
            <Descriptions.Item label="项目承诺书">
              <ProjectCommitment projectId={a.projectId} />
            </Descriptions.Item>
          )}
          <Descriptions.Item label="企业签收">
            <ReceiptStatus actionId={a.id} />
          </Descriptions.Item>
          <Descriptions.Item label="日期">{a.actionDate}</Descriptions.Item>
          <Descriptions.Item label="发文单位">{a.issuingUnitName ?? '—'}</Descriptions.Item>
          {AMOUNT_TYPES.includes(a.type) && <Descriptions.Item label="金额（元）">{a.amount !== null ? Number(a.amount).toLocaleString('zh-CN') : '—'}</Descriptions.Item>}
          {a.type === 'rectification_order' && <Descriptions.Item label="整改期限">{a.deadlineDays ? `${a.deadlineDays} 个工作日${a.deadline ? `（至 ${a.deadline}）` : ''}` : '—'}</Descriptions.Item>}
          <Descriptions.Item label="关联问题">{a.problemId ? <Link to={`/app/problems/${a.problemId}`}>查看问题</Link> : '—'}</Descriptions.Item>
          <Descriptions.Item label="关联投诉">{a.complaintId ? <Link to={`/app/complaints/${a.complaintId}`}>查看投诉件</Link> : '—'}</Descriptions.Item>
          <Descriptions.Item label="公示">
            <PublicationTag a={a} />
          </Descriptions.Item>
          <Descriptions.Item label="登记时间">{fmtDateTime(a.createdAt)}</Descriptions.Item>
          <Descriptions.Item label="违法事实" span={2}>
            <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', margin: 0 }}>{a.facts}</Typography.Paragraph>
          </Descriptions.Item>
          <Descriptions.Item label="法律依据" span={2}>
            {a.legalBasis?.length ? (
              <List size="small" dataSource={a.legalBasis} renderItem={(l) => <List.Item>{`${l.citation}${l.summary ? `：${l.summary}` : ''}`}</List.Item>} />
            ) : (
              '—'
            )}
          </Descriptions.Item>
        </Descriptions>
      </Card>
    </PageContainer>
  );
}
