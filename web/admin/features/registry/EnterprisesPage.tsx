import { DownloadOutlined, ImportOutlined, PlusOutlined } from '@ant-design/icons';
import { type ActionType, PageContainer, ProTable } from '@ant-design/pro-components';
import { Button, Space, Tag, Tooltip, Typography } from 'antd';
import { useRef, useState } from 'react';
import { useNavigate } from 'react-router-dom';
import { ENTERPRISE_STATUSES, ENTERPRISE_STATUS_LABELS, type EnterpriseStatus } from '../../../../core/registry.js';
import { tableRequest } from '../../../common/api.js';
import { useSession } from '../../app/session.js';
import { RegionSelect } from '../../components/RegionSelect.js';
import { downloadExport } from './api/registry.js';
import type { Enterprise } from './api/types.js';
import { EnterpriseFormModal } from './components/EnterpriseFormModal.js';

export const ENTERPRISE_STATUS_COLORS: Record<EnterpriseStatus, string> = { active: 'green', suspended: 'orange', deregistered: 'default' };

export default function EnterprisesPage() {
  const { can } = useSession();
  const navigate = useNavigate();
  const ref = useRef<ActionType>(null);
  const [creating, setCreating] = useState(false);
  /** The list's current filters, so the export covers what the user is looking at. */
  const filters = useRef<Record<string, string | undefined>>({});

  return (
    <PageContainer title="物业服务企业" content="辖区内登记的企业，以及在辖区内管理项目的外区企业（只读）。">
      <ProTable<Enterprise>
        rowKey="id"
        actionRef={ref}
        request={(params) => {
          const { q, region, status } = params as Record<string, string | undefined>;
          filters.current = { q, region, status };
          return tableRequest<Enterprise>('/api/enterprises', params);
        }}
        search={{ labelWidth: 'auto' }}
        pagination={{ defaultPageSize: 20, showSizeChanger: true }}
        onRow={(r) => ({ onClick: () => navigate(`/app/enterprises/${r.id}`), style: { cursor: 'pointer' } })}
        toolBarRender={() => [
          can('enterprise:manage') && (
            <Button key="new" type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)}>
              登记企业
            </Button>
          ),
          can('enterprise:manage') && (
            <Button key="import" icon={<ImportOutlined />} onClick={() => navigate('/app/registry-import?kind=enterprises')}>
              批量导入
            </Button>
          ),
          <Button key="export" icon={<DownloadOutlined />} onClick={() => downloadExport('enterprises', filters.current)}>
            导出 Excel
          </Button>,
        ]}
        columns={[
          { title: '名称/信用代码', dataIndex: 'q', hideInTable: true, fieldProps: { placeholder: '企业名称、信用代码或法定代表人' } },
          { title: '注册地', dataIndex: 'region', hideInTable: true, hideInSearch: !can('region:read'), renderFormItem: () => <RegionSelect /> },
          {
            title: '企业名称',
            dataIndex: 'name',
            search: false,
            render: (_d, r) => (
              <Space direction="vertical" size={0}>
                <Typography.Link>{r.name}</Typography.Link>
                <Typography.Text type="secondary" style={{ fontFamily: 'monospace', fontSize: 12 }}>
                  {r.creditCode}
                  {r.checksumConfirmation && (
                    <Tooltip title={`校验位不符，已由 ${r.checksumConfirmation.by ?? '—'} 人工确认`}>
                      <Tag color="gold" style={{ marginLeft: 4 }}>
                        已人工确认
                      </Tag>
                    </Tooltip>
                  )}
                </Typography.Text>
              </Space>
            ),
          },
          { title: '法定代表人', dataIndex: 'legalRepresentative', search: false, width: 110 },
          { title: '注册地', dataIndex: 'regionName', search: false, width: 140 },
          { title: '联系人', dataIndex: 'contactName', search: false, width: 100, render: (_d, r) => (r.contactName ? `${r.contactName} ${r.contactPhone ?? ''}` : '—') },
          { title: '项目数', dataIndex: 'projectCount', search: false, width: 80, align: 'right' },
          {
            title: '全部公示',
            dataIndex: 'fullyDisclosedProjectCount',
            search: false,
            width: 100,
            align: 'right',
            render: (_d, r) => (r.projectCount ? `${r.fullyDisclosedProjectCount} / ${r.projectCount}` : '—'),
          },
          {
            title: '状态',
            dataIndex: 'status',
            width: 100,
            valueType: 'select',
            valueEnum: Object.fromEntries(ENTERPRISE_STATUSES.map((s) => [s, { text: ENTERPRISE_STATUS_LABELS[s] }])),
            render: (_d, r) => <Tag color={ENTERPRISE_STATUS_COLORS[r.status]}>{ENTERPRISE_STATUS_LABELS[r.status]}</Tag>,
          },
        ]}
      />
      <EnterpriseFormModal
        open={creating}
        onClose={() => setCreating(false)}
        onSaved={(e) => {
          setCreating(false);
          navigate(`/app/enterprises/${e.id}`);
        }}
      />
    </PageContainer>
  );
}
