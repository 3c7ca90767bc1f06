import { Tag } from 'antd';
import { useEffect, useState } from 'react';
import { api } from '../../../common/api.js';
import { fmtDateTime } from '../../../common/format.js';

/** Whether the company signed for (签收) the document served on it. */
export function ReceiptStatus({ actionId }: { actionId: string }) {
  const [r, setR] = useState<{ received: boolean; receivedAt: string | null; receivedBy: string | null } | null>(null);
  useEffect(() => void api.get<typeof r>(`/api/enforcement-actions/${actionId}/receipt`).then(setR), [actionId]);
  if (!r) return <>—</>;
  return r.received ? <Tag color="success">已签收（{r.receivedBy} {fmtDateTime(r.receivedAt)}）</Tag> : <Tag color="orange">企业未签收</Tag>;
}
