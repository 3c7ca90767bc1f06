import { z } from 'zod';
import { CHANNELS, COMPLAINT_STATUSES, FINDINGS, OUTCOMES, RECALL_RESULTS, SATISFACTIONS } from '../../../core/complaints/state-machine.js';
import { DEPARTMENT_TYPES } from '../../../core/org.js';
import { isPhoneNumber } from '../../../core/validation.js';
import { pageQuery } from '../../http/pagination.js';

/* Request schemas (zod → validation, types and OpenAPI) and the response allowlists of complaints. */

const isoDate = z.iso.date('日期格式应为 YYYY-MM-DD');
const text = (min: number, max: number, message: string) => z.string().trim().min(min, message).max(max, `不超过 ${max} 个字`);
const uuid = (what: string) => z.uuid(`无效的${what}`);
const department = z.enum(DEPARTMENT_TYPES, { message: '未知的部门类型' });
export const leadDepartmentSchema = z.enum([...DEPARTMENT_TYPES, 'none'], { message: '请选择牵头部门（或“不属于整治部门”）' });
const category = z.number().int('类别须为整数').min(0, '类别为 0–6').max(6, '类别为 0–6');
const attachments = z.array(uuid('附件')).max(20, '附件不超过 20 个').optional();

export const triageInput = z.object({ text: text(1, 5000, '请填写线索内容'), channel: z.string().trim().max(20).optional() });

export const createComplaintInput = z.object({
  channel: z.enum(CHANNELS, { message: '未知的来源渠道' }),
  description: text(5, 5000, '请填写问题描述（至少 5 个字）'),
  contactName: z.string().trim().max(40, '不超过 40 个字').nullish(),
  contactPhone: z.string().trim().refine(isPhoneNumber, '电话号码格式不正确（手机 11 位，座机如 027-87654321）').nullish(),
  projectId: uuid('物业项目').nullish(),
  address: z.string().trim().max(200, '不超过 200 个字').nullish(),
  regionId: z.number().int().positive('无效的区划').nullish(),
  /** The company the complainant names (被投诉的物业公司) when no project is chosen; matched to the registry. */
  enterpriseName: z.string().trim().max(100, '不超过 100 个字').nullish(),
  anonymous: z.boolean().optional(),
  confidential: z.boolean().optional(),
  externalRef: z.string().trim().max(80, '不超过 80 个字').nullish(),
  urgent: z.boolean().optional(),
  category: category.optional(),
  leadDepartment: leadDepartmentSchema.optional(),
  coDepartments: z.array(department).max(5).optional(),
  receivedAt: z.coerce.date({ message: '受理时间格式不正确' }).optional(),
  attachments,
});
export type CreateComplaintInput = z.infer<typeof createComplaintInput>;

/** escalated (超期升级): escalated at least once, still past the current deadline, not closed or merged. */
/** unlocated (待确定属地): not yet dispatched and placed above district level (no district chosen or found). */
export const BOXES = ['to_dispatch', 'unlocated', 'to_sign', 'in_progress', 'due_soon', 'overdue', 'escalated', 'supervised', 'mine_unit'] as const;
const flag = z.enum(['true', 'false']).transform((v) => v === 'true');

export const listQuery = pageQuery.extend({
  status: z.enum(COMPLAINT_STATUSES).optional(),
  /** Region id (or code) narrowing the list inside the caller's jurisdiction. */
  region: z.string().trim().max(40).optional(),
  overdue: flag.optional(),
  dueSoon: flag.optional(),
  box: z.enum(BOXES).optional(),
  category: z.coerce.number().int().min(0).max(6).optional(),
  enterpriseId: uuid('企业').optional(),
  projectId: uuid('项目').optional(),
  channel: z.enum(CHANNELS).optional(),
  q: z.string().trim().max(100).optional(),
});
export type ListQuery = z.infer<typeof listQuery>;

export const idParams = z.object({ id: uuid('线索编号') });

export const actionInputs = {
  triage: z.object({
    category,
    leadDepartment: leadDepartmentSchema,
    coDepartments: z.array(department).max(5).default([]),
    urgent: z.boolean(),
    /** Correct the project (and so the company and place) before dispatch; null = none named. */
    projectId: uuid('物业项目').nullish(),
    /** 确定属地: place a lead without a project in a district or street (code) before dispatch. */
    regionCode: z.string().trim().max(40).nullish(),
  }),
  /** Without units, the proposed assignment (lead department types → units of the lead's district). */
  dispatch: z.object({
    leadOrgUnitId: uuid('主办单位').optional(),
    coOrgUnitIds: z.array(uuid('协办单位')).max(6).optional(),
    note: z.string().trim().max(1000).nullish(),
    attachments,
  }),
  sign: z.object({ note: z.string().trim().max(1000).nullish(), attachments }),
  opinion: z.object({ note: text(2, 2000, '请填写办理意见'), attachments }),
  return: z.object({
    reason: text(10, 1000, '请说明退单理由（至少 10 个字），写明为何不属于本单位职责'),
    /** 职责依据: the 三定方案 clause or legal provision that puts the matter outside the unit's remit (the web form requires it). */
    basis: z.string().trim().max(500, '职责依据不超过 500 个字').nullish(),
    attachments,
  }),
  findings: z.object({
    finding: z.enum(FINDINGS, { message: '请选择核查结论（属实/部分属实/不属实）' }),
    outcome: z.enum(OUTCOMES, { message: '请选择处理结果' }),
    details: text(5, 4000, '请填写核查情况（至少 5 个字）'),
    rectificationDeadline: isoDate.nullish(),
    /** 整改措施: what the company must do — required with a rectification order; the company sees it on the problem. */
    rectificationMeasures: z.string().trim().max(2000, '整改措施不超过 2000 个字').nullish(),
    referredTo: z.string().trim().max(120).nullish(),
    attachments,
  }),
  answer: z.object({ reply: text(1, 4000, '请填写答复内容'), attachments }),
  reply: z.object({ text: text(1, 4000, '请填写答复内容'), attachments }),
  'approve-reply': z.object({ note: z.string().trim().max(1000).nullish() }),
  'reject-reply': z.object({ reason: text(2, 1000, '请填写退回理由') }),
  'follow-up': z.object({
    satisfaction: z.enum(SATISFACTIONS, { message: '请选择满意度' }),
    note: text(2, 1000, '请填写回访情况'),
    attachments,
  }),
  rework: z.object({ reason: text(2, 1000, '请填写重办理由'), attachments }),
  close: z.object({ note: z.string().trim().max(1000).nullish() }),
  merge: z.object({ targetId: uuid('主线索') }),
  'extension-request': z.object({
    days: z.number().int('天数须为整数').min(1, '延期 1–30 个工作日').max(30, '延期 1–30 个工作日'),
    reason: text(5, 1000, '请说明延期理由（至少 5 个字）'),
  }),
  'extension-decision': z.object({ extensionId: uuid('延期申请'), approve: z.boolean(), note: z.string().trim().max(1000).nullish() }),
  supervise: z.object({ deadline: isoDate, note: text(2, 1000, '请填写督办要求') }),
  recall: z.object({
    result: z.enum(RECALL_RESULTS, { message: '请选择抽查结果（与记录一致/未联系上/与记录不符）' }),
    satisfaction: z.enum(['satisfied', 'basically_satisfied', 'dissatisfied'], { message: '请选择投诉人表达的满意度' }).nullish(),
    note: text(2, 1000, '请填写回访抽查情况（至少 2 个字）'),
  }),
} as const;
export type ActionName = keyof typeof actionInputs;
export type ActionInput<A extends ActionName> = z.infer<(typeof actionInputs)[A]>;

export const revealInput = z.object({ reason: text(5, 500, '请填写查看联系方式的事由（至少 5 个字）') });

export const hotSpotQuery = z.object({
  region: z.string().trim().max(40).optional(),
  days: z.coerce.number().int().min(1).max(730).default(90),
  minLeads: z.coerce.number().int().min(1).max(100).default(2),
});
/** Re-call sample: closed leads in a period (closing date, at most a year; default the last 90 days). */
export const recallSampleQuery = z.object({
  size: z.coerce.number().int('样本量须为整数').min(1, '样本量为 1–50').max(50, '样本量为 1–50').default(10),
  region: z.string().trim().max(40).optional(),
  from: isoDate.optional(),
  to: isoDate.optional(),
});
export const recallStatsQuery = z.object({ region: z.string().trim().max(40).optional(), from: isoDate.optional(), to: isoDate.optional() });

export const returnStatsQuery = z.object({ region: z.string().trim().max(40).optional(), days: z.coerce.number().int().min(1).max(3650).optional() });

/** A tracking code is 10 characters; spaces and dashes a resident types in are ignored. */
export const trackingParams = z.object({
  trackingCode: z
    .string()
    .transform((v) => v.replace(/[\s-]/g, ''))
    .refine((v) => v.length === 10, '查询码为 10 位，请核对后重新输入'),
});
export const ratingInput = z.object({
  satisfaction: z.enum(['satisfied', 'basically_satisfied', 'dissatisfied'], { message: '请选择满意度' }),
  comment: z.string().trim().max(500, '不超过 500 个字').nullish(),
});

// ── Responses ──────────────────────────────────────────────────────────────────────────────

const nullableDate = z.date().nullable();
const cue = z.object({ kind: z.string(), label: z.string(), matched: z.string() });

export const triageResultSchema = z.object({
  category: z.number(),
  leadDepartment: z.string(),
  coDepartments: z.array(z.string()),
  urgent: z.boolean(),
  cues: z.array(cue),
  /** Calibrated probability that category and lead department are both right (0–1). */
  confidence: z.number(),
  /** Below the model's threshold: a person decides before routing. */
  needsHuman: z.boolean(),
  modelVersion: z.string(),
  project: z.object({ id: z.string(), name: z.string() }).nullable().optional(),
  enterprise: z.object({ id: z.string(), name: z.string() }).nullable().optional(),
});

export const listItemSchema = z.object({
  id: z.string(),
  trackingCode: z.string(),
  channel: z.string(),
  description: z.string(),
  category: z.number(),
  leadDepartment: z.string(),
  urgent: z.boolean(),
  status: z.string(),
  statusLabel: z.string(),
  projectId: z.string().nullable(),
  projectName: z.string().nullable(),
  enterpriseId: z.string().nullable(),
  enterpriseName: z.string().nullable(),
  regionName: z.string(),
  leadOrgUnitId: z.string().nullable(),
  leadOrgUnitName: z.string().nullable(),
  receivedAt: z.date(),
  dispatchedAt: nullableDate,
  dueAt: nullableDate,
  currentDueAt: nullableDate,
  /** Computed on the provisional calendar (a year without its official arrangement): shown as 暂定. */
  deadlinesProvisional: z.boolean(),
  dueSoon: z.boolean(),
  overdue: z.boolean(),
  supervised: z.boolean(),
  returnCount: z.number(),
  /** Last escalation to the supervisor (超期升级), null when never escalated. */
  lastEscalatedAt: nullableDate,
});

const unitRef = z.object({ id: z.string(), name: z.string() });
const extensionSchema = z.object({
  id: z.string(),
  days: z.number(),
  reason: z.string(),
  status: z.string(),
  requestedAt: z.date(),
  requestedByName: z.string().nullable(),
  decidedAt: nullableDate,
  decisionNote: z.string().nullable(),
  previousDueAt: nullableDate,
  newDueAt: nullableDate,
});

export const detailSchema = listItemSchema.extend({
  description: z.string(),
  address: z.string().nullable(),
  regionId: z.number(),
  anonymous: z.boolean(),
  confidential: z.boolean(),
  contact: z.object({ name: z.string().nullable(), phone: z.string().nullable() }).nullable(),
  coDepartments: z.array(z.string()),
  triage: z.object({
    proposal: z.object({ category: z.number(), leadDepartment: z.string(), coDepartments: z.array(z.string()), urgent: z.boolean() }),
    cues: z.array(cue),
    correctedAt: nullableDate,
    correctedByName: z.string().nullable(),
    /** Issue 12: the model that proposed, its confidence, and whether a person must decide first. */
    modelVersion: z.string().nullable(),
    confidence: z.number().nullable(),
    needsHuman: z.boolean(),
    confirmedAt: nullableDate,
    confirmedByName: z.string().nullable(),
  }),
  coOrgUnits: z.array(unitRef),
  finalAssignment: z.boolean(),
  finding: z.string().nullable(),
  outcome: z.string().nullable(),
  findingDetails: z.string().nullable(),
  rectificationDeadline: z.string().nullable(),
  referredTo: z.string().nullable(),
  reply: z
    .object({ text: z.string(), draftedAt: nullableDate, approvedAt: nullableDate, approvedByName: z.string().nullable(), released: z.boolean() })
    .nullable(),
  satisfaction: z.string().nullable(),
  followUpNote: z.string().nullable(),
  followedUpAt: nullableDate,
  reworkCount: z.number(),
  sla: z.object({
    signDueAt: nullableDate,
    actDueAt: nullableDate,
    dueAt: nullableDate,
    followUpDueAt: nullableDate,
    currentKind: z.string().nullable(),
    currentDueAt: nullableDate,
    /** Computed on the provisional calendar (暂定): recomputed when the year's arrangement is entered. */
    provisional: z.boolean(),
    dueSoon: z.boolean(),
    overdue: z.boolean(),
    extensions: z.array(extensionSchema),
  }),
  supervision: z.object({ supervised: z.boolean(), deadline: z.string().nullable(), note: z.string().nullable(), at: nullableDate }),
  escalations: z.array(z.object({ kind: z.string(), kindLabel: z.string(), dueAt: z.date(), escalatedAt: z.date(), notifiedOrgUnitName: z.string().nullable() })),
  recall: z
    .object({
      at: z.date(),
      byName: z.string().nullable(),
      result: z.string(),
      resultLabel: z.string(),
      satisfaction: z.string().nullable(),
      recordedSatisfaction: z.string().nullable(),
      note: z.string(),
    })
    .nullable(),
  timeline: z.array(
    z.object({
      id: z.string(),
      at: z.date(),
      actorName: z.string().nullable(),
      orgUnitName: z.string().nullable(),
      action: z.string(),
      actionLabel: z.string(),
      fromStatus: z.string().nullable(),
      toStatus: z.string().nullable(),
      note: z.string().nullable(),
      attachments: z.array(z.object({ id: z.string(), name: z.string(), mime: z.string() })),
    }),
  ),
  duplicateCandidates: z.array(z.object({ id: z.string(), trackingCode: z.string(), similarity: z.number(), description: z.string(), status: z.string(), receivedAt: z.date() })),
  mergedInto: z.object({ id: z.string(), trackingCode: z.string(), status: z.string() }).nullable(),
  /** Leads merged into this one, with their complainants' own ratings of the shared reply. */
  mergedChildren: z.array(z.object({ id: z.string(), trackingCode: z.string(), receivedAt: z.date(), satisfaction: z.string().nullable(), followedUpAt: nullableDate })),
  allowedActions: z.array(z.string()),
  proposedAssignment: z.object({ leadOrgUnitId: z.string().nullable(), leadOrgUnitName: z.string().nullable(), coOrgUnits: z.array(unitRef) }).nullable(),
  problemId: z.string().nullable(),
  campaignId: z.string().nullable(),
  externalRef: z.string().nullable(),
  closedAt: nullableDate,
});

export const hotSpotsSchema = z.object({
  days: z.number(),
  enterprises: z.array(
    z.object({
      enterpriseId: z.string(),
      name: z.string(),
      leads: z.number(),
      categories: z.array(z.object({ category: z.number(), count: z.number() })),
      repeatedCategory: z.number().nullable(),
    }),
  ),
  projects: z.array(
    z.object({
      projectId: z.string(),
      name: z.string(),
      enterpriseName: z.string().nullable(),
      leads: z.number(),
      categories: z.array(z.object({ category: z.number(), count: z.number() })),
      repeatedCategory: z.number().nullable(),
    }),
  ),
});

export const returnStatsSchema = z.object({
  items: z.array(z.object({ orgUnitId: z.string(), orgUnitName: z.string(), returns: z.number(), leads: z.number() })),
});

export const recallSampleSchema = z.object({
  items: z.array(listItemSchema.extend({ closedAt: nullableDate, satisfaction: z.string().nullable() })),
  /** How many closed leads were eligible in the period (the sample is drawn at random from them). */
  poolSize: z.number(),
  from: z.string(),
  to: z.string(),
});

const recallCounts = {
  recalled: z.number(),
  confirmed: z.number(),
  notReached: z.number(),
  contradicted: z.number(),
  /** contradicted ÷ (confirmed + contradicted): residents reached who contradicted the record; null when none reached. */
  contradictionRate: z.number().nullable(),
  /** Re-calls where the resident's satisfaction differs from the satisfaction recorded at closure. */
  satisfactionMismatches: z.number(),
};
export const recallStatsSchema = z.object({
  items: z.array(z.object({ orgUnitId: z.string().nullable(), orgUnitName: z.string(), ...recallCounts })),
  total: z.object(recallCounts),
});

export const publicTrackingSchema = z.object({
  trackingCode: z.string(),
  status: z.string(),
  statusLabel: z.string(),
  receivedAt: z.date(),
  category: z.number(),
  categoryLabel: z.string(),
  timeline: z.array(z.object({ at: z.date(), text: z.string() })),
  reply: z.object({ text: z.string(), at: nullableDate }).nullable(),
  canRate: z.boolean(),
  satisfaction: z.string().nullable(),
  /** 承办单位: the unit handling the lead (null before dispatch). */
  handlingUnit: z.string().nullable(),
  /** The date (China) by which the reply is due (null before dispatch or once replied). */
  replyDueBy: z.string().nullable(),
  /** A staff telephone follow-up, shown as the staff's record (电话回访结果); the resident may still rate. */
  staffFollowUp: z.object({ satisfaction: z.string(), satisfactionLabel: z.string(), at: nullableDate }).nullable(),
});
