import { App, Tag } from 'antd';
import type { FormInstance } from 'antd';
import { CAMPAIGN_STATUS_LABELS, type CampaignStatus } from '../../../../../core/campaigns.js';
import { DEPARTMENT_TYPES } from '../../../../../core/org.js';
import { ApiError, applyFieldErrors } from '../../../../common/api.js';
import { DEPARTMENT_TYPE_LABELS } from '../../../../common/labels.js';

export const DEPARTMENT_OPTIONS = DEPARTMENT_TYPES.map((d) => ({ value: d, label: DEPARTMENT_TYPE_LABELS[d] }));
export const LEAD_OPTIONS = [...DEPARTMENT_OPTIONS, { value: 'none', label: DEPARTMENT_TYPE_LABELS.none }];

export const deptLabel = (d: string | null | undefined) => (d ? (DEPARTMENT_TYPE_LABELS[d as keyof typeof DEPARTMENT_TYPE_LABELS] ?? d) : '—');

const STATUS_COLORS: Record<CampaignStatus, string> = { draft: 'default', active: 'processing', closed: 'success' };

export function StatusTag({ status }: { status: string }) {
  return <Tag color={STATUS_COLORS[status as CampaignStatus]}>{CAMPAIGN_STATUS_LABELS[status as CampaignStatus] ?? status}</Tag>;
}

export function RelationTag({ relation }: { relation: 'own' | 'ancestor' | 'subtree' }) {
  if (relation === 'own') return <Tag color="blue">本级</Tag>;
  if (relation === 'ancestor') return <Tag color="purple">上级</Tag>;
  return <Tag>下级</Tag>;
}

/**
 * Runs a change, shows success, and maps server field errors onto the form (else the message).
 * Returns whether it succeeded.
 */
export function useSave() {
  const { message } = App.useApp();
  return async (fn: () => Promise<unknown>, opts: { form?: FormInstance; success?: string } = {}) => {
    try {
      await fn();
      message.success(opts.success ?? '已保存');
      return true;
    } catch (err) {
      if (!(opts.form && applyFieldErrors(opts.form, err))) message.error(err instanceof ApiError ? err.message : '操作失败');
      return false;
    }
  };
}

/** 'YYYY-MM-DD' from a dayjs value (or null). */
export const ymd = (v: { format: (f: string) => string } | null | undefined) => (v ? v.format('YYYY-MM-DD') : null);
