import { App, Space, Tag, Tooltip } from 'antd';
import type { FormInstance } from 'antd';
import { STATUS_LABELS } from '../../../../../core/complaints/labels.js';
import { ApiError, applyFieldErrors } from '../../../../common/api.js';
import { dayjs, fmtDateTime } from '../../../../common/format.js';
import { DEPARTMENT_TYPE_LABELS, FOCUS_CATEGORY_OPTIONS, focusCategoryLabel } from '../../../../common/labels.js';
import type { Channel, ComplaintListItem, ComplaintStatus, LeadDepartment } from '../api/complaints.js';

const STATUS_COLORS: Record<ComplaintStatus, string> = {
  received: 'gold',
  dispatched: 'orange',
  accepted: 'processing',
  handled: 'cyan',
  reply_pending: 'purple',
  replied: 'geekblue',
  closed: 'success',
  returned: 'magenta',
  merged: 'default',
};

export {
  ACTION_LABELS,
  CHANNEL_LABELS,
  FINDING_LABELS,
  OUTCOME_LABELS,
  SATISFACTION_LABELS,
  STATUS_LABELS,
} from '../../../../../core/complaints/labels.js';

/** Channels a staff member can register by hand (web / 12345 / open311 come in by themselves). */
export const STAFF_CHANNELS: Channel[] = ['phone', 'letter', 'visit', 'inspection', 'referral'];

export const categoryLabel = (c: number | null | undefined) => focusCategoryLabel(c);
export const CATEGORY_OPTIONS = FOCUS_CATEGORY_OPTIONS;

export const deptLabel = (d: string | null | undefined) => (d ? (DEPARTMENT_TYPE_LABELS[d as LeadDepartment] ?? d) : '—');
export const DEPT_OPTIONS = (['housing', 'market', 'police', 'civil', 'credit'] as const).map((d) => ({ value: d, label: DEPARTMENT_TYPE_LABELS[d] }));
export const LEAD_OPTIONS = [...DEPT_OPTIONS, { value: 'none', label: DEPARTMENT_TYPE_LABELS.none }];


export function StatusTag({ status, label }: { status: ComplaintStatus; label?: string }) {
  // Dark text on the tag's light tint: the preset coloured text misses AA contrast (4.5:1).
  return (
    <Tag color={STATUS_COLORS[status] ?? 'default'} style={{ color: 'rgba(0, 0, 0, 0.88)' }}>
      {label ?? STATUS_LABELS[status] ?? status}
    </Tag>
  );
}

/** Time left until `due`, in plain words ("剩 3 天 4 小时" / "已超期 2 天"). */
export function timeLeft(due: string | null | undefined, now = dayjs()): string | null {
  if (!due) return null;
  const mins = dayjs(due).diff(now, 'minute');
  const abs = Math.abs(mins);
  const d = Math.floor(abs / 1440);
  const h = Math.floor((abs % 1440) / 60);
  const m = abs % 60;
  const text = d ? `${d} 天${h ? ` ${h} 小时` : ''}` : h ? `${h} 小时${m ? ` ${m} 分` : ''}` : `${m} 分钟`;
  return mins >= 0 ? `剩 ${text}` : `已超期 ${text}`;
}

/** Red = overdue, orange = due soon, plus urgent / supervised / returned markers. */
export function SlaTags({ item }: { item: Pick<ComplaintListItem, 'overdue' | 'dueSoon' | 'urgent' | 'supervised' | 'returnCount' | 'dueAt' | 'lastEscalatedAt'> }) {
  return (
    <Space size={2} wrap>
      {item.urgent && <Tag color="red">紧急</Tag>}
      {item.overdue ? (
        <Tooltip title={item.dueAt ? `办结期限 ${fmtDateTime(item.dueAt)}` : undefined}>
          <Tag color="red">已超期</Tag>
        </Tooltip>
      ) : item.dueSoon ? (
        <Tooltip title={item.dueAt ? `办结期限 ${fmtDateTime(item.dueAt)}` : undefined}>
          <Tag color="orange">即将超期</Tag>
        </Tooltip>
      ) : null}
      {item.overdue && item.lastEscalatedAt ? (
        <Tooltip title={`${fmtDateTime(item.lastEscalatedAt)} 已升级至监督部门`}>
          <Tag color="red">超期升级</Tag>
        </Tooltip>
      ) : null}
      {item.supervised && <Tag color="volcano">挂牌督办</Tag>}
      {item.returnCount > 0 && <Tag color="magenta">退单 {item.returnCount} 次</Tag>}
    </Space>
  );
}

/** Runs a change, shows success, maps field errors onto the form (else shows the message). */
export function useRun() {
  const { message } = App.useApp();
  return async <T,>(fn: () => Promise<T>, opts: { form?: FormInstance; success?: string } = {}): Promise<T | undefined> => {
    try {
      const r = await fn();
      if (opts.success) message.success(opts.success);
      return r;
    } catch (err) {
      if (!(opts.form && applyFieldErrors(opts.form, err))) message.error(err instanceof ApiError ? err.message : '操作失败，请重试');
      return undefined;
    }
  };
}

export const ymd = (v: { format: (f: string) => string } | null | undefined) => (v ? v.format('YYYY-MM-DD') : undefined);
