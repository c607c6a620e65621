// What other modules may know of notifications: the notification types (API.md "Notifications and real time").
// The module has no API of its own for other modules: it only consumes their events.

export const NOTIFICATION_TYPES = [
  'RESERVATION_REQUESTED',
  'RESERVATION_ACCEPTED',
  'RESERVATION_REJECTED',
  'RESERVATION_EXPIRED',
  'RESERVATION_CONFIRMED',
  'RESERVATION_CANCELLED',
  'REFUND_COMPLETED',
  'CAREGIVER_ARRIVED',
  'RESERVATION_COMPLETED',
  'RESERVATION_REMINDER',
  'REVIEW_RECEIVED',
  'CAREGIVER_APPROVED',
  'CAREGIVER_REJECTED',
  'SETTLEMENT_PAID',
  'CHAT_MESSAGE',
] as const;

export type NotificationType = (typeof NOTIFICATION_TYPES)[number];
