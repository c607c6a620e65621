import type { Json } from '../api/types.ts';

// The real Toss Payments checkout (PAYMENT_PROVIDER=toss), loaded only when needed: the v2 "standard"
// SDK from Toss's CDN, then the payment window (결제창) for a card payment. Toss redirects the browser to
// successUrl with ?paymentKey&orderId&amount (our /payments/success confirms it) or to failUrl with
// ?code&message&orderId. Not testable without Toss keys; written against the documented v2 API:
//   const tossPayments = TossPayments(clientKey);
//   const payment = tossPayments.payment({ customerKey });
//   await payment.requestPayment({ method: 'CARD', amount: { currency: 'KRW', value }, orderId, orderName, successUrl, failUrl });

export type OpenedPayment = Json<'/api/v1/payments', 'post'>;

const SDK_URL = 'https://js.tosspayments.com/v2/standard';

interface TossPaymentWindow {
  requestPayment(request: {
    method: 'CARD';
    amount: { currency: 'KRW'; value: number };
    orderId: string;
    orderName: string;
    successUrl: string;
    failUrl: string;
    windowTarget?: 'self' | 'iframe';
  }): Promise<void>;
}

interface TossPaymentsInstance {
  payment(options: { customerKey: string }): TossPaymentWindow;
}

type TossPaymentsFactory = (clientKey: string) => TossPaymentsInstance;

declare global {
  interface Window {
    TossPayments?: TossPaymentsFactory;
  }
}

let loading: Promise<TossPaymentsFactory> | undefined;

function loadSdk(): Promise<TossPaymentsFactory> {
  if (window.TossPayments) return Promise.resolve(window.TossPayments);
  loading ??= new Promise<TossPaymentsFactory>((resolve, reject) => {
    const script = document.createElement('script');
    script.src = SDK_URL;
    script.async = true;
    script.onload = () => (window.TossPayments ? resolve(window.TossPayments) : reject(new Error('TossPayments SDK did not load')));
    script.onerror = () => {
      loading = undefined;
      script.remove();
      reject(new Error('TossPayments SDK could not be loaded'));
    };
    document.head.appendChild(script);
  });
  return loading;
}

/** Opens Toss's payment window for the READY payment; the browser leaves for Toss and comes back by redirect. */
export async function requestTossPayment(payment: OpenedPayment): Promise<void> {
  const TossPayments = await loadSdk();
  const origin = window.location.origin;
  await TossPayments(payment.clientKey)
    .payment({ customerKey: payment.customerKey })
    .requestPayment({
      method: 'CARD',
      amount: { currency: 'KRW', value: payment.amount },
      orderId: payment.orderId,
      orderName: payment.orderName,
      successUrl: `${origin}/payments/success`,
      // Toss appends ?code&message&orderId (to our own query): the fail page links back to the reservation.
      failUrl: `${origin}/payments/fail?reservationId=${encodeURIComponent(payment.reservationId)}`,
    });
}
