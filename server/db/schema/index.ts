/** Every table, one file per aggregate. drizzle-kit reads this module to generate migrations. */
export * from './audit.js';
export * from './calendar.js';
export * from './campaigns.js';
export * from './cases.js';
export * from './complaints.js';
export * from './credit.js';
export * from './enforcement.js';
export * from './intake.js';
export * from './jobs.js';
export * from './legal.js';
export * from './org-units.js';
export * from './problems.js';
export * from './regions.js';
export * from './registry.js';
export * from './users.js';
export * from './outcomes.js';
export * from './reports.js';
