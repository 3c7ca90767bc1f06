import type { TimeLimits } from './sla.js';

/**
 * Allowed range (inclusive) of each configurable complaint time limit, with its Chinese name and
 * unit — one table for the server's validation (complaints-config.schemas.ts) and the web form.
 */
export const TIME_LIMIT_RANGES: Record<keyof TimeLimits, { min: number; max: number; label: string; unit: string }> = {
  signDays: { min: 1, max: 10, label: '签收时限', unit: '个工作日' },
  closeDays: { min: 1, max: 60, label: '办结（答复）时限', unit: '个工作日' },
  followUpDays: { min: 1, max: 30, label: '回访时限', unit: '个工作日' },
  urgentSignHours: { min: 1, max: 24, label: '紧急线索签收时限', unit: '小时' },
  urgentActHours: { min: 1, max: 168, label: '紧急线索处置时限', unit: '小时' },
};
export type TimeLimitField = keyof TimeLimits;
export const TIME_LIMIT_FIELDS: TimeLimitField[] = ['signDays', 'closeDays', 'followUpDays', 'urgentSignHours', 'urgentActHours'];
