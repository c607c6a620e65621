import { useMessages } from '../i18n/i18n.tsx';
import { Link, useLocation } from '../router.tsx';
import { Page } from '../ui/page.tsx';
import './family.css';
import { paymentMessages } from './payment-messages.ts';

/** Toss's fail redirect (?code&message&orderId): nothing was charged; back to the booking to try again. */
export function PaymentFailPage() {
  const m = useMessages(paymentMessages).fail;
  const { query } = useLocation();
  const code = query.get('code');
  const message = query.get('message');
  const reservationId = query.get('reservationId');
  return (
    <Page title={m.title}>
      <div className="card stack narrow">
        <div className="notice notice-error" role="alert">
          <p>{m.body}</p>
          {message && <p>{message}</p>}
          {code && <p className="muted">{m.code(code)}</p>}
        </div>
        {reservationId ? (
          <Link to={`/reservations/${encodeURIComponent(reservationId)}`} className="btn btn-primary">
            {m.toReservation}
          </Link>
        ) : null}
        <Link to="/reservations">{m.toList}</Link>
      </div>
    </Page>
  );
}
