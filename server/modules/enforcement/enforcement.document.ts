import {
  AlignmentType,
  BorderStyle,
  Document,
  Footer,
  LineRuleType,
  Packer,
  PageNumber,
  Paragraph,
  TextRun,
} from 'docx';
import { type EnforcementType, amountInWords, chineseDate } from '../../../core/enforcement/index.js';
import type { ActionDetail, RemedyBodies } from './enforcement.service.js';

/** What a decision names besides the action itself: 复议机关, court, and where a fine is paid (configuration). */
export interface DocumentContext extends RemedyBodies {
  payment: { bank: string; accountName: string; account: string };
}

/*
 * The notice as a .docx in official-document layout (GB/T 9704-2012 proportions): A4, margins
 * top 37 mm / bottom 35 mm / left 28 mm / right 26 mm (版心 156×225 mm), red issuing-unit header
 * (版头) in 小标宋, the document number centred under it, a red separator line, the title in
 * 2号 小标宋, body in 3号 仿宋 with a fixed 28 pt line pitch (22 lines per page), the issuing unit
 * and date (Chinese numerals) right-aligned, a seal placeholder, page numbers "— 1 —" in 4号 宋体.
 * Fonts are named, not embedded: Word on the client supplies 方正小标宋简体/仿宋_GB2312.
 */

const RED = 'C00000';
const FONT_TITLE = '方正小标宋简体';
const FONT_BODY = '仿宋_GB2312';
const FONT_HEI = '黑体';
const FONT_PAGE = '宋体';
/** Half-points: 2号 = 22 pt, 3号 = 16 pt, 4号 = 14 pt; 版头 ≈ 初号-sized 36 pt. */
const SIZE_HEADER = 72;
const SIZE_TITLE = 44;
const SIZE_BODY = 32;
const SIZE_PAGE = 28;
/** 28 pt fixed line pitch in twips. */
const LINE = 560;

/** Millimetres to twips, rounded (A4 = 11906 × 16838). */
const mm = (v: number) => Math.round((v / 25.4) * 1440);
const font = (name: string) => ({ ascii: name, eastAsia: name, hAnsi: name, cs: name });

function body(text: string, opts: { indent?: boolean; bold?: boolean; fontName?: string; align?: (typeof AlignmentType)[keyof typeof AlignmentType] } = {}) {
  return new Paragraph({
    alignment: opts.align ?? AlignmentType.JUSTIFIED,
    spacing: { line: LINE, lineRule: LineRuleType.EXACT, before: 0, after: 0 },
    // 首行缩进两字 (2 × 16 pt = 640 twips)
    indent: opts.indent === false ? undefined : { firstLine: 640 },
    children: [new TextRun({ text, font: font(opts.fontName ?? FONT_BODY), size: SIZE_BODY, bold: opts.bold })],
  });
}

const blank = () => new Paragraph({ spacing: { line: LINE, lineRule: LineRuleType.EXACT }, children: [new TextRun({ text: '', size: SIZE_BODY })] });

/**
 * The cited clause alone: a provision's summary may carry a note on neighbouring items of the same
 * article ("（同款（一）…，（二）…）") for the picker; the decision does not quote them.
 */
export function clauseText(summary: string): string {
  let out = summary;
  for (;;) {
    const start = out.search(/（同[条款项]/);
    if (start < 0) return out;
    let depth = 0;
    let end = out.length;
    for (let i = start; i < out.length; i++) {
      if (out[i] === '（') depth++;
      else if (out[i] === '）' && --depth === 0) {
        end = i + 1;
        break;
      }
    }
    out = out.slice(0, start) + out.slice(end);
  }
}

function requirementText(a: ActionDetail, ctx: DocumentContext): string[] {
  const type = a.type as EnforcementType;
  const amount = a.amount !== null ? `人民币${amountInWords(a.amount)}（¥${a.amount.toFixed(2)}）` : '';
  // 行政复议法 第20条 (60 日), 行政诉讼法 第46条 (6 个月), 行政处罚法 第73条 (不停止执行)
  const remedies = `如不服本决定，可以在收到本决定书之日起六十日内向${ctx.reviewBody}申请行政复议，或者在六个月内依法向${ctx.court}提起行政诉讼。申请行政复议或者提起行政诉讼期间，本决定不停止执行，法律另有规定的除外。`;
  const { bank, accountName, account } = ctx.payment;
  // 行政处罚法 第67条、第72条
  const payment = (what: string) =>
    `请自收到本决定书之日起十五日内，将${what}缴至${bank}（户名：${accountName}；账号：${account}），缴款时注明本决定书文号${a.documentNumber}，并将缴款凭证送交我单位。逾期不缴纳罚款的，每日按罚款数额的百分之三加处罚款。`;
  switch (type) {
    case 'rectification_order':
      return [
        `现责令你单位自收到本通知书之日起${a.deadlineDays ?? ''}个工作日内（即${a.deadline ? chineseDate(a.deadline) : ''}前）改正上述违法行为，并将整改情况书面报送我单位。`,
        '逾期不改正的，我单位将依法予以处理，并记入企业信用档案。',
      ];
    case 'warning_letter':
      return [
        `请你单位立即对照有关规定进行自查自纠${a.deadline ? `，于${chineseDate(a.deadline)}前完成整改并书面报告` : ''}。`,
        '如不及时纠正，我单位将依法责令改正并予以处理。',
      ];
    case 'interview':
      return ['请你单位法定代表人或主要负责人按通知时间、地点准时参加约谈，并携带相关材料，如实说明情况，提出整改措施。'];
    case 'warning':
      return ['根据上述规定，决定给予你单位警告的行政处罚。', remedies];
    case 'fine':
      return [`根据上述规定，决定对你单位处以罚款${amount}的行政处罚。`, payment('罚款'), remedies];
    case 'confiscation':
      return [`根据上述规定，决定没收你单位违法所得${amount}。`, payment('没收的违法所得'), remedies];
    case 'police_penalty':
      return [`根据上述规定，决定给予治安管理处罚${amount ? `，并处罚款${amount}` : ''}。`, ...(amount ? [payment('罚款')] : []), remedies];
    case 'criminal_referral':
      return [`上述行为涉嫌犯罪，依照《行政执法机关移送涉嫌犯罪案件的规定》，现将案件移送你机关依法处理${amount ? `（涉案金额${amount}）` : ''}。`];
  }
}

export function documentFileName(a: ActionDetail): string {
  return `${a.title}-${a.documentNumber}.docx`;
}

export async function buildActionDocument(a: ActionDetail, ctx: DocumentContext): Promise<Buffer> {
  const issuer = a.issuingUnitName;
  const children: Paragraph[] = [
    // 版头: red issuing-unit name + 文书 kind, centred
    new Paragraph({
      alignment: AlignmentType.CENTER,
      spacing: { before: 0, after: 240 },
      children: [new TextRun({ text: issuer, font: font(FONT_TITLE), size: SIZE_HEADER, color: RED })],
    }),
    // 发文字号, centred, with the red separator (版头中的分隔线) below it
    new Paragraph({
      alignment: AlignmentType.CENTER,
      spacing: { line: LINE, lineRule: LineRuleType.EXACT, after: 120 },
      border: { bottom: { style: BorderStyle.SINGLE, size: 12, color: RED, space: 8 } },
      children: [new TextRun({ text: a.documentNumber, font: font(FONT_BODY), size: SIZE_BODY })],
    }),
    blank(),
    new Paragraph({
      alignment: AlignmentType.CENTER,
      spacing: { line: 700, lineRule: LineRuleType.EXACT, after: 0 },
      children: [new TextRun({ text: a.title, font: font(FONT_TITLE), size: SIZE_TITLE })],
    }),
    blank(),
    // 主送: the enterprise
    body(`${a.enterpriseName}：`, { indent: false }),
  ];
  if (a.creditCode) children.push(body(`统一社会信用代码：${a.creditCode}`, { indent: true }));
  if (a.projectName) children.push(body(`涉及项目：${a.projectName}`, { indent: true }));

  children.push(body('一、违法事实', { fontName: FONT_HEI }));
  for (const para of a.facts.split(/\r?\n/).filter((p) => p.trim())) children.push(body(para.trim()));

  children.push(body('二、法律依据', { fontName: FONT_HEI }));
  if (a.legalBasis.length === 0) children.push(body('（无）'));
  a.legalBasis.forEach((l, i) => {
    children.push(body(`${a.legalBasis.length > 1 ? `${i + 1}. ` : ''}《${l.actTitle}》${l.article === '全文' ? '' : l.article}：${clauseText(l.summary)}`));
  });

  children.push(body(a.type === 'criminal_referral' ? '三、移送事项' : a.penalty ? '三、处罚决定' : '三、整改要求', { fontName: FONT_HEI }));
  for (const t of requirementText(a, ctx)) children.push(body(t));

  children.push(blank(), blank());
  // 发文机关署名 and 成文日期, right-aligned (右空四字), with the seal placeholder over them
  const right = (text: string) =>
    new Paragraph({
      alignment: AlignmentType.RIGHT,
      spacing: { line: LINE, lineRule: LineRuleType.EXACT },
      indent: { right: 1280 },
      children: [new TextRun({ text, font: font(FONT_BODY), size: SIZE_BODY })],
    });
  children.push(right('（印章）'), right(issuer), right(chineseDate(a.actionDate)));
  if (a.issuingUnitAddress || a.issuingUnitHotline) {
    children.push(blank());
    const contact = [a.issuingUnitAddress ? `地址：${a.issuingUnitAddress}` : null, a.issuingUnitHotline ? `联系电话：${a.issuingUnitHotline}` : null]
      .filter(Boolean)
      .join('　');
    children.push(
      new Paragraph({
        spacing: { line: LINE, lineRule: LineRuleType.EXACT },
        children: [new TextRun({ text: contact, font: font(FONT_BODY), size: SIZE_PAGE })],
      }),
    );
  }

  const doc = new Document({
    creator: issuer,
    title: `${a.title} ${a.documentNumber}`,
    description: `${a.title}（${a.enterpriseName}）`,
    styles: { default: { document: { run: { font: font(FONT_BODY), size: SIZE_BODY } } } },
    sections: [
      {
        properties: {
          page: {
            size: { width: mm(210), height: mm(297) },
            margin: { top: mm(37), bottom: mm(35), left: mm(28), right: mm(26), footer: mm(28) },
          },
        },
        footers: {
          default: new Footer({
            children: [
              new Paragraph({
                alignment: AlignmentType.CENTER,
                children: [
                  new TextRun({ children: ['— ', PageNumber.CURRENT, ' —'], font: font(FONT_PAGE), size: SIZE_PAGE }),
                ],
              }),
            ],
          }),
        },
        children,
      },
    ],
  });
  return Packer.toBuffer(doc);
}
