import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  DEFAULT_RESPONSIBILITY_RULES,
  normaliseForMatching,
  type ResponsibilityRules,
  type TriageResult,
  triage,
} from './triage.js';

interface LabelledLead {
  id: string;
  text: string;
  category: number;
  leadDepartment: string;
  coDepartments: string[];
  urgent: boolean;
}

const load = (name: string): LabelledLead[] =>
  readFileSync(new URL(`../../tests/fixtures/triage/${name}`, import.meta.url), 'utf8')
    .split('\n')
    .filter((l) => l.trim())
    .map((l) => JSON.parse(l) as LabelledLead);

const sameSet = (a: readonly string[], b: readonly string[]) => a.length === b.length && a.every((x) => b.includes(x));
const hasCue = (r: TriageResult, kind: string, matched: string) => r.cues.some((c) => c.kind === kind && c.matched === matched);

describe('SPEC §5 responsibility rules, applied in order', () => {
  it('rule 1: violence makes police lead even in a category-1 water cut, with housing co-handling', () => {
    const r = triage('来电人反映：物业以其欠费为由停其家中用水，来电人前去理论时被物业保安推搡殴打，目前仍未恢复供水，要求处理。');
    expect(r.category).toBe(1);
    expect(r.leadDepartment).toBe('police');
    expect(r.coDepartments).toEqual(['housing']);
    expect(r.urgent).toBe(true);
  });

  it('rule 1 outranks rule 2: a violent case that also asks for blacklisting is police-led, credit co-handles', () => {
    const r = triage('物业保安因为我投诉把我打伤了，这种物业必须列入黑名单！');
    expect(r.leadDepartment).toBe('police');
    expect(r.coDepartments).toEqual(expect.arrayContaining(['credit', 'housing']));
  });

  it('rule 2: an explicit blacklist request makes credit lead, the category department co-handles', () => {
    const r = triage('磨山景苑物业年年涨价，转供电还加价，被投诉无数次还是我行我素，建议列入失信名单联合惩戒！');
    expect(r.category).toBe(6);
    expect(r.leadDepartment).toBe('credit');
    expect(r.coDepartments).toEqual(['market']);
  });

  it('rule 3: a colluding 业委会 makes civil affairs lead, housing co-handles category 3', () => {
    const r = triage('来电人反映：楚天华府小区业委会与物业公司串通，在业主不知情的情况下续签物业服务合同，要求核实处理。');
    expect(r.category).toBe(3);
    expect(r.leadDepartment).toBe('civil');
    expect(r.coDepartments).toEqual(['housing']);
  });

  it('rule 3: a fee rise agreed by the 业委会 behind owners stays category 6, civil leads and market co-handles', () => {
    const r = triage('听涛花园业委会在未召开业主大会的情况下擅自与物业签订补充协议，同意将物业费上调25%，恳请纠正。');
    expect(r.category).toBe(6);
    expect(r.leadDepartment).toBe('civil');
    expect(r.coDepartments).toEqual(['market']);
  });

  it('rule 3 does not fire when the 业委会 is the victim or is being impersonated', () => {
    expect(triage('公共收益物业一分钱账都不公开，业委会要查也不给！').leadDepartment).toBe('housing');
    const r = triage('物业员工冒充业委会给业主打电话，骗取业主的身份证照片和银行卡信息，已经有人被骗钱了！');
    expect(r.leadDepartment).toBe('police');
    expect(r.coDepartments).not.toContain('civil');
  });

  it('rule 4: categories 1–4 go to housing and category 6 to market regulation', () => {
    expect(triage('紫薇小区12栋，物业停电逼我们交钱，现在还没电，急！')).toMatchObject({ category: 1, leadDepartment: 'housing' });
    expect(triage('物业把我们楼的架空层租出去开麻将馆了，业主根本不知道')).toMatchObject({ category: 2, leadDepartment: 'housing' });
    expect(triage('湖光里物业把业主的电话号码和房号全卖给了装修公司，严重泄露业主信息！')).toMatchObject({ category: 3, leadDepartment: 'housing' });
    expect(triage('东湖春晓的物业合同到期了还赖着不走，新物业进不来')).toMatchObject({ category: 4, leadDepartment: 'housing' });
    expect(triage('湖光里物业电费收1.2元一度！！转供电加价这么明目张胆？')).toMatchObject({ category: 6, leadDepartment: 'market' });
  });

  it('rule 4, category 5: fee and parking price disclosure goes to market, shared revenue / lift maintenance / complaint phone to housing', () => {
    expect(triage('来电人反映：清风苑小区物业收取临时停车费，但未公示收费标准和收费依据。')).toMatchObject({ category: 5, leadDepartment: 'market' });
    expect(triage('尊敬的领导：银杏湾物业以"涉及商业秘密"为由拒绝公开近三年公共收益收支明细。')).toMatchObject({ category: 5, leadDepartment: 'housing' });
    expect(triage('小区电梯的维保公司是哪家？物业说不知道，电梯里也没贴')).toMatchObject({ category: 5, leadDepartment: 'housing' });
    expect(triage('投诉电话都没有公示 物业前台电话永远占线')).toMatchObject({ category: 5, leadDepartment: 'housing' });
  });

  it('rule 4, category 5: a mixed disclosure failure is market-led with housing co-handling', () => {
    const r = triage('我们小区物业既不公示收费标准，也不公示电梯维保单位，要求全部公示！');
    expect(r).toMatchObject({ category: 5, leadDepartment: 'market', coDepartments: ['housing'] });
  });

  it('rule 5: "other" leads go to housing (service), civil (governance), police (third-party threats) or none', () => {
    expect(triage('紫薇小区的卫生太差了，垃圾桶几天不清，物业费照收不误！')).toMatchObject({ category: 0, leadDepartment: 'housing' });
    expect(triage('来电人反映：桂园新村小区业委会任期已满两年未换届，要求街道督促换届选举。')).toMatchObject({ category: 0, leadDepartment: 'civil' });
    expect(triage('来电人反映：其在小区停车时被一男子辱骂并威胁，对方非物业人员，要求公安机关处理。')).toMatchObject({ category: 0, leadDepartment: 'police', coDepartments: [] });
    expect(triage('开发商交的房子墙体开裂、窗户漏水，找开发商维修一直拖')).toMatchObject({ category: 0, leadDepartment: 'none' });
  });

  it('a campaign can edit the matrix: category 6 routed to housing and fee disclosure to housing', () => {
    const rules: ResponsibilityRules = {
      ...DEFAULT_RESPONSIBILITY_RULES,
      byCategory: { ...DEFAULT_RESPONSIBILITY_RULES.byCategory, 6: 'housing' },
      disclosure: { feeItems: 'housing', other: 'housing' },
    };
    expect(triage('湖光里物业电费收1.2元一度，转供电加价！', rules).leadDepartment).toBe('housing');
    expect(triage('来电人反映：物业未公示物业服务收费项目和收费标准。', rules).leadDepartment).toBe('housing');
  });
});

describe('co-departments', () => {
  it('category 6 with a power cut: market leads, housing co-handles, and it is urgent while the power is off', () => {
    const r = triage('物业水费加价，我不交差价就给我断电了，现在没电');
    expect(r).toMatchObject({ category: 6, leadDepartment: 'market', coDepartments: ['housing'], urgent: true });
  });

  it('a police-led theft complaint adds housing only when it also blames the property service', () => {
    expect(triage('我家快递在小区快递柜被人偷了').coDepartments).toEqual([]);
    expect(triage('来电人反映：小区地下车库近期多次发生电动车被盗，物业监控损坏未修，保安不巡逻。').coDepartments).toEqual(['housing']);
  });

  it('a lead department never appears among its own co-departments', () => {
    for (const l of load('devset.jsonl')) {
      const r = triage(l.text);
      expect(r.coDepartments).not.toContain(r.leadDepartment);
      expect(r.coDepartments).not.toContain('none');
    }
  });
});

describe('negations and look-alikes', () => {
  it('a water company repair is not a category-1 cut ("不是物业停的水")', () => {
    const r = triage('来电人反映：听涛花园小区今日上午突然停水，经了解不是物业停的水，是自来水公司管道抢修，来电人询问何时恢复供水。');
    expect(r).toMatchObject({ category: 0, leadDepartment: 'none', urgent: false });
    expect(r.cues.some((c) => c.kind === 'exclusion')).toBe(true);
  });

  it('lawful fee collection is category 0, housing, not urgent', () => {
    expect(triage('物业依法催缴物业费，发了催费通知，还说要去法院起诉我，物业能起诉业主吗？')).toMatchObject({ category: 0, leadDepartment: 'housing', urgent: false });
  });

  it('a landlord cutting a tenant’s power is category 0 and outside the campaign', () => {
    expect(triage('房东为了赶我走把水电都停了，合同还没到期！这种房东谁来管？')).toMatchObject({ category: 0, leadDepartment: 'none', urgent: false });
  });

  it('a neighbour’s noise is category 0 and outside the campaign', () => {
    expect(triage('楼上天天晚上十二点还在跺脚、拖椅子，跟他们说了也没用，快被逼疯了！')).toMatchObject({ category: 0, leadDepartment: 'none' });
  });

  it('praise is category 0 and outside the campaign', () => {
    expect(triage('表扬一下青山湾小区的物业！上周我家老人在家摔倒，物业管家第一时间送医，非常感谢！')).toMatchObject({ category: 0, leadDepartment: 'none' });
  });

  it('a threat to cut water is category 1 for housing, not a police matter, and not yet urgent', () => {
    expect(triage('物业威胁说这个月不交费就断水，能这样搞吗')).toMatchObject({ category: 1, leadDepartment: 'housing', urgent: false });
  });

  it('a negated act is not a cue ("没有打人")', () => {
    const r = triage('物业保安态度很差，但是没有打人，就是说话很冲');
    expect(r.leadDepartment).toBe('housing');
    expect(hasCue(r, 'exclusion', '打人')).toBe(true);
  });

  it('a fee rise passed by the owners’ assembly is a question for housing, not category 6', () => {
    expect(triage('物业开了业主大会，三分之二业主同意后把物业费从1.5调到1.8了，我没参加投票，这个有效吗？')).toMatchObject({ category: 0, leadDepartment: 'housing' });
  });

  it('the property’s own notified maintenance outage is category 0 for housing, not urgent', () => {
    expect(triage('东湖春晓物业因小区配电房检修，计划于本周六停电4小时，已提前张贴通知，来电人询问能否调整时间。')).toMatchObject({ category: 0, leadDepartment: 'housing', urgent: false });
  });

  it('someone impersonating the property company is a police matter, not a company act', () => {
    expect(triage('小区里有人冒充物业收"清洁费"，挨家挨户敲门收钱，我们问了物业说没这回事，大家小心诈骗！')).toMatchObject({ category: 0, leadDepartment: 'police' });
  });

  it('a developer’s price difference is not a 转供电 mark-up', () => {
    expect(triage('来电人反映：其购买的翠柳居小区商品房面积缩水，要求开发商退还差价。')).toMatchObject({ category: 0, leadDepartment: 'none' });
  });
});

describe('urgency: ongoing harm now', () => {
  it('a utility cut continuing now, in winter with an infant, is urgent', () => {
    expect(triage('来电人反映：翠柳居小区正值寒冬，物业以其欠缴取暖费为由停止其家中供暖已一周，家中有刚出生的婴儿，要求立即处理。').urgent).toBe(true);
  });

  it('a cut that has been restored is not urgent', () => {
    expect(triage('来电人反映：其于上周被物业以欠缴物业费为由停水两天，现已恢复，来电人要求追责。').urgent).toBe(false);
  });

  it('an announced but not yet executed cut is not urgent', () => {
    expect(triage('来电人反映：物业张贴通知，称对拖欠物业费超过半年的住户将停止供电，要求相关部门核实处理。').urgent).toBe(false);
  });

  it('someone trapped in a lift right now is urgent; a trapping last week is not', () => {
    expect(triage('清风苑2栋电梯困人了 已经半小时了 物业没人来').urgent).toBe(true);
    expect(triage('来电人反映：磨山景苑电梯维保单位及联系方式未公示，上周有人被困电梯后不知道该找谁。').urgent).toBe(false);
  });

  it('violence happening now is urgent; a past assault is not', () => {
    expect(triage('物业保安打人了！！在3栋门口，业主被打了头流血，快来').urgent).toBe(true);
    expect(triage('尊敬的领导：本人上周五晚被物业公司经理带人围堵殴打，已报警并就医。恳请依法严惩。此致敬礼').urgent).toBe(false);
  });

  it('disclosure and fee questions are never urgent', () => {
    expect(triage('物业费一平米多少钱都不贴出来，问了好几次都说按合同').urgent).toBe(false);
    expect(triage('新出的停车费标准从150涨到280，没开业主大会，物业自己说了算？').urgent).toBe(false);
  });

  it('a lead outside the campaign is never urgent (it is answered or referred, not dispatched)', () => {
    for (const l of load('devset.jsonl')) {
      const r = triage(l.text);
      if (r.leadDepartment === 'none') expect(r.urgent).toBe(false);
    }
  });
});

describe('cues explain the proposal', () => {
  it('lists the matched category phrase, e.g. 停水 for a category-1 cut', () => {
    const r = triage('湖光里5栋，物业以欠费为由停水，家里娃娃还要冲奶粉');
    expect(r.cues).toContainEqual({ kind: 'category', label: '停水/停电/停气/停暖', matched: '停水' });
    expect(hasCue(r, 'category', '欠费')).toBe(true);
  });

  it('lists the department rule that fired and the urgency reason', () => {
    const r = triage('物业经理带了几个社会人员在我家楼下说要给我点颜色看看，现在还没走，求助');
    expect(r.cues.some((c) => c.kind === 'department' && c.label === '威胁恐吓')).toBe(true);
    expect(r.cues.some((c) => c.kind === 'urgency')).toBe(true);
  });

  it('every matched cue is a verbatim substring of the text, with a known kind and a label', () => {
    for (const l of load('devset.jsonl')) {
      for (const c of triage(l.text).cues) {
        expect(l.text.includes(c.matched)).toBe(true);
        expect(['category', 'department', 'urgency', 'exclusion']).toContain(c.kind);
        expect(c.label.length).toBeGreaterThan(0);
      }
    }
  });

  it('normalisation keeps offsets: full-width punctuation, 冇 and the 物叶 typo map 1:1', () => {
    const text = '物叶把我屋里的水停了，说我冇交物业费！';
    expect(normaliseForMatching(text)).toHaveLength(text.length);
    expect(triage(text)).toMatchObject({ category: 1, leadDepartment: 'housing' });
  });

  it('is deterministic', () => {
    const t = '物业自己定了个"二次供水加压费"每户每月30，我们不交就把水停了，现在两天没水了！';
    expect(triage(t)).toEqual(triage(t));
  });
});

describe('accuracy floors (see docs/triage-accuracy.md)', () => {
  // The development set was used to tune the lexicon, so its floor is a regression guard, not a
  // generalisation estimate. The held-out set was written after tuning and is the honest estimate;
  // floors are the measured value minus 3 percentage points, rounded down.
  const measure = (leads: LabelledLead[]) => {
    let cat = 0;
    let lead = 0;
    let urg = 0;
    let co = 0;
    for (const l of leads) {
      const r = triage(l.text);
      if (r.category === l.category) cat++;
      if (r.leadDepartment === l.leadDepartment) lead++;
      if (r.urgent === l.urgent) urg++;
      if (sameSet(r.coDepartments, l.coDepartments)) co++;
    }
    const n = leads.length;
    return { category: cat / n, lead: lead / n, urgent: urg / n, co: co / n };
  };

  it('the development set (675 leads, tuned on) stays at or above 97% on every measure', () => {
    const dev = load('devset.jsonl');
    expect(dev.length).toBeGreaterThanOrEqual(300);
    const m = measure(dev);
    expect(m.category).toBeGreaterThanOrEqual(0.97);
    expect(m.lead).toBeGreaterThanOrEqual(0.97);
    expect(m.urgent).toBeGreaterThanOrEqual(0.97);
    expect(m.co).toBeGreaterThanOrEqual(0.97);
  });

  it('the held-out set stays at or above its measured floors (category 77%, lead 77%, urgent 88%, co 90%)', () => {
    const m = measure(load('holdout.jsonl'));
    expect(m.category).toBeGreaterThanOrEqual(0.77);
    expect(m.lead).toBeGreaterThanOrEqual(0.77);
    expect(m.urgent).toBeGreaterThanOrEqual(0.88);
    expect(m.co).toBeGreaterThanOrEqual(0.9);
  });

  it('runs well under the 10 ms budget per lead (mean below 1 ms)', () => {
    // Each lead's cost is its best of 3 runs, so a GC pause or a busy CI machine does not count
    // as engine time; the work per lead is deterministic.
    const dev = load('devset.jsonl');
    for (const l of dev) triage(l.text);
    const costs = dev.map((l) => {
      let best = Number.POSITIVE_INFINITY;
      for (let i = 0; i < 3; i++) {
        const s = performance.now();
        triage(l.text);
        best = Math.min(best, performance.now() - s);
      }
      return best;
    });
    const mean = costs.reduce((a, b) => a + b, 0) / costs.length;
    expect(mean).toBeLessThan(1);
    expect(Math.max(...costs)).toBeLessThan(10);
  });
});
