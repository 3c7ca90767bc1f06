import { BellOutlined } from '@ant-design/icons';
import { Badge, Button, Tooltip } from 'antd';
import { useEffect, useState } from 'react';
import { useNavigate } from 'react-router-dom';

/**
 * The bell in the console header: the unread count, kept live by the server-sent event stream
 * (GET /api/messages/stream); the browser reconnects by itself after a network drop.
 */
export function MessageBell() {
  const [unread, setUnread] = useState<number | null>(null);
  const navigate = useNavigate();
  useEffect(() => {
    const source = new EventSource('/api/messages/stream');
    const onUnread = (e: MessageEvent<string>) => {
      try {
        setUnread((JSON.parse(e.data) as { unread: number }).unread);
      } catch {
        // ignore a malformed event
      }
    };
    source.addEventListener('unread', onUnread as EventListener);
    source.onmessage = onUnread;
    return () => source.close();
  }, []);
  return (
    <Tooltip title="消息中心">
      <Badge count={unread ?? 0} size="small" offset={[-4, 4]} data-testid="message-bell-count" title={`未读消息 ${unread ?? 0} 条`}>
        <Button type="text" aria-label={`消息中心，未读 ${unread ?? 0} 条`} icon={<BellOutlined style={{ fontSize: 18 }} />} onClick={() => navigate('/app/messages')} />
      </Badge>
    </Tooltip>
  );
}
