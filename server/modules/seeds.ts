import type { Seeder } from '../db/seed/context.js';
import { seedCampaigns } from './campaigns/campaigns.seed.js';
import { seedCases } from './cases/cases.seed.js';
import { seedComplaints } from './complaints/complaints.seed.js';
import { seedCredit } from './credit/credit.seed.js';
import { seedEnforcement } from './enforcement/enforcement.seed.js';
import { seedRegistry } from './enterprises/registry.seed.js';
import { seedInspections } from './inspections/inspections.seed.js';
import { seedOpen311 } from './open311/open311.seed.js';
import { seedHotlines } from './hotlines/hotlines.seed.js';
import { seedOutcomes } from './outcomes/outcomes.seed.js';
import { seedOrganisation } from './org-units/org.seed.js';
import { seedProblems } from './problems/problems.seed.js';

/** Every module's demo seeder, in dependency order. A new module appends its own here. */
export const DEMO_SEEDERS: readonly Seeder[] = [
  { name: 'organisation', run: seedOrganisation },
  { name: 'campaigns', run: seedCampaigns },
  { name: 'registry', run: seedRegistry },
  { name: 'complaints', run: seedComplaints },
  { name: 'problems', run: seedProblems },
  { name: 'open311', run: seedOpen311 },
  { name: 'enforcement', run: seedEnforcement },
  { name: 'credit', run: seedCredit },
  { name: 'cases', run: seedCases },
  { name: 'hotlines', run: seedHotlines },
  { name: 'inspections', run: seedInspections },
  { name: 'outcomes', run: seedOutcomes },
];
