import { and, eq, like } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { enterprises, problems, projects, regions } from '../../server/db/schema/index.js';
import { createTestContext, expectStatus, type TestContext } from '../helpers/app.js';

/* What the company sees of a ledger problem (issue 15): what to fix, not the regulator's internal judgement. */

let t: TestContext;
let officer: string;
let company: string;
let projectId: string;
let projectName: string;

beforeAll(async () => {
  t = await createTestContext();
  [officer, company] = await Promise.all(['district-housing', 'enterprise-user'].map((u) => t.login(u)));
  const [p] = await t.db
    .select({ id: projects.id, name: projects.name })
    .from(projects)
    .innerJoin(regions, eq(regions.id, projects.regionId))
    .innerJoin(enterprises, eq(enterprises.id, projects.enterpriseId))
    .where(and(like(regions.path, '%/420100-DH/%'), eq(enterprises.name, '武汉听涛物业服务有限公司')))
    .limit(1);
  projectId = p.id;
  projectName = p.name;
});
afterAll(() => t.close());

const post = (url: string, payload: unknown = {}) => t.as(officer, { method: 'POST', url, payload: payload as object });
const inDays = (n: number) => new Date(Date.now() + n * 86_400_000).toISOString().slice(0, 10);

describe('a problem opened from a complaint', () => {
  it('needs 整改措施, is titled from the findings, and shows the company the measures but no 建议执法措施', async () => {
    const { id } = expectStatus(await post('/api/complaints', { channel: 'phone', description: '小区3栋从昨天开始停水，物业说我家欠物业费就把水阀关了，到现在还没恢复', projectId, anonymous: true }), 201);
    expectStatus(await post(`/api/complaints/${id}/dispatch`), 200);
    expectStatus(await post(`/api/complaints/${id}/sign`), 200);
    const findings = { finding: 'substantiated', outcome: 'rectification_ordered', details: '经现场核查，物业以欠费为由关闭3栋供水阀门属实。', rectificationDeadline: inDays(10) };
    const missing = await post(`/api/complaints/${id}/findings`, findings);
    expect(missing.statusCode).toBe(422);
    expect(missing.json().error.details.fields.rectificationMeasures).toBeTruthy();
    const d = expectStatus(await post(`/api/complaints/${id}/findings`, { ...findings, rectificationMeasures: '当日恢复供水，不得以停水方式催缴物业费' }), 200);
    const [problem] = await t.db.select().from(problems).where(eq(problems.id, d.problemId));
    expect(problem.title).toBe(`${projectName}：物业以欠费为由关闭3栋供水阀门属实`);
    const seen = expectStatus(await t.as(company, { method: 'GET', url: `/api/problems/${d.problemId}` }), 200);
    expect(seen.measures).toBe('当日恢复供水，不得以停水方式催缴物业费');
    expect(seen.repeat.suggestedNextStep).toBeNull();
    expect(seen.repeat.suggestedNextStepLabel).toBeNull();
  });

  it('never shows the company the suggested enforcement step of a repeat offence, while staff see it', async () => {
    const [repeat] = await t.db
      .select({ id: problems.id })
      .from(problems)
      .innerJoin(enterprises, eq(enterprises.id, problems.enterpriseId))
      .where(and(eq(problems.repeatOffence, true), eq(enterprises.name, '武汉听涛物业服务有限公司')))
      .limit(1);
    expect(repeat).toBeTruthy();
    const staff = expectStatus(await t.as(officer, { method: 'GET', url: `/api/problems/${repeat.id}` }), 200);
    expect(staff.repeat.suggestedNextStep).not.toBeNull();
    const res = await t.as(company, { method: 'GET', url: `/api/problems/${repeat.id}` });
    const seen = expectStatus(res, 200);
    expect(seen.repeat.suggestedNextStep).toBeNull();
    expect(res.body).not.toContain(staff.repeat.suggestedNextStepLabel);
  });
});
