import type { FastifyInstance } from 'fastify';
import type { AppDeps } from '../deps.js';
import { auditRoutes } from './audit/audit.routes.js';
import { authRoutes } from './auth/auth.routes.js';
import { calendarRoutes } from './calendar/calendar.routes.js';
import { caseRoutes } from './cases/cases.routes.js';
import { commitmentRoutes } from './commitments/commitments.routes.js';
import { selfInspectionRoutes } from './self-inspections/self-inspections.routes.js';
import { creditRoutes } from './credit/credit.routes.js';
import { dashboardRoutes } from './dashboard/dashboard.routes.js';
import { enforcementRoutes } from './enforcement/enforcement.routes.js';
import { campaignRoutes } from './campaigns/campaigns.routes.js';
import { complaintConfigRoutes } from './complaints/complaints-config.routes.js';
import { complaintRoutes } from './complaints/complaints.routes.js';
import { complaintIntakeRoutes } from './complaints-intake/intake.routes.js';
import { enterpriseRoutes } from './enterprises/enterprises.routes.js';
import { practitionerRoutes } from './enterprises/practitioners.routes.js';
import { healthRoutes } from './health/health.routes.js';
import { noticeRoutes } from './notices/notices.routes.js';
import { hotlineRoutes } from './hotlines/hotlines.routes.js';
import { inspectionRoutes } from './inspections/inspections.routes.js';
import { importRoutes } from './imports/imports.routes.js';
import { legalRoutes } from './legal/legal.routes.js';
import { messageRoutes } from './messages/messages.routes.js';
import { open311Routes } from './open311/open311.routes.js';
import { opinionRoutes } from './opinions/opinions.routes.js';
import { orgUnitRoutes } from './org-units/org-units.routes.js';
import { outcomeRoutes } from './outcomes/outcomes.routes.js';
import { penaltyRoutes } from './penalties/penalties.routes.js';
import { portalRoutes } from './portal/portal.routes.js';
import { problemRoutes } from './problems/problems.routes.js';
import { projectRoutes } from './projects/projects.routes.js';
import { regionRoutes } from './regions/regions.routes.js';
import { reportRoutes } from './reports/reports.routes.js';
import { userRoutes } from './users/users.routes.js';

/** Every capability module, registered in this order. Add new modules here. */
export const MODULES: Array<(app: FastifyInstance, deps: AppDeps) => Promise<void>> = [
  healthRoutes,
  authRoutes,
  regionRoutes,
  orgUnitRoutes,
  userRoutes,
  auditRoutes,
  enterpriseRoutes,
  projectRoutes,
  practitionerRoutes,
  importRoutes,
  calendarRoutes,
  legalRoutes,
  campaignRoutes,
  complaintRoutes,
  complaintConfigRoutes,
  complaintIntakeRoutes,
  open311Routes,
  enforcementRoutes,
  creditRoutes,
  caseRoutes,
  penaltyRoutes,
  problemRoutes,
  opinionRoutes,
  messageRoutes,
  commitmentRoutes,
  selfInspectionRoutes,
  hotlineRoutes,
  noticeRoutes,
  inspectionRoutes,
  outcomeRoutes,
  reportRoutes,
  dashboardRoutes,
  portalRoutes,
];
