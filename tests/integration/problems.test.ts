import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { and, eq } from 'drizzle-orm';
import { Document, Packer, Paragraph } from 'docx';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateUscc } from '../../core/uscc.js';
import { auditLog, creditEvents, enforcementActions, orgUnits, problems, regions } from '../../server/db/schema/index.js';
import { systemActor } from '../../server/http/actor.js';
import { addWorkingDays } from '../../server/modules/calendar/calendar.service.js';
import { todayInChina } from '../../server/modules/campaigns/campaigns.service.js';
import { openProblem } from '../../server/modules/problems/problems.service.js';
import { createTestContext, expectStatus, type TestContext } from '../helpers/app.js';
import { PNG_1PX, multipart, xlsxOf } from '../helpers/xlsx-upload.js';

let t: TestContext;
let dataDir: string;
let housing: string; // 东湖 coordinator + officer: problem:manage + problem:review
let inspector: string; // problem:manage + problem:review
let supervisor: string; // 依法治区办: complaint:supervise
let hongshan: string;
let company: string; // enterprise user of 武汉听涛物业服务有限公司
let companyId: string;
let companyProjectId: string;
let otherEnterpriseId: string;
let today: string;
let farDeadline: string;

const post = (cookie: string, url: string, payload: unknown = {}) => t.as(cookie, { method: 'POST', url, payload: payload as Record<string, unknown> });
const get = (cookie: string, url: string) => t.as(cookie, { method: 'GET', url });

async function newEnterprise(name: string): Promise<string> {
  const res = await post(housing, '/api/enterprises', { creditCode: generateUscc('420100'), name, regionCode: '420100-DH' });
  return expectStatus(res, 201).id;
}

async function create(payload: Record<string, unknown> = {}, cookie = housing) {
  return expectStatus(
    await post(cookie, '/api/problems', {
      source: 'inspection',
      enterpriseId: companyId,
      projectId: companyProjectId,
      category: 2,
      title: '擅自占用小区公共绿地设置收费停车位',
      description: '检查发现 3 号楼东侧绿地被改建为停车位并对外收费。',
      measures: '恢复绿地原状，公示公共收益。',
      deadline: farDeadline,
      ...payload,
    }),
    201,
  );
}

beforeAll(async () => {
  dataDir = mkdtempSync(join(tmpdir(), 'wy-problems-'));
  t = await createTestContext({ DATA_DIR: dataDir });
  [housing, inspector, supervisor, hongshan, company] = await Promise.all(
    ['district-housing', 'inspector-1', 'district-supervisor', 'other-district-housing', 'enterprise-user'].map((u) => t.login(u)),
  );
  companyId = expectStatus(await get(company, '/api/enterprises'), 200).items[0].id;
  companyProjectId = expectStatus(await get(housing, `/api/projects?enterpriseId=${companyId}&pageSize=1`), 200).items[0].id;
  otherEnterpriseId = await newEnterprise('武汉测试对照物业服务有限公司');
  today = todayInChina();
  farDeadline = await addWorkingDays(t.db, today, 20);
});
afterAll(async () => {
  await t.close();
  rmSync(dataDir, { recursive: true, force: true });
});

describe('problem lifecycle', () => {
  it('runs open → rectifying → submitted → review fail (rework) → resubmit → review pass → closed, with timeline and audit', async () => {
    const p = await create();
    expect(p).toMatchObject({ status: 'open', source: 'inspection', reworkCount: 0, enterpriseId: companyId, overdue: false });
    expect(p.code).toMatch(/^WT-\d{4}-\d{6}$/);
    expect(p.allowedActions).toContain('start');
    expect(p.allowedActions).not.toContain('close');

    // The company acknowledges and starts.
    const started = expectStatus(await post(company, `/api/problems/${p.id}/start`), 200);
    expect(started.status).toBe('rectifying');

    // Evidence upload (multipart) by the company, then submission.
    const up = multipart([{ name: '整改后照片.png', data: PNG_1PX, type: 'image/png' }]);
    const file = expectStatus(await t.as(company, { method: 'POST', url: `/api/problems/${p.id}/attachments`, payload: up.payload, headers: up.headers }), 201);
    expect(file.fileId).toMatch(/[0-9a-f-]{36}/);
    const submitted = expectStatus(await post(company, `/api/problems/${p.id}/submit`, { text: '已拆除停车位，恢复绿地。', fileIds: [file.fileId] }), 200);
    expect(submitted.status).toBe('submitted');
    expect(submitted.submissions[0].files[0].name).toBe('整改后照片.png');
    const dl = await get(housing, `/api/problems/${p.id}/attachments/${file.fileId}`);
    expect(dl.statusCode).toBe(200);
    expect(dl.headers['content-type']).toContain('image/png');
    const [logged] = await t.db.select().from(auditLog).where(and(eq(auditLog.action, 'problem.attachment.download'), eq(auditLog.entityId, p.id)));
    expect(logged.after).toMatchObject({ fileId: file.fileId, name: '整改后照片.png' });

    // Closing without a recorded review is refused.
    const early = await post(housing, `/api/problems/${p.id}/close`, {});
    expect(early.statusCode).toBe(409);
    expect(early.json().error.message).toContain('回头看');
    expect(expectStatus(await get(housing, `/api/problems/${p.id}`), 200).allowedActions).not.toContain('close');

    // Review fails → back to rectifying, rework counted.
    const failed = expectStatus(await post(housing, `/api/problems/${p.id}/review`, { method: 'on_site', result: 'fail', note: '绿地未完全恢复' }), 200);
    expect(failed).toMatchObject({ status: 'rectifying', reworkCount: 1 });
    expect((await post(housing, `/api/problems/${p.id}/close`, {})).statusCode).toBe(409);

    expectStatus(await post(company, `/api/problems/${p.id}/submit`, { text: '已补种草皮。' }), 200);
    const passed = expectStatus(await post(inspector, `/api/problems/${p.id}/review`, { method: 'documents', result: 'pass', note: '资料齐全' }), 200);
    expect(passed.status).toBe('submitted');
    expect(passed.allowedActions).toContain('close');
    const closed = expectStatus(await post(housing, `/api/problems/${p.id}/close`, { note: '整改到位，予以销号' }), 200);
    expect(closed.status).toBe('closed');
    expect(closed.closedAt).not.toBeNull();
    expect(closed.allowedActions).toEqual([]);
    expect(closed.reviews.map((r: { result: string }) => r.result)).toEqual(['fail', 'pass']);
    expect(closed.timeline.map((e: { action: string }) => e.action)).toEqual(['open', 'start', 'submit', 'review', 'submit', 'review', 'close']);
    expect(closed.timeline[1]).toMatchObject({ byEnterprise: true, fromStatus: 'open', toStatus: 'rectifying' });
    expect(closed.timeline[2].attachments).toHaveLength(1);

    // Nothing more once closed.
    for (const [action, body] of [
      ['rework', { reason: 'x' }],
      ['submit', { text: 'x' }],
      ['start', {}],
    ] as const) {
      expect((await post(housing, `/api/problems/${p.id}/${action}`, body)).statusCode).toBe(409);
    }
    const audits = await t.db.select({ action: auditLog.action }).from(auditLog).where(eq(auditLog.entityId, p.id));
    expect(audits.map((a) => a.action)).toEqual(expect.arrayContaining(['problem.open', 'problem.start', 'problem.submit', 'problem.review', 'problem.close']));
  });

  it('refuses transitions not allowed in the current state and actions by the wrong party', async () => {
    const p = await create();
    expect((await post(housing, `/api/problems/${p.id}/submit`, { text: '已整改' })).statusCode).toBe(409); // open: start first
    expect((await post(housing, `/api/problems/${p.id}/review`, { method: 'on_site', result: 'pass' })).statusCode).toBe(409);
    expect((await post(housing, `/api/problems/${p.id}/close`, {})).statusCode).toBe(409);
    expect((await post(housing, `/api/problems/${p.id}/rework`, { reason: '返工' })).statusCode).toBe(409);
    expectStatus(await post(housing, `/api/problems/${p.id}/start`), 200);
    expect((await post(housing, `/api/problems/${p.id}/start`)).statusCode).toBe(409);
    expect((await post(housing, `/api/problems/${p.id}/review`, { method: 'on_site', result: 'pass' })).statusCode).toBe(409);
    expect((await post(housing, `/api/problems/${p.id}/rework`, { reason: '返工' })).statusCode).toBe(409);
    expectStatus(await post(company, `/api/problems/${p.id}/submit`, { text: '已整改' }), 200);
    // The company may not review, close or send back its own work.
    expect((await post(company, `/api/problems/${p.id}/review`, { method: 'documents', result: 'pass' })).statusCode).toBe(403);
    expect((await post(company, `/api/problems/${p.id}/close`, {})).statusCode).toBe(403);
    expect((await post(company, `/api/problems/${p.id}/rework`, { reason: 'x' })).statusCode).toBe(403);
    // Validation: unknown review method → 422.
    expect((await post(housing, `/api/problems/${p.id}/review`, { method: 'phone', result: 'pass' })).statusCode).toBe(422);
  });

  it('refuses a review by the submitter and accepts one by someone else', async () => {
    const p = await create();
    expectStatus(await post(housing, `/api/problems/${p.id}/start`), 200);
    expectStatus(await post(housing, `/api/problems/${p.id}/submit`, { text: '街道代为报送整改情况' }), 200);
    const detail = expectStatus(await get(housing, `/api/problems/${p.id}`), 200);
    expect(detail.allowedActions).not.toContain('review');
    const self = await post(housing, `/api/problems/${p.id}/review`, { method: 'on_site', result: 'pass' });
    expect(self.statusCode).toBe(409);
    expect(self.json().error.message).toContain('报送人以外');
    expect(expectStatus(await get(inspector, `/api/problems/${p.id}`), 200).allowedActions).toContain('review');
    expectStatus(await post(inspector, `/api/problems/${p.id}/review`, { method: 'on_site', result: 'pass' }), 200);
    // A second review of the same submission is refused.
    expect((await post(housing, `/api/problems/${p.id}/review`, { method: 'on_site', result: 'fail' })).statusCode).toBe(409);
  });

  it('counts rework, and a pass on an earlier submission does not allow closing a newer one', async () => {
    const p = await create();
    expectStatus(await post(company, `/api/problems/${p.id}/start`), 200);
    expectStatus(await post(company, `/api/problems/${p.id}/submit`, { text: '第一次报送' }), 200);
    expectStatus(await post(housing, `/api/problems/${p.id}/review`, { method: 'documents', result: 'pass' }), 200);
    const back = expectStatus(await post(inspector, `/api/problems/${p.id}/rework`, { reason: '群众再次反映，复核不到位' }), 200);
    expect(back).toMatchObject({ status: 'rectifying', reworkCount: 1 });
    expectStatus(await post(company, `/api/problems/${p.id}/submit`, { text: '第二次报送' }), 200);
    const refused = await post(housing, `/api/problems/${p.id}/close`, {});
    expect(refused.statusCode).toBe(409);
    const again = expectStatus(await post(housing, `/api/problems/${p.id}/rework`, { reason: '照片不清晰' }), 200);
    expect(again.reworkCount).toBe(2);
    const [row] = await t.db.select({ reworkCount: problems.reworkCount }).from(problems).where(eq(problems.id, p.id));
    expect(row?.reworkCount).toBe(2);
  });

  it('takes Word and Excel documents as evidence besides photos and PDF; other files are refused', async () => {
    const a = await create();
    const docx = await Packer.toBuffer(new Document({ sections: [{ children: [new Paragraph('整改情况报告：已公示收费标准。')] }] }));
    const upload = (name: string, data: Buffer) => {
      const up = multipart([{ name, data }]);
      return t.as(housing, { method: 'POST', url: `/api/problems/${a.id}/attachments`, payload: up.payload, headers: up.headers });
    };
    expectStatus(await upload('整改报告.docx', docx), 201);
    expectStatus(await upload('整改台账.xlsx', await xlsxOf([['项目', '完成情况'], ['公示', '已完成']])), 201);
    const refused = expectStatus(await upload('说明.txt', Buffer.from('纯文本说明')), 422);
    expect(JSON.stringify(refused)).toContain('Word（.docx）');
  });

  it('refuses a submission with a file that belongs to another problem', async () => {
    const a = await create();
    const b = await create();
    const up = multipart([{ name: 'a.png', data: PNG_1PX, type: 'image/png' }]);
    const file = expectStatus(await t.as(housing, { method: 'POST', url: `/api/problems/${a.id}/attachments`, payload: up.payload, headers: up.headers }), 201);
    expectStatus(await post(company, `/api/problems/${b.id}/start`), 200);
    expect((await post(company, `/api/problems/${b.id}/submit`, { text: 'x', fileIds: [file.fileId] })).statusCode).toBe(422);
    expect((await get(company, `/api/problems/${b.id}/attachments/${file.fileId}`)).statusCode).toBe(404);
  });
});

describe('deadlines on the working-day calendar', () => {
  it('flags overdue (today > deadline, not closed) and due soon (≤ 3 working days)', async () => {
    const soon = await create({ deadline: await addWorkingDays(t.db, today, 2) });
    const later = await create({ deadline: await addWorkingDays(t.db, today, 5) });
    const late = await create();
    const yesterday = new Date(Date.parse(`${today}T00:00:00Z`) - 86_400_000).toISOString().slice(0, 10);
    await t.db.update(problems).set({ deadline: yesterday }).where(eq(problems.id, late.id));

    const s = expectStatus(await get(housing, `/api/problems/${soon.id}`), 200);
    expect(s).toMatchObject({ dueSoon: true, overdue: false, workingDaysLeft: 2 });
    expect(expectStatus(await get(housing, `/api/problems/${later.id}`), 200)).toMatchObject({ dueSoon: false, overdue: false, workingDaysLeft: 5 });
    const l = expectStatus(await get(housing, `/api/problems/${late.id}`), 200);
    expect(l).toMatchObject({ overdue: true, dueSoon: false });

    const overdueList = expectStatus(await get(housing, '/api/problems?overdue=true&pageSize=200'), 200);
    const ids = overdueList.items.map((i: { id: string }) => i.id);
    expect(ids).toContain(late.id);
    expect(ids).not.toContain(soon.id);
    expect(overdueList.items.every((i: { overdue: boolean }) => i.overdue)).toBe(true);
    const dueSoonIds = expectStatus(await get(housing, '/api/problems?dueSoon=true&pageSize=200'), 200).items.map((i: { id: string }) => i.id);
    expect(dueSoonIds).toContain(soon.id);
    expect(dueSoonIds).not.toContain(later.id);
    expect(dueSoonIds).not.toContain(late.id);

    // An extension can no longer be requested after the deadline.
    const ext = await post(company, `/api/problems/${late.id}/extension-request`, { days: 5, reason: '材料采购周期长' });
    expect(ext.statusCode).toBe(409);
    expect(ext.json().error.message).toContain('期限');
  });

  it('handles an extension request before the deadline: working-day date, one pending, approval moves the deadline', async () => {
    const p = await create();
    const r = expectStatus(await post(company, `/api/problems/${p.id}/extension-request`, { days: 5, reason: '需业主大会表决' }), 200);
    const ext = r.extensions[0];
    expect(ext).toMatchObject({ status: 'pending', days: 5, previousDeadline: farDeadline, requestedDeadline: await addWorkingDays(t.db, farDeadline, 5) });
    expect((await post(company, `/api/problems/${p.id}/extension-request`, { days: 3, reason: '再申请' })).statusCode).toBe(409);
    expect((await post(company, `/api/problems/${p.id}/extension-decision`, { extensionId: ext.id, approve: true })).statusCode).toBe(403);
    const approved = expectStatus(await post(housing, `/api/problems/${p.id}/extension-decision`, { extensionId: ext.id, approve: true, note: '同意' }), 200);
    expect(approved.deadline).toBe(ext.requestedDeadline);
    expect(approved.extensions[0].status).toBe('approved');

    // Refusal leaves the deadline; the requester may not decide their own request.
    const q = await create();
    const mine = expectStatus(await post(housing, `/api/problems/${q.id}/extension-request`, { days: 2, reason: '代企业申请' }), 200).extensions[0];
    expect((await post(housing, `/api/problems/${q.id}/extension-decision`, { extensionId: mine.id, approve: true })).statusCode).toBe(409);
    const refused = expectStatus(await post(inspector, `/api/problems/${q.id}/extension-decision`, { extensionId: mine.id, approve: false, note: '理由不充分' }), 200);
    expect(refused.deadline).toBe(farDeadline);
    expect(refused.extensions[0].status).toBe('refused');
  });

  it('lets the rule-of-law office list a problem for supervision (挂牌督办) with its own deadline', async () => {
    const p = await create();
    const deadline = await addWorkingDays(t.db, today, 10);
    expect((await post(housing, `/api/problems/${p.id}/supervise`, { deadline })).statusCode).toBe(403);
    const s = expectStatus(await post(supervisor, `/api/problems/${p.id}/supervise`, { deadline, note: '限期办结并报告' }), 200);
    expect(s).toMatchObject({ supervised: true, supervisionDeadline: deadline, supervisionNote: '限期办结并报告' });
    const list = expectStatus(await get(housing, '/api/problems?supervised=true&pageSize=200'), 200);
    expect(list.items.map((i: { id: string }) => i.id)).toContain(p.id);
    expect(list.items.every((i: { supervised: boolean }) => i.supervised)).toBe(true);
    // the supervision deadline binds when it is earlier: once it has passed the problem is overdue
    expect(expectStatus(await get(housing, `/api/problems/${p.id}`), 200).overdue).toBe(false);
    await t.db.update(problems).set({ supervisionDeadline: '2026-01-05' }).where(eq(problems.id, p.id));
    expect(expectStatus(await get(housing, `/api/problems/${p.id}`), 200).overdue).toBe(true);
    const overdue = expectStatus(await get(housing, '/api/problems?overdue=true&pageSize=200'), 200);
    expect(overdue.items.find((i: { id: string }) => i.id === p.id)).toMatchObject({ overdue: true });
  });
});

describe('company side and jurisdiction', () => {
  it('shows the company what staff wrote with residents’ names, phones and rooms removed; staff see it whole', async () => {
    const p = await create();
    const note = '业主王小明（13900001234，3栋2单元501室）多次反映未整改，限期办结并报告';
    const deadline = await addWorkingDays(t.db, today, 10);
    expectStatus(await post(supervisor, `/api/problems/${p.id}/supervise`, { deadline, note }), 200);
    const staffView = expectStatus(await get(housing, `/api/problems/${p.id}`), 200);
    expect(staffView.supervisionNote).toBe(note);
    const companyView = expectStatus(await get(company, `/api/problems/${p.id}`), 200);
    const seen = JSON.stringify(companyView);
    for (const secret of ['王小明', '13900001234', '501室']) expect(seen).not.toContain(secret);
    expect(companyView.supervisionNote).toContain('限期办结并报告');
  });

  it('shows an enterprise user only its own company; another company’s problem is 404 for reads and actions', async () => {
    const own = await create();
    const other = await create({ enterpriseId: otherEnterpriseId, projectId: null });
    const list = expectStatus(await get(company, '/api/problems?pageSize=200'), 200);
    expect(list.items.length).toBeGreaterThan(0);
    expect(list.items.every((i: { enterpriseId: string }) => i.enterpriseId === companyId)).toBe(true);
    expect(list.items.map((i: { id: string }) => i.id)).toContain(own.id);
    // Filtering by another company does not widen the scope.
    expect(expectStatus(await get(company, `/api/problems?enterpriseId=${otherEnterpriseId}`), 200).total).toBe(0);
    expect((await get(company, `/api/problems/${other.id}`)).statusCode).toBe(404);
    expect((await post(company, `/api/problems/${other.id}/start`)).statusCode).toBe(404);
    expect((await post(company, `/api/problems/${other.id}/objection`, { reason: '不是我司项目' })).statusCode).toBe(404);
    // Enterprise users cannot open problems.
    expect((await post(company, '/api/problems', { source: 'inspection', enterpriseId: companyId, category: 1, title: 'x', description: 'x', deadline: farDeadline })).statusCode).toBe(403);
  });

  it('answers 404 to 洪山 staff for a 东湖 problem and keeps it out of their list', async () => {
    const p = await create();
    expect((await get(hongshan, `/api/problems/${p.id}`)).statusCode).toBe(404);
    expect((await post(hongshan, `/api/problems/${p.id}/start`)).statusCode).toBe(404);
    const up = multipart([{ name: 'x.png', data: PNG_1PX, type: 'image/png' }]);
    expect((await t.as(hongshan, { method: 'POST', url: `/api/problems/${p.id}/attachments`, payload: up.payload, headers: up.headers })).statusCode).toBe(404);
    const list = expectStatus(await get(hongshan, '/api/problems?pageSize=200'), 200);
    expect(list.items.map((i: { id: string }) => i.id)).not.toContain(p.id);
    // A region filter outside the caller's subtree selects nothing.
    expect(expectStatus(await get(hongshan, '/api/problems?region=420100-DH'), 200).total).toBe(0);
    // And 洪山 cannot open a problem in 东湖.
    expect((await post(hongshan, '/api/problems', { source: 'inspection', regionCode: '420100-DH', enterpriseId: companyId, category: 1, title: 'x', description: 'x', deadline: farDeadline })).statusCode).toBe(404);
  });

  it('lets the company object; staff decide; staff cannot raise an objection', async () => {
    const p = await create();
    expect((await post(housing, `/api/problems/${p.id}/objection`, { reason: 'x' })).statusCode).toBe(403);
    const o = expectStatus(await post(company, `/api/problems/${p.id}/objection`, { reason: '该绿地已于去年经业主大会同意改建' }), 200);
    expect(o.objections[0].status).toBe('pending');
    expect((await post(company, `/api/problems/${p.id}/objection`, { reason: '重复' })).statusCode).toBe(409);
    const d = expectStatus(await post(housing, `/api/problems/${p.id}/objection-decision`, { objectionId: o.objections[0].id, uphold: false, note: '未提供表决材料' }), 200);
    expect(d.objections[0]).toMatchObject({ status: 'rejected', decisionNote: '未提供表决材料' });
    expect(d.timeline.map((e: { action: string }) => e.action)).toEqual(['open', 'objection', 'objection_decision']);
  });

  it('never shows complainant data to the enterprise: a problem opened from a complaint is redacted and unlinked', async () => {
    const lead = expectStatus(
      await post(housing, '/api/complaints', { channel: 'phone', description: '物业以欠费为由停水三天，住户生活困难', contactName: '张小明', contactPhone: '13900001234' }),
      201,
    );
    const complaintId: string = lead.id;
    const dhRegionId = (await regionIdOf('420100-DH')) as number;
    const opened = await t.db.transaction((tx) =>
      openProblem(tx, systemActor('complaints', '/', []), {
        source: 'complaint',
        sourceId: complaintId,
        complaintId,
        regionId: dhRegionId,
        projectId: companyProjectId,
        enterpriseId: null,
        category: 1,
        title: '业主张小明反映物业停水',
        description: '投诉人张小明（电话13900001234，住3栋2单元501室）反映物业以欠费为由停水，身份证号420102199001011234。',
        deadline: farDeadline,
      }),
    );
    expect(opened.code).toMatch(/^WT-/);
    const [row] = await t.db.select().from(problems).where(eq(problems.id, opened.id));
    expect(row?.enterpriseId).toBe(companyId); // taken from the project
    expect(row?.complaintId).toBe(complaintId);
    for (const secret of ['13900001234', '张小明', '501室', '420102199001011234']) {
      expect(row?.description).not.toContain(secret);
      expect(row?.title).not.toContain(secret);
    }
    const res = await get(company, `/api/problems/${opened.id}`);
    expect(res.statusCode).toBe(200);
    expect(res.body).not.toContain('13900001234');
    expect(res.body).not.toContain('张小明');
    expect(res.body).not.toContain(complaintId);
    expect(res.json()).toMatchObject({ source: 'complaint', complaintId: null, sourceId: null });
    // Staff still see the link to the complaint.
    expect(expectStatus(await get(housing, `/api/problems/${opened.id}`), 200).complaintId).toBe(complaintId);
  });
});

async function regionIdOf(code: string) {
  const [r] = await t.db.select({ id: regions.id }).from(regions).where(eq(regions.code, code));
  return r?.id;
}

describe('objection upheld → withdrawn (已撤销)', () => {
  it('withdraws the problem, lapses a pending extension, annuls its repeat-offence credit event, and then refuses every action', async () => {
    // Two problems of the same category for the demo company: the second is a repeat offence with a credit event.
    await create({ category: 6, projectId: null });
    const p = await create({ category: 6, projectId: null });
    expect(p.repeatOffence).toBe(true);
    const [ev0] = await t.db.select().from(creditEvents).where(and(eq(creditEvents.sourceType, 'problem'), eq(creditEvents.sourceId, p.id)));
    expect(ev0).toMatchObject({ type: 'repeat_offence', objectionStatus: 'none' });
    const scoreBefore = expectStatus(await get(housing, `/api/enterprises/${companyId}/credit`), 200).score;

    expectStatus(await post(company, `/api/problems/${p.id}/start`), 200);
    expectStatus(await post(company, `/api/problems/${p.id}/extension-request`, { days: 5, reason: '等待业主大会表决' }), 200);
    const o = expectStatus(await post(company, `/api/problems/${p.id}/objection`, { reason: '该问题已由区市场监管局另案处理，不属我司责任' }), 200);
    const d = expectStatus(
      await post(housing, `/api/problems/${p.id}/objection-decision`, { objectionId: o.objections[0].id, uphold: true, note: '经核实属实' }),
      200,
    );
    expect(d).toMatchObject({ status: 'withdrawn', statusLabel: '已撤销', overdue: false, dueSoon: false, workingDaysLeft: null, allowedActions: [] });
    expect(d.objections[0]).toMatchObject({ status: 'upheld', decisionNote: '经核实属实' });
    expect(d.extensions[0].status).toBe('refused');
    const last = d.timeline.at(-1);
    expect(last).toMatchObject({ action: 'objection_decision', fromStatus: 'rectifying', toStatus: 'withdrawn' });
    expect(last.note).toContain('撤销');

    // Audit rows in the same transaction: the problem's decision and the annulled credit event.
    const [audit] = await t.db.select().from(auditLog).where(and(eq(auditLog.entityId, p.id), eq(auditLog.action, 'problem.objection_decision')));
    expect(audit?.after).toMatchObject({ uphold: true, status: 'withdrawn', annulledCreditEventIds: [ev0?.id] });
    expect(audit?.before).toMatchObject({ status: 'rectifying' });
    const [ev1] = await t.db.select().from(creditEvents).where(eq(creditEvents.id, ev0?.id as string));
    expect(ev1?.objectionStatus).toBe('upheld');
    expect(ev1?.objectionDecisionNote).toContain(p.code);
    const creditAudit = await t.db.select().from(auditLog).where(and(eq(auditLog.entityId, ev0?.id as string), eq(auditLog.action, 'credit.objection.decide')));
    expect(creditAudit).toHaveLength(1);
    const credit = expectStatus(await get(housing, `/api/enterprises/${companyId}/credit`), 200);
    expect(credit.events.find((e: { id: string }) => e.id === ev0?.id)).toMatchObject({ objectionStatus: 'upheld', counts: false });
    expect(credit.score).toBe(scoreBefore - (ev0?.points as number));

    // Terminal: every action is refused with 409, by the company and by staff.
    for (const [cookie, path, body] of [
      [company, 'submit', { text: '已整改' }],
      [company, 'start', {}],
      [company, 'objection', { reason: '再次异议' }],
      [company, 'extension-request', { days: 3, reason: '延期' }],
      [housing, 'close', {}],
      [housing, 'rework', { reason: '返工' }],
      [supervisor, 'supervise', { deadline: farDeadline }],
    ] as const) {
      const res = await post(cookie, `/api/problems/${p.id}/${path}`, body);
      expect(res.statusCode, path).toBe(409);
      expect(res.json().error.message, path).toContain('撤销');
    }
    const up = multipart([{ name: 'x.png', data: PNG_1PX, type: 'image/png' }]);
    expect((await t.as(company, { method: 'POST', url: `/api/problems/${p.id}/attachments`, ...up })).statusCode).toBe(409);

    // Never overdue or due soon, even past its deadline; listed only under its own status.
    const yesterday = new Date(Date.parse(`${today}T00:00:00Z`) - 86_400_000).toISOString().slice(0, 10);
    await t.db.update(problems).set({ deadline: yesterday }).where(eq(problems.id, p.id));
    expect(expectStatus(await get(housing, `/api/problems/${p.id}`), 200)).toMatchObject({ status: 'withdrawn', overdue: false });
    const ids = async (query: string) => expectStatus(await get(housing, `/api/problems?${query}&pageSize=200`), 200).items.map((i: { id: string }) => i.id);
    expect(await ids('overdue=true')).not.toContain(p.id);
    expect(await ids('dueSoon=true')).not.toContain(p.id);
    expect(await ids('status=open')).not.toContain(p.id);
    expect(await ids('status=closed')).not.toContain(p.id);
    expect(await ids('status=withdrawn')).toContain(p.id);
    // The enterprise sees it as withdrawn too.
    expect(expectStatus(await get(company, `/api/problems/${p.id}`), 200)).toMatchObject({ status: 'withdrawn', allowedActions: [] });
  });

  it('leaves the problem and its credit event unchanged when the objection is rejected', async () => {
    await create({ category: 5, projectId: null });
    const p = await create({ category: 5, projectId: null });
    expect(p.repeatOffence).toBe(true);
    const o = expectStatus(await post(company, `/api/problems/${p.id}/objection`, { reason: '我司已按要求整改' }), 200);
    const d = expectStatus(await post(housing, `/api/problems/${p.id}/objection-decision`, { objectionId: o.objections[0].id, uphold: false, note: '未提供证明材料' }), 200);
    expect(d.status).toBe('open');
    expect(d.allowedActions).toContain('start');
    expect(d.timeline.at(-1)).toMatchObject({ action: 'objection_decision', fromStatus: null, toStatus: null });
    const [ev] = await t.db.select().from(creditEvents).where(and(eq(creditEvents.sourceType, 'problem'), eq(creditEvents.sourceId, p.id)));
    expect(ev?.objectionStatus).toBe('none');
    expectStatus(await post(company, `/api/problems/${p.id}/start`), 200);
  });

  it('does not count a withdrawn problem as the precedent of a repeat offence', async () => {
    const ent = await newEnterprise('武汉撤销测试物业服务有限公司');
    const first = await create({ enterpriseId: ent, projectId: null, category: 4 });
    await t.db.update(problems).set({ status: 'withdrawn' }).where(eq(problems.id, first.id));
    const second = await create({ enterpriseId: ent, projectId: null, category: 4 });
    expect(second.repeatOffence).toBe(false);
  });
});

describe('repeat offences (屡改屡犯)', () => {
  it('flags the same enterprise and category within 12 months, links the earlier problem, suggests the next ladder step and records a credit event', async () => {
    const ent = await newEnterprise('武汉屡犯测试物业服务有限公司');
    const first = await create({ enterpriseId: ent, projectId: null, category: 3 });
    expect(first.repeat).toMatchObject({ repeatOffence: false, suggestedNextStep: null });
    const otherCategory = await create({ enterpriseId: ent, projectId: null, category: 4 });
    expect(otherCategory.repeatOffence).toBe(false);

    const second = await create({ enterpriseId: ent, projectId: null, category: 3 });
    expect(second.repeatOffence).toBe(true);
    expect(second.repeat).toMatchObject({ repeatOffence: true, repeatOfProblemId: first.id, suggestedNextStep: 'interview', suggestedNextStepLabel: '约谈' });
    expect(second.repeat.previous.map((x: { id: string }) => x.id)).toEqual([first.id]);
    const third = await create({ enterpriseId: ent, projectId: null, category: 3 });
    expect(third.repeat).toMatchObject({ repeatOfProblemId: second.id, suggestedNextStep: 'rectification_order' });

    const credit = await t.db.select().from(creditEvents).where(and(eq(creditEvents.enterpriseId, ent), eq(creditEvents.type, 'repeat_offence')));
    expect(credit.map((c) => c.sourceId).sort()).toEqual([second.id, third.id].sort());

    const repeatList = expectStatus(await get(housing, `/api/problems?repeatOffence=true&enterpriseId=${ent}`), 200);
    expect(repeatList.total).toBe(2);
  });

  it('does not flag category 0 or a problem opened more than 12 months before', async () => {
    const ent = await newEnterprise('武汉时效测试物业服务有限公司');
    const a = await create({ enterpriseId: ent, projectId: null, category: 0 });
    const b = await create({ enterpriseId: ent, projectId: null, category: 0 });
    expect([a.repeatOffence, b.repeatOffence]).toEqual([false, false]);

    const old = await create({ enterpriseId: ent, projectId: null, category: 5 });
    const [y, m, d] = today.split('-').map(Number) as [number, number, number];
    const oneYearAgo = `${y - 1}-${String(m).padStart(2, '0')}-${String(m === 2 && d === 29 ? 28 : d).padStart(2, '0')}`;
    const dayBefore = new Date(Date.parse(`${oneYearAgo}T00:00:00Z`) - 86_400_000).toISOString().slice(0, 10);
    await t.db.update(problems).set({ openedOn: dayBefore }).where(eq(problems.id, old.id));
    const fresh = await create({ enterpriseId: ent, projectId: null, category: 5 });
    expect(fresh.repeatOffence).toBe(false);

    // Exactly 12 months back is still inside the window.
    await t.db.update(problems).set({ openedOn: oneYearAgo }).where(eq(problems.id, old.id));
    await t.db.update(problems).set({ openedOn: oneYearAgo }).where(eq(problems.id, fresh.id));
    const again = await create({ enterpriseId: ent, projectId: null, category: 5 });
    expect(again.repeatOffence).toBe(true);
  });
});

describe('enforcement ladder and demo data', () => {
  it('suggests the step above the highest enforcement action already taken in the window', async () => {
    const ent = await newEnterprise('武汉阶梯测试物业服务有限公司');
    const [unit] = await t.db.select({ id: orgUnits.id }).from(orgUnits).where(eq(orgUnits.name, '东湖风景区建设（房管）局'));
    const regionId = (await regionIdOf('420100-DH')) as number;
    await t.db.insert(enforcementActions).values({
      type: 'warning_letter',
      issuingOrgUnitId: unit?.id as string,
      year: Number(today.slice(0, 4)),
      seq: 990001,
      documentNumber: `测试告诫〔${today.slice(0, 4)}〕990001号`,
      regionId,
      enterpriseId: ent,
      actionDate: today,
      facts: '测试用提醒告诫',
    });
    await create({ enterpriseId: ent, projectId: null, category: 1 });
    const repeat = await create({ enterpriseId: ent, projectId: null, category: 1 });
    expect(repeat.repeat).toMatchObject({ repeatOffence: true, suggestedNextStep: 'warning', suggestedNextStepLabel: '警告' });
  });

  it('seeds the demo company with problems in every state, a repeat offence and an overdue supervised problem', async () => {
    const list = expectStatus(await get(company, '/api/problems?pageSize=200'), 200);
    const seeded = list.items.filter((i: { code: string; createdAt: string }) => Date.parse(i.createdAt) < Date.now() - 86_400_000 / 2);
    const statuses = new Set(seeded.map((i: { status: string }) => i.status));
    for (const st of ['open', 'rectifying', 'submitted', 'closed']) expect(statuses.has(st), st).toBe(true);
    expect(seeded.some((i: { repeatOffence: boolean }) => i.repeatOffence)).toBe(true);
    expect(seeded.some((i: { overdue: boolean; supervised: boolean }) => i.overdue && i.supervised)).toBe(true);
    const repeat = seeded.find((i: { repeatOffence: boolean }) => i.repeatOffence);
    const detail = expectStatus(await get(company, `/api/problems/${repeat.id}`), 200);
    expect(detail.repeat.previous.length).toBeGreaterThan(0);
    // Other 东湖 companies have problems too, invisible to the demo account.
    const staffList = expectStatus(await get(housing, '/api/problems?pageSize=200'), 200);
    expect(staffList.items.some((i: { enterpriseId: string }) => i.enterpriseId !== companyId)).toBe(true);
  });
});

describe('list and create', () => {
  it('filters in SQL by status, source, category, enterprise, region and text, paginated', async () => {
    const ent = await newEnterprise('武汉筛选测试物业服务有限公司');
    const a = await create({ enterpriseId: ent, projectId: null, category: 6, source: 'spot_check', title: '热线抽查无人接听问题' });
    await create({ enterpriseId: ent, projectId: null, category: 6, source: 'self_inspection', title: '自查发现收费未公示' });
    expectStatus(await post(housing, `/api/problems/${a.id}/start`), 200);

    const byEnt = expectStatus(await get(housing, `/api/problems?enterpriseId=${ent}&pageSize=1`), 200);
    expect(byEnt).toMatchObject({ total: 2, page: 1, pageSize: 1 });
    expect(byEnt.items).toHaveLength(1);
    const rect = expectStatus(await get(housing, `/api/problems?enterpriseId=${ent}&status=rectifying`), 200);
    expect(rect.items.map((i: { id: string }) => i.id)).toEqual([a.id]);
    expect(expectStatus(await get(housing, `/api/problems?enterpriseId=${ent}&source=spot_check`), 200).total).toBe(1);
    expect(expectStatus(await get(housing, `/api/problems?enterpriseId=${ent}&category=5`), 200).total).toBe(0);
    expect(expectStatus(await get(housing, `/api/problems?q=${encodeURIComponent('无人接听')}`), 200).items.map((i: { id: string }) => i.id)).toContain(a.id);
    expect(expectStatus(await get(housing, `/api/problems?q=${encodeURIComponent('筛选测试')}`), 200).total).toBe(2);
    expect(expectStatus(await get(housing, `/api/problems?q=${a.code}`), 200).items[0].id).toBe(a.id);
    expect(expectStatus(await get(housing, `/api/problems?enterpriseId=${ent}&region=420100-DH`), 200).total).toBe(2);
    expect((await get(housing, '/api/problems?status=bogus')).statusCode).toBe(422);
  });

  it('validates the create request with field errors', async () => {
    const bad = await post(housing, '/api/problems', { source: 'complaint', category: 9, title: '', description: 'x', deadline: '2020-01-01' });
    const fields = expectStatus(bad, 422).error.details.fields;
    expect(Object.keys(fields)).toEqual(expect.arrayContaining(['source', 'category', 'title']));
    const past = await post(housing, '/api/problems', { source: 'inspection', enterpriseId: companyId, category: 1, title: '过期', description: 'x', deadline: '2020-01-01' });
    expect(expectStatus(past, 422).error.details.fields.deadline).toContain('今天');
    const noTarget = await post(housing, '/api/problems', { source: 'inspection', category: 1, title: '无对象', description: 'x', deadline: farDeadline });
    expect(expectStatus(noTarget, 422).error.details.fields.enterpriseId).toBeTruthy();
  });
});
