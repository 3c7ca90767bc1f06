import { Alert, Card, Col, Empty, Row, Statistic, Table, Tooltip, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { ApiError } from '../../../../common/api.js';
import { dayjs } from '../../../../common/format.js';
import { type TriageStats, getTriageStats } from '../api/config.js';
import { categoryLabel, deptLabel } from './shared.js';

const pct = (v: number | null) => (v === null ? '—' : `${(v * 100).toFixed(1)}%`);

/**
 * 分类准确率: the triage proposal against what people confirmed (dispatched, answered or
 * corrected) for leads received in the last `days` days, in the caller's jurisdiction.
 */
export function TriageAccuracyCard({ region, days }: { region?: string; days: number }) {
  const [stats, setStats] = useState<TriageStats | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    setStats(null);
    setError(null);
    const to = dayjs().format('YYYY-MM-DD');
    const from = dayjs().subtract(days - 1, 'day').format('YYYY-MM-DD');
    getTriageStats({ from, to, region }).then(setStats, (err) => setError(err instanceof ApiError ? err.message : '加载失败'));
  }, [region, days]);

  const mistakes = (stats?.confusion ?? []).filter((c) => c.proposed !== c.corrected).slice(0, 10);
  const leadMistakes = (stats?.leadDepartmentConfusion ?? []).filter((c) => c.proposed !== c.corrected).slice(0, 10);
  return (
    <Card
      size="small"
      title={
        <Tooltip title="已确认的线索：已派单、由统筹部门直接答复或经人工修正分类的线索；统计系统分流建议与最终结果是否一致">
          分类准确率
        </Tooltip>
      }
      loading={!stats && !error}
    >
      {error ? <Alert type="error" showIcon message={error} /> : null}
      {stats && stats.total === 0 ? <Empty description="统计期间内没有已确认的线索" /> : null}
      {stats && stats.total > 0 ? (
        <>
          <Row gutter={[16, 16]}>
            <Col xs={12} md={4}>
              <Statistic title="已确认线索" value={stats.total} />
            </Col>
            <Col xs={12} md={4}>
              <Statistic title="人工修正" value={stats.corrected} />
            </Col>
            <Col xs={12} md={4}>
              <Statistic title="类别一致率" value={pct(stats.categoryAgreement)} />
            </Col>
            <Col xs={12} md={4}>
              <Statistic title="牵头部门一致率" value={pct(stats.leadDepartmentAgreement)} />
            </Col>
            <Col xs={12} md={4}>
              <Statistic title="协办部门一致率" value={pct(stats.coDepartmentsAgreement)} />
            </Col>
            <Col xs={12} md={4}>
              <Statistic title="紧急程度一致率" value={pct(stats.urgentAgreement)} />
            </Col>
          </Row>
          {mistakes.length || leadMistakes.length ? (
            <Row gutter={[16, 16]} style={{ marginTop: 16 }}>
              <Col xs={24} lg={12}>
                <Typography.Text strong>类别常见修正</Typography.Text>
                <Table
                  size="small"
                  rowKey={(r) => `${r.proposed}-${r.corrected}`}
                  pagination={false}
                  dataSource={mistakes}
                  columns={[
                    { title: '系统建议', dataIndex: 'proposed', render: (v: number) => (v < 0 ? '—' : categoryLabel(v)) },
                    { title: '人工确认', dataIndex: 'corrected', render: (v: number) => categoryLabel(v) },
                    { title: '条数', dataIndex: 'count', width: 70, align: 'right' },
                  ]}
                />
              </Col>
              <Col xs={24} lg={12}>
                <Typography.Text strong>牵头部门常见修正</Typography.Text>
                <Table
                  size="small"
                  rowKey={(r) => `${r.proposed}-${r.corrected}`}
                  pagination={false}
                  dataSource={leadMistakes}
                  columns={[
                    { title: '系统建议', dataIndex: 'proposed', render: (v: string) => deptLabel(v) },
                    { title: '人工确认', dataIndex: 'corrected', render: (v: string) => deptLabel(v) },
                    { title: '条数', dataIndex: 'count', width: 70, align: 'right' },
                  ]}
                />
              </Col>
            </Row>
          ) : null}
        </>
      ) : null}
    </Card>
  );
}
