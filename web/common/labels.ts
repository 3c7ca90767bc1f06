export { ROLE_LABELS } from '../../core/roles.js';
export { ORG_UNIT_TYPE_LABELS, REGION_LEVEL_LABELS, DEPARTMENT_TYPE_LABELS } from '../../core/org.js';
import { FOCUS_CATEGORIES, FOCUS_CATEGORY_LABELS, focusCategoryLabel } from '../../core/categories.js';
export { FOCUS_CATEGORY_LABELS, focusCategoryLabel };

/** Select options for the focus categories 1–6 and 0 (long wording). */
export const FOCUS_CATEGORY_OPTIONS = FOCUS_CATEGORIES.map((c) => ({ value: c, label: focusCategoryLabel(c, 'long') }));
