import { splitAmount } from './commission.ts';
import type { Period } from './period.ts';

// What a run settles, decided as data from the ledger (no I/O): the database layer loads the candidates,
// this plans the lines and settlements, and the run claims exactly the entries named here.
//
// - FINISHED: a reservation that finished in [start, end) and has no FINISHED line yet, with every
//   unsettled entry known now: paid = Σ payments, refunded = Σ refunds, amount = paid - refunded.
// - LATE_REFUND: a reservation settled before, with unsettled entries that occurred before `end` (a refund
//   that landed after its settlement): the same sums, usually a negative amount.
// One settlement per caregiver (profile id) with at least one line.

export type EntryKind = 'PAYMENT' | 'REFUND';
export type LineKind = 'FINISHED' | 'LATE_REFUND';

export interface LedgerEntry {
  readonly id: string;
  readonly reservationId: string;
  readonly kind: EntryKind;
  readonly amount: number;
  readonly occurredAt: Date;
}

export interface FinishedReservation {
  readonly reservationId: string;
  readonly caregiverId: string;
  readonly caregiverUserId: string;
  readonly caregiverName: string;
  readonly finishedAt: Date;
  /** Whether it already has its FINISHED line. */
  readonly settled: boolean;
}

export interface PlannedLine {
  readonly reservationId: string;
  readonly kind: LineKind;
  readonly finishedAt: Date;
  readonly paid: number;
  readonly refunded: number;
  readonly amount: number;
  readonly commissionAmount: number;
  readonly netAmount: number;
  /** The ledger entries this line settles. */
  readonly entryIds: readonly string[];
}

export interface PlannedSettlement {
  readonly caregiverId: string;
  readonly caregiverUserId: string;
  readonly caregiverName: string;
  readonly grossAmount: number;
  readonly commissionAmount: number;
  readonly netAmount: number;
  readonly lines: readonly PlannedLine[];
}

export interface PlanInput {
  readonly period: Period;
  readonly reservations: readonly FinishedReservation[];
  /** Unsettled entries (others are ignored by the caller's query; they must not be passed). */
  readonly entries: readonly LedgerEntry[];
  readonly basisPoints: number;
}

/** The line of a reservation from its entries, or undefined when the rules give it none. */
function lineOf(reservation: FinishedReservation, entries: readonly LedgerEntry[], input: PlanInput): PlannedLine | undefined {
  const { period } = input;
  let kind: LineKind;
  let taken: readonly LedgerEntry[];
  if (!reservation.settled) {
    if (reservation.finishedAt < period.start || reservation.finishedAt >= period.end) return undefined;
    kind = 'FINISHED';
    taken = entries;
  } else {
    kind = 'LATE_REFUND';
    taken = entries.filter((entry) => entry.occurredAt < period.end);
  }
  if (taken.length === 0) return undefined;
  const paid = sum(taken.filter((e) => e.kind === 'PAYMENT'));
  const refunded = sum(taken.filter((e) => e.kind === 'REFUND'));
  const amount = paid - refunded;
  return {
    reservationId: reservation.reservationId,
    kind,
    finishedAt: reservation.finishedAt,
    paid,
    refunded,
    amount,
    ...splitAmount(amount, input.basisPoints),
    entryIds: taken.map((entry) => entry.id).sort(),
  };
}

function sum(entries: readonly LedgerEntry[]): number {
  return entries.reduce((total, entry) => total + entry.amount, 0);
}

/** The settlements a run over `input.period` creates, by caregiver name then id, lines by finish time. */
export function planSettlements(input: PlanInput): PlannedSettlement[] {
  const entriesByReservation = new Map<string, LedgerEntry[]>();
  for (const entry of input.entries) {
    const list = entriesByReservation.get(entry.reservationId) ?? [];
    list.push(entry);
    entriesByReservation.set(entry.reservationId, list);
  }
  const byCaregiver = new Map<string, { reservation: FinishedReservation; lines: PlannedLine[] }>();
  for (const reservation of input.reservations) {
    const line = lineOf(reservation, entriesByReservation.get(reservation.reservationId) ?? [], input);
    if (!line) continue;
    const group = byCaregiver.get(reservation.caregiverId) ?? { reservation, lines: [] };
    group.lines.push(line);
    byCaregiver.set(reservation.caregiverId, group);
  }
  const settlements = [...byCaregiver.values()].map(({ reservation, lines }): PlannedSettlement => {
    lines.sort((a, b) => a.finishedAt.getTime() - b.finishedAt.getTime() || a.reservationId.localeCompare(b.reservationId) || a.kind.localeCompare(b.kind));
    const total = (pick: (line: PlannedLine) => number) => lines.reduce((acc, line) => acc + pick(line), 0);
    return {
      caregiverId: reservation.caregiverId,
      caregiverUserId: reservation.caregiverUserId,
      caregiverName: reservation.caregiverName,
      grossAmount: total((l) => l.amount),
      commissionAmount: total((l) => l.commissionAmount),
      netAmount: total((l) => l.netAmount),
      lines,
    };
  });
  return settlements.sort((a, b) => a.caregiverName.localeCompare(b.caregiverName) || a.caregiverId.localeCompare(b.caregiverId));
}

/** Totals over settlements (a run's figures). */
export function totalsOf(settlements: readonly Pick<PlannedSettlement, 'grossAmount' | 'commissionAmount' | 'netAmount'>[]) {
  return settlements.reduce(
    (acc, s) => ({ grossAmount: acc.grossAmount + s.grossAmount, commissionAmount: acc.commissionAmount + s.commissionAmount, netAmount: acc.netAmount + s.netAmount }),
    { grossAmount: 0, commissionAmount: 0, netAmount: 0 },
  );
}
