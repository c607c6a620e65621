import { defineConsumer, type EventConsumer } from '../../../platform/events/event.ts';
import { newId } from '../../../platform/ids.ts';
import type { Clock } from '../../../platform/clock.ts';
import { isUuid } from '../../../platform/uuid.ts';
import { IDENTITY_EVENTS } from '../../identity/contract.ts';
import { PAYMENT_EVENTS } from '../../payments/contract.ts';
import { RESERVATION_EVENTS } from '../../reservations/contract.ts';
import { insertEntry, insertFinished, renameCaregiverUser } from '../db/settlements.repo.ts';

// The ledger, fed by events (each consumer idempotent twice over: the platform inbox, and the unique event
// id of an entry / the reservation id of a finish). Payments and reservations are different aggregates,
// so their events may arrive in any order: a run only reads what both have written.

export const LEDGER_CONSUMER = 'settlements.ledger';
export const FINISHED_CONSUMER = 'settlements.finished-reservations';
/** What a withdrawn caregiver's name becomes on their settlements (kept 5 years as payment records). */
export const WITHDRAWN_CAREGIVER_NAME = '탈퇴한 간병인';

function reservationUuid(eventType: string, eventId: string, reservationId: string): string {
  if (!isUuid(reservationId)) throw new Error(`${eventType} ${eventId} breaks its contract: reservationId is not a uuid`);
  return reservationId;
}

/** payment.confirmed.v1 -> PAYMENT +amount at approval; payment.refunded.v1 -> REFUND amount when refunded. */
export function makeLedgerConsumer(clock: Clock): EventConsumer {
  return defineConsumer({
    name: LEDGER_CONSUMER,
    events: [PAYMENT_EVENTS.confirmed, PAYMENT_EVENTS.refunded],
    async handle(event, tx) {
      const p = event.payload;
      const confirmed = event.type === PAYMENT_EVENTS.confirmed.type;
      await insertEntry(tx, {
        id: newId(),
        event_id: event.id,
        reservation_id: reservationUuid(event.type, event.id, p.reservationId),
        kind: confirmed ? 'PAYMENT' : 'REFUND',
        amount: p.amount,
        occurred_at: new Date('approvedAt' in p ? p.approvedAt : event.occurredAt),
        settlement_id: null,
        created_at: clock.now(),
      });
    },
  });
}

/**
 * reservation.completed.v1 -> finished at completedAt; reservation.cancelled.v1 when paid and not refunded in
 * full (the guardian's late cancellation kept money) -> finished when the cancellation happened.
 */
export function makeFinishedReservationsConsumer(): EventConsumer {
  return defineConsumer({
    name: FINISHED_CONSUMER,
    events: [RESERVATION_EVENTS.completed, RESERVATION_EVENTS.cancelled],
    async handle(event, tx) {
      const p = event.payload;
      let finishedAt: string;
      if (event.type === RESERVATION_EVENTS.completed.type) finishedAt = event.payload.completedAt;
      else if (event.payload.paid && event.payload.refundAmount < event.payload.totalAmount) finishedAt = event.occurredAt;
      else return;
      await insertFinished(tx, {
        reservation_id: reservationUuid(event.type, event.id, p.reservationId),
        caregiver_id: p.caregiverId,
        caregiver_user_id: p.caregiverUserId,
        caregiver_name: p.caregiverName,
        finish_kind: event.type === RESERVATION_EVENTS.completed.type ? 'COMPLETED' : 'CANCELLED',
        finished_at: new Date(finishedAt),
      });
    },
  });
}

/** Settlements are payment records and stay; a withdrawn caregiver's name on them does not. */
export function makeUserWithdrawnConsumer(): EventConsumer {
  return defineConsumer({
    name: 'settlements.user-withdrawn',
    events: [IDENTITY_EVENTS.userWithdrawn],
    async handle(event, tx) {
      if (event.payload.role === 'CAREGIVER') await renameCaregiverUser(tx, event.payload.userId, WITHDRAWN_CAREGIVER_NAME);
    },
  });
}
