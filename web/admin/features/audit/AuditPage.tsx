import { PageContainer, ProTable } from '@ant-design/pro-components';
import { Typography } from 'antd';
import { tableRequest } from '../../../common/api.js';
import { fmtDateTime } from '../../../common/format.js';

interface AuditRow {
  id: number;
  at: string;
  actorName: string | null;
  action: string;
  entityType: string;
  entityId: string | null;
  before: unknown;
  after: unknown;
  note: string | null;
  ip: string | null;
  requestId: string | null;
}

export default function AuditPage() {
  return (
    <PageContainer title="审计日志" content="只读、不可修改或删除（数据库层面拒绝）。每条记录含操作人、动作、对象、变更前后、时间、IP 与请求编号。">
      <ProTable<AuditRow>
        rowKey="id"
        request={(params) => {
          const { dateRange, ...rest } = params as { dateRange?: [string, string] };
          return tableRequest<AuditRow>('/api/audit', { ...rest, from: dateRange?.[0], to: dateRange?.[1] });
        }}
        search={{ labelWidth: 'auto' }}
        expandable={{
          expandedRowRender: (r) => (
            <div style={{ display: 'grid', gridTemplateColumns: '1fr 1fr', gap: 16 }}>
              <div>
                <Typography.Text strong>变更前</Typography.Text>
                <pre style={{ maxHeight: 300, overflow: 'auto' }}>{JSON.stringify(r.before, null, 2)}</pre>
              </div>
              <div>
                <Typography.Text strong>变更后</Typography.Text>
                <pre style={{ maxHeight: 300, overflow: 'auto' }}>{JSON.stringify(r.after, null, 2)}</pre>
              </div>
            </div>
          ),
        }}
        columns={[
          { title: '时间', dataIndex: 'at', search: false, width: 150, render: (_d, r) => fmtDateTime(r.at) },
          { title: '时间范围', dataIndex: 'dateRange', valueType: 'dateTimeRange', hideInTable: true },
          { title: '操作人', dataIndex: 'actor', hideInTable: true },
          { title: '操作人', dataIndex: 'actorName', search: false },
          { title: '动作', dataIndex: 'action' },
          { title: '对象类型', dataIndex: 'entityType' },
          { title: '对象编号', dataIndex: 'entityId' },
          { title: '关键词', dataIndex: 'q', hideInTable: true },
          { title: '说明', dataIndex: 'note', search: false, ellipsis: true },
          { title: 'IP', dataIndex: 'ip', search: false },
          { title: '请求编号', dataIndex: 'requestId', search: false, ellipsis: true, copyable: true },
        ]}
      />
    </PageContainer>
  );
}
