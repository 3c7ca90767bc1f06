import { Card, Empty, Table, Tag, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { api } from '../../common/api.js';
import { fmtDateTime } from '../../common/format.js';

interface PublicDraw {
  id: string;
  regionName: string;
  campaignTitle: string;
  seed: string;
  algorithm: string;
  drawnAt: string;
  targets: Array<{ projectName: string; enterpriseName: string; inspected: boolean; inspectedOn: string | null; problemCount: number | null; inspectorNames: string[] }>;
}

/** 双随机一公开: published draws; inspectors are named once the visit is recorded. */
export default function InspectionDrawsPage() {
  const [items, setItems] = useState<PublicDraw[] | null>(null);
  useEffect(() => {
    void api.get<{ items: PublicDraw[] }>('/api/public/inspection-draws').then((d) => setItems(d.items));
  }, []);
  return (
    <>
      <Typography.Title level={4}>双随机抽查公开</Typography.Title>
      <Typography.Paragraph type="secondary">
        检查对象和检查人员均随机抽取。每次抽取的随机种子和算法版本在此公开，任何人可按《抽取算法说明》重新计算并核对结果；检查人员在检查完成后公开。
      </Typography.Paragraph>
      {items && items.length === 0 && <Empty description="暂无公开的抽查结果" />}
      {(items ?? []).map((d) => (
        <Card key={d.id} size="small" style={{ marginBottom: 16 }} title={`${d.regionName} · ${d.campaignTitle}`} extra={fmtDateTime(d.drawnAt)}>
          <Typography.Paragraph type="secondary" style={{ fontSize: 12 }}>
            随机种子：<Typography.Text code copyable>{d.seed}</Typography.Text> 算法版本：{d.algorithm}
          </Typography.Paragraph>
          <Table
            size="small"
            rowKey={(r) => `${r.projectName}/${r.enterpriseName}`}
            pagination={false}
            dataSource={d.targets}
            columns={[
              { title: '物业项目', dataIndex: 'projectName' },
              { title: '物业服务企业', dataIndex: 'enterpriseName' },
              { title: '检查情况', render: (_v, r) => (r.inspected ? <Tag color="green">{r.inspectedOn} 已检查{r.problemCount ? `，发现问题 ${r.problemCount} 项` : '，未发现问题'}</Tag> : <Tag>待检查</Tag>) },
              { title: '检查人员', render: (_v, r) => r.inspectorNames.join('、') || '—' },
            ]}
          />
        </Card>
      ))}
    </>
  );
}
