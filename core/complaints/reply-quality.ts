/**
 * Reply quality (SPEC §5: "reply quality: no template non-answers"). A reply released to a
 * complainant must say what was found and what was done: at least 30 characters, and more than
 * greetings and stock phrases ("已处理", "感谢您的监督").
 */
export const MIN_REPLY_CHARS = 30;
const MIN_SUBSTANCE_CHARS = 15;

const STOCK_PHRASES = [
  /您好/g,
  /你好/g,
  /尊敬的[^，,。]{0,8}/g,
  /您反映的(问题|情况|事项)/g,
  /(已|已经)(处理|解决|办理|整改|回复|转办|落实|知悉|收悉|受理)(完毕|完成)?/g,
  /处理完毕/g,
  /(感谢|谢谢)(您的)?(监督|支持|理解|配合|关注|反映)?/g,
  /特此(答复|回复)/g,
  /如有(疑问|问题)[^。]{0,20}/g,
  /此致|敬礼/g,
];

/** null when acceptable, else the reason in Chinese. */
export function replyQualityProblem(text: string): string | null {
  const compact = text.replace(/\s+/g, '');
  if ([...compact].length < MIN_REPLY_CHARS) {
    return `答复过短（${[...compact].length} 字）：请写明核查的情况、处理结果和依据，不少于 ${MIN_REPLY_CHARS} 字`;
  }
  let rest = compact;
  for (const re of STOCK_PHRASES) rest = rest.replace(re, '');
  rest = rest.replace(/[\p{P}\p{S}\d]+/gu, '');
  if ([...rest].length < MIN_SUBSTANCE_CHARS) {
    return '答复只有套话（如“已处理”“感谢监督”），请写明查实了什么、采取了什么措施、结果如何';
  }
  return null;
}
