import { PlusOutlined } from '@ant-design/icons';
import { PageContainer, ProTable } from '@ant-design/pro-components';
import { Button, Tag, Typography } from 'antd';
import { useNavigate } from 'react-router-dom';
import { tableRequest } from '../../../common/api.js';
import { fmtDate } from '../../../common/format.js';
import { useSession } from '../../app/session.js';
import { RegionSelect } from '../../components/RegionSelect.js';
import { EnterpriseSelect } from '../registry/components/EnterpriseSelect.js';
import { AMOUNT_TYPES, ENFORCEMENT_TYPES, ENFORCEMENT_TYPE_LABELS, type EnforcementSummary, enforcementLabel } from './api.js';

export function PublicationTag({ a }: { a: Pick<EnforcementSummary, 'penalty' | 'publicationDueOn' | 'publishedAt' | 'publicationOverdue'> }) {
  if (!a.penalty && !a.publicationDueOn) return <span>—</span>;
  if (a.publishedAt) return <Tag color="green">已公示 {fmtDate(a.publishedAt)}</Tag>;
  return (
    <Tag color={a.publicationOverdue ? 'red' : 'orange'}>
      {a.publicationOverdue ? '公示逾期' : '待公示'}（{a.publicationDueOn} 前）
    </Tag>
  );
}

/** 执法文书: enforcement actions with their document numbers; penalty decisions awaiting 双公示. */
export default function EnforcementPage() {
  const { can } = useSession();
  const navigate = useNavigate();
  return (
    <PageContainer title="执法文书" content="约谈、责令整改、提醒告诫、警告、罚款等执法措施，每份文书按单位、年度连续编号；行政处罚决定须在 7 个工作日内公示。">
      <ProTable<EnforcementSummary>
        rowKey="id"
        request={(p) => tableRequest<EnforcementSummary>('/api/enforcement-actions', p)}
        search={{ labelWidth: 'auto' }}
        pagination={{ defaultPageSize: 20, showSizeChanger: true }}
        onRow={(r) => ({ onClick: () => navigate(`/app/enforcement/${r.id}`), style: { cursor: 'pointer' } })}
        toolBarRender={() =>
          can('enforcement:create')
            ? [
                <Button key="new" type="primary" icon={<PlusOutlined />} onClick={() => navigate('/app/enforcement/new')}>
                  新建执法文书
                </Button>,
              ]
            : []
        }
        columns={[
          { title: '关键词', dataIndex: 'q', hideInTable: true, fieldProps: { placeholder: '文号或企业名称' } },
          { title: '区划', dataIndex: 'region', hideInTable: true, hideInSearch: !can('region:read'), renderFormItem: () => <RegionSelect /> },
          { title: '企业', dataIndex: 'enterpriseId', hideInTable: true, renderFormItem: () => <EnterpriseSelect /> },
          {
            title: '文号',
            dataIndex: 'documentNumber',
            search: false,
            width: 220,
            render: (_d, r) => <Typography.Link>{r.documentNumber}</Typography.Link>,
          },
          {
            title: '类型',
            dataIndex: 'type',
            width: 150,
            valueType: 'select',
            valueEnum: Object.fromEntries(ENFORCEMENT_TYPES.map((t) => [t, { text: ENFORCEMENT_TYPE_LABELS[t] }])),
            render: (_d, r) => enforcementLabel(r.type),
          },
          { title: '企业', dataIndex: 'enterpriseName', search: false, ellipsis: true, render: (_d, r) => r.enterpriseName ?? '—' },
          { title: '发文单位', dataIndex: 'issuingUnitName', search: false, ellipsis: true, render: (_d, r) => r.issuingUnitName ?? '—' },
          { title: '日期', dataIndex: 'actionDate', search: false, width: 110 },
          {
            title: '金额（元）',
            dataIndex: 'amount',
            search: false,
            width: 110,
            align: 'right',
            render: (_d, r) => (AMOUNT_TYPES.includes(r.type) && r.amount !== null ? Number(r.amount).toLocaleString('zh-CN') : '—'),
          },
          {
            title: '公示',
            dataIndex: 'publicationDue',
            width: 210,
            valueType: 'select',
            valueEnum: { true: { text: '待公示' } },
            render: (_d, r) => <PublicationTag a={r} />,
          },
        ]}
      />
    </PageContainer>
  );
}
