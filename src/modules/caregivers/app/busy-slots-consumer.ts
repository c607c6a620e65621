import type { Executor } from '../../../platform/db/database.ts';
import { defineConsumer, type EventConsumer, type EventOf } from '../../../platform/events/event.ts';
import { RESERVATION_STATUS_EVENTS } from '../../reservations/contract.ts';
import { findSlotForUpdate, insertSlotIfAbsent, insertSlotsIfAbsent, replaceSlot, type SlotWrite } from '../db/busy-slots.repo.ts';
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
  await applySlot(tx, slotOf(event, now));
}

async function applySlot(tx: Executor, slot: SlotWrite): Promise<void> {
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
    // Writes only through tx: a relay batch's events share one inbox transaction (decision 0030).
    batch: true,
    handle: (event, tx) => applyReservationEvent(tx, event, platform.clock.now()),
    // Same effect as one by one: each reservation's first event in the batch is inserted in one statement
    // (a new reservation, the common case); the rest, and rows that already existed, go the one-by-one way.
    async handleBatch(events, tx) {
      const now = platform.clock.now();
      const slots = events.map((event) => slotOf(event, now));
      const firsts = new Map<string, SlotWrite>();
      for (const slot of slots) if (!firsts.has(slot.reservationId)) firsts.set(slot.reservationId, slot);
      const inserted = await insertSlotsIfAbsent(tx, [...firsts.values()]);
      for (const slot of slots) {
        if (firsts.get(slot.reservationId) === slot && inserted.has(slot.reservationId)) continue;
        await applySlot(tx, slot);
      }
    },
  });
}
