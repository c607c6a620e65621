import { describe, expect, it } from 'vitest';
import { RESERVATION_STATUSES } from '../contract.ts';
import { CONTACT_AFTER_END_MS, familyContactVisible } from './family-contact.ts';

const endAt = new Date('2026-12-02T00:00:00Z');
const before = new Date('2026-11-30T00:00:00Z');

describe("the family's contact for the caregiver", () => {
  it.each(RESERVATION_STATUSES.map((status) => [status, status === 'CONFIRMED' || status === 'IN_PROGRESS' || status === 'COMPLETED'] as const))(
    '%s before the end: visible=%s',
    (status, visible) => {
      expect(familyContactVisible({ status, endAt }, before)).toBe(visible);
    },
  );

  it('stays visible until a day after the end, then not', () => {
    expect(familyContactVisible({ status: 'COMPLETED', endAt }, new Date(endAt.getTime() + CONTACT_AFTER_END_MS - 1))).toBe(true);
    expect(familyContactVisible({ status: 'COMPLETED', endAt }, new Date(endAt.getTime() + CONTACT_AFTER_END_MS))).toBe(false);
  });

  it('is never shown before payment or after a cancellation', () => {
    for (const status of ['REQUESTED', 'ACCEPTED', 'CANCELLED', 'REJECTED', 'EXPIRED'] as const) {
      expect(familyContactVisible({ status, endAt }, before)).toBe(false);
    }
  });
});
