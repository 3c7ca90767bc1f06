import type { FastifyInstance } from 'fastify';
import type { AppDeps } from '../app.js';
import { auditRoutes } from './audit/audit.routes.js';
import { authRoutes } from './auth/auth.routes.js';
import { healthRoutes } from './health/health.routes.js';
import { orgUnitRoutes } from './org-units/org-units.routes.js';
import { regionRoutes } from './regions/regions.routes.js';
import { userRoutes } from './users/users.routes.js';

/** Every capability module, registered in this order. Add new modules here. */
export const MODULES: Array<(app: FastifyInstance, deps: AppDeps) => Promise<void>> = [
  healthRoutes,
  authRoutes,
  regionRoutes,
  orgUnitRoutes,
  userRoutes,
  auditRoutes,
];
