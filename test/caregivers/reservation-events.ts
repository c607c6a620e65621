import { newId } from '../../src/platform/ids.ts';
import { inTransaction, type AnyDb } from '../../src/platform/db/database.ts';
import type { DomainEvent, EventConsumer, EventDefinition, NewEvent } from '../../src/platform/events/event.ts';
import {
  RESERVATION_EVENTS,
  type ReservationEventBase,
  type ReservationStatus,
} from '../../src/modules/reservations/contract.ts';

// Reservation events as the reservations module's contract describes them, built by hand: the caregivers
// module is tested against the contract, not against the reservations module.

const EVENT_OF: Record<ReservationStatus, EventDefinition> = {
  REQUESTED: RESERVATION_EVENTS.requested,
  ACCEPTED: RESERVATION_EVENTS.accepted,
  CONFIRMED: RESERVATION_EVENTS.confirmed,
  IN_PROGRESS: RESERVATION_EVENTS.checkedIn,
  COMPLETED: RESERVATION_EVENTS.completed,
  REJECTED: RESERVATION_EVENTS.rejected,
  CANCELLED: RESERVATION_EVENTS.cancelled,
  EXPIRED: RESERVATION_EVENTS.expired,
};

export interface Booking {
  readonly reservationId: string;
  readonly caregiverId: string;
  readonly startAt: string;
  readonly endAt: string;
}

export function booking(caregiverId: string, startAt: string, endAt: string): Booking {
  return { reservationId: newId(), caregiverId, startAt, endAt };
}

/** The outbox form (type, aggregate, payload) of the event that moves `b` to `status`. */
export function reservationNewEvent(b: Booking, status: ReservationStatus): NewEvent<ReservationEventBase> {
  const payload: ReservationEventBase & Record<string, unknown> = {
    reservationId: b.reservationId,
    status,
    guardianId: 'guardian-user-1',
    caregiverId: b.caregiverId,
    caregiverUserId: 'caregiver-user-1',
    caregiverName: '김영희',
    startAt: b.startAt,
    endAt: b.endAt,
    totalAmount: 150_000,
    ...(status === 'CANCELLED' ? { cancelledBy: 'GUARDIAN', reason: '일정 변경', paid: false, refundAmount: 0 } : {}),
    ...(status === 'REJECTED' ? { reason: '일정이 맞지 않습니다' } : {}),
    ...(status === 'EXPIRED' ? { previousStatus: 'REQUESTED' } : {}),
    ...(status === 'CONFIRMED' ? { paymentId: 'payment-1' } : {}),
    ...(status === 'IN_PROGRESS' ? { checkedInAt: b.startAt } : {}),
    ...(status === 'COMPLETED' ? { completedAt: b.endAt, automatic: false } : {}),
  };
  return EVENT_OF[status].of(b.reservationId, payload) as NewEvent<ReservationEventBase>;
}

/** The delivered form, with an id and the instant it happened. */
export function reservationEvent(b: Booking, status: ReservationStatus, occurredAt: string | Date = new Date()): DomainEvent<ReservationEventBase> {
  return {
    id: newId(),
    occurredAt: new Date(occurredAt).toISOString(),
    ...reservationNewEvent(b, status),
  };
}

/**
 * Hands events to a consumer one by one, each checked against its declaration and in its own transaction,
 * as the bus does, but without the inbox: a repeated event reaches the handler again (its own idempotence).
 */
export async function deliver(db: AnyDb, consumer: EventConsumer, events: readonly DomainEvent[]): Promise<void> {
  for (const event of events) {
    const problem = consumer.problem(event);
    if (problem !== undefined) throw new Error(problem);
    await inTransaction(db, (tx) =>
      consumer.handle(event, tx, () => {
        throw new Error(`${consumer.name} emitted an event; this helper does not write the outbox`);
      }),
    );
  }
}

/** The events of a seeded booking's history, a minute apart from `at`. */
export function historyEvents(b: { booking: Booking; history: readonly ReservationStatus[] }, at = Date.parse('2026-11-20T00:00:00Z')): DomainEvent<ReservationEventBase>[] {
  return b.history.map((status, i) => reservationEvent(b.booking, status, new Date(at + i * 60_000)));
}
