import { Table, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { api } from '../../common/api.js';

interface Entry {
  id: string;
  enterpriseName: string;
  creditCode: string;
  regionName: string;
  reason: string;
  listedFrom: string;
  listedUntil: string | null;
}

/** 黑名单: companies listed and not yet repaired, within their listing period. */
export default function BlacklistPage() {
  const [items, setItems] = useState<Entry[] | null>(null);
  useEffect(() => {
    void api.get<{ items: Entry[] }>('/api/public/blacklist').then((r) => setItems(r.items));
  }, []);
  return (
    <>
      <Typography.Title level={4}>物业服务企业黑名单</Typography.Title>
      <Typography.Paragraph type="secondary">列入黑名单且在列期内、尚未信用修复的物业服务企业。</Typography.Paragraph>
      <Table
        rowKey="id"
        size="small"
        loading={items === null}
        dataSource={items ?? []}
        locale={{ emptyText: '暂无列入黑名单的企业' }}
        scroll={{ x: 'max-content' }}
        columns={[
          { title: '企业名称', dataIndex: 'enterpriseName' },
          { title: '统一社会信用代码', dataIndex: 'creditCode' },
          { title: '列入原因', dataIndex: 'reason' },
          { title: '列入日期', dataIndex: 'listedFrom' },
          { title: '期限至', dataIndex: 'listedUntil', render: (v) => v ?? '—' },
          { title: '区划', dataIndex: 'regionName' },
        ]}
      />
    </>
  );
}
