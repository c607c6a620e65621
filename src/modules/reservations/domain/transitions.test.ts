import { describe, expect, it } from 'vitest';
import { AppError } from '../../../platform/errors.ts';
import { ACTIVE_STATUSES, type ReservationStatus } from '../contract.ts';
import {
  isActive,
  isFinal,
  nextStatus,
  RESERVATION_ACTIONS,
  RESERVATION_STATUSES,
  transition,
  TRANSITION_ACTORS,
  TRANSITION_TABLE,
  type ReservationAction,
  type TransitionActor,
} from './transitions.ts';

// API.md "Quotes and reservations", written out independently of the table: every combination of
// status x action x actor is checked against it.
function byTheRules(status: ReservationStatus, action: ReservationAction, actor: TransitionActor): ReservationStatus | undefined {
  const participantOrAdmin = actor === 'GUARDIAN' || actor === 'CAREGIVER' || actor === 'ADMIN';
  switch (action) {
    case 'accept':
      return status === 'REQUESTED' && actor === 'CAREGIVER' ? 'ACCEPTED' : undefined;
    case 'reject':
      // SYSTEM: a suspended caregiver's requests are rejected (decision 0017).
      return status === 'REQUESTED' && (actor === 'CAREGIVER' || actor === 'SYSTEM') ? 'REJECTED' : undefined;
    case 'cancel':
      return ['REQUESTED', 'ACCEPTED', 'CONFIRMED'].includes(status) && participantOrAdmin ? 'CANCELLED' : undefined;
    case 'checkIn':
      return status === 'CONFIRMED' && actor === 'CAREGIVER' ? 'IN_PROGRESS' : undefined;
    case 'checkOut':
      return status === 'IN_PROGRESS' && actor === 'CAREGIVER' ? 'COMPLETED' : undefined;
    case 'expire':
      return (status === 'REQUESTED' || status === 'ACCEPTED') && actor === 'SYSTEM' ? 'EXPIRED' : undefined;
    case 'confirmPayment':
      return status === 'ACCEPTED' && actor === 'SYSTEM' ? 'CONFIRMED' : undefined;
    case 'autoComplete':
      return (status === 'CONFIRMED' || status === 'IN_PROGRESS') && actor === 'SYSTEM' ? 'COMPLETED' : undefined;
  }
}

const combinations = RESERVATION_STATUSES.flatMap((status) =>
  RESERVATION_ACTIONS.flatMap((action) => TRANSITION_ACTORS.map((actor) => [status, action, actor] as const)),
);

describe('the reservation state machine', () => {
  it('covers 8 statuses x 8 actions x 4 actors', () => {
    expect(combinations).toHaveLength(256);
  });

  it.each(combinations)('%s --%s by %s-->', (status, action, actor) => {
    const expected = byTheRules(status, action, actor);
    expect(nextStatus(status, action, actor)).toBe(expected);
    if (expected === undefined) {
      let error: unknown;
      try {
        transition(status, action, actor);
      } catch (e) {
        error = e;
      }
      expect(error).toBeInstanceOf(AppError);
      expect(error).toMatchObject({ kind: 'conflict', code: 'INVALID_TRANSITION' });
    } else {
      expect(transition(status, action, actor)).toBe(expected);
    }
  });

  it('lists each (status, action) once and never leaves a final status', () => {
    const keys = TRANSITION_TABLE.map(([from, action]) => `${from}|${action}`);
    expect(new Set(keys).size).toBe(keys.length);
    for (const [from, , , to] of TRANSITION_TABLE) {
      expect(isFinal(from)).toBe(false);
      expect(to).not.toBe(from);
    }
  });

  it('agrees with the contract on which statuses hold the caregiver\'s time', () => {
    expect(RESERVATION_STATUSES.filter(isActive)).toEqual([...ACTIVE_STATUSES]);
    expect(RESERVATION_STATUSES.filter(isFinal)).toEqual(['COMPLETED', 'REJECTED', 'CANCELLED', 'EXPIRED']);
  });

  it('explains a refusal', () => {
    expect(() => transition('IN_PROGRESS', 'cancel', 'GUARDIAN')).toThrow('A IN_PROGRESS reservation cannot be cancelled by guardian');
  });
});
