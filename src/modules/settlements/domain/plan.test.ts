import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { planSettlements, totalsOf, type FinishedReservation, type LedgerEntry } from './plan.ts';

const T = (n: number) => new Date(Date.UTC(2026, 10, 1) + n * 60_000);
const period = { start: T(100), end: T(200) };
const cg = (n: number) => ({ caregiverId: `cg-${n}`, caregiverUserId: `user-${n}`, caregiverName: `간병인${n}` });
const finished = (id: string, caregiver: number, at: number, settled = false): FinishedReservation => ({
  reservationId: id,
  ...cg(caregiver),
  finishedAt: T(at),
  settled,
});
let seq = 0;
const entry = (reservationId: string, kind: 'PAYMENT' | 'REFUND', amount: number, at: number): LedgerEntry => ({
  id: `e-${++seq}`,
  reservationId,
  kind,
  amount,
  occurredAt: T(at),
});

describe('planSettlements', () => {
  it('settles reservations finished in the period, one settlement per caregiver', () => {
    const planned = planSettlements({
      period,
      basisPoints: 1000,
      reservations: [finished('r1', 1, 120), finished('r2', 1, 150), finished('r3', 2, 199), finished('r4', 2, 200), finished('r5', 3, 99)],
      entries: [
        entry('r1', 'PAYMENT', 150_000, 50),
        entry('r2', 'PAYMENT', 100_005, 60),
        entry('r2', 'REFUND', 50_000, 140),
        entry('r3', 'PAYMENT', 80_000, 10),
        entry('r4', 'PAYMENT', 1, 10),
        entry('r5', 'PAYMENT', 1, 10),
      ],
    });
    expect(planned.map((s) => s.caregiverId)).toEqual(['cg-1', 'cg-2']);
    const [one, two] = planned;
    expect(one!.lines.map((l) => [l.reservationId, l.kind, l.paid, l.refunded, l.amount, l.commissionAmount, l.netAmount])).toEqual([
      ['r1', 'FINISHED', 150_000, 0, 150_000, 15_000, 135_000],
      ['r2', 'FINISHED', 100_005, 50_000, 50_005, 5001, 45_004],
    ]);
    expect([one!.grossAmount, one!.commissionAmount, one!.netAmount]).toEqual([200_005, 20_001, 180_004]);
    expect(two!.lines.map((l) => l.reservationId)).toEqual(['r3']);
    expect(totalsOf(planned)).toEqual({ grossAmount: 280_005, commissionAmount: 28_001, netAmount: 252_004 });
  });

  it('turns money that moved after settlement into a LATE_REFUND line, only up to the period end', () => {
    const planned = planSettlements({
      period,
      basisPoints: 1000,
      reservations: [finished('r1', 1, 20, true), finished('r2', 1, 30, true)],
      entries: [entry('r1', 'REFUND', 30_005, 150), entry('r2', 'REFUND', 10_000, 250)],
    });
    expect(planned).toHaveLength(1);
    expect(planned[0]!.lines).toMatchObject([{ reservationId: 'r1', kind: 'LATE_REFUND', paid: 0, refunded: 30_005, amount: -30_005, commissionAmount: -3001, netAmount: -27_004 }]);
  });

  it('gives no settlement to a caregiver without lines, and none for a finished reservation with no money yet', () => {
    expect(planSettlements({ period, basisPoints: 1000, reservations: [finished('r1', 1, 150)], entries: [] })).toEqual([]);
  });

  it('over any split into periods: Σ(net + commission) = Σ paid − Σ refunded of finished reservations, each entry settled once', () => {
    const reservation = fc.record({
      caregiver: fc.integer({ min: 1, max: 3 }),
      finishAt: fc.option(fc.integer({ min: 10, max: 999 }), { nil: undefined }),
      paid: fc.integer({ min: 0, max: 3_000_000 }),
      payAt: fc.integer({ min: 0, max: 9 }),
      refunds: fc.array(fc.record({ share: fc.integer({ min: 0, max: 100 }), at: fc.integer({ min: 0, max: 1_100 }) }), { maxLength: 3 }),
    });
    fc.assert(
      fc.property(
        fc.array(reservation, { minLength: 1, maxLength: 8 }),
        fc.uniqueArray(fc.integer({ min: 1, max: 1_199 }), { maxLength: 6 }),
        fc.integer({ min: 0, max: 9999 }),
        (specs, cuts, bps) => {
          const reservations: FinishedReservation[] = [];
          const entries: LedgerEntry[] = [];
          let expected = 0;
          specs.forEach((spec, i) => {
            const id = `r${i}`;
            const payAt = Math.min(spec.payAt, (spec.finishAt ?? 1000) - 1);
            entries.push(entry(id, 'PAYMENT', spec.paid, payAt));
            let left = spec.paid;
            let net = spec.paid;
            for (const refund of spec.refunds) {
              const amount = Math.floor((left * refund.share) / 100);
              left -= amount;
              net -= amount;
              entries.push(entry(id, 'REFUND', amount, Math.max(refund.at, payAt)));
            }
            if (spec.finishAt !== undefined) {
              reservations.push(finished(id, spec.caregiver, spec.finishAt));
              expected += net;
            }
          });
          const bounds = [0, ...[...cuts].sort((a, b) => a - b), 1_200];
          const claimed = new Set<string>();
          const settled = new Set<string>();
          let total = 0;
          for (let i = 0; i + 1 < bounds.length; i++) {
            const p = { start: T(bounds[i]!), end: T(bounds[i + 1]!) };
            // What the run knows: events that happened before its period ended (runs go after the period).
            const known = entries.filter((e) => e.occurredAt < p.end && !claimed.has(e.id));
            const knownReservations = reservations.filter((r) => r.finishedAt < p.end).map((r) => ({ ...r, settled: settled.has(r.reservationId) }));
            for (const s of planSettlements({ period: p, reservations: knownReservations, entries: known, basisPoints: bps })) {
              expect(s.lines.length).toBeGreaterThan(0);
              expect(s.netAmount + s.commissionAmount).toBe(s.grossAmount);
              for (const line of s.lines) {
                for (const id of line.entryIds) {
                  expect(claimed.has(id)).toBe(false);
                  claimed.add(id);
                }
                if (line.kind === 'FINISHED') {
                  expect(settled.has(line.reservationId)).toBe(false);
                  settled.add(line.reservationId);
                }
              }
              total += s.netAmount + s.commissionAmount;
            }
          }
          expect(total).toBe(expected);
          expect(settled.size).toBe(reservations.length);
        },
      ),
      { numRuns: 300 },
    );
  });
});
