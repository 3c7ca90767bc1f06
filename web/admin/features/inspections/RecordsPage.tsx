import { MobileOutlined } from '@ant-design/icons';
import { PageContainer, ProTable } from '@ant-design/pro-components';
import { Button, Tag } from 'antd';
import { Link, useNavigate } from 'react-router-dom';
import { tableRequest } from '../../../common/api.js';
import { useSession } from '../../app/session.js';
import { RegionSelect } from '../../components/RegionSelect.js';

interface Row {
  id: string;
  date: string;
  mode: string;
  modeLabel: string;
  regionName: string;
  enterpriseName: string;
  projectCount: number;
  peopleDispatched: number;
  problemCount: number;
}

/** 检查记录, with drill-down by region and period; `mine` = an inspector's own schedule. */
export function RecordsTable({ mine }: { mine?: boolean }) {
  return (
    <ProTable<Row>
      rowKey="id"
      request={(p) => tableRequest<Row>('/api/inspections', { ...p, mine: mine ? '1' : undefined })}
      search={{ labelWidth: 'auto' }}
      columns={[
        { title: '区划', dataIndex: 'region', hideInTable: true, renderFormItem: () => <RegionSelect /> },
        { title: '开始日期', dataIndex: 'from', hideInTable: true, valueType: 'date', fieldProps: { format: 'YYYY-MM-DD' } },
        { title: '结束日期', dataIndex: 'to', hideInTable: true, valueType: 'date', fieldProps: { format: 'YYYY-MM-DD' } },
        { title: '检查日期', dataIndex: 'date', search: false, width: 110, render: (_d, r) => <Link to={`/app/inspections/records/${r.id}`}>{r.date}</Link> },
        { title: '被检查企业', dataIndex: 'enterpriseName', search: false },
        { title: '区域', dataIndex: 'regionName', search: false, width: 120 },
        { title: '项目数', dataIndex: 'projectCount', search: false, width: 80 },
        { title: '出动人次', dataIndex: 'peopleDispatched', search: false, width: 90 },
        { title: '发现问题', dataIndex: 'problemCount', search: false, width: 90, render: (_d, r) => (r.problemCount ? <Tag color="red">{r.problemCount}</Tag> : '0') },
        { title: '方式', dataIndex: 'modeLabel', search: false, width: 100, render: (_d, r) => <Tag color={r.mode === 'covert' ? 'red' : undefined}>{r.modeLabel}</Tag> },
      ]}
    />
  );
}

export default function RecordsPage() {
  const navigate = useNavigate();
  const { can } = useSession();
  return (
    <PageContainer
      title="检查记录"
      extra={
        can('inspection:record') ? (
          <Button type="primary" icon={<MobileOutlined />} onClick={() => navigate('/app/inspections/record')}>
            现场检查登记
          </Button>
        ) : null
      }
    >
      <RecordsTable />
    </PageContainer>
  );
}
