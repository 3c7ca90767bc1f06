import { DownloadOutlined, ImportOutlined, PlusOutlined } from '@ant-design/icons';
import { type ActionType, PageContainer, ProTable } from '@ant-design/pro-components';
import { Button, Progress, Space, Tag, Typography } from 'antd';
import { useRef, useState } from 'react';
import { useNavigate, useSearchParams } from 'react-router-dom';
import { tableRequest } from '../../../common/api.js';
import { useSession } from '../../app/session.js';
import { RegionSelect } from '../../components/RegionSelect.js';
import { downloadExport } from './api/registry.js';
import type { Project } from './api/types.js';
import { EnterpriseSelect } from './components/EnterpriseSelect.js';
import { ProjectFormModal } from './components/ProjectFormModal.js';

export function DisclosureProgress({ p }: { p: Project }) {
  if (p.fullyDisclosedSince) return <Tag color="green">{p.fullyDisclosedSince} 起全部公示</Tag>;
  return (
    <Space size={4}>
      <Progress percent={Math.round((p.disclosedItemCount / p.requiredItemCount) * 100)} size="small" showInfo={false} style={{ width: 60 }} status={p.disclosedItemCount ? 'active' : 'exception'} />
      <Typography.Text type="secondary">
        {p.disclosedItemCount}/{p.requiredItemCount}
      </Typography.Text>
    </Space>
  );
}

export default function ProjectsPage() {
  const { can } = useSession();
  const navigate = useNavigate();
  const [search] = useSearchParams();
  const ref = useRef<ActionType>(null);
  const filters = useRef<Record<string, string | undefined>>({});
  const [creating, setCreating] = useState(false);

  return (
    <PageContainer title="物业项目" content="辖区内的住宅小区及其物业服务企业、收费信息公示情况（七项公示内容）。">
      <ProTable<Project>
        rowKey="id"
        actionRef={ref}
        params={{ enterpriseId: search.get('enterpriseId') ?? undefined }}
        request={(params) => {
          const { q, region, enterpriseId, disclosed, hasOwnersCommittee } = params as Record<string, string | undefined>;
          filters.current = { q, region, enterpriseId, disclosed, hasOwnersCommittee };
          return tableRequest<Project>('/api/projects', params);
        }}
        search={{ labelWidth: 'auto' }}
        pagination={{ defaultPageSize: 20, showSizeChanger: true }}
        onRow={(r) => ({ onClick: () => navigate(`/app/projects/${r.id}`), style: { cursor: 'pointer' } })}
        toolBarRender={() => [
          can('project:manage') && (
            <Button key="new" type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)}>
              登记项目
            </Button>
          ),
          can('project:manage') && (
            <Button key="import" icon={<ImportOutlined />} onClick={() => navigate('/app/registry-import?kind=projects')}>
              批量导入
            </Button>
          ),
          <Button key="export" icon={<DownloadOutlined />} onClick={() => downloadExport('projects', filters.current)}>
            导出 Excel
          </Button>,
        ]}
        columns={[
          { title: '名称/地址', dataIndex: 'q', hideInTable: true },
          { title: '所属区划', dataIndex: 'region', hideInTable: true, hideInSearch: !can('region:read'), renderFormItem: () => <RegionSelect /> },
          {
            title: '物业服务企业',
            dataIndex: 'enterpriseId',
            hideInTable: true,
            renderFormItem: () => <EnterpriseSelect placeholder="全部企业" />,
          },
          {
            title: '收费公示',
            dataIndex: 'disclosed',
            hideInTable: true,
            valueType: 'select',
            valueEnum: { true: { text: '已全部公示' }, false: { text: '未全部公示' } },
          },
          {
            title: '业委会',
            dataIndex: 'hasOwnersCommittee',
            hideInTable: true,
            valueType: 'select',
            valueEnum: { true: { text: '已成立' }, false: { text: '未成立' } },
          },
          { title: '项目名称', dataIndex: 'name', search: false, render: (_d, r) => <Typography.Link>{r.name}</Typography.Link> },
          { title: '地址', dataIndex: 'address', search: false, ellipsis: true },
          { title: '所属区划', dataIndex: 'regionName', search: false, width: 130 },
          {
            title: '物业服务企业',
            dataIndex: 'enterpriseName',
            search: false,
            render: (_d, r) => r.enterpriseName ?? <Tag>无物业</Tag>,
          },
          { title: '户数', dataIndex: 'households', search: false, width: 80, align: 'right' },
          { title: '业委会', dataIndex: 'hasOwnersCommittee', search: false, width: 80, render: (_d, r) => (r.hasOwnersCommittee ? '已成立' : '—') },
          { title: '收费公示', dataIndex: 'fullyDisclosedSince', search: false, width: 170, render: (_d, r) => <DisclosureProgress p={r} /> },
        ]}
      />
      <ProjectFormModal
        open={creating}
        onClose={() => setCreating(false)}
        onSaved={(p) => {
          setCreating(false);
          navigate(`/app/projects/${p.id}`);
        }}
      />
    </PageContainer>
  );
}
