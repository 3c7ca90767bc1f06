/**
 * Text normalisation shared by the triage model's features and the corpus builder (pure, no I/O).
 * Maps traditional characters to simplified ones (a small table of the characters that occur in
 * complaints), full-width ASCII to half-width, folds case and a few frequent typos/homophones, so
 * that 電被物業停了 and 电被物业停了 give the same features.
 */

/** Traditional → simplified, for characters common in property complaints. */
export const TRAD_TO_SIMP: Readonly<Record<string, string>> = Object.freeze(
  Object.fromEntries(
    [
      ...'業业電电氣气費费發发門门樓楼層层暖暖區区戶户這这裡里裏里說说讓让們们沒没頭头錢钱還还給给開开關关鎖锁斷断條条備备單单來来時时間间長长號号碼码場场書书會会員员務务報报處处應应該该對对嗎吗麼么為为與与從从經经過过種种樣样麗丽園园廣广車车庫库燈灯梯梯熱热讓让後后點点騙骗詐诈脅胁嚇吓擾扰洩泄漏漏資资訊讯網网絡络聯联繫系監监視视錄录護护衛卫權权個个啟启標标準准價价貴贵漲涨収收據据額额範范擇择續续約约聽听聞闻問问題题環环壞坏爛烂燒烧險险幫帮辦办區区縣县鎮镇社社鄰邻居居屬属負负責责實实際际現现狀状態态須须總总閥阀錶表蓋盖遷迁離离撤撤換换轉转讓让層层樓楼陽阳臺台機机構构紙纸貼贴規规劃划級级檔档案案圖图紀纪僅仅戰战財财産产產产幣币議议決决選选舉举簽签偽伪劃划孫孙兒儿歲岁醫医療疗藥药難难熱热涼凉飯饭燈灯氣气罰罚違违憑凭證证導导課课緊紧急急圍围堵堵毆殴傷伤罵骂殺杀嚇吓惡恶隱隐私私賣卖買买貨货驛驿遞递剩剩餘余',
    ]
      .join('')
      .match(/../gu)
      ?.map((pair) => [pair[0], pair[1]] as const)
      .filter(([t, s]) => t !== s) ?? [],
  ),
);

/** Frequent typos and homophones in complaint text → the intended word. */
const TYPO_FIXES: readonly (readonly [RegExp, string])[] = [
  [/物叶|勿业|物页|务业/g, '物业'],
  [/燃汽/g, '燃气'],
  [/冇得|冇/g, '没'],
  [/么事/g, '什么'],
];

/** Normalised text for features: simplified, half-width, lower-case, typos folded, spaces collapsed. */
export function normaliseText(text: string): string {
  let out = '';
  for (const ch of text) {
    const c = ch.charCodeAt(0);
    if (c >= 0xff01 && c <= 0xff5e) out += String.fromCharCode(c - 0xfee0);
    else if (c === 0x3000 || ch === '\n' || ch === '\r' || ch === '\t') out += ' ';
    else out += TRAD_TO_SIMP[ch] ?? ch;
  }
  out = out.toLowerCase();
  for (const [re, to] of TYPO_FIXES) out = out.replace(re, to);
  return out.replace(/ +/g, ' ').trim();
}
