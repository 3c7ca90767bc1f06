import { PageContainer } from '@ant-design/pro-components';
import { Alert, Button, Table, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { useNavigate, useSearchParams } from 'react-router-dom';
import { ApiError } from '../../../common/api.js';
import { getRecords } from './api.js';

/** The records behind one figure of the monthly form (drill-down). */
export default function RecordsPage() {
  const navigate = useNavigate();
  const [search] = useSearchParams();
  const [data, setData] = useState<Awaited<ReturnType<typeof getRecords>> | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    getRecords(Object.fromEntries(search.entries())).then(setData, (err) => setError(err instanceof ApiError ? err.message : '加载失败'));
  }, [search]);
  return (
    <PageContainer title={data ? `${data.label}` : '数据下钻'} content={data ? `${data.from} 至 ${data.to}，合计 ${data.total}` : undefined} onBack={() => navigate(-1)}>
      {error && <Alert type="error" message={error} />}
      {data && !data.available && (
        <Alert
          type="warning"
          message="该项数据来自其他模块"
          action={data.externalLink ? <Button onClick={() => navigate(data.externalLink ?? '')}>打开列表</Button> : undefined}
        />
      )}
      {data?.available && (
        <Table
          rowKey="id"
          size="small"
          dataSource={data.items}
          pagination={{ pageSize: 50 }}
          columns={[
            { title: '记录', dataIndex: 'label', render: (v, r) => <Typography.Link onClick={() => navigate(r.link)}>{v}</Typography.Link> },
            { title: '日期', dataIndex: 'date', width: 140 },
            { title: '数量', dataIndex: 'quantity', width: 100 },
          ]}
        />
      )}
    </PageContainer>
  );
}
