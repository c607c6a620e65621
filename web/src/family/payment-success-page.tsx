import { useEffect, useRef, useState } from 'react';
import { api, call } from '../api/client.ts';
import { problemOf, type Problem } from '../api/problem.ts';
import type { Json } from '../api/types.ts';
import { useFormat, useMessages } from '../i18n/i18n.tsx';
import { Link, useLocation } from '../router.tsx';
import { ErrorNotice, Loading, SuccessNotice } from '../ui/feedback.tsx';
import { Page } from '../ui/page.tsx';
import './family.css';
import { paymentMessages } from './payment-messages.ts';

type Confirmed = Json<'/api/v1/payments/confirm', 'post'>;

/** The confirm key is stable per order, so a reload or a retry never charges twice. */
export const confirmKey = (orderId: string) => `confirm-${orderId}`;

function Failure({ problem, onRetry }: { problem: Problem; onRetry(): void }) {
  const m = useMessages(paymentMessages).success;
  if (problem.code === 'AMOUNT_MISMATCH') {
    return (
      <div className="notice notice-error" role="alert">
        <p>{m.amountMismatch}</p>
      </div>
    );
  }
  const providerCode = typeof problem.providerCode === 'string' ? problem.providerCode : undefined;
  const canRetry = problem.code === 'PAYMENT_PROVIDER_UNAVAILABLE' || problem.code === 'NETWORK_ERROR' || problem.status >= 500;
  return (
    <>
      <ErrorNotice problem={problem} />
      {providerCode && <p>{m.providerCode(providerCode)}</p>}
      {canRetry && (
        <button type="button" className="btn btn-primary" onClick={onRetry}>
          {m.retry}
        </button>
      )}
    </>
  );
}

/** Toss's success redirect (and the sandbox's): confirms the payment, then links to the reservation. */
export function PaymentSuccessPage() {
  const m = useMessages(paymentMessages).success;
  const f = useFormat();
  const { query } = useLocation();
  const paymentKey = query.get('paymentKey') ?? '';
  const orderId = query.get('orderId') ?? '';
  const amount = Number(query.get('amount'));
  const complete = Boolean(paymentKey && orderId && Number.isFinite(amount) && amount > 0);
  const [result, setResult] = useState<Confirmed>();
  const [problem, setProblem] = useState<Problem>();
  const [attempt, setAttempt] = useState(0);
  const started = useRef(-1);
  useEffect(() => {
    if (!complete || started.current === attempt) return; // once per attempt, also under StrictMode
    started.current = attempt;
    setProblem(undefined);
    call(api.POST('/api/v1/payments/confirm', { body: { paymentKey, orderId, amount }, headers: { 'Idempotency-Key': confirmKey(orderId) } })).then(setResult, (error: unknown) =>
      setProblem(problemOf(error)),
    );
  }, [complete, attempt, paymentKey, orderId, amount]);
  let body;
  if (!complete) body = <p className="notice notice-error">{m.missing}</p>;
  else if (problem) body = <Failure problem={problem} onRetry={() => setAttempt((a) => a + 1)} />;
  else if (!result) body = <Loading label={m.confirming} />;
  else {
    body = (
      <>
        <SuccessNotice>
          <p>{m.done}</p>
        </SuccessNotice>
        <dl className="family-kv">
          <div>
            <dt>{m.amount}</dt>
            <dd>{f.krw(result.amount)}</dd>
          </div>
          {result.method && (
            <div>
              <dt>{m.method}</dt>
              <dd>{result.method}</dd>
            </div>
          )}
          {result.approvedAt && (
            <div>
              <dt>{m.approvedAt}</dt>
              <dd>{f.dateTime(result.approvedAt)}</dd>
            </div>
          )}
        </dl>
        {result.receiptUrl && (
          <a href={result.receiptUrl} target="_blank" rel="noreferrer noopener">
            {m.receipt}
          </a>
        )}
        <Link to={`/reservations/${encodeURIComponent(result.reservationId)}`} className="btn btn-primary">
          {m.toReservation}
        </Link>
      </>
    );
  }
  return (
    <Page title={m.title}>
      <div className="card stack narrow">
        {body}
        {(!result || problem) && <Link to="/reservations">{m.toList}</Link>}
      </div>
    </Page>
  );
}
