import { describe, expect, it } from 'vitest';
import { effectiveStatus, publiclyVisible } from './visibility.ts';

describe('profile visibility', () => {
  it('shows APPROVED profiles of accounts in good standing only', () => {
    expect(publiclyVisible({ status: 'APPROVED', account_suspended: false })).toBe(true);
    expect(publiclyVisible({ status: 'APPROVED', account_suspended: true })).toBe(false);
    expect(publiclyVisible({ status: 'PENDING', account_suspended: false })).toBe(false);
  });
  it('reports a suspended account as SUSPENDED to other modules and keeps the review status otherwise', () => {
    expect(effectiveStatus({ status: 'APPROVED', account_suspended: true })).toBe('SUSPENDED');
    expect(effectiveStatus({ status: 'PENDING', account_suspended: false })).toBe('PENDING');
  });
});
