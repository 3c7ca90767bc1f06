import { describe, expect, it } from 'vitest';
import { replyQualityProblem } from './reply-quality.js';

describe('reply quality', () => {
  it('refuses short and template replies', () => {
    expect(replyQualityProblem('已处理')).toMatch(/过短/);
    expect(replyQualityProblem('您好，您反映的问题已处理，感谢您的监督。您好，您反映的问题已处理完毕，感谢您的支持！特此答复。')).toMatch(/套话/);
  });
  it('accepts a reply that says what was found and done', () => {
    expect(replyQualityProblem('经现场核查，物业确以欠费为由关闭3栋供水阀门，属实。我局已责令其立即恢复供水，当日下午已恢复，并约谈企业负责人。')).toBeNull();
  });
});
