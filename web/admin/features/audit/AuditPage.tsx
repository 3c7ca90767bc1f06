import { PageContainer, ProTable } from '@ant-design/pro-components';
import { Alert, Button, Typography } from 'antd';
import { useState } from 'react';
import { ApiError, api, tableRequest } from '../../../common/api.js';
import { fmtDateTime } from '../../../common/format.js';
import { useSession } from '../../app/session.js';

interface IntegrityReport {
  ok: boolean;
  checked: number;
  checkedThrough: number | null;
  more: boolean;
  mismatched: number[];
  missing: number[];
  unsealed: number;
}

/** 完整性校验 (auditor): recomputes the seal chain and says plainly what, if anything, was tampered with. */
function IntegrityCheck() {
  const [busy, setBusy] = useState(false);
  const [report, setReport] = useState<IntegrityReport | null>(null);
  const [error, setError] = useState<string | null>(null);
  const run = async () => {
    setBusy(true);
    setError(null);
    try {
      setReport(await api.get<IntegrityReport>('/api/audit/integrity', { limit: 200000 }));
    } catch (err) {
      setError(err instanceof ApiError ? err.message : '校验失败');
    }
    setBusy(false);
  };
  const problems = report
    ? [
        report.mismatched.length ? `${report.mismatched.length} 条记录与封存值不符（被改动）：编号 ${report.mismatched.slice(0, 20).join('、')}` : null,
        report.missing.length ? `${report.missing.length} 条已封存的记录不见了（被删除）：编号 ${report.missing.slice(0, 20).join('、')}` : null,
        report.unsealed ? `${report.unsealed} 条超过 10 分钟的记录未封存（封存任务未运行，或有记录被补写）` : null,
      ].filter(Boolean)
    : [];
  return (
    <div style={{ marginBottom: 16 }}>
      <Button loading={busy} onClick={() => void run()}>
        校验完整性
      </Button>
      {error && <Alert style={{ marginTop: 12 }} type="error" showIcon message={error} />}
      {report && (
        <Alert
          style={{ marginTop: 12 }}
          type={report.ok ? 'success' : 'error'}
          showIcon
          message={report.ok ? `审计日志完整：已校验 ${report.checked} 条封存记录，未发现改动、删除或补写${report.more ? '（记录较多，本次只校验了前一部分）' : ''}` : '审计日志完整性受损'}
          description={problems.length ? problems.map((p) => <div key={p}>{p}</div>) : undefined}
        />
      )}
    </div>
  );
}

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
  const { me } = useSession();
  return (
    <PageContainer title="审计日志" content="只读、不可修改或删除（数据库层面拒绝），并以 HMAC-SM3 封存链防篡改。每条记录含操作人、动作、对象、变更前后、时间、IP 与请求编号。">
      {me?.roles.includes('auditor') && <IntegrityCheck />}
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
