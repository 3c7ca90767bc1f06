import { PageContainer } from '@ant-design/pro-components';
import { App, Button, Card, Empty, List, Modal, Spin, Tag, Typography } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import { ApiError, api } from '../../../common/api.js';
import { fmtDateTime } from '../../../common/format.js';

interface Commitment {
  id: string;
  campaignTitle: string;
  projectName: string;
  status: 'issued' | 'signed';
  statusLabel: string;
  signedAt: string | null;
  signedBy: string | null;
}

/** 我的承诺书 (company account, phone-friendly): read and sign. */
export default function MyCommitmentsPage() {
  const { message } = App.useApp();
  const [items, setItems] = useState<Commitment[] | null>(null);
  const [open, setOpen] = useState<{ id: string; text: string; status: string } | null>(null);
  const load = useCallback(() => void api.get<{ items: Commitment[] }>('/api/commitments', { pageSize: 100 }).then((r) => setItems(r.items)), []);
  useEffect(load, [load]);
  if (!items) return <Spin />;
  const sign = async () => {
    if (!open) return;
    try {
      await api.post(`/api/commitments/${open.id}/sign`);
      message.success('已签署');
      setOpen(null);
      load();
    } catch (e) {
      message.error(e instanceof ApiError ? e.message : '签署失败');
    }
  };
  return (
    <PageContainer title="我的承诺书">
      <List
        locale={{ emptyText: <Empty description="暂无承诺书" /> }}
        dataSource={items}
        renderItem={(c) => (
          <List.Item>
            <Card size="small" style={{ width: '100%' }} title={c.projectName} extra={<Tag color={c.status === 'signed' ? 'success' : 'orange'}>{c.statusLabel}</Tag>}>
              <div>{c.campaignTitle}</div>
              {c.signedAt && <div>签署：{c.signedBy} {fmtDateTime(c.signedAt)}</div>}
              <Button
                style={{ marginTop: 8 }}
                type={c.status === 'issued' ? 'primary' : 'default'}
                onClick={async () => {
                  const d = await api.get<{ text: string; status: string }>(`/api/commitments/${c.id}`);
                  setOpen({ id: c.id, text: d.text, status: d.status });
                }}
              >
                {c.status === 'issued' ? '阅读并签署' : '查看'}
              </Button>
            </Card>
          </List.Item>
        )}
      />
      <Modal
        title="合法经营、规范收费承诺书"
        open={!!open}
        onCancel={() => setOpen(null)}
        footer={open?.status === 'issued' ? [<Button key="c" onClick={() => setOpen(null)}>取消</Button>, <Button key="s" type="primary" onClick={() => void sign()}>确认签署</Button>] : null}
      >
        <Typography.Paragraph style={{ whiteSpace: 'pre-wrap' }}>{open?.text}</Typography.Paragraph>
      </Modal>
    </PageContainer>
  );
}
