import { Space, Tag, Tooltip } from 'antd';
import { PROBLEM_STATUS_COLORS, PROBLEM_STATUS_LABELS, type ProblemStatus, type ProblemSummary } from '../api.js';

export function ProblemStatusTag({ status }: { status: string }) {
  return <Tag color={PROBLEM_STATUS_COLORS[status as ProblemStatus] ?? 'default'}>{PROBLEM_STATUS_LABELS[status as ProblemStatus] ?? status}</Tag>;
}

/** 逾期 (red), 屡改屡犯, 挂牌督办 and rework count flags of one problem. */
export function ProblemFlags({ p }: { p: Pick<ProblemSummary, 'overdue' | 'repeatOffence' | 'supervised' | 'supervisionDeadline' | 'reworkCount'> }) {
  return (
    <Space size={0} wrap>
      {p.overdue && <Tag color="red">逾期</Tag>}
      {p.repeatOffence && <Tag color="volcano">屡改屡犯</Tag>}
      {p.supervised && (
        <Tooltip title={p.supervisionDeadline ? `督办期限 ${p.supervisionDeadline}` : undefined}>
          <Tag color="magenta">挂牌督办</Tag>
        </Tooltip>
      )}
      {p.reworkCount > 0 && <Tag color="gold">返工 {p.reworkCount} 次</Tag>}
    </Space>
  );
}
