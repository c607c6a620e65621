import { describe, expect, it } from 'vitest';
import {
  chatNotificationDue,
  planCaregiverReviewNotification,
  planChatNotification,
  planRefundNotification,
  planReservationNotifications,
  planReviewReceivedNotification,
  planSettlementPaidNotification,
  type ReservationEventKind,
} from './recipients.ts';

const base = {
  reservationId: 'r1',
  status: 'CONFIRMED',
  guardianId: 'g1',
  caregiverId: 'c1',
  caregiverUserId: 'cu1',
  caregiverName: '김영희',
  startAt: '2026-12-01T00:00:00.000Z',
  endAt: '2026-12-02T00:00:00.000Z',
  totalAmount: 150_000,
};

describe('who is notified of what', () => {
  it.each<[ReservationEventKind, string, string[]]>([
    ['requested', 'RESERVATION_REQUESTED', ['cu1']],
    ['accepted', 'RESERVATION_ACCEPTED', ['g1']],
    ['rejected', 'RESERVATION_REJECTED', ['g1']],
    ['cancelled', 'RESERVATION_CANCELLED', ['g1', 'cu1']],
    ['expired', 'RESERVATION_EXPIRED', ['g1', 'cu1']],
    ['confirmed', 'RESERVATION_CONFIRMED', ['g1', 'cu1']],
    ['checkedIn', 'CAREGIVER_ARRIVED', ['g1']],
    ['completed', 'RESERVATION_COMPLETED', ['g1', 'cu1']],
    ['reminder', 'RESERVATION_REMINDER', ['g1', 'cu1']],
  ])('reservation %s -> %s to %j', (kind, type, users) => {
    const planned = planReservationNotifications(kind, { ...base, reason: 'x', refundAmount: 10, hoursBefore: 1, paymentId: 'p1' });
    expect(planned.map((p) => p.userId)).toEqual(users);
    expect(planned.every((p) => p.type === type && p.data.reservationId === 'r1' && p.data.caregiverName === '김영희')).toBe(true);
  });

  it('keeps the values the texts need and no personal data beyond ids', () => {
    const [cancelled] = planReservationNotifications('cancelled', { ...base, reason: '일정 변경', cancelledBy: 'GUARDIAN', refundAmount: 120_000, paid: true });
    expect(cancelled?.data).toEqual({
      reservationId: 'r1', caregiverId: 'c1', caregiverName: '김영희', startAt: base.startAt, endAt: base.endAt, status: 'CONFIRMED',
      reason: '일정 변경', cancelledBy: 'GUARDIAN', refundAmount: 120_000, recipientRole: 'GUARDIAN',
    });
  });

  it('maps refunds, caregiver reviews by admins and received reviews', () => {
    expect(planRefundNotification({ paymentId: 'p1', reservationId: 'r1', guardianId: 'g1', amount: 5_000 })).toEqual([
      { userId: 'g1', type: 'REFUND_COMPLETED', data: { paymentId: 'p1', reservationId: 'r1', amount: 5_000 } },
    ]);
    expect(planCaregiverReviewNotification(true, { caregiverId: 'c1', userId: 'cu1' })).toEqual([{ userId: 'cu1', type: 'CAREGIVER_APPROVED', data: { caregiverId: 'c1' } }]);
    expect(planCaregiverReviewNotification(false, { caregiverId: 'c1', userId: 'cu1', reason: 'no' })[0]?.data).toEqual({ caregiverId: 'c1', reason: 'no' });
    expect(planReviewReceivedNotification({ reviewId: 'v1', reservationId: 'r1', caregiverId: 'c1', caregiverUserId: 'cu1', rating: 4 })).toEqual([
      { userId: 'cu1', type: 'REVIEW_RECEIVED', data: { reviewId: 'v1', reservationId: 'r1', caregiverId: 'c1', rating: 4 } },
    ]);
  });

  it('notifies nobody when the recipient is missing', () => {
    expect(planRefundNotification({})).toEqual([]);
    expect(planReservationNotifications('accepted', { ...base, guardianId: undefined })).toEqual([]);
  });
});

describe('chat messages', () => {
  it('notify the recipient, with the sender name and excerpt', () => {
    expect(planChatNotification({ roomId: 'r1', messageId: 'm1', senderId: 's1', recipientId: 'u2', senderName: '김보호', excerpt: '안녕하세요' })).toEqual([
      { userId: 'u2', type: 'CHAT_MESSAGE', data: { roomId: 'r1', messageId: 'm1', senderName: '김보호', excerpt: '안녕하세요' } },
    ]);
  });

  it('are batched: at most one per room per interval', () => {
    const now = new Date('2026-12-01T00:10:00Z');
    expect(chatNotificationDue(undefined, now, 300_000)).toBe(true);
    expect(chatNotificationDue(new Date('2026-12-01T00:06:00Z'), now, 300_000)).toBe(false);
    expect(chatNotificationDue(new Date('2026-12-01T00:05:00Z'), now, 300_000)).toBe(true);
  });
});

describe('settlement payouts', () => {
  it('notify the caregiver with the net amount', () => {
    const payload = { settlementId: 's1', caregiverId: 'c1', caregiverUserId: 'u1', netAmount: 135_000, periodStart: 'a', periodEnd: 'b', paidAt: 'c' };
    expect(planSettlementPaidNotification(payload)).toEqual([
      { userId: 'u1', type: 'SETTLEMENT_PAID', data: { settlementId: 's1', netAmount: 135_000, periodStart: 'a', periodEnd: 'b' } },
    ]);
    expect(planSettlementPaidNotification({})).toEqual([]);
  });
});
