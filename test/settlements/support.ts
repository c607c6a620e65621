import { sql } from 'kysely';
import { handleOnce } from '../../src/platform/events/inbox.ts';
import type { DomainEvent, EventConsumer } from '../../src/platform/events/event.ts';
import { newId } from '../../src/platform/ids.ts';
import type { TestApp } from '../support/app.ts';

// Feeds the settlements module's consumers with events as the other modules would publish them, through the
// platform inbox (handleOnce), so the tests control the order and the times.

export interface CaregiverRef {
  readonly caregiverId: string;
  readonly caregiverUserId: string;
  readonly caregiverName: string;
}

export const HOUR = 3_600_000;
export const DAY = 24 * HOUR;

export function consumerOf(t: TestApp, name: string): EventConsumer {
  const found = t.modules.settlements.consumers?.find((c) => c.name === name);
  if (!found) throw new Error(`no consumer ${name}`);
  return found;
}

function event(type: string, aggregateId: string, occurredAt: Date, payload: Record<string, unknown>): DomainEvent {
  return { id: newId(), type, aggregateId, occurredAt: occurredAt.toISOString(), payload };
}

export function ledger(t: TestApp) {
  const money = consumerOf(t, 'settlements.ledger');
  const finishing = consumerOf(t, 'settlements.finished-reservations');
  const base = (reservationId: string, caregiver: CaregiverRef, status: string, totalAmount: number) => ({
    reservationId,
    status,
    guardianId: newId(),
    ...caregiver,
    startAt: '2026-11-01T00:00:00.000Z',
    endAt: '2026-11-02T00:00:00.000Z',
    totalAmount,
  });
  return {
    async paid(reservationId: string, amount: number, at: Date): Promise<DomainEvent> {
      const e = event('payment.confirmed.v1', newId(), at, { paymentId: newId(), reservationId, guardianId: newId(), amount, approvedAt: at.toISOString() });
      await handleOnce(t.platform, money, e);
      return e;
    },
    async refunded(reservationId: string, amount: number, at: Date): Promise<DomainEvent> {
      const e = event('payment.refunded.v1', newId(), at, { paymentId: newId(), reservationId, guardianId: newId(), amount, balanceAmount: 0, reason: 'test' });
      await handleOnce(t.platform, money, e);
      return e;
    },
    async completed(reservationId: string, caregiver: CaregiverRef, at: Date, totalAmount = 150_000): Promise<DomainEvent> {
      const e = event('reservation.completed.v1', reservationId, at, { ...base(reservationId, caregiver, 'COMPLETED', totalAmount), completedAt: at.toISOString(), automatic: false });
      await handleOnce(t.platform, finishing, e);
      return e;
    },
    async cancelled(reservationId: string, caregiver: CaregiverRef, at: Date, money: { paid: boolean; refundAmount: number; totalAmount: number }): Promise<DomainEvent> {
      const e = event('reservation.cancelled.v1', reservationId, at, {
        ...base(reservationId, caregiver, 'CANCELLED', money.totalAmount),
        cancelledBy: 'GUARDIAN',
        reason: 'test',
        paid: money.paid,
        refundAmount: money.refundAmount,
      });
      await handleOnce(t.platform, finishing, e);
      return e;
    },
    deliver: (consumer: 'money' | 'finishing', e: DomainEvent) => handleOnce(t.platform, consumer === 'money' ? money : finishing, e),
  };
}

/** A reservation that was paid `amount` and completed at `at`. */
export async function completedReservation(t: TestApp, caregiver: CaregiverRef, amount: number, at: Date): Promise<string> {
  const id = newId();
  const l = ledger(t);
  await l.paid(id, amount, new Date(at.getTime() - 2 * DAY));
  await l.completed(id, caregiver, at);
  return id;
}

export function caregiverRef(userId: string, name = '김간병'): CaregiverRef {
  return { caregiverId: newId(), caregiverUserId: userId, caregiverName: name };
}

/** How many settlement lines, settlements, runs and settled ledger entries the database holds. */
export async function counts(t: TestApp): Promise<{ lines: number; settlements: number; runs: number; claimed: number }> {
  const { rows } = await sql<{ lines: number; settlements: number; runs: number; claimed: number }>`
    SELECT (SELECT count(*) FROM settlements.lines)::int AS lines,
           (SELECT count(*) FROM settlements.settlements)::int AS settlements,
           (SELECT count(*) FROM settlements.runs)::int AS runs,
           (SELECT count(*) FROM settlements.entries WHERE settlement_id IS NOT NULL)::int AS claimed`.execute(t.platform.database.db);
  return rows[0]!;
}
