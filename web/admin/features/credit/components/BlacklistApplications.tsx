import { PaperClipOutlined } from '@ant-design/icons';
import { Descriptions, Empty, Space, Tag } from 'antd';
import { fmtDateTime } from '../../../../common/format.js';
import { BLACKLIST_APPLICATION_KIND_LABELS, BLACKLIST_APPLICATION_STATUS_LABELS, type BlacklistApplication, blacklistFileUrl } from '../api.js';

const STATUS_COLORS: Record<string, string> = { pending: 'orange', upheld: 'green', granted: 'green', rejected: 'default', refused: 'default' };

/** The company's objections and credit repair applications on one blacklist entry, with the decisions. */
export function BlacklistApplications({ entryId, applications }: { entryId: string; applications: BlacklistApplication[] }) {
  if (!applications.length) return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="企业未提出异议或信用修复申请" />;
  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      {[...applications].reverse().map((a) => (
        <Descriptions
          key={a.id}
          size="small"
          bordered
          column={1}
          title={
            <Space>
              {BLACKLIST_APPLICATION_KIND_LABELS[a.kind]}
              <Tag color={STATUS_COLORS[a.status]}>{BLACKLIST_APPLICATION_STATUS_LABELS[a.status] ?? a.status}</Tag>
            </Space>
          }
          items={[
            { key: 'submittedAt', label: '提出时间', children: fmtDateTime(a.submittedAt) },
            ...(a.kind === 'objection'
              ? [{ key: 'reason', label: '异议理由', children: a.reason }]
              : [
                  { key: 'commitment', label: '信用承诺', children: a.commitment },
                  { key: 'rectificationSummary', label: '整改情况', children: a.rectificationSummary },
                ]),
            ...(a.files.length
              ? [
                  {
                    key: 'files',
                    label: '证明材料',
                    children: (
                      <Space wrap size={4}>
                        {a.files.map((f) => (
                          <a key={f.id} href={blacklistFileUrl(entryId, f.id)} target="_blank" rel="noreferrer">
                            <PaperClipOutlined /> {f.name}
                          </a>
                        ))}
                      </Space>
                    ),
                  },
                ]
              : []),
            ...(a.decidedAt
              ? [
                  { key: 'decidedAt', label: '处理时间', children: fmtDateTime(a.decidedAt) },
                  { key: 'decisionNote', label: '处理意见', children: a.decisionNote },
                ]
              : []),
          ]}
        />
      ))}
    </Space>
  );
}
