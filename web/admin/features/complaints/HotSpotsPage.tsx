import { PageContainer } from '@ant-design/pro-components';
import { Alert, Card, Col, Row, Segmented, Space, Table, Tag, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useEffect, useState } from 'react';
import { useNavigate } from 'react-router-dom';
import { ApiError } from '../../../common/api.js';
import { RegionSelect } from '../../components/RegionSelect.js';
import { type HotSpotRow, getHotSpots } from './api/complaints.js';
import { categoryLabel } from './components/shared.js';
import { ReturnStatsCard } from './components/ReturnStatsCard.js';
import { TriageAccuracyCard } from './components/TriageAccuracyCard.js';

/** 热点分析: enterprises and projects with many leads or a repeated category, for concentrated handling. */
export default function HotSpotsPage() {
  const navigate = useNavigate();
  const [region, setRegion] = useState<string | undefined>();
  const [days, setDays] = useState(90);
  const [data, setData] = useState<{ enterprises: HotSpotRow[]; projects: HotSpotRow[] } | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    setData(null);
    setError(null);
    getHotSpots({ region, days }).then(setData, (err) => setError(err instanceof ApiError ? err.message : '加载失败'));
  }, [region, days]);

  const columns = (kind: 'enterprise' | 'project'): ColumnsType<HotSpotRow> => [
    { title: kind === 'enterprise' ? '物业服务企业' : '物业项目', dataIndex: 'name', width: 280, render: (v, r) => (
      <Space direction="vertical" size={0}>
        <Typography.Link>{v}</Typography.Link>
        {kind === 'project' && r.enterpriseName ? <Typography.Text type="secondary">{r.enterpriseName}</Typography.Text> : null}
      </Space>
    ) },
    { title: '线索数', dataIndex: 'leads', width: 80, align: 'right', defaultSortOrder: 'descend', sorter: (a, b) => a.leads - b.leads },
    {
      title: '问题类别分布',
      dataIndex: 'categories',
      render: (_v, r) => (
        <Space size={[4, 4]} wrap>
          {r.categories.map((c) => (
            <Tag key={c.category} color={c.category === r.repeatedCategory ? 'red' : undefined}>
              {categoryLabel(c.category)} × {c.count}
            </Tag>
          ))}
        </Space>
      ),
    },
    {
      title: '同类反复',
      dataIndex: 'repeatedCategory',
      width: 170,
      render: (v: number | null) => (v === null || v === undefined ? '—' : <Tag color="red">{categoryLabel(v)}</Tag>),
    },
  ];

  return (
    <PageContainer title="投诉热点" content="线索集中、同类问题反复出现的企业和项目，列入集中处理：集中处理一批信访投诉举报多的物业服务企业。">
      <Card size="small" style={{ marginBottom: 16 }}>
        <Space wrap>
          <span>区划</span>
          <RegionSelect value={region} onChange={setRegion} placeholder="全部辖区" />
          <span>统计期间</span>
          <Segmented value={days} onChange={(v) => setDays(Number(v))} options={[30, 90, 180, 365].map((d) => ({ value: d, label: `近 ${d} 天` }))} />
        </Space>
      </Card>
      {error && <Alert type="error" showIcon message={error} style={{ marginBottom: 16 }} />}
      <Row gutter={[16, 16]}>
        <Col span={24}>
          <TriageAccuracyCard region={region} days={days} />
        </Col>
        <Col span={24}>
          <ReturnStatsCard region={region} days={days} />
        </Col>
        <Col span={24}>
          <Card size="small" title="企业">
            <Table<HotSpotRow>
              size="small"
              rowKey={(r) => r.enterpriseId ?? r.name}
              loading={!data && !error}
              dataSource={data?.enterprises ?? []}
              columns={columns('enterprise')}
              pagination={{ pageSize: 10 }}
              onRow={(r) => ({ onClick: () => r.enterpriseId && navigate(`/app/complaints?box=all&enterpriseId=${r.enterpriseId}`), style: { cursor: 'pointer' } })}
            />
          </Card>
        </Col>
        <Col span={24}>
          <Card size="small" title="项目">
            <Table<HotSpotRow>
              size="small"
              rowKey={(r) => r.projectId ?? r.name}
              loading={!data && !error}
              dataSource={data?.projects ?? []}
              columns={columns('project')}
              pagination={{ pageSize: 10 }}
              onRow={(r) => ({ onClick: () => r.projectId && navigate(`/app/complaints?box=all&projectId=${r.projectId}`), style: { cursor: 'pointer' } })}
            />
          </Card>
        </Col>
      </Row>
    </PageContainer>
  );
}
