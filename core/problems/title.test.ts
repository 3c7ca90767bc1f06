import { describe, expect, it } from 'vitest';
import { problemTitleFromFindings } from './title.js';

describe('problemTitleFromFindings', () => {
  it('uses the place and the first sentence of the findings, without the lead-in', () => {
    expect(problemTitleFromFindings('湖光花园', '经现场核查，物业以欠费为由关闭3栋供水阀门属实。已责令恢复供水。')).toBe('湖光花园：物业以欠费为由关闭3栋供水阀门属实');
  });

  it('shortens a long sentence and works without a place', () => {
    const t = problemTitleFromFindings(null, '物业'.repeat(30));
    expect([...t].length).toBe(41);
    expect(t.endsWith('…')).toBe(true);
  });
});
