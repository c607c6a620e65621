import { describe, expect, it } from 'vitest';
import { NOTIFICATION_TYPES, type NotificationType } from '../contract.ts';
import { planReservationNotifications, type ReservationEventKind } from './recipients.ts';
import { textData } from '../app/view.ts';
import { renderNotification, type TextLanguage } from './templates.ts';

// Issue 13 item 6: every notification names the other party, never the recipient, per recipient role and
// language. The table lists, for each type and the role(s) that receive it, the name that must appear.

const CAREGIVER = '장미숙';
const GUARDIAN = '박보호';
const SENDER = '대화상대';
type Role = 'GUARDIAN' | 'CAREGIVER';

const base = {
  reservationId: 'r1',
  status: 'CONFIRMED',
  guardianId: 'g1',
  caregiverId: 'c1',
  caregiverUserId: 'cu1',
  caregiverName: CAREGIVER,
  guardianName: GUARDIAN,
  startAt: '2026-12-01T00:00:00.000Z',
  endAt: '2026-12-02T00:00:00.000Z',
  totalAmount: 150_000,
  reason: '일정 변경',
  cancelledBy: 'GUARDIAN',
  refundAmount: 150_000,
  paymentId: 'p1',
  hoursBefore: 24,
};

/** Who receives each type, and whose name (if any) the text must carry for that reader. */
const TABLE: Readonly<Record<NotificationType, Partial<Record<Role, string | null>>>> = {
  RESERVATION_REQUESTED: { CAREGIVER: GUARDIAN },
  RESERVATION_ACCEPTED: { GUARDIAN: CAREGIVER },
  RESERVATION_REJECTED: { GUARDIAN: CAREGIVER },
  RESERVATION_EXPIRED: { GUARDIAN: CAREGIVER, CAREGIVER: GUARDIAN },
  RESERVATION_CONFIRMED: { GUARDIAN: CAREGIVER, CAREGIVER: GUARDIAN },
  RESERVATION_CANCELLED: { GUARDIAN: CAREGIVER, CAREGIVER: GUARDIAN },
  REFUND_COMPLETED: { GUARDIAN: null },
  CAREGIVER_ARRIVED: { GUARDIAN: CAREGIVER },
  RESERVATION_COMPLETED: { GUARDIAN: CAREGIVER, CAREGIVER: GUARDIAN },
  RESERVATION_REMINDER: { GUARDIAN: CAREGIVER, CAREGIVER: GUARDIAN },
  REVIEW_RECEIVED: { CAREGIVER: null },
  CAREGIVER_APPROVED: { CAREGIVER: null },
  CAREGIVER_REJECTED: { CAREGIVER: null },
  SETTLEMENT_PAID: { CAREGIVER: null },
  CHAT_MESSAGE: { GUARDIAN: SENDER, CAREGIVER: SENDER },
};

const KIND_OF: Partial<Record<NotificationType, ReservationEventKind>> = {
  RESERVATION_REQUESTED: 'requested',
  RESERVATION_ACCEPTED: 'accepted',
  RESERVATION_REJECTED: 'rejected',
  RESERVATION_EXPIRED: 'expired',
  RESERVATION_CONFIRMED: 'confirmed',
  RESERVATION_CANCELLED: 'cancelled',
  CAREGIVER_ARRIVED: 'checkedIn',
  RESERVATION_COMPLETED: 'completed',
  RESERVATION_REMINDER: 'reminder',
};

const nameOf = (id: string) => (id === 'g1' ? GUARDIAN : undefined);

const cases = NOTIFICATION_TYPES.flatMap((type) =>
  (Object.entries(TABLE[type]) as [Role, string | null][]).flatMap(([role, name]) => (['ko', 'en'] as TextLanguage[]).map((lang) => ({ type, role, name, lang }))),
);

describe('every notification names the other party', () => {
  it('covers every type', () => {
    expect(new Set(cases.map((c) => c.type))).toEqual(new Set(NOTIFICATION_TYPES));
  });

  it.each(cases)('$type to $role in $lang', ({ type, role, name, lang }) => {
    const kind = KIND_OF[type];
    let data: Readonly<Record<string, unknown>> = { ...base, recipientRole: role, senderName: SENDER, excerpt: '안녕하세요' };
    if (kind) {
      // The data as recipients.ts stores it for this reader.
      const planned = planReservationNotifications(kind, base).find((p) => p.userId === (role === 'GUARDIAN' ? 'g1' : 'cu1'));
      expect(planned, `${type} reaches the ${role}`).toBeDefined();
      expect(planned!.type).toBe(type);
      expect(planned!.data.recipientRole).toBe(role);
      // As app/view.ts renders it: the guardian's name resolved from the stored id.
      data = textData(planned!.data, nameOf);
    }
    const text = renderNotification(type, data, lang);
    const whole = `${text.title} ${text.body}`;
    if (name !== null) expect(whole).toContain(name);
    const self = role === 'CAREGIVER' ? CAREGIVER : GUARDIAN;
    expect(whole).not.toContain(self);
    expect(whole).not.toMatch(/undefined|NaN|\[object|을\(를\)|이\(가\)|은\(는\)/);
  });

  it('reaches exactly the roles in the table', () => {
    for (const [type, kind] of Object.entries(KIND_OF) as [NotificationType, ReservationEventKind][]) {
      const roles = planReservationNotifications(kind, base).map((p) => p.data.recipientRole);
      expect(new Set(roles), type).toEqual(new Set(Object.keys(TABLE[type])));
    }
  });

  it('falls back to a role word when the name is unknown', () => {
    const data = textData({ ...base, guardianId: 'gone', recipientRole: 'CAREGIVER' }, nameOf);
    expect(renderNotification('RESERVATION_CONFIRMED', data, 'ko').body).toContain('보호자님이 결제를 마쳐');
    expect(renderNotification('RESERVATION_CONFIRMED', data, 'en').body).toContain('The family paid');
  });

  it('says the Korean the issue asks for', () => {
    const forCaregiver = planReservationNotifications('confirmed', base).find((p) => p.userId === 'cu1')!;
    expect(renderNotification('RESERVATION_CONFIRMED', textData(forCaregiver.data, nameOf), 'ko').body).toBe('박보호 보호자님이 결제를 마쳐 12/01 09:00 예약이 확정되었습니다.');
    const forGuardian = planReservationNotifications('confirmed', base).find((p) => p.userId === 'g1')!;
    expect(renderNotification('RESERVATION_CONFIRMED', forGuardian.data, 'ko').body).toBe('장미숙님과의 12/01 09:00 예약이 결제 완료로 확정되었습니다.');
  });
});
