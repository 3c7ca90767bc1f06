import { Button, Descriptions, Result, Spin, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { useNavigate, useParams } from 'react-router-dom';
import { ApiError, api } from '../../common/api.js';
import { fmtDate } from '../../common/format.js';
import { type PublicPenalty, fmtAmount } from './PenaltiesPage.js';

/** One published penalty decision (行政处罚公示详情); residents' personal data removed from the facts. */
export default function PenaltyDetailPage() {
  const { id = '' } = useParams();
  const navigate = useNavigate();
  const [p, setP] = useState<PublicPenalty | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    api.get<PublicPenalty>(`/api/public/penalties/${id}`).then(setP, (err) => setError(err instanceof ApiError ? err.message : '加载失败'));
  }, [id]);
  const back = <Button onClick={() => navigate('/portal/penalties')}>返回行政处罚公示</Button>;
  if (error) return <Result status="404" title={error} extra={back} />;
  if (!p) return <Spin />;
  return (
    <article>
      <Typography.Title level={4} style={{ textAlign: 'center' }}>
        {p.title}
      </Typography.Title>
      <Typography.Paragraph type="secondary" style={{ textAlign: 'center' }}>
        {p.documentNumber}
      </Typography.Paragraph>
      <Descriptions bordered size="small" column={{ xs: 1, sm: 1, md: 2 }} style={{ marginBottom: 16 }}>
        <Descriptions.Item label="被处罚企业">{p.enterpriseName}</Descriptions.Item>
        <Descriptions.Item label="统一社会信用代码">{p.creditCode}</Descriptions.Item>
        {p.projectName && <Descriptions.Item label="物业项目">{p.projectName}</Descriptions.Item>}
        <Descriptions.Item label="处罚类别">{p.typeLabel}</Descriptions.Item>
        {p.amount !== null && <Descriptions.Item label="罚没金额">{fmtAmount(p.amount)}</Descriptions.Item>}
        <Descriptions.Item label="处罚机关">{p.issuingUnitName}</Descriptions.Item>
        <Descriptions.Item label="决定日期">{p.decisionDate}</Descriptions.Item>
        <Descriptions.Item label="公示日期">{fmtDate(p.publishedAt)}</Descriptions.Item>
      </Descriptions>
      <section>
        <Typography.Title level={5}>违法事实</Typography.Title>
        <Typography.Paragraph style={{ whiteSpace: 'pre-wrap' }}>{p.facts}</Typography.Paragraph>
      </section>
      <section>
        <Typography.Title level={5}>处罚依据</Typography.Title>
        {p.legalBasis.length ? (
          <ul style={{ paddingLeft: 20 }}>
            {p.legalBasis.map((l) => (
              <li key={l.citation}>
                《{l.actTitle}》{l.article === '全文' ? '' : l.article}
              </li>
            ))}
          </ul>
        ) : (
          <Typography.Paragraph type="secondary">—</Typography.Paragraph>
        )}
      </section>
      {back}
    </article>
  );
}
