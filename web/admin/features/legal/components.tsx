import { Tag, Tooltip } from 'antd';
import { CONFIDENCE_LABELS, type Confidence } from '../../../../core/legal.js';
import { DEPARTMENT_TYPE_LABELS } from '../../../common/labels.js';

const CONFIDENCE_COLORS: Record<Confidence, string> = { '✅': 'green', '◐': 'gold', '❓': 'red' };

/** ✅ ◐ ❓ with its meaning on hover. */
export function ConfidenceTag({ value }: { value: string }) {
  const c = value as Confidence;
  return (
    <Tooltip title={CONFIDENCE_LABELS[c]}>
      <Tag color={CONFIDENCE_COLORS[c] ?? 'default'}>{value}</Tag>
    </Tooltip>
  );
}

/** A department type as a tag; null/'none' reads as courts or "not a campaign department". */
export function DepartmentTag({ value, fallback = '法院/其他' }: { value: string | null; fallback?: string }) {
  if (!value) return <Tag>{fallback}</Tag>;
  const label = DEPARTMENT_TYPE_LABELS[value as keyof typeof DEPARTMENT_TYPE_LABELS] ?? value;
  return <Tag color={value === 'none' ? 'default' : 'blue'}>{label}</Tag>;
}
