import { PageContainer } from '@ant-design/pro-components';
import { App, Button, Card, Empty, List, Modal, Spin, Tag, Typography } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import { ApiError, api } from '../../../common/api.js';
import { fmtDateTime } from '../../../common/format.js';

interface Notice {
  id: string;
  title: string;
  documentNumber: string;
  actionDate: string;
  issuingUnitName: string;
  projectName: string | null;
  deadline: string | null;
  received: boolean;
  receivedAt: string | null;
  receivedBy: string | null;
}

/** 送达文书 (company account): documents served on the company, read and signed for (签收). */
export default function MyNoticesPage() {
  const { message } = App.useApp();
  const [items, setItems] = useState<Notice[] | null>(null);
  const [open, setOpen] = useState<(Notice & { facts: string }) | null>(null);
  const load = useCallback(() => void api.get<{ items: Notice[] }>('/api/company/notices').then((r) => setItems(r.items)), []);
  useEffect(load, [load]);
  if (!items) return <Spin />;
  const receive = async (id: string) => {
    try {
      await api.post(`/api/company/notices/${id}/receipt`);
      message.success('已签收');
      setOpen(null);
      load();
    } catch (e) {
      message.error(e instanceof ApiError ? e.message : '签收失败');
    }
  };
  return (
    <PageContainer title="送达文书">
      <List
        locale={{ emptyText: <Empty description="暂无送达的文书" /> }}
        dataSource={items}
        renderItem={(n) => (
          <List.Item>
            <Card size="small" style={{ width: '100%' }} title={n.title} extra={<Tag color={n.received ? 'success' : 'red'}>{n.received ? '已签收' : '待签收'}</Tag>}>
              <div>{n.documentNumber}</div>
              <div>
                {n.issuingUnitName} · {n.actionDate}
              </div>
              {n.deadline && <div>整改期限：{n.deadline}</div>}
              {n.received && <div>签收：{n.receivedBy} {fmtDateTime(n.receivedAt)}</div>}
              <Button style={{ marginTop: 8 }} onClick={async () => setOpen(await api.get(`/api/company/notices/${n.id}`))}>
                {n.received ? '查看' : '查看并签收'}
              </Button>
            </Card>
          </List.Item>
        )}
      />
      <Modal
        title={open?.title}
        open={!!open}
        onCancel={() => setOpen(null)}
        footer={open && !open.received ? [<Button key="r" type="primary" onClick={() => void receive(open.id)}>签收</Button>] : null}
      >
        <Typography.Paragraph>{open?.documentNumber}</Typography.Paragraph>
        <Typography.Paragraph style={{ whiteSpace: 'pre-wrap' }}>{open?.facts}</Typography.Paragraph>
      </Modal>
    </PageContainer>
  );
}
