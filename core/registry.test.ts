import { describe, expect, it } from 'vitest';
import { DISCLOSURE_ITEMS, type DisclosureState, deriveFullyDisclosedSince, nextFullyDisclosedSince } from './registry.js';

const all = (postedOn: string, overrides: Partial<Record<string, Partial<DisclosureState>>> = {}): DisclosureState[] =>
  DISCLOSURE_ITEMS.map((item) => ({ item, status: 'posted', postedOn, ...overrides[item] }));

describe('fully disclosed since', () => {
  it('is the date the last item was posted once every item is posted or verified', () => {
    const items = all('2025-09-01', {
      public_revenue: { postedOn: '2025-09-20' },
      complaint_phone: { status: 'verified', postedOn: '2025-09-05' },
    });
    expect(deriveFullyDisclosedSince(items)).toBe('2025-09-20');
  });

  it('is null while any item is missing or has never been recorded', () => {
    expect(deriveFullyDisclosedSince(all('2025-09-01', { charging_method: { status: 'missing', postedOn: null } }))).toBeNull();
    expect(deriveFullyDisclosedSince(all('2025-09-01').slice(1))).toBeNull();
    expect(deriveFullyDisclosedSince([])).toBeNull();
  });
});

describe('fully disclosed since, as stored', () => {
  it('keeps the completion date when an item is re-posted later', () => {
    const items = all('2025-09-01', { complaint_phone: { postedOn: '2025-10-15' } });
    expect(nextFullyDisclosedSince('2025-09-10', items)).toBe('2025-09-10');
  });

  it('moves earlier when posted dates are corrected to before it', () => {
    expect(nextFullyDisclosedSince('2025-09-20', all('2025-09-03'))).toBe('2025-09-03');
  });

  it('clears when an item goes back to missing, and restarts from the new posting', () => {
    const gap = all('2025-09-01', { public_revenue: { status: 'missing', postedOn: null } });
    expect(nextFullyDisclosedSince('2025-09-01', gap)).toBeNull();
    const again = all('2025-09-01', { public_revenue: { postedOn: '2025-11-02' } });
    expect(nextFullyDisclosedSince(null, again)).toBe('2025-11-02');
  });
});
