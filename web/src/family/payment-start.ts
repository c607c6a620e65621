import { api, call } from '../api/client.ts';
import { navigate } from '../router.tsx';

/**
 * Opens (or reopens: the server answers the same READY payment) the payment of an ACCEPTED reservation and
 * hands it to the provider's checkout: our sandbox page, or Toss's payment window.
 */
export async function startPayment(reservationId: string): Promise<void> {
  const payment = await call(api.POST('/api/v1/payments', { body: { reservationId } }));
  if (payment.provider === 'sandbox') {
    navigate(`/checkout/${encodeURIComponent(reservationId)}?orderId=${encodeURIComponent(payment.orderId)}`);
    return;
  }
  if (!payment.clientKey) throw new Error('The payment provider is not configured (no client key)');
  const { requestTossPayment } = await import('./toss-payment.ts');
  await requestTossPayment(payment);
}
