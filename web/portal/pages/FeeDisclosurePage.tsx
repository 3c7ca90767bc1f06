import { Alert, Card, Input, List, Space, Tag, Typography } from 'antd';
import { useState } from 'react';
import { ApiError, api } from '../../common/api.js';

interface Project {
  id: string;
  name: string;
  address: string;
  regionName: string;
  enterpriseName: string | null;
  fullyDisclosedSince: string | null;
  disclosures: Array<{ item: string; label: string; status: string; statusLabel: string; postedOn: string | null }>;
}

/** 收费公示查询: a resident looks up whether their community's company has posted the required fee information. */
export default function FeeDisclosurePage() {
  const [items, setItems] = useState<Project[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const search = (q: string) => {
    setError(null);
    api.get<{ items: Project[] }>('/api/public/fee-disclosures', { q }).then(
      (r) => setItems(r.items),
      (err) => setError(err instanceof ApiError ? err.message : '查询失败'),
    );
  };
  return (
    <>
      <Typography.Title level={4}>物业服务收费公示查询</Typography.Title>
      <Typography.Paragraph type="secondary">输入小区名称，查看物业服务企业是否按规定公示服务内容、收费项目及标准、公共收益等信息。</Typography.Paragraph>
      <Input.Search placeholder="小区名称（至少两个字）" enterButton="查询" onSearch={search} style={{ maxWidth: 420, marginBottom: 16 }} />
      {error && <Alert type="error" message={error} />}
      {items && (
        <List
          dataSource={items}
          locale={{ emptyText: '未找到该小区' }}
          renderItem={(p) => (
            <Card size="small" style={{ marginBottom: 12 }} title={`${p.name}（${p.regionName}）`} extra={p.fullyDisclosedSince ? <Tag color="green">已全部公示</Tag> : <Tag color="red">未全部公示</Tag>}>
              <Typography.Paragraph type="secondary">
                {p.address} · {p.enterpriseName ?? '无物业服务企业'}
              </Typography.Paragraph>
              <Space wrap>
                {p.disclosures.map((d) => (
                  <Tag key={d.item} color={d.status === 'missing' ? 'red' : 'green'}>
                    {d.label}：{d.statusLabel}
                    {d.postedOn ? `（${d.postedOn}）` : ''}
                  </Tag>
                ))}
              </Space>
            </Card>
          )}
        />
      )}
    </>
  );
}
