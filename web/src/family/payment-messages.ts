import { defineMessages } from '../i18n/i18n.tsx';

// Strings of paying: the sandbox checkout and the pages Toss redirects back to.
// End-to-end tests find elements by these texts, so buttons and labels use them verbatim as their
// accessible names.

export const paymentMessages = defineMessages(
  {
    checkout: {
      title: '결제',
      orderName: '주문명',
      amount: '결제 금액',
      sandboxNote: '테스트 결제 화면입니다. 실제로 청구되지 않습니다.',
      pay: '결제하기',
      fail: '결제 실패 테스트',
      pending: '처리 중…',
    },
    success: {
      title: '결제 확인',
      confirming: '결제를 확인하고 있습니다…',
      done: '결제가 완료되어 예약이 확정되었습니다.',
      method: '결제 수단',
      approvedAt: '승인 일시',
      amount: '결제 금액',
      receipt: '영수증 보기',
      toReservation: '예약 보기',
      retry: '다시 시도',
      missing: '결제 정보가 없습니다. 예약 화면에서 다시 결제해 주세요.',
      providerCode: (code: string) => `결제사 코드: ${code}`,
      amountMismatch: '결제 금액이 주문 금액과 다릅니다. 결제가 진행되지 않았습니다.',
      toList: '내 예약으로',
    },
    fail: {
      title: '결제 실패',
      body: '결제가 완료되지 않았습니다. 청구된 금액은 없습니다.',
      code: (code: string) => `코드: ${code}`,
      toReservation: '예약으로 돌아가기',
      toList: '내 예약으로',
    },
  },
  {
    checkout: {
      title: 'Payment',
      orderName: 'Order',
      amount: 'Amount',
      sandboxNote: 'This is a test checkout. Nothing is charged.',
      pay: 'Pay now',
      fail: 'Test a failed payment',
      pending: 'Processing…',
    },
    success: {
      title: 'Payment',
      confirming: 'Confirming your payment…',
      done: 'Payment complete: your booking is confirmed.',
      method: 'Method',
      approvedAt: 'Approved',
      amount: 'Amount',
      receipt: 'View receipt',
      toReservation: 'View booking',
      retry: 'Try again',
      missing: 'Payment details are missing. Please pay again from the booking.',
      providerCode: (code: string) => `Provider code: ${code}`,
      amountMismatch: 'The amount does not match the order. Nothing was charged.',
      toList: 'Back to my bookings',
    },
    fail: {
      title: 'Payment failed',
      body: 'The payment was not completed. Nothing was charged.',
      code: (code: string) => `Code: ${code}`,
      toReservation: 'Back to the booking',
      toList: 'Back to my bookings',
    },
  },
);
