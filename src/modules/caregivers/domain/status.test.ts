import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import type { ProfileStatus } from '../contract.ts';
import { INITIAL_STATUS, isResubmission, nextStatus, PROFILE_STATUSES, type ProfileCommand } from './status.ts';

const commands: ProfileCommand[] = [
  { type: 'approve' },
  { type: 'reject' },
  { type: 'edit', certificatesChanged: false },
  { type: 'edit', certificatesChanged: true },
  { type: 'suspend' },
];

const name = (c: ProfileCommand) => (c.type === 'edit' ? `edit(certificatesChanged=${c.certificatesChanged})` : c.type);

// The whole table, written out: every (status, command) pair.
const TABLE: Record<ProfileStatus, (ProfileStatus | undefined)[]> = {
  //          approve     reject      edit        edit+certs  suspend
  PENDING: ['APPROVED', 'REJECTED', 'PENDING', 'PENDING', 'SUSPENDED'],
  APPROVED: [undefined, undefined, 'APPROVED', 'PENDING', 'SUSPENDED'],
  REJECTED: [undefined, undefined, 'PENDING', 'PENDING', 'SUSPENDED'],
  SUSPENDED: [undefined, undefined, 'SUSPENDED', 'SUSPENDED', 'SUSPENDED'],
};

describe('profile status', () => {
  it('starts PENDING', () => {
    expect(INITIAL_STATUS).toBe('PENDING');
  });

  for (const status of PROFILE_STATUSES) {
    commands.forEach((command, i) => {
      const expected = TABLE[status][i];
      it(`${status} + ${name(command)} -> ${expected ?? 'INVALID_TRANSITION'}`, () => {
        expect(nextStatus(status, command)).toBe(expected);
      });
    });
  }

  it('only reviews PENDING profiles and never leaves SUSPENDED', () => {
    fc.assert(
      fc.property(fc.constantFrom(...PROFILE_STATUSES), fc.array(fc.constantFrom(...commands), { maxLength: 12 }), (start, sequence) => {
        let status: ProfileStatus = start;
        for (const command of sequence) {
          const next = nextStatus(status, command);
          if (command.type === 'approve' || command.type === 'reject') expect(next !== undefined).toBe(status === 'PENDING');
          if (status === 'SUSPENDED') expect(next === undefined || next === 'SUSPENDED').toBe(true);
          if (next === 'APPROVED') expect(status === 'PENDING' || status === 'APPROVED').toBe(true);
          status = next ?? status;
        }
      }),
    );
  });

  it('calls a move back to PENDING a resubmission', () => {
    expect(isResubmission('REJECTED', 'PENDING')).toBe(true);
    expect(isResubmission('APPROVED', 'PENDING')).toBe(true);
    expect(isResubmission('PENDING', 'PENDING')).toBe(false);
    expect(isResubmission('APPROVED', 'APPROVED')).toBe(false);
    expect(isResubmission('PENDING', 'APPROVED')).toBe(false);
  });
});
