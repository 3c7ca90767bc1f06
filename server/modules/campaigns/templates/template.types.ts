import type { DeadlineKind, ResponsibilityRuleData, UnitRole } from '../../../../core/campaigns.js';
import type { DepartmentType, RegionLevel } from '../../../../core/org.js';

/** A ready-made campaign (SPEC §4 "Ship S3's campaign as a ready template"). Dates are 'YYYY-MM-DD' in `year`. */
export interface CampaignTemplate {
  id: string;
  /** Shown in the template picker. */
  name: string;
  /** What the template reproduces and what it had to assume. */
  summary: string;
  /** The region level the plan is written for. */
  level: RegionLevel;
  year: number;
  /** The higher level's template this plan implements (S3 implements the Wuhan city plan). */
  parentTemplateId: string | null;
  title: string;
  documentNumber: string | null;
  issuingUnit: string;
  issuedOn: string | null;
  startsOn: string;
  endsOn: string;
  objective: string | null;
  monthlyReportDueDay: number | null;
  monthlyReportRule: string | null;
  dragnetDeadline: string | null;
  dragnetDescription: string | null;
  phases: {
    name: string;
    startsOn: string | null;
    endsOn: string;
    description: string | null;
    tasks: {
      title: string;
      description: string;
      dueOn?: string;
      responsibleDepartmentType?: DepartmentType;
      responsibleNote?: string;
      targetCount?: number;
    }[];
  }[];
  focusItems: {
    seq: number;
    title: string;
    description: string;
    checklistText?: string;
    /** Keys of the legal library (server/db/seed/legal.seed.ts). */
    provisionKeys: string[];
    leadDepartmentType: DepartmentType | 'none';
    coDepartmentTypes: DepartmentType[];
  }[];
  rules: readonly ResponsibilityRuleData[];
  /** The department split; at creation each is linked to the region's org unit of that type, if any. */
  departments: { departmentType: DepartmentType; unitName: string; role: UnitRole; duties: string | null }[];
  deadlines: { kind: DeadlineKind; dueOn: string; description: string }[];
}
