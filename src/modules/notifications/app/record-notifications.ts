import type { DomainEvent, EventConsumer } from '../../../platform/events/event.ts';
import { newId } from '../../../platform/ids.ts';
import { CAREGIVER_EVENTS } from '../../caregivers/contract.ts';
import { PAYMENT_EVENTS } from '../../payments/contract.ts';
import { RESERVATION_EVENTS } from '../../reservations/contract.ts';
import { REVIEW_EVENTS } from '../../reviews/contract.ts';
import { insertNotifications, insertSlackDeliveries } from '../db/notifications.repo.ts';
import {
  planCaregiverReviewNotification,
  planRefundNotification,
  planReviewReceivedNotification,
  planReservationNotifications,
  type PlannedNotification,
  type ReservationEventKind,
} from '../domain/recipients.ts';
import type { NotificationsDeps } from './deps.ts';

// Domain events -> one notification row per recipient, plus a pending Slack delivery for the Slack types.
// Idempotent twice over: the inbox (runIdempotently) and UNIQUE (event_id, user_id). Only `tx` is used:
// no lookups in other modules here (text is rendered when read or delivered, in the reader's language).

const RESERVATION_KINDS: ReadonlyMap<string, ReservationEventKind> = new Map(
  (Object.keys(RESERVATION_EVENTS) as (keyof typeof RESERVATION_EVENTS)[])
    .filter((key): key is ReservationEventKind => key !== 'paymentRefused')
    .map((key) => [RESERVATION_EVENTS[key], key]),
);

// TODO(settlements): SETTLEMENT_PAID once a settlements module publishes a paid event.

export function plan(event: DomainEvent): PlannedNotification[] {
  const payload = (event.payload ?? {}) as Record<string, unknown>;
  const kind = RESERVATION_KINDS.get(event.type);
  if (kind) return planReservationNotifications(kind, payload);
  if (event.type === PAYMENT_EVENTS.refunded) return planRefundNotification(payload);
  if (event.type === CAREGIVER_EVENTS.approved) return planCaregiverReviewNotification(true, payload);
  if (event.type === CAREGIVER_EVENTS.rejected) return planCaregiverReviewNotification(false, payload);
  if (event.type === REVIEW_EVENTS.created) return planReviewReceivedNotification(payload);
  return [];
}

export function makeRecordNotificationsConsumer(deps: NotificationsDeps): EventConsumer {
  const { platform, slack, slackTypes } = deps;
  return {
    name: 'notifications.record',
    types: [...RESERVATION_KINDS.keys(), PAYMENT_EVENTS.refunded, CAREGIVER_EVENTS.approved, CAREGIVER_EVENTS.rejected, REVIEW_EVENTS.created],
    async handle(event, tx) {
      const planned = plan(event);
      if (planned.length === 0) return;
      const now = platform.clock.now();
      const inserted = await insertNotifications(
        tx,
        planned.map((p) => ({ id: newId(), userId: p.userId, type: p.type, data: p.data, eventId: event.id, createdAt: now })),
      );
      if (slack.enabled) {
        const toSlack = inserted.filter((row) => slackTypes.includes(row.type));
        await insertSlackDeliveries(tx, toSlack.map((row) => ({ id: newId(), notificationId: row.id, userId: row.user_id })), now);
      }
      // The rows commit when this returns; the worker pushes frames and sends Slack after that.
      if (inserted.length > 0) setTimeout(deps.wake, 10).unref();
    },
  };
}
