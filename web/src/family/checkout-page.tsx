import { api, call } from '../api/client.ts';
import { useFormat, useMessages } from '../i18n/i18n.tsx';
import { navigate } from '../router.tsx';
import { AsyncView, ErrorNotice } from '../ui/feedback.tsx';
import { Page } from '../ui/page.tsx';
import { useAction, useAsync } from '../ui/use-async.ts';
import './family.css';
import { paymentMessages } from './payment-messages.ts';

/** Where Toss would redirect the browser after its widget: the same query our success/fail pages read. */
export function redirectAfterCheckout(answer: { paymentKey: string; orderId: string; amount: number } | { code: string; message: string; orderId: string }, reservationId: string): string {
  if ('paymentKey' in answer) {
    const query = new URLSearchParams({ paymentKey: answer.paymentKey, orderId: answer.orderId, amount: String(answer.amount) });
    return `/payments/success?${query}`;
  }
  const query = new URLSearchParams({ code: answer.code, message: answer.message, orderId: answer.orderId, reservationId });
  return `/payments/fail?${query}`;
}

/** The sandbox provider's stand-in for the Toss payment widget (PAYMENT_PROVIDER=sandbox). */
export function CheckoutPage({ params }: { params: Record<string, string> }) {
  const m = useMessages(paymentMessages).checkout;
  const f = useFormat();
  const reservationId = params.reservationId ?? '';
  // Asking again answers the same READY payment, so this is safe on reload.
  const payment = useAsync(() => call(api.POST('/api/v1/payments', { body: { reservationId } })), [reservationId]);
  const checkout = useAction(async (outcome: 'success' | 'fail') => {
    const orderId = payment.data?.orderId;
    if (!orderId) return;
    const answer = await call(api.POST('/api/v1/payments/sandbox/checkout', { body: { orderId, outcome } }));
    navigate(redirectAfterCheckout(answer, reservationId), { replace: true });
  });
  return (
    <Page title={m.title}>
      <AsyncView state={payment}>
        {(order) => (
          <div className="card stack narrow">
            <p className="notice notice-info">{m.sandboxNote}</p>
            <dl className="family-kv">
              <div>
                <dt>{m.orderName}</dt>
                <dd>{order.orderName}</dd>
              </div>
              <div>
                <dt>{m.amount}</dt>
                <dd>{f.krw(order.amount)}</dd>
              </div>
            </dl>
            <ErrorNotice problem={checkout.problem} />
            <div className="row">
              <button type="button" className="btn btn-primary" disabled={checkout.pending} onClick={() => void checkout.run('success')}>
                {m.pay}
              </button>
              <button type="button" className="btn btn-secondary" disabled={checkout.pending} onClick={() => void checkout.run('fail')}>
                {m.fail}
              </button>
            </div>
          </div>
        )}
      </AsyncView>
    </Page>
  );
}
