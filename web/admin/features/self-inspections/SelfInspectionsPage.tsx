import { DownloadOutlined } from '@ant-design/icons';
import { PageContainer, ProTable } from '@ant-design/pro-components';
import { Alert, Button, Card, Col, Empty, List, Row, Space, Statistic, Tag } from 'antd';
import { useEffect, useState } from 'react';
import { useNavigate } from 'react-router-dom';
import { api, tableRequest } from '../../../common/api.js';
import { fmtDateTime } from '../../../common/format.js';
import { RegionSelect } from '../../components/RegionSelect.js';
import { CampaignPicker, useCampaign } from './CampaignPicker.js';
import { type Completion, SELF_INSPECTION_STATUS_LABELS, STATUS_COLORS, type SelfInspection, download } from './api.js';

/** 企业自查（附件1）: completion by region, the forms filed, the region workbook. */
export default function SelfInspectionsPage() {
  const navigate = useNavigate();
  const [campaignId, setCampaignId, campaigns] = useCampaign();
  const [region, setRegion] = useState<string>();
  const [completion, setCompletion] = useState<Completion | null>(null);
  useEffect(() => {
    if (!campaignId) return;
    void api.get<Completion>('/api/self-inspections/completion', { campaignId, region }).then(setCompletion);
  }, [campaignId, region]);
  return (
    <PageContainer title="企业自查（附件1）" content="物业服务企业逐项填报专项整治自查表，确认后报区房管部门备案；审核通过后申报的问题自动转入整改台账。">
      <Space wrap style={{ marginBottom: 16 }}>
        <CampaignPicker value={campaignId} onChange={setCampaignId} options={campaigns} />
        <RegionSelect value={region} onChange={setRegion} placeholder="全部辖区" allowClear />
        <Button
          icon={<DownloadOutlined />}
          disabled={!campaignId}
          onClick={() => void download(`/api/self-inspections/export?campaignId=${campaignId}${region ? `&region=${region}` : ''}`, '专项整治自查表.xlsx')}
        >
          导出附件1（每个项目一个工作表）
        </Button>
      </Space>
      {completion && (
        <Card title="报送情况" style={{ marginBottom: 16 }} extra={completion.dueOn && <span>报送期限：{completion.dueOn}</span>}>
          {completion.overdue && completion.notFiled.length > 0 && <Alert type="error" showIcon message={`已过报送期限，仍有 ${completion.notFiled.length} 个项目未报送`} style={{ marginBottom: 12 }} />}
          {completion.dueSoon && completion.notFiled.length > 0 && <Alert type="warning" showIcon message="报送期限临近" style={{ marginBottom: 12 }} />}
          <Row gutter={16}>
            <Col xs={12} md={6}><Statistic title="应报项目" value={completion.expected} /></Col>
            <Col xs={12} md={6}><Statistic title="已备案" value={completion.filed} /></Col>
            <Col xs={12} md={6}><Statistic title="已通过" value={completion.accepted} /></Col>
            <Col xs={12} md={6}><Statistic title="已退回" value={completion.returned} /></Col>
          </Row>
          <List
            size="small"
            header={`未报送项目（${completion.notFiled.length}）`}
            locale={{ emptyText: <Empty description="全部已报送" /> }}
            dataSource={completion.notFiled.slice(0, 50)}
            renderItem={(p) => (
              <List.Item>
                {p.projectName}（{p.enterpriseName ?? '—'}，{p.regionName}）{p.status && <Tag color={STATUS_COLORS[p.status as keyof typeof STATUS_COLORS]}>{SELF_INSPECTION_STATUS_LABELS[p.status as keyof typeof STATUS_COLORS]}</Tag>}
              </List.Item>
            )}
          />
        </Card>
      )}
      <ProTable<SelfInspection>
        rowKey="id"
        search={false}
        params={{ campaignId, region }}
        request={(p) => tableRequest<SelfInspection>('/api/self-inspections', p)}
        onRow={(r) => ({ onClick: () => navigate(`/app/self-inspections/${r.id}`), style: { cursor: 'pointer' } })}
        scroll={{ x: 800 }}
        columns={[
          { title: '物业项目', dataIndex: 'projectName' },
          { title: '物业服务企业', dataIndex: 'enterpriseName' },
          { title: '区划', dataIndex: 'regionName', width: 120 },
          { title: '状态', dataIndex: 'status', width: 130, render: (_, r) => <Tag color={STATUS_COLORS[r.status]}>{r.statusLabel}</Tag> },
          { title: '报送次数', dataIndex: 'version', width: 90 },
          { title: '备案时间', dataIndex: 'filedAt', width: 160, render: (_, r) => fmtDateTime(r.filedAt) },
        ]}
      />
    </PageContainer>
  );
}
