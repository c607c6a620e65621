import type { Executor } from '../../../platform/db/database.ts';
import { defineConsumer, type EventConsumer, type EventOf } from '../../../platform/events/event.ts';
import { RESERVATION_STATUS_EVENTS } from '../../reservations/contract.ts';
import { findSlotForUpdate, insertSlotIfAbsent, replaceSlot, type SlotWrite } from '../db/busy-slots.repo.ts';
import { parseInstant } from '../domain/availability.ts';
import { isActiveStatus, supersedes } from '../domain/busy-slot.ts';
import { isUuid } from '../domain/search.ts';
import type { CaregiversDeps } from './deps.ts';

export const BUSY_SLOTS_CONSUMER = 'caregivers.busy-slots';

/** A reservation status event: each payload extends ReservationEventBase. */
export type ReservationStatusEvent = EventOf<(typeof RESERVATION_STATUS_EVENTS)[number]>;

/** The slot an event describes; what the schema cannot say (uuids, end after start) is checked here. */
function slotOf(event: ReservationStatusEvent, now: Date): SlotWrite {
  const p = event.payload;
  const broken = (why: string) => new Error(`${event.type} ${event.id} breaks the reservation event contract: ${why}`);
  if (!isUuid(p.reservationId)) throw broken('reservationId is not a uuid');
  if (!isUuid(p.caregiverId)) throw broken('caregiverId is not a uuid');
  const from = parseInstant(p.startAt);
  const to = parseInstant(p.endAt);
  if (!from || !to || to.getTime() <= from.getTime()) throw broken('startAt and endAt must be instants, startAt first');
  const eventAt = new Date(event.occurredAt);
  if (Number.isNaN(eventAt.getTime())) throw broken('occurredAt is not an instant');
  return {
    reservationId: p.reservationId,
    caregiverId: p.caregiverId,
    during: { from, to },
    status: p.status,
    active: isActiveStatus(p.status),
    eventAt,
    updatedAt: now,
  };
}

/** Applies one reservation event to the caregiver's busy slots; idempotent and safe out of order. */
export async function applyReservationEvent(tx: Executor, event: ReservationStatusEvent, now: Date): Promise<void> {
  const slot = slotOf(event, now);
  if (await insertSlotIfAbsent(tx, slot)) return;
  const current = await findSlotForUpdate(tx, slot.reservationId);
  if (!current) throw new Error(`busy slot of reservation ${slot.reservationId} vanished`); // rows are never deleted
  if (supersedes({ status: current.status, eventAt: new Date(current.event_at) }, slot)) await replaceSlot(tx, slot);
}

/**
 * Keeps caregivers.busy_slots in step with the reservations: an active reservation holds its slot, an
 * ended one leaves a tombstone (see domain/busy-slot.ts). The search filter and the busy calendar read it,
 * so both lag a booking by the outbox relay's delay (well under a second).
 */
export function makeBusySlotsConsumer({ platform }: CaregiversDeps): EventConsumer {
  return defineConsumer({
    name: BUSY_SLOTS_CONSUMER,
    events: RESERVATION_STATUS_EVENTS,
    handle: (event, tx) => applyReservationEvent(tx, event, platform.clock.now()),
  });
}
