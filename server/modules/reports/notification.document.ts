import { AlignmentType, BorderStyle, Document, Footer, LineRuleType, Packer, PageNumber, Paragraph, Table, TableCell, TableRow, TextRun, VerticalAlign, WidthType } from 'docx';
import type { NotificationContent, NotificationEntry } from './notification.service.js';

/*
 * The 通报 as an editable .docx in official-document layout, as the enforcement notices
 * (GB/T 9704-2012 proportions): A4, margins top 37 / bottom 35 / left 28 / right 26 mm, red 版头
 * in 小标宋 with the 发文字号 and the red separator, title 2号 小标宋, body 3号 仿宋 at a fixed
 * 28 pt pitch, headings 黑体 "一、", the per-region table in 4号 仿宋, issuer and date (Arabic
 * numerals) right-aligned, page numbers "— 1 —" in 4号 宋体.
 */

const RED = 'C00000';
const FONT_TITLE = '方正小标宋简体';
const FONT_BODY = '仿宋_GB2312';
const FONT_HEI = '黑体';
const FONT_PAGE = '宋体';
const SIZE_HEADER = 60;
const SIZE_TITLE = 44;
const SIZE_BODY = 32;
const SIZE_SMALL = 24;
const SIZE_PAGE = 28;
const LINE = 560;
const mm = (v: number) => Math.round((v / 25.4) * 1440);
const font = (name: string) => ({ ascii: name, eastAsia: name, hAnsi: name, cs: name });

function para(text: string, opts: { indent?: boolean; fontName?: string; align?: (typeof AlignmentType)[keyof typeof AlignmentType] } = {}) {
  return new Paragraph({
    alignment: opts.align ?? AlignmentType.JUSTIFIED,
    spacing: { line: LINE, lineRule: LineRuleType.EXACT, before: 0, after: 0 },
    indent: opts.indent === false ? undefined : { firstLine: 640 },
    children: [new TextRun({ text, font: font(opts.fontName ?? FONT_BODY), size: SIZE_BODY })],
  });
}
const blank = () => new Paragraph({ spacing: { line: LINE, lineRule: LineRuleType.EXACT }, children: [new TextRun({ text: '', size: SIZE_BODY })] });
const pct = (n: number, d: number) => (d > 0 ? `${((n / d) * 100).toFixed(1)}%` : '—');
const arabicDate = (iso: string) => `${Number(iso.slice(0, 4))}年${Number(iso.slice(5, 7))}月${Number(iso.slice(8, 10))}日`;

const HEAD = ['地区', '阶段任务完成', '拉网检查覆盖', '线索办结率', '超期率', '满意率', '退单', '热线抽查不合格'];

function cells(e: NotificationEntry): string[] {
  return [
    e.regionName,
    e.tasks ? `${e.tasksDone}/${e.tasks}` : '—',
    e.dragnet ? pct(e.dragnet.inspected, e.dragnet.total) : '尚无数据来源',
    pct(e.closed, e.leads),
    pct(e.overdue, e.leads),
    pct(e.satisfied, e.rated),
    String(e.returns),
    e.hotline ? String(e.hotline.checked - e.hotline.passed) : '尚无数据来源',
  ];
}

function cell(text: string, bold = false) {
  return new TableCell({
    verticalAlign: VerticalAlign.CENTER,
    children: [new Paragraph({ alignment: AlignmentType.CENTER, children: [new TextRun({ text, font: font(bold ? FONT_HEI : FONT_BODY), size: SIZE_SMALL })] })],
  });
}

function table(entries: NotificationEntry[]) {
  return new Table({
    width: { size: 100, type: WidthType.PERCENTAGE },
    rows: [new TableRow({ tableHeader: true, children: HEAD.map((h) => cell(h, true)) }), ...entries.map((e) => new TableRow({ children: cells(e).map((t) => cell(t)) }))],
  });
}

export async function buildNotificationDocument(c: NotificationContent): Promise<Buffer> {
  const total = c.entries.reduce(
    (s, e) => ({ leads: s.leads + e.leads, closed: s.closed + e.closed, overdue: s.overdue + e.overdue, returns: s.returns + e.returns }),
    { leads: 0, closed: 0, overdue: 0, returns: 0 },
  );
  const laggards = [...c.entries].filter((e) => e.leads > 0).sort((a, b) => b.overdue / b.leads - a.overdue / a.leads).slice(0, 3);
  const named = c.entries.flatMap((e) => e.namedProblems.map((p) => ({ ...p, regionName: e.regionName })));
  const children: (Paragraph | Table)[] = [
    new Paragraph({ alignment: AlignmentType.CENTER, spacing: { after: 240 }, children: [new TextRun({ text: c.issuer, font: font(FONT_TITLE), size: SIZE_HEADER, color: RED })] }),
    new Paragraph({
      alignment: AlignmentType.CENTER,
      spacing: { line: LINE, lineRule: LineRuleType.EXACT, after: 120 },
      border: { bottom: { style: BorderStyle.SINGLE, size: 12, color: RED, space: 8 } },
      children: [new TextRun({ text: c.documentNumber ?? '〔    〕  号', font: font(FONT_BODY), size: SIZE_BODY })],
    }),
    blank(),
    new Paragraph({ alignment: AlignmentType.CENTER, spacing: { line: 700, lineRule: LineRuleType.EXACT }, children: [new TextRun({ text: c.title, font: font(FONT_TITLE), size: SIZE_TITLE })] }),
    blank(),
    para('各有关单位、部门：', { indent: false }),
    para(
      `现将${arabicDate(c.from)}至${arabicDate(c.to)}全${c.regionName}物业服务专项整治工作进展情况通报如下。期间共受理群众投诉举报线索${total.leads}件，已办结${total.closed}件，办结率${pct(total.closed, total.leads)}；超期未办结${total.overdue}件；退单${total.returns}次。`,
    ),
    para('一、各地工作进展', { fontName: FONT_HEI }),
    para('各地阶段任务完成、拉网式检查覆盖、线索办结、超期、满意度、退单和投诉电话抽查情况见下表。'),
    table(c.entries),
    blank(),
    para('二、存在的问题', { fontName: FONT_HEI }),
  ];
  if (laggards.length) children.push(para(`线索超期率较高的地区：${laggards.map((e) => `${e.regionName}（${pct(e.overdue, e.leads)}）`).join('、')}。`));
  if (named.length) {
    children.push(para('以下问题挂牌督办或逾期未整改，请相关地区督促整改到位：'));
    named.slice(0, 15).forEach((p, i) => {
      children.push(para(`${i + 1}. ${p.regionName}：${p.enterpriseName ?? ''}${p.title}（${p.code}，${p.reason}）。`));
    });
  } else children.push(para('本期无挂牌督办或逾期未整改的问题。'));
  children.push(
    para('三、下一步工作要求', { fontName: FONT_HEI }),
    para('各有关单位、部门要对照通报问题逐项整改，加快线索办理进度，严格落实办理时限，切实提升群众满意度，并按时报送月度工作汇总表。'),
    blank(),
    blank(),
  );
  const right = (text: string) =>
    new Paragraph({ alignment: AlignmentType.RIGHT, spacing: { line: LINE, lineRule: LineRuleType.EXACT }, indent: { right: 1280 }, children: [new TextRun({ text, font: font(FONT_BODY), size: SIZE_BODY })] });
  children.push(right(c.issuer), right(arabicDate(c.issuedOn)));

  const doc = new Document({
    creator: c.issuer,
    title: c.title,
    styles: { default: { document: { run: { font: font(FONT_BODY), size: SIZE_BODY } } } },
    sections: [
      {
        properties: { page: { size: { width: mm(210), height: mm(297) }, margin: { top: mm(37), bottom: mm(35), left: mm(28), right: mm(26), footer: mm(28) } } },
        footers: {
          default: new Footer({
            children: [new Paragraph({ alignment: AlignmentType.CENTER, children: [new TextRun({ children: ['— ', PageNumber.CURRENT, ' —'], font: font(FONT_PAGE), size: SIZE_PAGE })] })],
          }),
        },
        children,
      },
    ],
  });
  return Packer.toBuffer(doc);
}
