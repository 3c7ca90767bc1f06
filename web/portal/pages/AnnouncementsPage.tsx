import { Card, List, Table, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { useParams } from 'react-router-dom';
import { api } from '../../common/api.js';
import { fmtDate } from '../../common/format.js';

interface Item {
  id: string;
  title: string;
  documentNumber: string;
  issuedAt: string;
  regionName: string;
}
interface Content {
  title: string;
  documentNumber: string;
  from: string;
  to: string;
  entries: Array<{ regionName: string; leads: number; closed: number; overdue: number; rated: number; satisfied: number; returns: number }>;
}
const pct = (n: number, d: number) => (d ? `${((n / d) * 100).toFixed(1)}%` : '—');

/** 工作通报: the 通报 the supervising office marked public. */
export default function AnnouncementsPage() {
  const { id } = useParams();
  const [items, setItems] = useState<Item[] | null>(null);
  const [content, setContent] = useState<Content | null>(null);
  useEffect(() => {
    if (id) void api.get<Content>(`/api/public/notifications/${id}`).then(setContent);
    else void api.get<{ items: Item[] }>('/api/public/notifications').then((r) => setItems(r.items));
  }, [id]);
  if (id)
    return content ? (
      <Card title={content.title} extra={content.documentNumber}>
        <Typography.Paragraph>
          通报期间：{content.from} 至 {content.to}
        </Typography.Paragraph>
        <Table
          rowKey="regionName"
          size="small"
          pagination={false}
          dataSource={content.entries}
          columns={[
            { title: '地区', dataIndex: 'regionName' },
            { title: '受理线索', dataIndex: 'leads' },
            { title: '办结率', render: (_, e) => pct(e.closed, e.leads) },
            { title: '超期', dataIndex: 'overdue' },
            { title: '满意率', render: (_, e) => pct(e.satisfied, e.rated) },
            { title: '退单', dataIndex: 'returns' },
          ]}
        />
      </Card>
    ) : (
      <Card loading />
    );
  return (
    <>
      <Typography.Title level={4}>工作通报</Typography.Title>
      <List
        loading={items === null}
        dataSource={items ?? []}
        locale={{ emptyText: '暂无公开的通报' }}
        renderItem={(n) => (
          <List.Item>
            <List.Item.Meta title={<a href={`/portal/announcements/${n.id}`}>{n.title}</a>} description={`${n.documentNumber} · ${fmtDate(n.issuedAt)}`} />
          </List.Item>
        )}
      />
    </>
  );
}
