import { List, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { useNavigate } from 'react-router-dom';
import { api } from '../../common/api.js';
import { fmtDate } from '../../common/format.js';

export interface PublicCase {
  id: string;
  title: string;
  enterpriseName?: string | null;
  regionName?: string | null;
  basicSituation: string;
  illegalFacts?: string;
  penaltyBasis?: string;
  handlingResult?: string;
  publishedAt: string;
}

/** 典型案例 on the portal: published cases only, residents' personal data already removed. */
export default function CasesPage() {
  const navigate = useNavigate();
  const [data, setData] = useState<{ items: PublicCase[]; total: number } | null>(null);
  const [page, setPage] = useState(1);
  useEffect(() => {
    void api.get<{ items: PublicCase[]; total: number }>('/api/public/cases', { page, pageSize: 10 }).then(setData);
  }, [page]);
  return (
    <>
      <Typography.Title level={4}>典型案例</Typography.Title>
      <Typography.Paragraph type="secondary">物业管理领域侵害群众利益问题专项整治中查处的典型案例，公开曝光，以案释法。</Typography.Paragraph>
      <List
        loading={data === null}
        dataSource={data?.items ?? []}
        locale={{ emptyText: '暂无发布的典型案例' }}
        pagination={data && data.total > 10 ? { current: page, pageSize: 10, total: data.total, onChange: setPage } : false}
        renderItem={(c) => (
          <List.Item onClick={() => navigate(`/portal/cases/${c.id}`)} style={{ cursor: 'pointer' }}>
            <List.Item.Meta
              title={<a>{c.title}</a>}
              description={
                <>
                  <Typography.Paragraph ellipsis={{ rows: 2 }} style={{ marginBottom: 4 }}>
                    {c.basicSituation}
                  </Typography.Paragraph>
                  <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                    {[c.regionName, c.enterpriseName, `发布于 ${fmtDate(c.publishedAt)}`].filter(Boolean).join(' · ')}
                  </Typography.Text>
                </>
              }
            />
          </List.Item>
        )}
      />
    </>
  );
}
