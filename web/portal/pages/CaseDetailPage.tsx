import { Button, Result, Spin, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { useNavigate, useParams } from 'react-router-dom';
import { ApiError, api } from '../../common/api.js';
import { fmtDate } from '../../common/format.js';
import type { PublicCase } from './CasesPage.js';

const SECTIONS = [
  ['basicSituation', '一、基本情况'],
  ['illegalFacts', '二、违法事实'],
  ['penaltyBasis', '三、处罚依据'],
  ['handlingResult', '四、处理结果'],
] as const;

export default function CaseDetailPage() {
  const { id = '' } = useParams();
  const navigate = useNavigate();
  const [c, setC] = useState<PublicCase | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    api.get<PublicCase>(`/api/public/cases/${id}`).then(setC, (err) => setError(err instanceof ApiError ? err.message : '加载失败'));
  }, [id]);
  if (error) return <Result status="404" title={error} extra={<Button onClick={() => navigate('/portal/cases')}>返回典型案例</Button>} />;
  if (!c) return <Spin />;
  return (
    <article>
      <Typography.Title level={4} style={{ textAlign: 'center' }}>
        {c.title}
      </Typography.Title>
      <Typography.Paragraph type="secondary" style={{ textAlign: 'center' }}>
        {[c.regionName, `发布日期 ${fmtDate(c.publishedAt)}`].filter(Boolean).join(' · ')}
      </Typography.Paragraph>
      {SECTIONS.map(([key, label]) =>
        c[key] ? (
          <section key={key}>
            <Typography.Title level={5}>{label}</Typography.Title>
            <Typography.Paragraph style={{ whiteSpace: 'pre-wrap' }}>{c[key]}</Typography.Paragraph>
          </section>
        ) : null,
      )}
      <Button onClick={() => navigate('/portal/cases')}>返回典型案例</Button>
    </article>
  );
}
