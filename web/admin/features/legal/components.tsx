import { Tag, Tooltip } from 'antd';
import { CONFIDENCE_LABELS, type Confidence } from '../../../../core/legal.js';
import { DEPARTMENT_TYPE_LABELS } from '../../../common/labels.js';

const CONFIDENCE_COLORS: Record<Confidence, string> = { '✅': 'green', '◐': 'gold', '❓': 'red' };
/** Short words rather than the symbols, which not every font on government desktops renders. */
export const CONFIDENCE_SHORT: Record<Confidence, string> = { '✅': '已核对', '◐': '部分核实', '❓': '未核实' };

/** The confidence tag (✅ ◐ ❓ of domain-facts) as a coloured word, its meaning on hover. */
export function ConfidenceTag({ value }: { value: string }) {
  const c = value as Confidence;
  return (
    <Tooltip title={`${value} ${CONFIDENCE_LABELS[c] ?? ''}`}>
      <Tag color={CONFIDENCE_COLORS[c] ?? 'default'}>{CONFIDENCE_SHORT[c] ?? value}</Tag>
    </Tooltip>
  );
}

/** A department type as a tag; null/'none' reads as courts or "not a campaign department". */
export function DepartmentTag({ value, fallback = '法院/其他' }: { value: string | null; fallback?: string }) {
  if (!value) return <Tag>{fallback}</Tag>;
  const label = DEPARTMENT_TYPE_LABELS[value as keyof typeof DEPARTMENT_TYPE_LABELS] ?? value;
  return <Tag color={value === 'none' ? 'default' : 'blue'}>{label}</Tag>;
}
