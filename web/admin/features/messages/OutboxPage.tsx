import { PageContainer, ProTable } from '@ant-design/pro-components';
import { Alert, Tag, Typography } from 'antd';
import { tableRequest } from '../../../common/api.js';
import { fmtDateTime } from '../../../common/format.js';

interface OutboxItem {
  id: string;
  channel: string;
  to: string;
  template: string;
  subject: string | null;
  body: string;
  status: string;
  attempts: number;
  provider: string | null;
  createdAt: string;
  sentAt: string | null;
  error: string | null;
  history: Array<{ at: string; provider: string; outcome: string; error: string | null }>;
}

const STATUS: Record<string, { text: string; color: string }> = {
  queued: { text: '待发送', color: 'default' },
  sending: { text: '发送中', color: 'processing' },
  sent: { text: '已发送', color: 'success' },
  failed: { text: '发送失败', color: 'error' },
  suppressed: { text: '已拦截', color: 'warning' },
};
const OUTCOME: Record<string, string> = { sent: '成功', failed: '失败', deferred: '顺延', suppressed: '拦截' };

/** 发件箱 (administrator): every SMS and e-mail, its attempts and the provider's answers; numbers masked. */
export default function OutboxPage() {
  return (
    <PageContainer title="短信与邮件发件箱">
      <Alert
        type="info"
        showIcon
        style={{ marginBottom: 12 }}
        message="未配置短信服务商（SMS_PROVIDER=local）或邮件服务器（SMTP_URL）时，消息只记录在这里，不会发出本机。号码与邮箱均已脱敏。"
      />
      <ProTable<OutboxItem>
        rowKey="id"
        search={{ labelWidth: 'auto' }}
        request={(params) => tableRequest<OutboxItem>('/api/admin/outbox', params)}
        expandable={{
          expandedRowRender: (r) => (
            <ul style={{ margin: 0 }}>
              {r.history.map((h) => (
                <li key={`${h.at}-${h.outcome}`}>
                  {fmtDateTime(h.at)} {h.provider} {OUTCOME[h.outcome] ?? h.outcome}
                  {h.error ? `：${h.error}` : ''}
                </li>
              ))}
            </ul>
          ),
        }}
        columns={[
          { title: '渠道', dataIndex: 'channel', valueType: 'select', valueEnum: { sms: { text: '短信' }, email: { text: '邮件' } }, width: 80 },
          { title: '模板', dataIndex: 'template', width: 180 },
          { title: '收件人', dataIndex: 'to', search: false, width: 140 },
          { title: '内容', dataIndex: 'body', search: false, render: (_d, r) => <Typography.Paragraph style={{ margin: 0 }} ellipsis={{ rows: 2, expandable: true }}>{r.body}</Typography.Paragraph> },
          { title: '状态', dataIndex: 'status', valueType: 'select', valueEnum: Object.fromEntries(Object.entries(STATUS).map(([k, v]) => [k, { text: v.text }])), render: (_d, r) => <Tag color={STATUS[r.status]?.color}>{STATUS[r.status]?.text ?? r.status}</Tag>, width: 100 },
          { title: '尝试', dataIndex: 'attempts', search: false, width: 60 },
          { title: '错误', dataIndex: 'error', search: false, ellipsis: true },
          { title: '创建', dataIndex: 'createdAt', search: false, render: (_d, r) => fmtDateTime(r.createdAt), width: 160 },
          { title: '发送', dataIndex: 'sentAt', search: false, render: (_d, r) => (r.sentAt ? fmtDateTime(r.sentAt) : '—'), width: 160 },
        ]}
      />
    </PageContainer>
  );
}
