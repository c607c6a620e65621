import { defineMessages } from '../i18n/i18n.tsx';

// Strings shared by the admin and caregiver settlement screens: the per-booking lines and the period.

export const settlementLineMessages = defineMessages(
  {
    lines: {
      caption: (period: string) => `예약별 정산 내역 (${period})`,
      reservation: '예약',
      kind: '구분',
      kinds: { FINISHED: '완료', LATE_REFUND: '정산 후 환불' },
      finishedAt: '종료 시각',
      paid: '결제액',
      refunded: '환불액',
      amount: '정산 대상',
      commission: '수수료',
      net: '지급액',
      total: '합계',
    },
    period: (start: string, end: string) => `${start} – ${end}`,
  },
  {
    lines: {
      caption: (period: string) => `Bookings settled (${period})`,
      reservation: 'Booking',
      kind: 'Type',
      kinds: { FINISHED: 'Finished', LATE_REFUND: 'Refund after settlement' },
      finishedAt: 'Finished',
      paid: 'Paid',
      refunded: 'Refunded',
      amount: 'Settled',
      commission: 'Commission',
      net: 'Payout',
      total: 'Total',
    },
    period: (start: string, end: string) => `${start} – ${end}`,
  },
);
