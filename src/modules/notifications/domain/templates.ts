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

const won = (value: unknown): string => (typeof value === 'number' ? value.toLocaleString('en-US') : '0');

const when = (d: NotificationData) => kstShort(d.startAt);
const who = (d: NotificationData, lang: TextLanguage) => str(d, 'caregiverName', lang === 'ko' ? '간병인' : 'the caregiver');

export const TEMPLATES: Readonly<Record<NotificationType, Readonly<Record<TextLanguage, Template>>>> = {
  RESERVATION_REQUESTED: {
    ko: (d) => ({ title: '새 예약 요청', body: `${when(d)} 시작 예약 요청이 도착했습니다. 수락 또는 거절해 주세요.` }),
    en: (d) => ({ title: 'New booking request', body: `A booking starting ${when(d)} (KST) is waiting for your answer.` }),
  },
  RESERVATION_ACCEPTED: {
    ko: (d) => ({ title: '예약이 수락되었습니다', body: `${who(d, 'ko')}님이 ${when(d)} 예약을 수락했습니다. 결제를 진행해 주세요.` }),
    en: (d) => ({ title: 'Booking accepted', body: `${who(d, 'en')} accepted your booking for ${when(d)} (KST). Please pay to confirm it.` }),
  },
  RESERVATION_REJECTED: {
    ko: (d) => ({ title: '예약이 거절되었습니다', body: `${who(d, 'ko')}님이 ${when(d)} 예약을 거절했습니다. 사유: ${str(d, 'reason', '-')}` }),
    en: (d) => ({ title: 'Booking declined', body: `${who(d, 'en')} declined your booking for ${when(d)} (KST). Reason: ${str(d, 'reason', '-')}` }),
  },
  RESERVATION_EXPIRED: {
    ko: (d) => ({ title: '예약이 만료되었습니다', body: `${when(d)} 예약이 기한 내에 처리되지 않아 만료되었습니다.` }),
    en: (d) => ({ title: 'Booking expired', body: `The booking for ${when(d)} (KST) expired before it was completed.` }),
  },
  RESERVATION_CONFIRMED: {
    ko: (d) => ({ title: '예약이 확정되었습니다', body: `${who(d, 'ko')}님과의 ${when(d)} 예약이 결제 완료로 확정되었습니다.` }),
    en: (d) => ({ title: 'Booking confirmed', body: `The booking with ${who(d, 'en')} for ${when(d)} (KST) is paid and confirmed.` }),
  },
  RESERVATION_CANCELLED: {
    ko: (d) => ({ title: '예약이 취소되었습니다', body: `${when(d)} 예약이 취소되었습니다. 환불 예정 금액: ${won(d.refundAmount)}원` }),
    en: (d) => ({ title: 'Booking cancelled', body: `The booking for ${when(d)} (KST) was cancelled. Refund due: KRW ${won(d.refundAmount)}` }),
  },
  REFUND_COMPLETED: {
    ko: (d) => ({ title: '환불이 완료되었습니다', body: `${won(d.amount)}원이 환불되었습니다.` }),
    en: (d) => ({ title: 'Refund completed', body: `KRW ${won(d.amount)} has been refunded.` }),
  },
  CAREGIVER_ARRIVED: {
    ko: (d) => ({ title: '간병인이 도착했습니다', body: `${who(d, 'ko')}님이 도착하여 돌봄을 시작했습니다.` }),
    en: (d) => ({ title: 'Caregiver arrived', body: `${who(d, 'en')} has arrived and started the care.` }),
  },
  RESERVATION_COMPLETED: {
    ko: (d) => ({ title: '돌봄이 완료되었습니다', body: `${when(d)} 시작 예약이 완료되었습니다. 후기를 남겨 주세요.` }),
    en: (d) => ({ title: 'Care completed', body: `The booking that started ${when(d)} (KST) is complete. Leave a review?` }),
  },
  RESERVATION_REMINDER: {
    ko: (d) => ({ title: '예약 알림', body: `${str(d, 'hoursBefore', '?')}시간 후 ${when(d)}에 예약이 시작됩니다.` }),
    en: (d) => ({ title: 'Booking reminder', body: `Your booking starts in ${str(d, 'hoursBefore', '?')} h, at ${when(d)} (KST).` }),
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

/** Types sent as a Slack DM to users with a slackUserId (API.md: confirmed and cancelled by default). */
/** Slack DMs by default: the booking's outcome, and chat messages to a participant who is offline (batched). */
export const DEFAULT_SLACK_TYPES: readonly NotificationType[] = ['RESERVATION_CONFIRMED', 'RESERVATION_CANCELLED', 'CHAT_MESSAGE'];

/** The Slack message: title and body on two lines. */
export function slackText(text: NotificationText): string {
  return `*${text.title}*\n${text.body}`;
}
