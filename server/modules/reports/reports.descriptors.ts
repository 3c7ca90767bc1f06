import { defineReport, type ReportDescriptor } from './report-descriptor.js';
import { getMonthly, monthlyQuery } from './monthly.service.js';
import { monthlyWorkbook } from './monthly.xlsx.js';

/** 附件2 专项整治月度工作汇总表 (with the roll-up sheet for a city or province). */
export const monthlyReport = defineReport({
  id: 'monthly',
  title: '专项整治月度工作汇总表（附件2）',
  params: monthlyQuery,
  permission: 'report:read',
  compute: getMonthly,
  render: { xlsx: monthlyWorkbook },
  fileName: (r) => `专项整治月度工作汇总表-${r.regionName}-${r.month}`,
});

export const REPORTS: ReportDescriptor[] = [monthlyReport as unknown as ReportDescriptor];
