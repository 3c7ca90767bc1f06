import { Input, List, Tag, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { useNavigate } from 'react-router-dom';
import { api } from '../../common/api.js';
import { fmtDate } from '../../common/format.js';

export interface PublicPenalty {
  id: string;
  documentNumber: string;
  title: string;
  type: string;
  typeLabel: string;
  decisionDate: string;
  publishedAt: string;
  issuingUnitName: string;
  regionName: string;
  enterpriseName: string;
  creditCode: string;
  projectName: string | null;
  amount: number | null;
  legalBasis: { actTitle: string; article: string; citation: string }[];
  facts: string;
}

const PAGE_SIZE = 10;

export const fmtAmount = (v: number | null) => (v === null ? null : `${v.toLocaleString('zh-CN', { maximumFractionDigits: 2 })} 元`);

/** 行政处罚公示 (双公示): published penalty decisions, searchable by company, credit code or document number. */
export default function PenaltiesPage() {
  const navigate = useNavigate();
  const [data, setData] = useState<{ items: PublicPenalty[]; total: number } | null>(null);
  const [page, setPage] = useState(1);
  const [q, setQ] = useState('');
  useEffect(() => {
    setData(null);
    void api.get<{ items: PublicPenalty[]; total: number }>('/api/public/penalties', { page, pageSize: PAGE_SIZE, q: q || undefined }).then(setData);
  }, [page, q]);
  return (
    <>
      <Typography.Title level={4}>行政处罚公示</Typography.Title>
      <Typography.Paragraph type="secondary">物业服务领域行政处罚决定自作出之日起 7 个工作日内向社会公示，接受群众监督。</Typography.Paragraph>
      <Input.Search
        allowClear
        enterButton="查询"
        placeholder="企业名称、统一社会信用代码或文号"
        maxLength={60}
        style={{ maxWidth: 480, marginBottom: 16 }}
        onSearch={(v) => {
          setPage(1);
          setQ(v.trim());
        }}
      />
      <List
        loading={data === null}
        dataSource={data?.items ?? []}
        locale={{ emptyText: q ? '未找到符合条件的处罚公示' : '暂无公示的行政处罚决定' }}
        pagination={data && data.total > PAGE_SIZE ? { current: page, pageSize: PAGE_SIZE, total: data.total, onChange: setPage, simple: true } : false}
        renderItem={(p) => (
          <List.Item onClick={() => navigate(`/portal/penalties/${p.id}`)} style={{ cursor: 'pointer' }}>
            <List.Item.Meta
              title={
                <span style={{ display: 'flex', flexWrap: 'wrap', gap: 8, alignItems: 'center' }}>
                  <a>{p.enterpriseName}</a>
                  <Tag color="red">{p.typeLabel}</Tag>
                  {p.amount !== null && <Typography.Text strong>{fmtAmount(p.amount)}</Typography.Text>}
                </span>
              }
              description={
                <>
                  <Typography.Paragraph ellipsis={{ rows: 2 }} style={{ marginBottom: 4 }}>
                    {p.facts}
                  </Typography.Paragraph>
                  <Typography.Text type="secondary" style={{ fontSize: 12, wordBreak: 'break-all' }}>
                    {[p.documentNumber, p.issuingUnitName, `决定日期 ${p.decisionDate}`, `公示于 ${fmtDate(p.publishedAt)}`].join(' · ')}
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
