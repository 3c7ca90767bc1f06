import { PlusOutlined } from '@ant-design/icons';
import { type ActionType, PageContainer, ProTable } from '@ant-design/pro-components';
import { Button, Space, Typography } from 'antd';
import { useRef, useState } from 'react';
import { useNavigate, useSearchParams } from 'react-router-dom';
import { tableRequest } from '../../../common/api.js';
import { useSession } from '../../app/session.js';
import { RegionSelect } from '../../components/RegionSelect.js';
import { EnterpriseSelect } from '../registry/components/EnterpriseSelect.js';
import { PROBLEM_CATEGORY_LABELS, PROBLEM_SOURCES, PROBLEM_SOURCE_LABELS, PROBLEM_STATUSES, PROBLEM_STATUS_LABELS, type ProblemSummary } from './api.js';
import { ProblemFormModal } from './components/ProblemFormModal.js';
import { ProblemFlags, ProblemStatusTag } from './components/ProblemTags.js';

const YES_NO = { true: { text: '是' }, false: { text: '否' } };

/** 问题台账 (staff) / 本企业问题 (enterprise users): one ledger whatever the source. */
export default function ProblemsPage() {
  const { me, can } = useSession();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const ref = useRef<ActionType>(null);
  const [creating, setCreating] = useState(false);
  const isCompany = !!me?.enterpriseId;
  return (
    <PageContainer
      title={isCompany ? '本企业问题' : '问题台账'}
      content={isCompany ? '主管部门交办给本企业的问题：请在整改时限内完成整改并报送整改情况和佐证材料。' : '整改一件、销号一件：每个问题经回头看复核通过后方可销号。'}
    >
      <ProTable<ProblemSummary>
        rowKey="id"
        actionRef={ref}
        request={(p) => tableRequest<ProblemSummary>('/api/problems', p)}
        params={{
          enterpriseId: params.get('enterpriseId') ?? undefined,
          region: params.get('region') ?? undefined,
          overdue: params.get('overdue') ?? undefined,
          category: params.get('category') ?? undefined,
          status: params.get('status') ?? undefined,
        }}
        search={{ labelWidth: 'auto' }}
        tableLayout="fixed"
        scroll={{ x: 1000 }}
        pagination={{ defaultPageSize: 20, showSizeChanger: true }}
        onRow={(r) => ({ onClick: () => navigate(`/app/problems/${r.id}`), style: { cursor: 'pointer' } })}
        toolBarRender={() =>
          can('problem:manage')
            ? [
                <Button key="new" type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)}>
                  新建问题
                </Button>,
              ]
            : []
        }
        columns={[
          { title: '关键词', dataIndex: 'q', hideInTable: true, fieldProps: { placeholder: '编号、标题或描述' } },
          { title: '区划', dataIndex: 'region', hideInTable: true, hideInSearch: isCompany, renderFormItem: () => <RegionSelect /> },
          { title: '企业', dataIndex: 'enterpriseId', hideInTable: true, hideInSearch: isCompany, renderFormItem: () => <EnterpriseSelect /> },
          {
            title: '编号',
            dataIndex: 'code',
            search: false,
            width: 140,
            render: (_d, r) => <Typography.Link style={{ fontFamily: 'monospace' }}>{r.code}</Typography.Link>,
          },
          {
            title: '问题',
            dataIndex: 'title',
            search: false,
            width: 200,
            render: (_d, r) => (
              <Space direction="vertical" size={0}>
                <span>{r.title}</span>
                <ProblemFlags p={r} />
              </Space>
            ),
          },
          {
            title: '来源',
            dataIndex: 'source',
            width: 80,
            valueType: 'select',
            valueEnum: Object.fromEntries(PROBLEM_SOURCES.map((s) => [s, { text: PROBLEM_SOURCE_LABELS[s] }])),
          },
          {
            title: '类别',
            dataIndex: 'category',
            width: 130,
            ellipsis: true,
            valueType: 'select',
            valueEnum: Object.fromEntries(Object.entries(PROBLEM_CATEGORY_LABELS).map(([k, v]) => [k, { text: v }])),
            render: (_d, r) => PROBLEM_CATEGORY_LABELS[r.category] ?? r.category,
          },
          { title: '企业', dataIndex: 'enterpriseName', search: false, hideInTable: isCompany, width: 140, ellipsis: true, render: (_d, r) => r.enterpriseName ?? '—' },
          { title: '项目', dataIndex: 'projectName', search: false, width: 100, ellipsis: true, render: (_d, r) => r.projectName ?? '—' },
          {
            title: '整改时限',
            dataIndex: 'deadline',
            search: false,
            width: 100,
            render: (_d, r) => <span style={r.overdue ? { color: '#cf1322', fontWeight: 600 } : undefined}>{r.deadline}</span>,
          },
          { title: '逾期', dataIndex: 'overdue', hideInTable: true, valueType: 'select', valueEnum: YES_NO },
          { title: '挂牌督办', dataIndex: 'supervised', hideInTable: true, valueType: 'select', valueEnum: YES_NO },
          {
            title: '状态',
            dataIndex: 'status',
            width: 120,
            valueType: 'select',
            valueEnum: Object.fromEntries(PROBLEM_STATUSES.map((s) => [s, { text: PROBLEM_STATUS_LABELS[s] }])),
            render: (_d, r) => <ProblemStatusTag status={r.status} />,
          },
        ]}
      />
      <ProblemFormModal open={creating} onClose={() => setCreating(false)} />
    </PageContainer>
  );
}
