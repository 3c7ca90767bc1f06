import { PageContainer, ProTable } from '@ant-design/pro-components';
import { App, Button, Card, Modal, Select, Space, Table, Tag } from 'antd';
import { useEffect, useState } from 'react';
import { ApiError, api, tableRequest } from '../../../common/api.js';
import { fmtDateTime } from '../../../common/format.js';
import { useSession } from '../../app/session.js';
import { RegionSelect } from '../../components/RegionSelect.js';
import { CampaignPicker, useCampaign } from '../self-inspections/CampaignPicker.js';

interface Commitment {
  id: string;
  projectName: string;
  enterpriseName: string;
  regionName: string;
  status: 'issued' | 'signed';
  statusLabel: string;
  issuedAt: string;
  signedAt: string | null;
  signedBy: string | null;
}
interface Summary {
  rows: { regionCode: string; regionName: string; issued: number; signed: number; companiesSigned: number }[];
  total: { issued: number; signed: number; companiesSigned: number };
}

/** 承诺书: issue to the projects of a region, follow who signed (附件2 row 12 counts signing companies). */
export default function CommitmentsPage() {
  const { can } = useSession();
  const { message } = App.useApp();
  const [campaignId, setCampaignId, campaigns] = useCampaign();
  const [region, setRegion] = useState<string>();
  const [status, setStatus] = useState<string>();
  const [summary, setSummary] = useState<Summary | null>(null);
  const [issuing, setIssuing] = useState(false);
  const [issueRegion, setIssueRegion] = useState<string>();
  const [version, setVersion] = useState(0);
  useEffect(() => {
    if (campaignId) void api.get<Summary>('/api/commitments/summary', { campaignId, region }).then(setSummary);
  }, [campaignId, region, version]);
  const issue = async () => {
    try {
      const r = await api.post<{ items: unknown[] }>('/api/commitments/issue', { campaignId, region: issueRegion });
      message.success(`已向 ${r.items.length} 个项目下发承诺书`);
      setIssuing(false);
      setVersion((v) => v + 1);
    } catch (e) {
      message.error(e instanceof ApiError ? (Object.values(e.fields)[0] ?? e.message) : '下发失败');
    }
  };
  return (
    <PageContainer title="承诺书" content="“合法经营、规范收费”承诺书：由区房管部门下发，物业服务企业在线签署，签署文本不可更改。">
      <Space wrap style={{ marginBottom: 16 }}>
        <CampaignPicker value={campaignId} onChange={setCampaignId} options={campaigns} />
        <RegionSelect value={region} onChange={setRegion} placeholder="全部辖区" allowClear />
        <Select allowClear placeholder="全部状态" style={{ width: 120 }} value={status} onChange={setStatus} options={[{ value: 'issued', label: '待签署' }, { value: 'signed', label: '已签署' }]} />
        {can('commitment:issue') && (
          <Button type="primary" onClick={() => setIssuing(true)} disabled={!campaignId}>
            下发承诺书
          </Button>
        )}
      </Space>
      {summary && (
        <Card size="small" title={`签署情况：已下发 ${summary.total.issued} 份，已签署 ${summary.total.signed} 份，签署企业 ${summary.total.companiesSigned} 家`} style={{ marginBottom: 16 }}>
          <Table
            size="small"
            rowKey="regionCode"
            pagination={false}
            dataSource={summary.rows}
            columns={[
              { title: '区划', dataIndex: 'regionName' },
              { title: '已下发', dataIndex: 'issued' },
              { title: '已签署', dataIndex: 'signed' },
              { title: '签署企业数', dataIndex: 'companiesSigned' },
            ]}
          />
        </Card>
      )}
      <ProTable<Commitment>
        rowKey="id"
        search={false}
        params={{ campaignId, region, status, version }}
        request={(p) => tableRequest<Commitment>('/api/commitments', p)}
        scroll={{ x: 800 }}
        columns={[
          { title: '物业项目', dataIndex: 'projectName' },
          { title: '物业服务企业', dataIndex: 'enterpriseName' },
          { title: '区划', dataIndex: 'regionName', width: 120 },
          { title: '状态', dataIndex: 'status', width: 90, render: (_, r) => <Tag color={r.status === 'signed' ? 'success' : 'orange'}>{r.statusLabel}</Tag> },
          { title: '下发时间', dataIndex: 'issuedAt', width: 160, render: (_, r) => fmtDateTime(r.issuedAt) },
          { title: '签署', dataIndex: 'signedAt', width: 220, render: (_, r) => (r.signedAt ? `${r.signedBy} ${fmtDateTime(r.signedAt)}` : '—') },
        ]}
      />
      <Modal title="下发承诺书" open={issuing} onCancel={() => setIssuing(false)} onOk={() => void issue()} okText="下发">
        <p>向所选区划内所有登记了物业服务企业的项目下发承诺书（已下发的不重复下发）。</p>
        <RegionSelect value={issueRegion} onChange={setIssueRegion} placeholder="选择区划" />
      </Modal>
    </PageContainer>
  );
}
