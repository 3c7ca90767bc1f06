export { ROLE_LABELS } from '../../core/roles.js';
export { ORG_UNIT_TYPE_LABELS, REGION_LEVEL_LABELS, DEPARTMENT_TYPE_LABELS } from '../../core/org.js';
