import { PageContainer } from '@ant-design/pro-components';
import { Alert, Card, Col, List, Progress, Row, Space, Statistic, Typography } from 'antd';
import ReactECharts from 'echarts-for-react';
import { useEffect, useState } from 'react';
import { useNavigate } from 'react-router-dom';
import { ApiError } from '../../../common/api.js';
import { RegionSelect } from '../../components/RegionSelect.js';
import { type Block, type Dashboard, getDashboard } from './api.js';

/** A bar chart whose bars open the list behind them. */
function Bars({ title, items, testId }: { title: string; items: Array<{ name: string; value: number; link: string }>; testId: string }) {
  const navigate = useNavigate();
  return (
    <Card title={title} size="small" data-testid={testId}>
      {items.length === 0 ? (
        <Typography.Text type="secondary">暂无数据</Typography.Text>
      ) : (
        <ReactECharts
          style={{ height: Math.max(220, items.length * 26) }}
          option={{
            grid: { left: 120, right: 30, top: 10, bottom: 20 },
            tooltip: {},
            xAxis: { type: 'value', minInterval: 1 },
            yAxis: { type: 'category', data: items.map((i) => i.name), inverse: true },
            series: [{ type: 'bar', data: items.map((i) => i.value), label: { show: true, position: 'right' }, cursor: 'pointer' }],
          }}
          onEvents={{ click: (p: { dataIndex: number }) => navigate(items[p.dataIndex].link) }}
        />
      )}
      <Space wrap size={[12, 4]} style={{ marginTop: 8 }}>
        {items.map((i) => (
          <Typography.Link key={i.name} onClick={() => navigate(i.link)} data-testid={`${testId}-link`} data-count={i.value}>
            {i.name} {i.value}
          </Typography.Link>
        ))}
      </Space>
    </Card>
  );
}

function BlockCards({ title, block, prefix }: { title: string; block: Block; prefix: string }) {
  const navigate = useNavigate();
  return (
    <>
      <Row gutter={16} style={{ marginBottom: 16 }}>
        <Col span={8}>
          <Card hoverable onClick={() => navigate(block.links.total)} data-testid={`${prefix}-total`}>
            <Statistic title={`${title}总数`} value={block.total} />
          </Card>
        </Col>
        <Col span={8}>
          <Card>
            <Statistic title={`${title}未办结`} value={block.open} />
          </Card>
        </Col>
        <Col span={8}>
          <Card hoverable onClick={() => navigate(block.links.overdue)} data-testid={`${prefix}-overdue`}>
            <Statistic title={`${title}超期`} value={block.overdue} valueStyle={{ color: block.overdue ? '#cf1322' : undefined }} />
          </Card>
        </Col>
      </Row>
      <Row gutter={16} style={{ marginBottom: 16 }}>
        <Col span={12}>
          <Bars title={`${title}：按区划`} testId={`${prefix}-by-region`} items={block.bySubRegion.map((s) => ({ name: s.regionName, value: s.count, link: s.link }))} />
        </Col>
        <Col span={12}>
          <Bars title={`${title}：按类别`} testId={`${prefix}-by-category`} items={block.byCategory.map((c) => ({ name: c.label, value: c.count, link: c.link }))} />
        </Col>
      </Row>
    </>
  );
}

/** 挂图作战: the jurisdiction at a glance; every number and bar opens the list behind it. */
export default function DashboardPage() {
  const navigate = useNavigate();
  const [region, setRegion] = useState<string | undefined>();
  const [data, setData] = useState<Dashboard | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    setData(null);
    setError(null);
    getDashboard(region).then(setData, (err) => setError(err instanceof ApiError ? err.message : '加载失败'));
  }, [region]);

  return (
    <PageContainer title="挂图作战" content={data ? `${data.regionName}${data.campaign ? ` · ${data.campaign.title}` : ''}` : undefined} extra={<RegionSelect value={region} onChange={setRegion} placeholder="本辖区" />}>
      {error && <Alert type="error" message={error} />}
      {!data && !error && <Card loading />}
      {data && (
        <>
          <BlockCards title="投诉举报线索" block={data.complaints} prefix="complaints" />
          <BlockCards title="问题台账" block={data.problems} prefix="problems" />
          <Row gutter={16} style={{ marginBottom: 16 }}>
            <Col span={12}>
              <Card title="阶段任务进度" size="small">
                {data.phases.map((p) => (
                  <div key={p.id} style={{ marginBottom: 8 }}>
                    <Typography.Link onClick={() => navigate(p.link)}>
                      {p.name}（截至 {p.endsOn}）
                    </Typography.Link>
                    <Progress percent={p.tasks ? Math.round((p.done / p.tasks) * 100) : 0} format={() => `${p.done}/${p.tasks}`} />
                  </div>
                ))}
              </Card>
            </Col>
            <Col span={12}>
              <Card title="群众满意率趋势" size="small">
                <ReactECharts
                  style={{ height: 220 }}
                  option={{
                    tooltip: {},
                    xAxis: { type: 'category', data: data.satisfaction.map((s) => s.month) },
                    yAxis: { type: 'value', max: 100 },
                    series: [{ type: 'line', data: data.satisfaction.map((s) => (s.rate === null ? null : Math.round(s.rate * 1000) / 10)), connectNulls: true }],
                  }}
                />
              </Card>
            </Col>
          </Row>
          <Row gutter={16}>
            <Col span={8}>
              <Card title="超期线索" size="small">
                <List size="small" dataSource={data.overdueList} renderItem={(c) => <List.Item onClick={() => navigate(c.link)} style={{ cursor: 'pointer' }}>{c.trackingCode} {c.regionName}</List.Item>} />
              </Card>
            </Col>
            <Col span={8}>
              <Card title="投诉热点企业（近90天）" size="small">
                <List size="small" dataSource={data.hotSpots} renderItem={(h) => <List.Item onClick={() => navigate(h.link)} style={{ cursor: 'pointer' }}>{h.name}：{h.leads} 件</List.Item>} />
              </Card>
            </Col>
            <Col span={8}>
              <Card title="热线合规与拉网检查" size="small">
                <p>投诉电话抽查：{data.hotline.available ? `${data.hotline.passed}/${data.hotline.checked} 合格` : data.hotline.note}</p>
                <p>拉网式检查覆盖：{data.dragnet.available ? `${data.dragnet.inspected}/${data.dragnet.total}` : data.dragnet.note}</p>
                {data.reporting && (
                  <Typography.Link onClick={() => navigate(data.reporting?.link ?? '')}>
                    {data.reporting.month} 月报：应报 {data.reporting.expected}，已报 {data.reporting.received}，按时 {data.reporting.onTime}，未报 {data.reporting.missing.length}
                  </Typography.Link>
                )}
              </Card>
            </Col>
          </Row>
        </>
      )}
    </PageContainer>
  );
}
