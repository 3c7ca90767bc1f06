import { PageContainer } from '@ant-design/pro-components';
import { Alert, Button, Descriptions, Table, Tag } from 'antd';
import { useEffect, useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router-dom';
import { ApiError, api } from '../../../common/api.js';
import { DEPARTMENT_TYPE_LABELS } from '../../../../core/org.js';
import { useSession } from '../../app/session.js';

interface Detail {
  id: string;
  date: string;
  mode: string;
  modeLabel: string;
  regionName: string;
  enterpriseName: string;
  peopleDispatched: number;
  repeatReason: string | null;
  departments: string[];
  signedDepartments: string[];
  companyPresent: string | null;
  projects: Array<{ id: string; name: string }>;
  inspectors: Array<{ id: string; name: string }>;
  findings: Array<{ id: string; focusTitle: string; projectId: string; result: string; resultLabel: string; description: string | null; problemId: string | null; problemCode: string | null }>;
}

/** One visit with its findings; problem findings link to the ledger; enforcement can start from here. */
export default function RecordDetailPage() {
  const { id } = useParams();
  const navigate = useNavigate();
  const { can, me } = useSession();
  const sign = async () => {
    try {
      await api.post(`/api/inspections/${id}/sign`);
      setRec(await api.get<Detail>(`/api/inspections/${id}`));
    } catch (e) {
      setError(e instanceof ApiError ? e.message : '会签失败');
    }
  };
  const [rec, setRec] = useState<Detail | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    void api.get<Detail>(`/api/inspections/${id}`).then(setRec, (e) => setError(e instanceof ApiError ? e.message : '加载失败'));
  }, [id]);
  if (error) return <Alert type="error" message={error} />;
  if (!rec) return null;
  const firstProblem = rec.findings.find((f) => f.problemId);
  const projectName = (pid: string) => rec.projects.find((p) => p.id === pid)?.name ?? '';
  return (
    <PageContainer
      title={`检查记录 ${rec.date}`}
      extra={
        can('enforcement:create') && firstProblem ? (
          <Button type="primary" onClick={() => navigate(`/app/enforcement/new?problemId=${firstProblem.problemId}`)}>
            发起执法（预填事实）
          </Button>
        ) : null
      }
    >
      <Descriptions bordered size="small" column={2} style={{ marginBottom: 16 }}>
        <Descriptions.Item label="被检查企业">{rec.enterpriseName}</Descriptions.Item>
        <Descriptions.Item label="区域">{rec.regionName}</Descriptions.Item>
        <Descriptions.Item label="检查方式">{rec.modeLabel}</Descriptions.Item>
        <Descriptions.Item label="出动人次">{rec.peopleDispatched}</Descriptions.Item>
        <Descriptions.Item label="检查项目">{rec.projects.map((p) => p.name).join('、')}</Descriptions.Item>
        <Descriptions.Item label="检查人员">{rec.inspectors.map((p) => p.name).join('、') || '—'}</Descriptions.Item>
        <Descriptions.Item label="企业在场人员">{rec.companyPresent ?? '—'}</Descriptions.Item>
        <Descriptions.Item label="重复检查理由">{rec.repeatReason ?? '—'}</Descriptions.Item>
        {rec.departments.length > 0 && (
          <Descriptions.Item label="联合检查会签" span={2}>
            {rec.departments.map((d) => (
              <Tag key={d} color={rec.signedDepartments.includes(d) ? 'green' : undefined}>
                {DEPARTMENT_TYPE_LABELS[d as keyof typeof DEPARTMENT_TYPE_LABELS] ?? d}
                {rec.signedDepartments.includes(d) ? ' 已签' : ' 待签'}
              </Tag>
            ))}
            {me?.orgUnit && rec.departments.includes(me.orgUnit.type) && !rec.signedDepartments.includes(me.orgUnit.type) && can('inspection:record') && (
              <Button size="small" onClick={sign}>
                本单位会签
              </Button>
            )}
          </Descriptions.Item>
        )}
      </Descriptions>
      <Table
        rowKey="id"
        pagination={false}
        dataSource={rec.findings}
        columns={[
          { title: '检查事项', dataIndex: 'focusTitle' },
          { title: '项目', render: (_v, r) => projectName(r.projectId) },
          { title: '结果', render: (_v, r) => <Tag color={r.result === 'problem' ? 'red' : 'green'}>{r.resultLabel}</Tag> },
          { title: '问题描述', dataIndex: 'description' },
          { title: '问题台账', render: (_v, r) => (r.problemId ? <Link to={`/app/problems/${r.problemId}`}>{r.problemCode}</Link> : '—') },
        ]}
      />
    </PageContainer>
  );
}
