import { kstShortTime } from '../../../platform/kst.ts';
import type { NotificationType } from '../contract.ts';

// Notification text per type and language: a pure table. Only Korean and English are written; any other
// preferredLanguage falls back to English. `data` is the notification's stored data (ids and the few
// display values the text needs), so the text can be rendered again in the reader's current language.

export type TextLanguage = 'ko' | 'en';
export type NotificationData = Readonly<Record<string, unknown>>;
export interface NotificationText {
  readonly title: string;
  readonly body: string;
}
type Template = (data: NotificationData) => NotificationText;

export function textLanguage(preferredLanguage: string | undefined): TextLanguage {
  return preferredLanguage?.toLowerCase().startsWith('ko') ? 'ko' : 'en';
}

const str = (data: NotificationData, key: string, fallback = ''): string => {
  const value = data[key];
  return typeof value === 'string' || typeof value === 'number' ? String(value) : fallback;
};

/** "12/01 09:00" in Korea time (the service's time zone), or '' for a missing or bad instant. */
export function kstShort(iso: unknown): string {
  if (typeof iso !== 'string') return '';
  const at = Date.parse(iso);
  return Number.isNaN(at) ? '' : kstShortTime(at);
}

const cap = (text: string): string => text.charAt(0).toUpperCase() + text.slice(1);
const won = (value: unknown): string => (typeof value === 'number' ? value.toLocaleString('en-US') : '0');

const when = (d: NotificationData) => kstShort(d.startAt);

/**
 * The other party of a reservation, as the recipient sees it: the caregiver for the family, the family
 * (the guardian's name) for the caregiver. `recipientRole` is stored per recipient (recipients.ts); a row
 * written before it existed was always addressed to the family's view.
 */
export function otherParty(d: NotificationData, lang: TextLanguage): string {
  if (d.recipientRole === 'CAREGIVER') {
    const name = str(d, 'guardianName');
    if (name === '') return lang === 'ko' ? '보호자' : 'the family';
    return lang === 'ko' ? `${name} 보호자` : name;
  }
  return str(d, 'caregiverName', lang === 'ko' ? '간병인' : 'the caregiver');
}
const toCaregiver = (d: NotificationData) => d.recipientRole === 'CAREGIVER';
const other = otherParty;
const byWhom = (d: NotificationData, lang: TextLanguage): string => {
  const by = str(d, 'cancelledBy');
  if (by === 'ADMIN') return lang === 'ko' ? '운영팀이 ' : ' by CareNest support';
  if (by === 'GUARDIAN' && toCaregiver(d)) return lang === 'ko' ? `${other(d, 'ko')}님이 ` : ` by ${other(d, 'en')}`;
  if (by === 'CAREGIVER' && !toCaregiver(d)) return lang === 'ko' ? `${other(d, 'ko')}님이 ` : ` by ${other(d, 'en')}`;
  return '';
};

export const TEMPLATES: Readonly<Record<NotificationType, Readonly<Record<TextLanguage, Template>>>> = {
  RESERVATION_REQUESTED: {
    ko: (d) => ({ title: '새 예약 요청', body: `${other(d, 'ko')}님이 ${when(d)} 시작 예약을 요청했습니다. 수락 또는 거절해 주세요.` }),
    en: (d) => ({ title: 'New booking request', body: `${cap(other(d, 'en'))} asked for a booking starting ${when(d)} (KST). Please accept or decline it.` }),
  },
  RESERVATION_ACCEPTED: {
    ko: (d) => ({ title: '예약이 수락되었습니다', body: `${other(d, 'ko')}님이 ${when(d)} 예약을 수락했습니다. 결제하면 예약이 확정됩니다.` }),
    en: (d) => ({ title: 'Booking accepted', body: `${cap(other(d, 'en'))} accepted your booking for ${when(d)} (KST). Please pay to confirm it.` }),
  },
  RESERVATION_REJECTED: {
    ko: (d) => ({ title: '예약이 거절되었습니다', body: `${other(d, 'ko')}님이 ${when(d)} 예약을 거절했습니다. 사유: ${str(d, 'reason', '-')}` }),
    en: (d) => ({ title: 'Booking declined', body: `${cap(other(d, 'en'))} declined your booking for ${when(d)} (KST). Reason: ${str(d, 'reason', '-')}` }),
  },
  RESERVATION_EXPIRED: {
    ko: (d) => ({ title: '예약이 만료되었습니다', body: `${other(d, 'ko')}님과의 ${when(d)} 예약이 기한 내에 처리되지 않아 만료되었습니다.` }),
    en: (d) => ({ title: 'Booking expired', body: `The booking with ${other(d, 'en')} for ${when(d)} (KST) expired before it was completed.` }),
  },
  RESERVATION_CONFIRMED: {
    ko: (d) => ({
      title: '예약이 확정되었습니다',
      body: toCaregiver(d)
        ? `${other(d, 'ko')}님이 결제를 마쳐 ${when(d)} 예약이 확정되었습니다.`
        : `${other(d, 'ko')}님과의 ${when(d)} 예약이 결제 완료로 확정되었습니다.`,
    }),
    en: (d) => ({
      title: 'Booking confirmed',
      body: toCaregiver(d)
        ? `${cap(other(d, 'en'))} paid: the booking for ${when(d)} (KST) is confirmed.`
        : `The booking with ${other(d, 'en')} for ${when(d)} (KST) is paid and confirmed.`,
    }),
  },
  RESERVATION_CANCELLED: {
    ko: (d) => ({
      title: '예약이 취소되었습니다',
      body: toCaregiver(d)
        ? `${other(d, 'ko')}님과의 ${when(d)} 예약이 ${byWhom(d, 'ko')}취소되었습니다.`
        : `${other(d, 'ko')}님과의 ${when(d)} 예약이 ${byWhom(d, 'ko')}취소되었습니다. 환불 예정 금액: ${won(d.refundAmount)}원`,
    }),
    en: (d) => ({
      title: 'Booking cancelled',
      body: toCaregiver(d)
        ? `The booking with ${other(d, 'en')} for ${when(d)} (KST) was cancelled${byWhom(d, 'en')}.`
        : `The booking with ${other(d, 'en')} for ${when(d)} (KST) was cancelled${byWhom(d, 'en')}. Refund due: KRW ${won(d.refundAmount)}`,
    }),
  },
  REFUND_COMPLETED: {
    ko: (d) => ({ title: '환불이 완료되었습니다', body: `${won(d.amount)}원이 환불되었습니다.` }),
    en: (d) => ({ title: 'Refund completed', body: `KRW ${won(d.amount)} has been refunded.` }),
  },
  CAREGIVER_ARRIVED: {
    ko: (d) => ({ title: '간병인이 도착했습니다', body: `${other(d, 'ko')}님이 도착하여 돌봄을 시작했습니다.` }),
    en: (d) => ({ title: 'Caregiver arrived', body: `${cap(other(d, 'en'))} has arrived and started the care.` }),
  },
  RESERVATION_COMPLETED: {
    ko: (d) => ({
      title: '돌봄이 완료되었습니다',
      body: toCaregiver(d)
        ? `${other(d, 'ko')}님과의 ${when(d)} 시작 돌봄이 완료되었습니다. 수고하셨습니다.`
        : `${other(d, 'ko')}님과의 ${when(d)} 시작 돌봄이 완료되었습니다. 후기를 남겨 주세요.`,
    }),
    en: (d) => ({
      title: 'Care completed',
      body: toCaregiver(d)
        ? `The care for ${other(d, 'en')} that started ${when(d)} (KST) is complete. Thank you.`
        : `The care by ${other(d, 'en')} that started ${when(d)} (KST) is complete. Leave a review?`,
    }),
  },
  RESERVATION_REMINDER: {
    ko: (d) => ({ title: '예약 알림', body: `${other(d, 'ko')}님과의 예약이 ${str(d, 'hoursBefore', '?')}시간 후 ${when(d)}에 시작됩니다.` }),
    en: (d) => ({ title: 'Booking reminder', body: `Your booking with ${other(d, 'en')} starts in ${str(d, 'hoursBefore', '?')} h, at ${when(d)} (KST).` }),
  },
  REVIEW_RECEIVED: {
    ko: (d) => ({ title: '새 후기가 등록되었습니다', body: `별점 ${str(d, 'rating', '?')}점의 새 후기가 등록되었습니다.` }),
    en: (d) => ({ title: 'New review', body: `You received a new ${str(d, 'rating', '?')}-star review.` }),
  },
  CAREGIVER_APPROVED: {
    ko: () => ({ title: '프로필이 승인되었습니다', body: '간병인 프로필이 승인되어 이제 예약을 받을 수 있습니다.' }),
    en: () => ({ title: 'Profile approved', body: 'Your caregiver profile is approved: families can now book you.' }),
  },
  CAREGIVER_REJECTED: {
    ko: (d) => ({ title: '프로필이 반려되었습니다', body: `간병인 프로필이 반려되었습니다. 사유: ${str(d, 'reason', '-')}` }),
    en: (d) => ({ title: 'Profile rejected', body: `Your caregiver profile was rejected. Reason: ${str(d, 'reason', '-')}` }),
  },
  SETTLEMENT_PAID: {
    ko: (d) => ({ title: '정산금이 지급되었습니다', body: `정산금 ${won(d.netAmount)}원이 지급되었습니다.` }),
    en: (d) => ({ title: 'Settlement paid', body: `Your settlement of KRW ${won(d.netAmount)} has been paid.` }),
  },
  CHAT_MESSAGE: {
    ko: (d) => ({ title: `${str(d, 'senderName', '상대방')}님의 새 메시지`, body: str(d, 'excerpt', '새 메시지가 도착했습니다.') }),
    en: (d) => ({ title: `New message from ${str(d, 'senderName', 'your contact')}`, body: str(d, 'excerpt', 'You have a new message.') }),
  },
};

export function renderNotification(type: NotificationType, data: NotificationData, preferredLanguage: string | undefined): NotificationText {
  return TEMPLATES[type][textLanguage(preferredLanguage)](data);
}

/** Slack DMs by default: the booking's outcome, and chat messages to a participant who is offline (batched). */
export const DEFAULT_SLACK_TYPES: readonly NotificationType[] = ['RESERVATION_CONFIRMED', 'RESERVATION_CANCELLED', 'CHAT_MESSAGE'];

/** The Slack message: title and body on two lines. */
export function slackText(text: NotificationText): string {
  return `*${text.title}*\n${text.body}`;
}
