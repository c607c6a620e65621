import type { Executor } from '../../../platform/db/database.ts';
import type { DomainEvent, EventConsumer } from '../../../platform/events/event.ts';
import { RESERVATION_STATUSES, RESERVATION_STATUS_EVENTS, type ReservationEventBase } from '../../reservations/contract.ts';
import { findSlotForUpdate, insertSlotIfAbsent, replaceSlot, type SlotWrite } from '../db/busy-slots.repo.ts';
import { parseInstant } from '../domain/availability.ts';
import { isActiveStatus, supersedes } from '../domain/busy-slot.ts';
import { isUuid } from '../domain/search.ts';
import type { CaregiversDeps } from './deps.ts';

export const BUSY_SLOTS_CONSUMER = 'caregivers.busy-slots';


/** The slot an event describes; a payload that breaks the contract throws (retried, then dead-lettered). */
function slotOf(event: DomainEvent, now: Date): SlotWrite {
  const p = event.payload as Partial<ReservationEventBase> | null;
  const broken = (why: string) => new Error(`${event.type} ${event.id} breaks the reservation event contract: ${why}`);
  if (!p || typeof p.reservationId !== 'string' || !isUuid(p.reservationId)) throw broken('reservationId is not a uuid');
  if (typeof p.caregiverId !== 'string' || !isUuid(p.caregiverId)) throw broken('caregiverId is not a uuid');
  if (!p.status || !RESERVATION_STATUSES.includes(p.status)) throw broken(`unknown status ${String(p.status)}`);
  const from = typeof p.startAt === 'string' ? parseInstant(p.startAt) : undefined;
  const to = typeof p.endAt === 'string' ? parseInstant(p.endAt) : undefined;
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
export async function applyReservationEvent(tx: Executor, event: DomainEvent, now: Date): Promise<void> {
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
  return {
    name: BUSY_SLOTS_CONSUMER,
    types: RESERVATION_STATUS_EVENTS,
    handle: (event, tx) => applyReservationEvent(tx, event, platform.clock.now()),
  };
}
