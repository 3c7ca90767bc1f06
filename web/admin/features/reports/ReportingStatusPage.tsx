import { PageContainer } from '@ant-design/pro-components';
import { Alert, Card, Col, DatePicker, Row, Space, Statistic, Table, Tag, Typography } from 'antd';
import dayjs from 'dayjs';
import { useEffect, useState } from 'react';
import { useNavigate, useSearchParams } from 'react-router-dom';
import { ApiError } from '../../../common/api.js';
import { useSession } from '../../app/session.js';
import { RegionSelect } from '../../components/RegionSelect.js';
import { getReportingStatus, type ReportingStatus } from './api.js';

/** 报送情况: expected, received, on time, late and missing reports of the sub-regions. */
export default function ReportingStatusPage() {
  const { me } = useSession();
  const navigate = useNavigate();
  const [search, setSearch] = useSearchParams();
  const region = search.get('region') ?? me?.region.code ?? '';
  const month = search.get('month') ?? dayjs().subtract(1, 'month').format('YYYY-MM');
  const [data, setData] = useState<ReportingStatus | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    getReportingStatus(region, month).then(setData, (err) => setError(err instanceof ApiError ? err.message : '加载失败'));
  }, [region, month]);
  return (
    <PageContainer
      title="月报报送情况"
      extra={
        <Space>
          <RegionSelect value={region} onChange={(c) => setSearch({ region: c ?? '', month })} allowClear={false} />
          <DatePicker picker="month" value={dayjs(`${month}-01`)} allowClear={false} onChange={(d) => d && setSearch({ region, month: d.format('YYYY-MM') })} />
        </Space>
      }
    >
      {error && <Alert type="error" message={error} />}
      {data && (
        <>
          <Row gutter={16} style={{ marginBottom: 16 }}>
            {(
              [
                ['应报', data.expected],
                ['已报', data.received],
                ['按时', data.onTime],
                ['逾期报送', data.late],
                ['未报', data.missing.length],
              ] as const
            ).map(([t, v]) => (
              <Col key={t} span={4}>
                <Card>
                  <Statistic title={t} value={v} />
                </Card>
              </Col>
            ))}
          </Row>
          <Table
            rowKey="regionCode"
            size="small"
            pagination={false}
            dataSource={data.items}
            columns={[
              { title: '区划', dataIndex: 'regionName', render: (v, r) => <Typography.Link onClick={() => navigate(`/app/reports/monthly?region=${r.regionCode}&month=${month}`)}>{v}</Typography.Link> },
              { title: '状态', dataIndex: 'statusLabel' },
              { title: '报送时间', dataIndex: 'submittedAt', render: (v) => (v ? dayjs(v).format('YYYY-MM-DD HH:mm') : '—') },
              { title: '期限', dataIndex: 'dueOn' },
              { title: '', render: (_, r) => (r.received ? r.onTime ? <Tag color="green">按时</Tag> : <Tag color="orange">逾期报送</Tag> : r.overdue ? <Tag color="red">逾期未报</Tag> : <Tag>未报</Tag>) },
            ]}
          />
        </>
      )}
    </PageContainer>
  );
}
