import { defineConsumer, type EventConsumer } from '../../../platform/events/event.ts';
import type { Platform } from '../../../platform/module.ts';
import { PAYMENT_EVENTS } from '../../payments/contract.ts';
import { RESERVATION_STATUS_EVENTS } from '../../reservations/contract.ts';

// The admin live feed and the participants' reservation.updated frames (API.md "Admin"). The events are
// already committed facts and this consumer writes nothing of its own, so frames go out right here.
// Best effort: a failed push is logged, never retried (a redelivery would only repeat a frame).

export function makeLiveFeedConsumer(platform: Platform): EventConsumer {
  const log = platform.logger.child({ component: 'notifications.live-feed' });
  return defineConsumer({
    name: 'notifications.live-feed',
    events: [...RESERVATION_STATUS_EVENTS, PAYMENT_EVENTS.updated],
    // Writes nothing: no inbox transaction per event (a redelivery repeats a frame at most).
    inbox: false,
    async handle(event) {
      try {
        if (event.type === PAYMENT_EVENTS.updated.type) {
          const p = event.payload;
          await platform.realtime.toAdmins({ type: 'payment.updated', payment: { id: p.paymentId, reservationId: p.reservationId, status: p.status } });
          return;
        }
        const p = event.payload;
        const frame = { type: 'reservation.updated', reservation: { id: p.reservationId, status: p.status } } as const;
        await platform.realtime.toAdmins(frame);
        await platform.realtime.toUsers([p.guardianId, p.caregiverUserId].filter(Boolean), frame);
      } catch (error) {
        log.warn({ err: error, eventId: event.id }, 'live feed push failed');
      }
    },
  });
}
