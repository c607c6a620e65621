import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import type { ReservationStatus } from '../../reservations/contract.ts';
import { isActiveStatus, supersedes, type SlotVersion } from './busy-slot.ts';

const ACTIVE: ReservationStatus[] = ['REQUESTED', 'ACCEPTED', 'CONFIRMED', 'IN_PROGRESS'];
const ENDED: ReservationStatus[] = ['REJECTED', 'CANCELLED', 'EXPIRED', 'COMPLETED'];
const ALL = [...ACTIVE, ...ENDED];
const v = (status: ReservationStatus, minute: number): SlotVersion => ({ status, eventAt: new Date(minute * 60_000) });

describe('isActiveStatus', () => {
  it('follows the reservations contract', () => {
    expect(ALL.filter(isActiveStatus)).toEqual(ACTIVE);
  });
});

describe('supersedes', () => {
  it('never replaces an ended reservation, whatever comes and whenever', () => {
    for (const current of ENDED) for (const incoming of ALL) for (const minute of [0, 5, 10]) {
      expect(supersedes(v(current, 5), v(incoming, minute))).toBe(false);
    }
  });

  it('always lets an ending replace an active slot, even one stamped later', () => {
    for (const current of ACTIVE) for (const incoming of ENDED) for (const minute of [0, 5, 10]) {
      expect(supersedes(v(current, 5), v(incoming, minute))).toBe(true);
    }
  });

  it('between active statuses takes the newer event, a tie going to the later status', () => {
    for (const [i, current] of ACTIVE.entries()) for (const [j, incoming] of ACTIVE.entries()) {
      expect(supersedes(v(current, 5), v(incoming, 6))).toBe(true);
      expect(supersedes(v(current, 5), v(incoming, 4))).toBe(false);
      expect(supersedes(v(current, 5), v(incoming, 5))).toBe(j > i);
    }
  });

  // A reservation's real history: some active statuses in order, maybe one ending, at increasing times.
  const history = fc
    .tuple(fc.integer({ min: 1, max: 4 }), fc.option(fc.constantFrom(...ENDED), { nil: undefined }), fc.array(fc.integer({ min: 0, max: 3 }), { minLength: 5, maxLength: 5 }))
    .map(([activeSteps, ending, gaps]) => {
      const statuses = [...ACTIVE.slice(0, activeSteps), ...(ending ? [ending] : [])];
      let minute = 0;
      return statuses.map((status, i) => v(status, (minute += gaps[i]!)));
    });

  it('ends where the history ends, for any delivery order with duplicates', () => {
    fc.assert(
      fc.property(
        history.chain((events) =>
          fc.tuple(fc.constant(events), fc.shuffledSubarray([...events, ...events], { minLength: 2 * events.length })),
        ),
        ([events, delivered]) => {
          let row: SlotVersion | undefined;
          for (const event of delivered) if (row === undefined || supersedes(row, event)) row = event;
          expect(row?.status).toBe(events.at(-1)!.status);
        },
      ),
    );
  });
});
