import { EditOutlined } from '@ant-design/icons';
import { PageContainer } from '@ant-design/pro-components';
import { Alert, Button, Card, Descriptions, Result, Spin, Tag, Typography } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router-dom';
import { ApiError } from '../../../common/api.js';
import { fmtDateTime } from '../../../common/format.js';
import { useSession } from '../../app/session.js';
import { getProject } from './api/registry.js';
import type { ProjectDetail } from './api/types.js';
import { DisclosureChecklist } from './components/DisclosureChecklist.js';
import { ProjectFormModal } from './components/ProjectFormModal.js';

export default function ProjectDetailPage() {
  const { id = '' } = useParams();
  const navigate = useNavigate();
  const { can } = useSession();
  const [project, setProject] = useState<ProjectDetail | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [editing, setEditing] = useState(false);

  const load = useCallback(() => {
    getProject(id).then(setProject, (err) => setError(err instanceof ApiError ? err.message : '加载失败'));
  }, [id]);
  useEffect(load, [load]);

  if (error) return <Result status="404" title={error} extra={<Button onClick={() => navigate('/app/projects')}>返回项目列表</Button>} />;
  if (!project) return <Spin />;
  const p = project;
  const missing = p.disclosures.filter((d) => d.status === 'missing');

  return (
    <PageContainer
      title={p.name}
      onBack={() => navigate(-1)}
      tags={p.fullyDisclosedSince ? <Tag color="green">{p.fullyDisclosedSince} 起全部公示</Tag> : <Tag color="red">未全部公示</Tag>}
      extra={
        can('project:manage')
          ? [
              <Button key="edit" icon={<EditOutlined />} onClick={() => setEditing(true)}>
                编辑
              </Button>,
            ]
          : []
      }
    >
      <Card title="基本信息" style={{ marginBottom: 16 }}>
        <Descriptions column={2} size="small" bordered>
          <Descriptions.Item label="地址" span={2}>
            {p.address}
          </Descriptions.Item>
          <Descriptions.Item label="所属区划">
            {p.regionName}（{p.regionCode}）
          </Descriptions.Item>
          <Descriptions.Item label="物业服务企业">
            {p.enterpriseId ? <Link to={`/app/enterprises/${p.enterpriseId}`}>{p.enterpriseName}</Link> : <Tag>无物业服务企业</Tag>}
          </Descriptions.Item>
          <Descriptions.Item label="户数">{p.households ?? '—'}</Descriptions.Item>
          <Descriptions.Item label="建筑面积">{p.buildingArea === null ? '—' : `${p.buildingArea.toLocaleString('zh-CN')} ㎡`}</Descriptions.Item>
          <Descriptions.Item label="业主委员会">{p.hasOwnersCommittee ? '已成立' : '未成立'}</Descriptions.Item>
          <Descriptions.Item label="坐标">{p.lat !== null && p.lng !== null ? `${p.lng}, ${p.lat}` : '—'}</Descriptions.Item>
          <Descriptions.Item label="最后更新">{fmtDateTime(p.updatedAt)}</Descriptions.Item>
        </Descriptions>
      </Card>
      <Card title="收费等信息公示">
        {missing.length > 0 ? (
          <Alert
            type="warning"
            showIcon
            style={{ marginBottom: 16 }}
            message={`尚有 ${missing.length} 项未公示：${missing.map((d) => d.label).join('、')}`}
            description="七项全部公示（或核实）后，系统自动记录“全部公示”日期，用于月报“公示物业服务收费信息小区数”和“新增公示小区数”。"
          />
        ) : (
          <Typography.Paragraph type="success">七项均已公示，自 {p.fullyDisclosedSince} 起全部公示。</Typography.Paragraph>
        )}
        <DisclosureChecklist projectId={p.id} items={p.disclosures} onChanged={load} />
      </Card>
      <ProjectFormModal
        open={editing}
        initial={p}
        onClose={() => setEditing(false)}
        onSaved={() => {
          setEditing(false);
          load();
        }}
      />
    </PageContainer>
  );
}
