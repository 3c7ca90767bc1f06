import ExcelJS from 'exceljs';
import type { assess } from './assessment.service.js';

type Assessment = Awaited<ReturnType<typeof assess>>;
const THIN: Partial<ExcelJS.Borders> = { top: { style: 'thin' }, left: { style: 'thin' }, bottom: { style: 'thin' }, right: { style: 'thin' } };

/** 考核结果: one sheet per level (地区, 部门) — rank, score, and each indicator's value and rule. */
export async function assessmentWorkbook(a: Assessment): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = '物业服务专项整治监督平台';
  const sheet = (name: string, items: Array<{ name: string; score: number | null; rank: number | null; indicators: Assessment['items'][number]['indicators'] }>) => {
    const s = wb.addWorksheet(name);
    const keys = items[0]?.indicators ?? [];
    s.columns = [{ width: 8 }, { width: 26 }, { width: 10 }, ...keys.flatMap(() => [{ width: 14 }, { width: 26 }])];
    s.mergeCells(1, 1, 1, 3 + keys.length * 2);
    s.getCell(1, 1).value = `法治建设绩效考核（${a.regionName}，${a.from} 至 ${a.to}）`;
    s.getCell(1, 1).font = { name: '黑体', size: 14 };
    s.getCell(1, 1).alignment = { horizontal: 'center' };
    s.addRow(['排名', '名称', '得分', ...keys.flatMap((k) => [`${k.label}（权重${k.weight}）`, '计分规则'])]).font = { bold: true };
    for (const it of items) {
      s.addRow([
        it.rank ?? '不排名',
        it.name,
        it.score ?? '—',
        ...it.indicators.flatMap((i) => [i.value === null ? '尚无数据来源' : i.label.endsWith('数') ? i.value : `${(i.value * 100).toFixed(1)}%（${i.volume ?? 0}）`, i.rule]),
      ]);
    }
    s.eachRow((row, n) => {
      if (n >= 2) row.eachCell((c) => (c.border = THIN));
    });
  };
  sheet('地区', a.items.map((i) => ({ ...i, name: i.regionName })));
  sheet('部门', a.departments.map((d) => ({ ...d, name: d.name })));
  return Buffer.from(await wb.xlsx.writeBuffer());
}
