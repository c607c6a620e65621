import { defineConsumer, type EventConsumer, type EventOf } from '../../../platform/events/event.ts';
import { newId } from '../../../platform/ids.ts';
import { CAREGIVER_EVENTS } from '../../caregivers/contract.ts';
import { CHAT_EVENTS } from '../../chat/contract.ts';
import { PAYMENT_EVENTS } from '../../payments/contract.ts';
import { RESERVATION_EVENTS } from '../../reservations/contract.ts';
import { REVIEW_EVENTS } from '../../reviews/contract.ts';
import { SETTLEMENT_EVENTS } from '../../settlements/contract.ts';
import type { Executor } from '../../../platform/db/database.ts';
import { insertNotifications, insertSlackDeliveries, lastChatNotification } from '../db/notifications.repo.ts';
import {
  chatNotificationDue,
  planCaregiverReviewNotification,
  planChatNotification,
  planRefundNotification,
  planReviewReceivedNotification,
  planSettlementPaidNotification,
  planReservationNotifications,
  type PlannedNotification,
  type ReservationEventKind,
} from '../domain/recipients.ts';
import type { NotificationsDeps } from './deps.ts';

// Domain events -> one notification row per recipient, plus a pending Slack delivery for the Slack types.
// Idempotent twice over: the inbox (handleOnce) and UNIQUE (event_id, user_id). Only `tx` is used:
// no lookups in other modules here (text is rendered when read or delivered, in the reader's language).

const RESERVATION_KINDS: ReadonlyMap<string, ReservationEventKind> = new Map(
  (Object.keys(RESERVATION_EVENTS) as (keyof typeof RESERVATION_EVENTS)[])
    .filter((key): key is ReservationEventKind => key !== 'paymentRefused')
    .map((key) => [RESERVATION_EVENTS[key].type, key]),
);

const NOTIFYING_EVENTS = [
  ...[...RESERVATION_KINDS.values()].map((kind) => RESERVATION_EVENTS[kind]),
  PAYMENT_EVENTS.refunded,
  CAREGIVER_EVENTS.approved,
  CAREGIVER_EVENTS.rejected,
  REVIEW_EVENTS.created,
  CHAT_EVENTS.messageSent,
  SETTLEMENT_EVENTS.paid,
];

export function plan(event: EventOf<(typeof NOTIFYING_EVENTS)[number]>): PlannedNotification[] {
  const kind = RESERVATION_KINDS.get(event.type);
  if (kind) return planReservationNotifications(kind, event.payload);
  switch (event.type) {
    case PAYMENT_EVENTS.refunded.type:
      return planRefundNotification(event.payload);
    case CAREGIVER_EVENTS.approved.type:
      return planCaregiverReviewNotification(true, event.payload);
    case CAREGIVER_EVENTS.rejected.type:
      return planCaregiverReviewNotification(false, event.payload);
    case REVIEW_EVENTS.created.type:
      return planReviewReceivedNotification(event.payload);
    case CHAT_EVENTS.messageSent.type:
      return planChatNotification(event.payload);
    case SETTLEMENT_EVENTS.paid.type:
      return planSettlementPaidNotification(event.payload);
    default:
      return [];
  }
}

/**
 * CHAT_MESSAGE only for a recipient with no open socket (they saw the message live otherwise), and at most
 * one per room per CHAT_NOTIFY_INTERVAL (a conversation is not a notification per line).
 */
async function withoutChatNoise(deps: NotificationsDeps, tx: Executor, planned: PlannedNotification[], now: Date): Promise<PlannedNotification[]> {
  const kept: PlannedNotification[] = [];
  for (const p of planned) {
    if (p.type === 'CHAT_MESSAGE') {
      if (await deps.platform.realtime.isOnline(p.userId)) continue;
      const last = await lastChatNotification(tx, p.userId, String(p.data.roomId));
      if (!chatNotificationDue(last, now, deps.chatNotifyIntervalMs)) continue;
    }
    kept.push(p);
  }
  return kept;
}

type NotifyingEvent = EventOf<(typeof NOTIFYING_EVENTS)[number]>;

export function makeRecordNotificationsConsumer(deps: NotificationsDeps): EventConsumer {
  const { platform, slack, slackTypes } = deps;

  /** The events' planned notifications, written in one statement (and their Slack deliveries in one more). */
  async function record(tx: Executor, planned: readonly { event: NotifyingEvent; planned: PlannedNotification[] }[], now: Date): Promise<void> {
    const rows = planned.flatMap((p) => p.planned.map((n) => ({ id: newId(), userId: n.userId, type: n.type, data: n.data, eventId: p.event.id, createdAt: now })));
    if (rows.length === 0) return;
    const inserted = await insertNotifications(tx, rows);
    if (slack.enabled) {
      const toSlack = inserted.filter((row) => slackTypes.includes(row.type));
      await insertSlackDeliveries(tx, toSlack.map((row) => ({ id: newId(), notificationId: row.id, userId: row.user_id })), now);
    }
    // The rows commit when this returns; the delivery worker (kicked with a short delay) pushes frames and sends Slack.
    if (inserted.length > 0) deps.wake();
  }

  return defineConsumer({
    name: 'notifications.record',
    events: NOTIFYING_EVENTS,
    // Writes only through tx (the wake-up below is harmless if repeated): a relay batch's events share one
    // inbox transaction (decision 0030).
    batch: true,
    async handle(event, tx) {
      const now = platform.clock.now();
      await record(tx, [{ event, planned: await withoutChatNoise(deps, tx, plan(event), now) }], now);
    },
    // Same effect as one by one: a chat message's check reads the notifications written before it, so a
    // batch with chat messages goes event by event; others are planned alone and written together.
    async handleBatch(events, tx) {
      const now = platform.clock.now();
      if (events.some((event) => event.type === CHAT_EVENTS.messageSent.type)) {
        for (const event of events) await record(tx, [{ event, planned: await withoutChatNoise(deps, tx, plan(event), now) }], now);
        return;
      }
      await record(tx, events.map((event) => ({ event, planned: plan(event) })), now);
    },
  });
}
