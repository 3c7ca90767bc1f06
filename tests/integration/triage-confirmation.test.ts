import { and, eq, isNotNull, like } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { projects, regions, triageCorrections } from '../../server/db/schema/index.js';
import { createTestContext, expectStatus, type TestContext } from '../helpers/app.js';

/* 人工确认 of the triage proposal (issue 15): nobody's confirmation is shown or counted before it is given. */

let t: TestContext;
let officer: string;
let projectId: string;

beforeAll(async () => {
  t = await createTestContext();
  officer = await t.login('district-housing');
  const [p] = await t.db
    .select({ id: projects.id })
    .from(projects)
    .innerJoin(regions, eq(regions.id, projects.regionId))
    .where(and(like(regions.path, '%/420100-DH/%'), isNotNull(projects.enterpriseId)))
    .limit(1);
  projectId = p.id;
});
afterAll(() => t.close());

const post = (url: string, payload: unknown = {}) => t.as(officer, { method: 'POST', url, payload: payload as object });
const newLead = async () =>
  expectStatus(await post('/api/complaints', { channel: 'phone', description: '物业以欠费为由停了我家的水，已经两天了', projectId, anonymous: true }), 201).id as string;

describe('triage confirmation', () => {
  it('is pending until an officer confirms; submitting the proposal unchanged confirms it without a correction', async () => {
    const id = await newLead();
    const fresh = expectStatus(await t.as(officer, { method: 'GET', url: `/api/complaints/${id}` }), 200);
    expect(fresh.triage.confirmedAt).toBeNull();
    const p = fresh.triage.proposal;
    const confirmed = expectStatus(await post(`/api/complaints/${id}/triage`, { category: p.category, leadDepartment: p.leadDepartment, coDepartments: p.coDepartments, urgent: p.urgent }), 200);
    expect(confirmed.triage.confirmedAt).not.toBeNull();
    expect(confirmed.triage.confirmedByName).toBeTruthy();
    expect(confirmed.triage.correctedAt).toBeNull();
    expect(await t.db.select().from(triageCorrections).where(eq(triageCorrections.complaintId, id))).toHaveLength(0);
  });

  it('counts dispatching with the proposal as confirming it', async () => {
    const id = await newLead();
    const d = expectStatus(await post(`/api/complaints/${id}/dispatch`, {}), 200);
    expect(d.triage.confirmedAt).not.toBeNull();
  });

  it('counts in the accuracy figures only leads someone confirmed or corrected', async () => {
    const before = expectStatus(await t.as(officer, { method: 'GET', url: '/api/triage/stats' }), 200).total as number;
    await newLead(); // nobody confirms it
    const confirmedId = await newLead();
    await post(`/api/complaints/${confirmedId}/dispatch`, {});
    const after = expectStatus(await t.as(officer, { method: 'GET', url: '/api/triage/stats' }), 200).total as number;
    expect(after - before).toBe(1);
  });
});
