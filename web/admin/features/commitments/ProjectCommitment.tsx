import { Tag, Tooltip } from 'antd';
import { useEffect, useState } from 'react';
import { api } from '../../../common/api.js';
import { fmtDate } from '../../../common/format.js';
import { useSession } from '../../app/session.js';

interface Row {
  id: string;
  campaignTitle: string;
  status: 'issued' | 'signed';
  signedAt: string | null;
  signedBy: string | null;
}

/** The project's 承诺书, shown beside a later violation (ledger problem, enforcement action). */
export function ProjectCommitment({ projectId }: { projectId: string | null }) {
  const { can } = useSession();
  const [rows, setRows] = useState<Row[] | null>(null);
  useEffect(() => {
    if (projectId && can('commitment:read')) void api.get<{ items: Row[] }>('/api/commitments', { projectId, pageSize: 5 }).then((r) => setRows(r.items));
  }, [projectId, can]);
  if (!projectId || !rows) return <>—</>;
  if (!rows.length) return <Tag>未下发承诺书</Tag>;
  return (
    <>
      {rows.map((r) => (
        <Tooltip key={r.id} title={r.campaignTitle}>
          <Tag color={r.status === 'signed' ? 'blue' : 'orange'}>{r.status === 'signed' ? `已签承诺书（${r.signedBy} ${fmtDate(r.signedAt)}）` : '承诺书未签署'}</Tag>
        </Tooltip>
      ))}
    </>
  );
}
