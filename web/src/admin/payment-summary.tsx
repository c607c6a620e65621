import { common } from '../i18n/common.ts';
import { useFormat, useMessages } from '../i18n/i18n.tsx';
import { AsyncView } from '../ui/feedback.tsx';
import { Badge } from '../ui/page.tsx';
import { useAsync } from '../ui/use-async.ts';
import { adminApi } from './admin-api.ts';
import { labelOf, paymentTone } from './format.ts';
import { messages } from './messages.ts';

/** The payment of a reservation (GET /payments/:id), when the reservation has one. */
export function PaymentSummary({ paymentId, version }: { paymentId: string | undefined; version: string }) {
  const m = useMessages(messages);
  return (
    <section className="card" aria-labelledby="payment-title">
      <h2 id="payment-title">{m.detail.payment}</h2>
      {paymentId ? <PaymentDetails paymentId={paymentId} version={version} /> : <p className="muted">{m.detail.noPayment}</p>}
    </section>
  );
}

/** `version` changes when the reservation or its payment changed: the payment is read again. */
function PaymentDetails({ paymentId, version }: { paymentId: string; version: string }) {
  const c = useMessages(common);
  const m = useMessages(messages);
  const f = useFormat();
  const payment = useAsync(() => adminApi.payment(paymentId), [paymentId, version]);
  return (
    <AsyncView state={payment}>
      {(p) => (
        <dl className="stat-list">
          <div className="kv">
            <dt>{m.payments.status}</dt>
            <dd>
              <Badge tone={paymentTone(p.status)}>{labelOf(c.paymentStatus, p.status)}</Badge>
            </dd>
          </div>
          <div className="kv">
            <dt>{m.detail.orderId}</dt>
            <dd>
              <code>{p.orderId}</code>
            </dd>
          </div>
          <div className="kv">
            <dt>{m.payments.amount}</dt>
            <dd className="num">{f.krw(p.amount)}</dd>
          </div>
          <div className="kv">
            <dt>{m.detail.balance}</dt>
            <dd className="num">{f.krw(p.balanceAmount)}</dd>
          </div>
          <div className="kv">
            <dt>{m.detail.method}</dt>
            <dd>{p.method ?? '–'}</dd>
          </div>
          <div className="kv">
            <dt>{m.detail.approvedAt}</dt>
            <dd>{p.approvedAt ? f.dateTime(p.approvedAt) : '–'}</dd>
          </div>
          {p.cancels.length > 0 && (
            <div>
              <dt>{m.detail.refunds}</dt>
              <dd>
                <ul className="plain-list">
                  {p.cancels.map((cancel) => (
                    <li key={cancel.at}>
                      {f.dateTime(cancel.at)} · {f.krw(cancel.amount)} · {cancel.reason}
                    </li>
                  ))}
                </ul>
              </dd>
            </div>
          )}
        </dl>
      )}
    </AsyncView>
  );
}
