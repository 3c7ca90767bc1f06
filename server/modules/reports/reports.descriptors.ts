import { assess, assessmentQuery } from './assessment.service.js';
import { assessmentWorkbook } from './assessment.xlsx.js';
import { buildNotificationDocument } from './notification.document.js';
import { computeNotification, draftInput } from './notification.service.js';
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

/** 通报 draft: the figures of a period per sub-region, as an editable official document. */
export const notificationReport = defineReport({
  id: 'notification',
  title: '专项整治工作进展通报',
  params: draftInput,
  permission: ['report:submit', 'report:review'],
  compute: computeNotification,
  render: { docx: buildNotificationDocument },
  fileName: (c) => `${c.title}（草稿）`,
});

/** 法治建设绩效考核: scores and ranking per region and department. */
export const assessmentReport = defineReport({
  id: 'assessment',
  title: '法治建设绩效考核',
  params: assessmentQuery,
  permission: 'report:read',
  compute: assess,
  render: { xlsx: assessmentWorkbook },
  fileName: (a) => `法治建设绩效考核-${a.regionName}-${a.from}至${a.to}`,
});

export const REPORTS = [monthlyReport, notificationReport, assessmentReport] as unknown as ReportDescriptor[];
