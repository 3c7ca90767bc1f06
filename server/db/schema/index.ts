/** Every table, one file per aggregate. drizzle-kit reads this module to generate migrations. */
export * from './audit.js';
export * from './calendar.js';
export * from './campaigns.js';
export * from './jobs.js';
export * from './legal.js';
export * from './org-units.js';
export * from './regions.js';
export * from './registry.js';
export * from './users.js';
