import { describe, expect, it } from 'vitest';
import { permissionsFor } from './roles.js';

describe('permissionsFor', () => {
  it('gives the credit department’s officers credit:manage, and no other officer', () => {
    expect(permissionsFor(['dept_officer'], 'credit')).toContain('credit:manage');
    expect(permissionsFor(['dept_officer'], 'housing')).not.toContain('credit:manage');
    expect(permissionsFor(['dept_officer'])).not.toContain('credit:manage');
  });
  it('grants by unit type only to the roles listed (三员分立: an admin stays an admin)', () => {
    expect(permissionsFor(['admin'], 'credit')).not.toContain('credit:manage');
    expect(permissionsFor(['auditor'], 'credit')).toEqual(['audit:read']);
  });
});
