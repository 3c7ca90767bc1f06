import { ReloadOutlined } from '@ant-design/icons';
import { PageContainer } from '@ant-design/pro-components';
import { Alert, Button, Card, DatePicker, Empty, InputNumber, Space, Table, Tag, Typography } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import { Link } from 'react-router-dom';
import { ApiError } from '../../../common/api.js';
import { dayjs, fmtDateTime } from '../../../common/format.js';
import { RegionSelect } from '../../components/RegionSelect.js';
import { type RecallCounts, type RecallSampleItem, type RecallStatsRow, getRecallSample, getRecallStats } from './api/complaints.js';
import { RecallModal } from './components/RecallModal.js';
import { SATISFACTION_LABELS, ymd } from './components/shared.js';

type Range = [dayjs.Dayjs | null, dayjs.Dayjs | null] | null;
const pct = (v: number | null) => (v === null ? '—' : `${Math.round(v * 1000) / 10}%`);
const RESULT_TAGS: Record<string, { color: string; text: string }> = {
  confirmed: { color: 'green', text: '与记录一致' },
  not_reached: { color: 'default', text: '未联系上' },
  contradicted: { color: 'red', text: '与记录不符，已退回重办' },
};

/**
 * 回访抽查 (SPEC §5): the supervisor draws a random sample of closed leads, calls the residents
 * back and records whether they confirm what was recorded; the statistics show, per lead unit,
 * how often residents contradicted the record (inflated satisfaction).
 */
export default function RecallPage() {
  const [region, setRegion] = useState<string | undefined>();
  const [closedRange, setClosedRange] = useState<Range>([dayjs().subtract(90, 'day'), dayjs()]);
  const [size, setSize] = useState(10);
  const [sample, setSample] = useState<{ items: RecallSampleItem[]; poolSize: number; from: string; to: string } | null>(null);
  const [drawing, setDrawing] = useState(false);
  const [done, setDone] = useState<Record<string, string>>({});
  const [target, setTarget] = useState<RecallSampleItem | null>(null);
  const [error, setError] = useState<string | null>(null);

  const [statsRange, setStatsRange] = useState<Range>(null);
  const [stats, setStats] = useState<{ items: RecallStatsRow[]; total: RecallCounts } | null>(null);

  const loadStats = useCallback(() => {
    getRecallStats({ region, from: ymd(statsRange?.[0]), to: ymd(statsRange?.[1]) }).then(setStats, (err) =>
      setError(err instanceof ApiError ? err.message : '统计加载失败'),
    );
  }, [region, statsRange]);
  useEffect(loadStats, [loadStats]);

  const draw = async () => {
    setDrawing(true);
    setError(null);
    try {
      setSample(await getRecallSample({ size, region, from: ymd(closedRange?.[0]), to: ymd(closedRange?.[1]) }));
      setDone({});
    } catch (err) {
      setError(err instanceof ApiError ? err.message : '抽样失败');
    } finally {
      setDrawing(false);
    }
  };

  const countColumns = [
    { title: '抽查数', dataIndex: 'recalled', align: 'right' as const, width: 90 },
    { title: '与记录一致', dataIndex: 'confirmed', align: 'right' as const, width: 110 },
    { title: '未联系上', dataIndex: 'notReached', align: 'right' as const, width: 100 },
    {
      title: '与记录不符',
      dataIndex: 'contradicted',
      align: 'right' as const,
      width: 110,
      render: (v: number) => (v ? <Typography.Text type="danger">{v}</Typography.Text> : v),
    },
    {
      title: '不符率',
      dataIndex: 'contradictionRate',
      align: 'right' as const,
      width: 100,
      render: (v: number | null) => <Typography.Text type={v && v > 0.1 ? 'danger' : undefined}>{pct(v)}</Typography.Text>,
    },
    { title: '满意度不一致', dataIndex: 'satisfactionMismatches', align: 'right' as const, width: 120 },
  ];

  return (
    <PageContainer title="回访抽查" content="监督部门随机抽取已办结线索，亲自回访投诉人，核实答复和满意度是否属实，防止满意度虚高。与记录不符的线索退回重办。">
      {error && <Alert type="error" showIcon closable style={{ marginBottom: 16 }} message={error} onClose={() => setError(null)} />}
      <Card size="small" title="抽取样本" style={{ marginBottom: 16 }}>
        <Space wrap>
          <span>区划</span>
          <RegionSelect value={region} onChange={setRegion} placeholder="全部辖区" />
          <span>办结日期</span>
          <DatePicker.RangePicker value={closedRange} onChange={(v) => setClosedRange(v as Range)} allowClear={false} />
          <span>样本量</span>
          <InputNumber min={1} max={50} value={size} onChange={(v) => setSize(v ?? 10)} />
          <Button type="primary" loading={drawing} onClick={draw}>
            抽取样本
          </Button>
        </Space>
        <Typography.Paragraph type="secondary" style={{ marginTop: 8, marginBottom: 0 }}>
          从期间内办结、留有电话、未匿名且未要求保密、尚未抽查过的线索中随机抽取；每条线索只抽查一次。
        </Typography.Paragraph>
      </Card>

      <Card
        size="small"
        title={sample ? `本次样本（从 ${sample.poolSize} 条符合条件的线索中随机抽取 ${sample.items.length} 条，办结于 ${sample.from} 至 ${sample.to}）` : '本次样本'}
        style={{ marginBottom: 16 }}
      >
        {sample ? (
          <Table<RecallSampleItem>
            size="small"
            rowKey="id"
            pagination={false}
            dataSource={sample.items}
            scroll={{ x: 1000 }}
            columns={[
              { title: '查询码', dataIndex: 'trackingCode', width: 130, render: (v, r) => <Link to={`/app/complaints/${r.id}`} style={{ fontFamily: 'monospace' }}>{v}</Link> },
              { title: '诉求内容', dataIndex: 'description', ellipsis: true },
              { title: '主办单位', dataIndex: 'leadOrgUnitName', width: 180, ellipsis: true, render: (v) => v ?? '统筹部门直接答复' },
              { title: '办结时间', dataIndex: 'closedAt', width: 150, render: (v) => (v ? fmtDateTime(v) : '—') },
              {
                title: '登记满意度',
                dataIndex: 'satisfaction',
                width: 110,
                render: (v: string | null) => (v ? (SATISFACTION_LABELS[v as keyof typeof SATISFACTION_LABELS] ?? v) : '—'),
              },
              {
                title: '抽查',
                key: 'recall',
                width: 190,
                fixed: 'right',
                render: (_v, r) =>
                  done[r.id] ? (
                    <Tag color={RESULT_TAGS[done[r.id]]?.color}>{RESULT_TAGS[done[r.id]]?.text ?? done[r.id]}</Tag>
                  ) : (
                    <Button size="small" type="primary" onClick={() => setTarget(r)}>
                      抽查回访
                    </Button>
                  ),
              },
            ]}
          />
        ) : (
          <Empty description="选择期间后点击“抽取样本”" />
        )}
      </Card>

      <Card
        size="small"
        title="抽查统计（按主办单位）"
        extra={
          <Space wrap>
            <span>抽查日期</span>
            <DatePicker.RangePicker value={statsRange} onChange={(v) => setStatsRange(v as Range)} />
            <Button icon={<ReloadOutlined />} onClick={loadStats}>
              刷新
            </Button>
          </Space>
        }
      >
        <Table<RecallStatsRow>
          size="small"
          rowKey={(r) => r.orgUnitId ?? 'coordinator'}
          pagination={false}
          loading={!stats}
          dataSource={stats?.items ?? []}
          locale={{ emptyText: '尚无抽查记录' }}
          columns={[{ title: '主办单位', dataIndex: 'orgUnitName' }, ...countColumns]}
          summary={() =>
            stats?.items.length ? (
              <Table.Summary.Row>
                <Table.Summary.Cell index={0}>
                  <Typography.Text strong>合计</Typography.Text>
                </Table.Summary.Cell>
                <Table.Summary.Cell index={1} align="right">{stats.total.recalled}</Table.Summary.Cell>
                <Table.Summary.Cell index={2} align="right">{stats.total.confirmed}</Table.Summary.Cell>
                <Table.Summary.Cell index={3} align="right">{stats.total.notReached}</Table.Summary.Cell>
                <Table.Summary.Cell index={4} align="right">{stats.total.contradicted}</Table.Summary.Cell>
                <Table.Summary.Cell index={5} align="right">{pct(stats.total.contradictionRate)}</Table.Summary.Cell>
                <Table.Summary.Cell index={6} align="right">{stats.total.satisfactionMismatches}</Table.Summary.Cell>
              </Table.Summary.Row>
            ) : null
          }
        />
        <Typography.Paragraph type="secondary" style={{ marginTop: 8, marginBottom: 0 }}>
          不符率 = 与记录不符 ÷（与记录一致 + 与记录不符），未联系上的不计入；满意度不一致 = 回访时投诉人表达的满意度与办结时登记的满意度不同。
        </Typography.Paragraph>
      </Card>

      <RecallModal
        target={target}
        onClose={() => setTarget(null)}
        onDone={(d) => {
          if (target) setDone((m) => ({ ...m, [target.id]: d.recall?.result ?? 'confirmed' }));
          setTarget(null);
          loadStats();
        }}
      />
    </PageContainer>
  );
}
