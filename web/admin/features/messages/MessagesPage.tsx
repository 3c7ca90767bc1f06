import { PageContainer } from '@ant-design/pro-components';
import { App, Button, List, Select, Space, Switch, Tag, Typography } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import { useNavigate } from 'react-router-dom';
import { ApiError } from '../../../common/api.js';
import { fmtDateTime } from '../../../common/format.js';
import { type KindInfo, listKinds, listMessages, markAllRead, markRead, type MessageList } from './api.js';

/** 消息中心: the signed-in user's messages, newest first; a click marks it read and opens its record. */
export default function MessagesPage() {
  const { message } = App.useApp();
  const navigate = useNavigate();
  const [unreadOnly, setUnreadOnly] = useState(false);
  const [kind, setKind] = useState<string | undefined>();
  const [page, setPage] = useState(1);
  const [data, setData] = useState<MessageList | null>(null);
  const [kinds, setKinds] = useState<KindInfo[]>([]);
  const [loading, setLoading] = useState(false);

  const load = useCallback(async () => {
    setLoading(true);
    try {
      setData(await listMessages({ unread: unreadOnly, kind, page, pageSize: 20 }));
    } catch (err) {
      message.error(err instanceof ApiError ? err.message : '加载失败');
    }
    setLoading(false);
  }, [unreadOnly, kind, page, message]);

  useEffect(() => {
    void load();
  }, [load]);
  useEffect(() => {
    void listKinds().then(setKinds);
  }, []);

  const open = async (id: string, link: string, read: boolean) => {
    if (!read) await markRead(id).catch(() => undefined);
    navigate(link);
  };

  return (
    <PageContainer
      title="消息中心"
      extra={[
        <Button key="settings" onClick={() => navigate('/app/messages/settings')}>
          通知设置
        </Button>,
        <Button
          key="all"
          disabled={!data?.unread}
          onClick={async () => {
            const r = await markAllRead();
            message.success(`已将 ${r.updated} 条消息标为已读`);
            void load();
          }}
        >
          全部标为已读
        </Button>,
      ]}
    >
      <Space wrap style={{ marginBottom: 12 }}>
        <span>
          只看未读 <Switch checked={unreadOnly} onChange={(v) => {
              setPage(1);
              setUnreadOnly(v);
            }} aria-label="只看未读" />
        </span>
        <Select
          allowClear
          placeholder="全部类型"
          style={{ minWidth: 180 }}
          value={kind}
          onChange={(v) => {
            setPage(1);
            setKind(v);
          }}
          options={kinds.map((k) => ({ value: k.kind, label: k.label }))}
        />
        <Typography.Text type="secondary">未读 {data?.unread ?? 0} 条</Typography.Text>
      </Space>
      <List
        loading={loading}
        dataSource={data?.items ?? []}
        locale={{ emptyText: '暂无消息' }}
        pagination={data && data.total > 20 ? { current: page, pageSize: 20, total: data.total, onChange: setPage, size: 'small' } : false}
        renderItem={(m) => (
          <List.Item
            style={{ cursor: 'pointer', background: m.readAt ? undefined : 'rgba(22,119,255,0.04)', paddingInline: 8 }}
            onClick={() => void open(m.id, m.link, !!m.readAt)}
            actions={
              m.readAt
                ? []
                : [
                    <Button
                      key="read"
                      size="small"
                      type="link"
                      onClick={async (e) => {
                        e.stopPropagation();
                        await markRead(m.id);
                        void load();
                      }}
                    >
                      标为已读
                    </Button>,
                  ]
            }
          >
            <List.Item.Meta
              title={
                <Space wrap>
                  {!m.readAt && <Tag color="blue">未读</Tag>}
                  <Tag>{m.kindLabel}</Tag>
                  <span style={{ fontWeight: m.readAt ? 400 : 600 }}>{m.title}</span>
                </Space>
              }
              description={
                <>
                  <div>{m.body}</div>
                  <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                    {fmtDateTime(m.createdAt)}
                  </Typography.Text>
                </>
              }
            />
          </List.Item>
        )}
      />
    </PageContainer>
  );
}
