import { Alert, Card, Table, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { ApiError } from '../../../../common/api.js';
import { type ReturnStatsRow, getReturnStats } from '../api/complaints.js';

/**
 * 退单统计: how often each unit sent leads back as outside its remit, in the period — the count
 * that goes into the unit's assessment (SPEC §5; peer lessons: no buck-passing).
 */
export function ReturnStatsCard({ region, days }: { region?: string; days: number }) {
  const [rows, setRows] = useState<ReturnStatsRow[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    setRows(null);
    setError(null);
    getReturnStats({ region, days }).then(
      (r) => setRows(r.items),
      (err) => setError(err instanceof ApiError ? err.message : '加载失败'),
    );
  }, [region, days]);
  return (
    <Card size="small" title="各单位退单情况" extra={<Typography.Text type="secondary">退单计入单位考核；退单两次后由统筹部门终审派单</Typography.Text>}>
      {error && <Alert type="error" showIcon message={error} />}
      <Table<ReturnStatsRow>
        size="small"
        rowKey="orgUnitId"
        loading={rows === null && !error}
        dataSource={rows ?? []}
        pagination={{ pageSize: 10 }}
        locale={{ emptyText: '统计期间内没有退单' }}
        columns={[
          { title: '单位', dataIndex: 'orgUnitName' },
          { title: '退单次数', dataIndex: 'returns', width: 120, sorter: (a, b) => a.returns - b.returns, defaultSortOrder: 'descend' },
          { title: '涉及线索', dataIndex: 'leads', width: 120 },
        ]}
      />
    </Card>
  );
}
