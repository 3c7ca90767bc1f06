import { PageContainer, ProTable } from '@ant-design/pro-components';
import { Button, Card, Tag } from 'antd';
import { tableRequest } from '../../../common/api.js';
import { useNavigate } from 'react-router-dom';
import { RecordsTable } from './RecordsPage.js';

/** 我的检查: the visits an inspector made or took part in, and the way to record a new one. */
export default function MySchedulePage() {
  const navigate = useNavigate();
  return (
    <PageContainer
      title="我的检查"
      extra={
        <Button type="primary" onClick={() => navigate('/app/inspections/record')}>
          现场检查登记
        </Button>
      }
    >
      <Card title="我参加的检查计划" size="small" style={{ marginBottom: 16 }}>
        <ProTable<{ id: string; title: string; regionName: string; typeLabel: string; mode: string; modeLabel: string; startsOn: string; endsOn: string }>
          rowKey="id"
          search={false}
          options={false}
          request={(p) => tableRequest('/api/inspection-plans', { ...p, mine: '1' })}
          pagination={{ defaultPageSize: 5 }}
          columns={[
            { title: '计划名称', dataIndex: 'title' },
            { title: '区域', dataIndex: 'regionName', width: 120 },
            { title: '类型', dataIndex: 'typeLabel', width: 110 },
            { title: '方式', dataIndex: 'modeLabel', width: 100, render: (_d, r) => <Tag color={r.mode === 'covert' ? 'red' : undefined}>{r.modeLabel}</Tag> },
            { title: '期间', width: 200, render: (_d, r) => `${r.startsOn} 至 ${r.endsOn}` },
          ]}
        />
      </Card>
      <RecordsTable mine />
    </PageContainer>
  );
}
