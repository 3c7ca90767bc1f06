import { PageContainer } from '@ant-design/pro-components';
import { Card, Col, Progress, Row, Select, Statistic, Table } from 'antd';
import { useEffect, useState } from 'react';
import { useSearchParams } from 'react-router-dom';
import { api } from '../../../common/api.js';
import { RegionSelect } from '../../components/RegionSelect.js';
import { listCampaigns } from './api.js';

interface Coverage {
  total: number;
  inspected: number;
  deadline: string | null;
  to: string;
  notInspected: Array<{ projectId: string; name: string; address: string; regionName: string; enterpriseName: string | null }>;
  regions: Array<{ code: string; name: string; total: number; inspected: number }>;
}

/** 拉网式排查覆盖: coverage per region with drill-down, and the projects not yet visited. */
export default function CoveragePage() {
  const [params, setParams] = useSearchParams();
  const [campaigns, setCampaigns] = useState<Array<{ id: string; title: string }>>([]);
  const [data, setData] = useState<Coverage | null>(null);
  const campaignId = params.get('campaignId') ?? campaigns[0]?.id;
  const region = params.get('region') ?? undefined;
  useEffect(() => {
    void listCampaigns().then((p) => setCampaigns(p.items), () => undefined);
  }, []);
  useEffect(() => {
    if (!campaignId) return;
    void api.get<Coverage>(`/api/campaigns/${campaignId}/coverage`, { region }).then(setData, () => setData(null));
  }, [campaignId, region]);
  const set = (k: string, v?: string) => {
    const next = new URLSearchParams(params);
    if (v) next.set(k, v);
    else next.delete(k);
    if (k === 'campaignId') next.delete('region');
    setParams(next);
  };
  const pct = (a: number, b: number) => (b ? Math.round((a / b) * 1000) / 10 : 0);
  return (
    <PageContainer title="拉网式排查覆盖">
      <Card style={{ marginBottom: 16 }}>
        <Select style={{ width: 360, marginRight: 12 }} value={campaignId} onChange={(v) => set('campaignId', v)} options={campaigns.map((c) => ({ value: c.id, label: c.title }))} />
        <RegionSelect style={{ width: 240 }} value={region} onChange={(v) => set('region', v)} placeholder="全部辖区" />
      </Card>
      {data && (
        <>
          <Row gutter={16} style={{ marginBottom: 16 }}>
            <Col span={6}>
              <Card>
                <Statistic title="项目总数" value={data.total} />
              </Card>
            </Col>
            <Col span={6}>
              <Card>
                <Statistic title="已检查" value={data.inspected} />
              </Card>
            </Col>
            <Col span={6}>
              <Card>
                <Statistic title="未检查" value={data.total - data.inspected} />
              </Card>
            </Col>
            <Col span={6}>
              <Card>
                <div>覆盖率（截止 {data.deadline ?? data.to}）</div>
                <Progress percent={pct(data.inspected, data.total)} />
              </Card>
            </Col>
          </Row>
          <Card title="下级区域" style={{ marginBottom: 16 }}>
            <Table
              rowKey="code"
              size="small"
              pagination={false}
              dataSource={data.regions}
              columns={[
                { title: '区域', render: (_v, r) => <a onClick={() => set('region', r.code)}>{r.name}</a> },
                { title: '项目数', dataIndex: 'total' },
                { title: '已检查', dataIndex: 'inspected' },
                { title: '覆盖率', render: (_v, r) => <Progress percent={pct(r.inspected, r.total)} size="small" /> },
              ]}
            />
          </Card>
          <Card title="尚未检查的项目">
            <Table
              rowKey="projectId"
              size="small"
              dataSource={data.notInspected}
              columns={[
                { title: '物业项目', dataIndex: 'name' },
                { title: '地址', dataIndex: 'address' },
                { title: '区域', dataIndex: 'regionName' },
                { title: '物业服务企业', dataIndex: 'enterpriseName', render: (v) => v ?? '无物业' },
              ]}
            />
          </Card>
        </>
      )}
    </PageContainer>
  );
}
