import { EditOutlined, PlusOutlined } from '@ant-design/icons';
import { type ActionType, PageContainer, ProTable } from '@ant-design/pro-components';
import { Alert, Button, Card, Descriptions, Result, Spin, Statistic, Tag, Row, Col } from 'antd';
import { useCallback, useEffect, useRef, useState } from 'react';
import { useNavigate, useParams } from 'react-router-dom';
import { ENTERPRISE_STATUS_LABELS, PRACTITIONER_ROLE_LABELS } from '../../../../core/registry.js';
import { ApiError, tableRequest } from '../../../common/api.js';
import { fmtDate, fmtDateTime } from '../../../common/format.js';
import { useSession } from '../../app/session.js';
import { getEnterprise } from './api/registry.js';
import type { Enterprise, Practitioner, Project } from './api/types.js';
import { EnterpriseFormModal } from './components/EnterpriseFormModal.js';
import { ProjectFormModal } from './components/ProjectFormModal.js';
import { ENTERPRISE_STATUS_COLORS } from './EnterprisesPage.js';

export default function EnterpriseDetailPage() {
  const { id = '' } = useParams();
  const navigate = useNavigate();
  const { can } = useSession();
  const [enterprise, setEnterprise] = useState<Enterprise | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [editing, setEditing] = useState(false);
  const [addingProject, setAddingProject] = useState(false);
  const projectsRef = useRef<ActionType>(null);

  const load = useCallback(() => {
    getEnterprise(id).then(setEnterprise, (err) => setError(err instanceof ApiError ? err.message : '加载失败'));
  }, [id]);
  useEffect(load, [load]);

  if (error) return <Result status="404" title={error} extra={<Button onClick={() => navigate('/app/enterprises')}>返回企业列表</Button>} />;
  if (!enterprise) return <Spin />;
  const e = enterprise;

  return (
    <PageContainer
      title={e.name}
      onBack={() => navigate('/app/enterprises')}
      tags={<Tag color={ENTERPRISE_STATUS_COLORS[e.status]}>{ENTERPRISE_STATUS_LABELS[e.status]}</Tag>}
      extra={[
        can('credit:read') && (
          <Button key="credit" onClick={() => navigate(`/app/credit/enterprises/${e.id}`)}>
            信用
          </Button>
        ),
        can('enterprise:manage') && e.editable && (
          <Button key="edit" icon={<EditOutlined />} onClick={() => setEditing(true)}>
            编辑
          </Button>
        ),
      ]}
    >
      {!e.editable && can('enterprise:manage') && (
        <Alert type="info" showIcon style={{ marginBottom: 16 }} message="该企业注册地不在您的辖区，您可以查看其在本辖区的项目；企业信息由注册地主管部门维护。" />
      )}
      <Row gutter={16} style={{ marginBottom: 16 }}>
        <Col span={6}>
          <Card>
            <Statistic title="管理项目（本辖区）" value={e.projectCount} />
          </Card>
        </Col>
        <Col span={6}>
          <Card>
            <Statistic title="已全部公示项目" value={e.fullyDisclosedProjectCount} suffix={`/ ${e.projectCount}`} />
          </Card>
        </Col>
        <Col span={6}>
          <Card>
            <Statistic title="在职从业人员" value={e.practitionerCount} />
          </Card>
        </Col>
        <Col span={6}>
          <Card>
            <Statistic title="公示率" value={e.projectCount ? Math.round((e.fullyDisclosedProjectCount / e.projectCount) * 100) : 0} suffix="%" />
          </Card>
        </Col>
      </Row>
      <Card title="基本信息" style={{ marginBottom: 16 }}>
        <Descriptions column={2} size="small" bordered>
          <Descriptions.Item label="统一社会信用代码">
            <span style={{ fontFamily: 'monospace' }}>{e.creditCode}</span>
            {e.checksumConfirmation && (
              <Tag color="gold" style={{ marginLeft: 8 }}>
                校验位不符，{e.checksumConfirmation.by ?? '—'} 于 {fmtDate(e.checksumConfirmation.at)} 人工确认
              </Tag>
            )}
          </Descriptions.Item>
          <Descriptions.Item label="法定代表人">{e.legalRepresentative ?? '—'}</Descriptions.Item>
          <Descriptions.Item label="注册地">
            {e.regionName}（{e.regionCode}）
          </Descriptions.Item>
          <Descriptions.Item label="资质等级">{e.qualification ?? '—'}</Descriptions.Item>
          <Descriptions.Item label="地址" span={2}>
            {e.address ?? '—'}
          </Descriptions.Item>
          <Descriptions.Item label="联系人">{e.contactName ?? '—'}</Descriptions.Item>
          <Descriptions.Item label="联系电话">{e.contactPhone ?? '—'}</Descriptions.Item>
          <Descriptions.Item label="登记时间">{fmtDateTime(e.createdAt)}</Descriptions.Item>
          <Descriptions.Item label="最后更新">{fmtDateTime(e.updatedAt)}</Descriptions.Item>
        </Descriptions>
      </Card>
      <ProTable<Project>
        headerTitle="管理的项目"
        rowKey="id"
        actionRef={projectsRef}
        search={false}
        options={false}
        request={(params) => tableRequest<Project>(`/api/enterprises/${e.id}/projects`, params)}
        pagination={{ defaultPageSize: 10 }}
        onRow={(r) => ({ onClick: () => navigate(`/app/projects/${r.id}`), style: { cursor: 'pointer' } })}
        toolBarRender={() =>
          can('project:manage')
            ? [
                <Button key="add" icon={<PlusOutlined />} onClick={() => setAddingProject(true)}>
                  登记项目
                </Button>,
              ]
            : []
        }
        columns={[
          { title: '项目名称', dataIndex: 'name' },
          { title: '所属区划', dataIndex: 'regionName' },
          { title: '户数', dataIndex: 'households', align: 'right' },
          {
            title: '收费公示',
            dataIndex: 'fullyDisclosedSince',
            render: (_d, p) =>
              p.fullyDisclosedSince ? <Tag color="green">{p.fullyDisclosedSince} 起全部公示</Tag> : <Tag color={p.disclosedItemCount ? 'orange' : 'red'}>{`${p.disclosedItemCount}/${p.requiredItemCount} 项`}</Tag>,
          },
        ]}
        style={{ marginBottom: 16 }}
      />
      <ProTable<Practitioner>
        headerTitle="从业人员"
        rowKey="id"
        search={false}
        options={false}
        request={(params) => tableRequest<Practitioner>('/api/practitioners', { ...params, enterpriseId: e.id })}
        pagination={{ defaultPageSize: 10 }}
        toolBarRender={() => [
          <Button key="all" onClick={() => navigate(`/app/practitioners?enterpriseId=${e.id}`)}>
            管理从业人员
          </Button>,
        ]}
        columns={[
          { title: '姓名', dataIndex: 'name' },
          { title: '岗位', dataIndex: 'role', render: (_d, p) => PRACTITIONER_ROLE_LABELS[p.role] },
          { title: '证书编号', dataIndex: 'certificateNo' },
          { title: '项目', dataIndex: 'projectName' },
          { title: '状态', dataIndex: 'active', render: (_d, p) => (p.active ? <Tag color="green">在职</Tag> : <Tag>离职</Tag>) },
        ]}
      />
      <EnterpriseFormModal
        open={editing}
        initial={e}
        onClose={() => setEditing(false)}
        onSaved={(saved) => {
          setEditing(false);
          setEnterprise(saved);
        }}
      />
      <ProjectFormModal
        open={addingProject}
        presetEnterprise={{ id: e.id, name: e.name }}
        onClose={() => setAddingProject(false)}
        onSaved={() => {
          setAddingProject(false);
          projectsRef.current?.reload();
          load();
        }}
      />
    </PageContainer>
  );
}
