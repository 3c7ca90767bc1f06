import { eq } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { enterprises, projects } from '../../db/schema/index.js';
import type { Actor } from '../../http/actor.js';
import { isEnterpriseUser } from '../../http/actor.js';
import { AppError, notFound } from '../../http/errors.js';
import * as repo from './self-inspections.repository.js';
import { focusItems, saveSelfInspection } from './self-inspections.service.js';
import { type FormSheet, buildWorkbook, parseForm } from './self-inspections.xlsx.js';

/** Export and import of the 附件1 workbook. */

function confirmationLine(form: { confirmedByName: string | null; confirmedAt: Date | null }): string | null {
  if (!form.confirmedByName || !form.confirmedAt) return null;
  return `企业确认（电子盖章）：${form.confirmedByName} ${form.confirmedAt.toISOString().replace('T', ' ').slice(0, 16)} UTC`;
}

async function sheetOf(db: Db, form: repo.FormRow): Promise<FormSheet> {
  const items = await repo.loadItems(db, form.id);
  return {
    projectName: form.projectName,
    enterpriseName: form.enterpriseName,
    reportDate: form.reportDate,
    confirmation: confirmationLine(form),
    items: items.map((i) => ({ seq: i.seq, text: i.checklistText ?? i.description, problem: i.problem, responsiblePerson: i.responsiblePerson, contact: i.contact, deadline: i.deadline })),
  };
}

export async function exportOne(db: Db, actor: Actor, id: string): Promise<{ name: string; buffer: Buffer }> {
  const form = await repo.findForm(db, actor, id);
  if (!form) throw notFound('自查表');
  const buffer = await buildWorkbook([{ name: form.projectName, form: await sheetOf(db, form) }]);
  return { name: `专项整治自查表-${form.projectName}.xlsx`, buffer };
}

/** All forms of a campaign in the region, one sheet per project. */
export async function exportRegion(db: Db, actor: Actor, campaignId: string, withinPath?: string): Promise<Buffer> {
  const forms = await repo.formsForExport(db, actor, campaignId, withinPath);
  const sheets = [];
  for (const f of forms) sheets.push({ name: f.projectName, form: await sheetOf(db, f) });
  return buildWorkbook(sheets);
}

/** A blank 附件1 for a project (the company fills it in Excel and uploads it). */
export async function blankForm(db: Db, actor: Actor, campaignId: string, projectId: string): Promise<{ name: string; buffer: Buffer }> {
  const [project] = await db
    .select({ name: projects.name, enterpriseId: projects.enterpriseId, enterpriseName: enterprises.name })
    .from(projects)
    .leftJoin(enterprises, eq(enterprises.id, projects.enterpriseId))
    .where(eq(projects.id, projectId));
  if (!project || (isEnterpriseUser(actor) && project.enterpriseId !== actor.enterpriseId)) throw notFound('物业项目');
  const focus = await focusItems(db, campaignId);
  if (!focus.length) throw notFound('专项行动');
  const buffer = await buildWorkbook([
    {
      name: project.name,
      form: {
        projectName: project.name,
        enterpriseName: project.enterpriseName ?? '',
        reportDate: null,
        confirmation: null,
        items: focus.map((f) => ({ seq: f.seq, text: f.checklistText ?? f.description, problem: null, responsiblePerson: null, contact: null, deadline: null })),
      },
    },
  ]);
  return { name: `专项整治自查表-${project.name}.xlsx`, buffer };
}

/** Reads an uploaded 附件1; any wrong row refuses the whole file (nothing written). */
export async function importForm(db: Db, actor: Actor, campaignId: string, projectId: string, buffer: Buffer) {
  const [project] = await db.select({ name: projects.name, enterpriseId: projects.enterpriseId }).from(projects).where(eq(projects.id, projectId));
  if (!project || !isEnterpriseUser(actor) || project.enterpriseId !== actor.enterpriseId) throw notFound('物业项目');
  const focus = await focusItems(db, campaignId);
  if (!focus.length) throw notFound('专项行动');
  const parsed = await parseForm(
    buffer,
    focus.map((f) => ({ seq: f.seq, text: f.checklistText ?? f.description })),
  );
  if (parsed.projectName && parsed.projectName.replace(/\s/g, '') !== project.name.replace(/\s/g, '')) {
    parsed.errors.unshift({ row: 3, field: '物业项目', message: `表中物业项目为“${parsed.projectName}”，与所选项目“${project.name}”不一致` });
  }
  if (parsed.errors.length) throw new AppError('IMPORT_REJECTED', 422, `自查表有 ${parsed.errors.length} 处错误，未导入任何内容，请修改后重新上传`, { rows: parsed.errors });
  const bySeq = new Map(focus.map((f) => [f.seq, f.id]));
  return saveSelfInspection(db, actor, {
    campaignId,
    projectId,
    items: parsed.rows.map((r) => ({ focusItemId: bySeq.get(r.seq) as string, problem: r.problem, responsiblePerson: r.responsiblePerson, contact: r.contact, deadline: r.deadline })),
  });
}
