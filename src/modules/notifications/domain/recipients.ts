import type { NotificationType } from '../contract.ts';
import type { NotificationData } from './templates.ts';

// Which domain event notifies whom, with what: pure, so every mapping is unit-tested. Event type
// strings are passed in (from the owners' contracts) by the app layer; this file knows only payloads.

export interface PlannedNotification {
  readonly userId: string;
  readonly type: NotificationType;
  readonly data: NotificationData;
}

type Payload = Readonly<Record<string, unknown>>;
const text = (p: Payload, key: string): string => (typeof p[key] === 'string' ? (p[key] as string) : '');

/**
 * Reservation events: the shared base carries both participants and the caregiver's name. Each recipient's
 * copy says who they are to the booking (`recipientRole`), so the text names the other party (templates.ts);
 * the guardian's name is resolved from `guardianId` when rendered (app/view.ts).
 */
export type ReservationEventKind = 'requested' | 'accepted' | 'rejected' | 'cancelled' | 'expired' | 'confirmed' | 'checkedIn' | 'completed' | 'reminder';

const RESERVATION_RULES: Readonly<Record<ReservationEventKind, { type: NotificationType; to: 'guardian' | 'caregiver' | 'both' }>> = {
  requested: { type: 'RESERVATION_REQUESTED', to: 'caregiver' },
  accepted: { type: 'RESERVATION_ACCEPTED', to: 'guardian' },
  rejected: { type: 'RESERVATION_REJECTED', to: 'guardian' },
  cancelled: { type: 'RESERVATION_CANCELLED', to: 'both' },
  expired: { type: 'RESERVATION_EXPIRED', to: 'both' },
  confirmed: { type: 'RESERVATION_CONFIRMED', to: 'both' },
  checkedIn: { type: 'CAREGIVER_ARRIVED', to: 'guardian' },
  completed: { type: 'RESERVATION_COMPLETED', to: 'both' },
  reminder: { type: 'RESERVATION_REMINDER', to: 'both' },
};

export function planReservationNotifications(kind: ReservationEventKind, p: Payload): PlannedNotification[] {
  const rule = RESERVATION_RULES[kind];
  const data: Record<string, unknown> = {
    reservationId: text(p, 'reservationId'),
    caregiverId: text(p, 'caregiverId'),
    caregiverName: text(p, 'caregiverName'),
    startAt: text(p, 'startAt'),
    endAt: text(p, 'endAt'),
    status: text(p, 'status'),
  };
  if (kind === 'rejected' || kind === 'cancelled') data.reason = text(p, 'reason');
  if (kind === 'cancelled') {
    data.cancelledBy = text(p, 'cancelledBy');
    data.refundAmount = typeof p.refundAmount === 'number' ? p.refundAmount : 0;
  }
  if (kind === 'confirmed') data.paymentId = text(p, 'paymentId');
  if (kind === 'reminder') data.hoursBefore = p.hoursBefore;
  const guardian = text(p, 'guardianId');
  const caregiver = text(p, 'caregiverUserId');
  // Each recipient's copy says who they are to the booking, so its text names the other party (templates.ts).
  const recipients: Array<{ userId: string; recipientRole: 'GUARDIAN' | 'CAREGIVER' }> = [];
  if (rule.to !== 'caregiver' && guardian !== '') recipients.push({ userId: guardian, recipientRole: 'GUARDIAN' });
  if (rule.to !== 'guardian' && caregiver !== '' && caregiver !== guardian) recipients.push({ userId: caregiver, recipientRole: 'CAREGIVER' });
  // The caregiver's copy keeps the guardian's id: the name is looked up when the text is rendered (view.ts),
  // so a withdrawn guardian's name is never shown from a stored copy.
  return recipients.map(({ userId, recipientRole }) => ({
    userId,
    type: rule.type,
    data: recipientRole === 'CAREGIVER' ? { ...data, recipientRole, guardianId: guardian } : { ...data, recipientRole },
  }));
}

export function planRefundNotification(p: Payload): PlannedNotification[] {
  const userId = text(p, 'guardianId');
  if (userId === '') return [];
  return [{ userId, type: 'REFUND_COMPLETED', data: { paymentId: text(p, 'paymentId'), reservationId: text(p, 'reservationId'), amount: p.amount } }];
}

export function planCaregiverReviewNotification(approved: boolean, p: Payload): PlannedNotification[] {
  const userId = text(p, 'userId');
  if (userId === '') return [];
  const data: Record<string, unknown> = { caregiverId: text(p, 'caregiverId') };
  if (!approved) data.reason = text(p, 'reason');
  return [{ userId, type: approved ? 'CAREGIVER_APPROVED' : 'CAREGIVER_REJECTED', data }];
}

/** The caregiver whose settlement was paid out. */
export function planSettlementPaidNotification(p: Payload): PlannedNotification[] {
  const userId = text(p, 'caregiverUserId');
  if (userId === '') return [];
  return [
    {
      userId,
      type: 'SETTLEMENT_PAID',
      data: { settlementId: text(p, 'settlementId'), netAmount: p.netAmount, periodStart: text(p, 'periodStart'), periodEnd: text(p, 'periodEnd') },
    },
  ];
}

/** A chat message for its recipient (whether they are notified at all depends on presence and batching: app layer). */
export function planChatNotification(p: Payload): PlannedNotification[] {
  const userId = text(p, 'recipientId');
  if (userId === '') return [];
  return [{ userId, type: 'CHAT_MESSAGE', data: { roomId: text(p, 'roomId'), messageId: text(p, 'messageId'), senderName: text(p, 'senderName'), excerpt: text(p, 'excerpt') } }];
}

/** At most one CHAT_MESSAGE per recipient and room per interval: due when none was written since `since`. */
export function chatNotificationDue(lastForRoom: Date | undefined, now: Date, intervalMs: number): boolean {
  return lastForRoom === undefined || now.getTime() - lastForRoom.getTime() >= intervalMs;
}

export function planReviewReceivedNotification(p: Payload): PlannedNotification[] {
  const userId = text(p, 'caregiverUserId');
  if (userId === '') return [];
  return [{ userId, type: 'REVIEW_RECEIVED', data: { reviewId: text(p, 'reviewId'), reservationId: text(p, 'reservationId'), caregiverId: text(p, 'caregiverId'), rating: p.rating } }];
}
