import dayjs from 'dayjs';
import 'dayjs/locale/zh-cn';
import { chinaDate } from '../../core/working-days.js';

dayjs.locale('zh-cn');

export const fmtDateTime = (v?: string | Date | null) => (v ? dayjs(v).format('YYYY-MM-DD HH:mm') : '—');
export const fmtDate = (v?: string | Date | null) => (v ? dayjs(v).format('YYYY-MM-DD') : '—');
export { dayjs };

/** Today in China (Asia/Shanghai), whatever the browser's own time zone: default dates of forms. */
export const chinaToday = () => dayjs(chinaDate());
