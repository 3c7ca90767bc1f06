import { PageContainer } from '@ant-design/pro-components';
import { Alert, Button, DatePicker, Space, Table, Tabs, Tag, Tooltip } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useEffect, useState } from 'react';
import { ApiError, api } from '../../../common/api.js';
import { useSession } from '../../app/session.js';
import { RegionSelect } from '../../components/RegionSelect.js';

interface Indicator {
  key: string;
  label: string;
  value: number | null;
  volume: number | null;
  source: string;
  rule: string;
  eligible: boolean;
  weight: number;
}
interface Scored {
  regionName?: string;
  name?: string;
  score: number | null;
  rank: number | null;
  indicators: Indicator[];
}

/** 法治建设绩效考核: scores and ranking; every indicator shows its value, source and the rule applied. */
export default function AssessmentPage() {
  const { me } = useSession();
  const [region, setRegion] = useState<string | undefined>(me?.region.code);
  const [range, setRange] = useState<[Dayjs, Dayjs]>([dayjs().startOf('year'), dayjs()]);
  const [data, setData] = useState<{ items: Scored[]; departments: Scored[] } | null>(null);
  const [error, setError] = useState<string | null>(null);
  const q = { region: region ?? '', from: range[0].format('YYYY-MM-DD'), to: range[1].format('YYYY-MM-DD') };
  useEffect(() => {
    if (!region) return;
    api.get<{ items: Scored[]; departments: Scored[] }>('/api/assessment', q).then(setData, (err) => setError(err instanceof ApiError ? err.message : '加载失败'));
  }, [region, q.from, q.to]);
  const table = (rows: Scored[], nameKey: 'regionName' | 'name') => (
    <Table
      rowKey={(r) => String(r[nameKey])}
      size="small"
      pagination={false}
      dataSource={rows}
      scroll={{ x: 'max-content' }}
      columns={[
        { title: '排名', dataIndex: 'rank', width: 70, render: (v) => v ?? <Tag>不排名</Tag> },
        { title: '名称', dataIndex: nameKey },
        { title: '得分', dataIndex: 'score', width: 80 },
        ...(rows[0]?.indicators ?? []).map((ind, i) => ({
          title: `${ind.label}（${ind.weight}）`,
          render: (_: unknown, r: Scored) => {
            const x = r.indicators[i];
            const text = x.value === null ? '无数据' : x.key === 'deeds' ? String(x.value) : `${(x.value * 100).toFixed(1)}%`;
            return (
              <Tooltip title={`${x.source}；${x.rule}${x.volume !== null ? `；样本 ${x.volume}` : ''}`}>
                <span style={{ color: x.eligible ? undefined : '#999' }}>{text}</span>
              </Tooltip>
            );
          },
        })),
      ]}
    />
  );
  return (
    <PageContainer
      title="法治建设绩效考核"
      content="得分 = 各有效指标按权重加权（率类指标样本量不足最低要求的不计分，全部率类指标均不计分的不参与排名）。鼠标悬停查看指标来源和计分规则。"
      extra={
        <Space>
          <RegionSelect value={region} onChange={setRegion} allowClear={false} />
          <DatePicker.RangePicker value={range} allowClear={false} onChange={(v) => v?.[0] && v[1] && setRange([v[0], v[1]])} />
          <Button onClick={() => api.download('/api/reports/assessment/export', q)}>导出 Excel</Button>
        </Space>
      }
    >
      {error && <Alert type="error" message={error} />}
      {data && (
        <Tabs
          items={[
            { key: 'regions', label: '按地区', children: table(data.items, 'regionName') },
            { key: 'departments', label: '按部门', children: table(data.departments, 'name') },
          ]}
        />
      )}
    </PageContainer>
  );
}
