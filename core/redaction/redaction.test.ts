import { describe, expect, it } from 'vitest';
import { idCheckChar, idNumberKind, redactPersonalData } from './index.js';

// Made-up ID numbers; check characters computed by hand with the GB 11643 weights.
const ID_OK = '420106199003071238';
const ID_OK_X = '11010519491231002X';
const ID_TYPO = '420106199003071234';

describe('ID number detection (GB 11643 check character)', () => {
  it('computes the check character', () => {
    expect(idCheckChar(ID_OK.slice(0, 17))).toBe('8');
    expect(idCheckChar(ID_OK_X.slice(0, 17))).toBe('X');
  });

  it('classifies valid, typo and non-ID numbers', () => {
    expect(idNumberKind(ID_OK)).toBe('valid');
    expect(idNumberKind(ID_OK_X.toLowerCase())).toBe('valid');
    expect(idNumberKind(ID_TYPO)).toBe('suspect');
    // all-digit 统一社会信用代码 (valid USCC) and numbers without a birth date are not IDs
    expect(idNumberKind('913502000728319549')).toBeNull();
    expect(idNumberKind('123456789012345678')).toBeNull();
    expect(idNumberKind('42010619901307123X')).toBeNull(); // month 13
  });
});

describe('redactPersonalData', () => {
  it('redacts a name after a cue word, a mobile and a room number; keeps the company', () => {
    const r = redactPersonalData('业主张三反映，武汉听涛物业服务有限公司3月停水，联系电话13900000001，住3栋2单元501室。');
    expect(r.text).toBe('业主张某反映，武汉听涛物业服务有限公司3月停水，联系电话[手机号码已隐去]，住某室。');
    expect(r.findings.map((f) => [f.kind, f.original])).toEqual([
      ['name', '张三'],
      ['mobile', '13900000001'],
      ['room', '3栋2单元501室'],
    ]);
    expect(r.findings[0]?.replacement).toBe('张某');
  });

  it('redacts ID numbers (valid and mistyped), compound surnames, dash-style rooms', () => {
    const r = redactPersonalData(`投诉人：欧阳娜娜，身份证号${ID_OK}，另一证件${ID_TYPO}，住听涛小区5-2-301。`);
    expect(r.text).toBe('投诉人：欧阳某，身份证号[身份证号已隐去]，另一证件[身份证号已隐去]，住听涛小区某室。');
    expect(r.findings.filter((f) => f.kind === 'id_number')).toHaveLength(2);
  });

  it('redacts names before 先生/女士 but keeps already anonymous forms', () => {
    const r = redactPersonalData('李小红女士和王五先生反映；住户王某称王先生已拨打027-59900022。');
    expect(r.text).toBe('李女士和王先生反映；住户王某称王先生已拨打[电话号码已隐去]。');
    expect(r.findings.map((f) => f.kind)).toEqual(['name', 'name', 'landline']);
  });

  it('redacts +86 mobiles with separators, landlines after cues, bare room numbers', () => {
    const r = redactPersonalData('来电人赵六，手机+86 139-0000-0002，电话：59900001，座机(027)59900023，1801室。');
    expect(r.text).toBe('来电人赵某，手机[手机号码已隐去]，电话：[电话号码已隐去]，座机[电话号码已隐去]，某室。');
  });

  it('does not redact company names, credit codes, addresses without rooms, amounts, dates or service numbers', () => {
    const text =
      '东湖路88号听涛小区3栋门口堆放杂物，武汉听涛物业服务有限公司（统一社会信用代码913502000728319549）未清理，' +
      '2026-03-01起罚款20000元，业主委员会、业主大会已知悉，可拨打12345或12315。';
    const r = redactPersonalData(text);
    expect(r.findings).toEqual([]);
    expect(r.text).toBe(text);
  });

  it('does not mistake a company after a cue word for a person', () => {
    const r = redactPersonalData('业主方圆物业有限公司员工与业主孙小梅发生争执。');
    expect(r.text).toBe('业主方圆物业有限公司员工与业主孙某发生争执。');
  });

  it('never redacts strings passed in keep', () => {
    const r = redactPersonalData('住户张大山物业服务中心负责人', { keep: ['张大山物业服务中心'] });
    expect(r.findings).toEqual([]);
  });

  it('handles empty text', () => {
    expect(redactPersonalData('')).toEqual({ text: '', findings: [] });
  });
});

describe('known names', () => {
  it('redacts a known resident name anywhere, without a cue word', () => {
    const r = redactPersonalData('经核实，孙小梅所反映的问题属实；孙小梅已收到答复。', { knownNames: ['孙小梅'] });
    expect(r.text).toBe('经核实，孙某所反映的问题属实；孙某已收到答复。');
    expect(r.findings).toHaveLength(2);
  });
});

describe('names found by a cue word', () => {
  it('are redacted at every later mention too', () => {
    const r = redactPersonalData('业主张三反映停水；张三联系电话13900000001。');
    expect(r.text).toBe('业主张某反映停水；张某联系电话[手机号码已隐去]。');
  });
});

describe('online contact handles', () => {
  it('removes e-mail addresses, WeChat ids and QQ numbers', () => {
    const r = redactPersonalData('业主留了邮箱 zhang.san@example.com，微信号：zs_2024abc，QQ 123456789，也可加微信13900000001。');
    expect(r.text).toBe('业主留了邮箱 [电子邮箱已隐去]，微信号：[微信号已隐去]，QQ [QQ号已隐去]，也可加微信[微信号已隐去]。');
    expect(r.findings.map((f) => f.kind)).toEqual(['email', 'wechat', 'qq', 'wechat']);
  });

  it('leaves a bare number without a QQ cue and a company e-mail-looking word without @ alone', () => {
    const r = redactPersonalData('共有 123456 元维修资金，见 example.com 公示。');
    expect(r.findings).toEqual([]);
  });
});
