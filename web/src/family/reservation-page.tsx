import type { ReactNode } from 'react';
import { api, call } from '../api/client.ts';
import { useLiveFrames } from '../api/live.ts';
import type { Reservation } from '../api/types.ts';
import { useSession } from '../auth/session-provider.tsx';
import { common } from '../i18n/common.ts';
import { useFormat, useLocale, useMessages } from '../i18n/i18n.tsx';
import { Link } from '../router.tsx';
import { AsyncView, ErrorNotice } from '../ui/feedback.tsx';
import { Badge, Page, reservationTone } from '../ui/page.tsx';
import { QuoteLines } from '../ui/quote-lines.tsx';
import { useAction, useAsync } from '../ui/use-async.ts';
import { MessageCaregiverButton } from '../chat/open-chat.tsx';
import { CancelPanel } from './cancel-panel.tsx';
import './family.css';
import { reservationMessages } from './reservation-messages.ts';
import { startPayment } from './payment-start.ts';
import { reservationUpdate } from './reservation-live.ts';
import { ReviewForm } from './review-form.tsx';
import { bornIn } from '../i18n/korean.ts';
import { useRegionName } from '../ui/regions.tsx';

function Row({ term, children }: { term: string; children: ReactNode }) {
  return (
    <div>
      <dt>{term}</dt>
      <dd>{children}</dd>
    </div>
  );
}

function Details({ reservation: r }: { reservation: Reservation }) {
  const m = useMessages(reservationMessages).detail;
  const c = useMessages(common);
  const f = useFormat();
  const { locale } = useLocale();
  const place = useRegionName();
  const p = r.patient;
  return (
    <>
      <section className="card family-section" aria-labelledby="schedule-title">
        <h2 id="schedule-title">{m.schedule}</h2>
        <dl className="family-kv">
          <Row term={m.caregiver}>
            <Link to={`/caregivers/${encodeURIComponent(r.caregiverId)}`}>{r.caregiverName}</Link>
          </Row>
          <Row term={m.schedule}>{f.range(r.startAt, r.endAt)}</Row>
          <Row term={m.serviceType}>{c.serviceType[r.serviceType]}</Row>
          <Row term={m.rateType}>{c.rateType[r.rateType]}</Row>
          <Row term={m.location}>{[place(r.location.sido, r.location.sigungu), r.location.address].filter(Boolean).join(' ')}</Row>
        </dl>
        {r.requestMessage && (
          <p>
            <strong>{m.requestMessage}:</strong> {r.requestMessage}
          </p>
        )}
      </section>
      <section className="card family-section" aria-labelledby="patient-title">
        <h2 id="patient-title">{m.patient}</h2>
        <dl className="family-kv">
          <Row term={m.patientName}>{p.name}</Row>
          {p.birthYear !== undefined && <Row term={m.birthYear}>{bornIn(p.birthYear, locale)}</Row>}
          {p.gender && <Row term={m.gender}>{c.gender[p.gender]}</Row>}
          {p.conditions.length > 0 && <Row term={m.conditions}>{p.conditions.join(', ')}</Row>}
        </dl>
        {p.notes && (
          <p className="family-intro">
            <strong>{m.notes}:</strong> {p.notes}
          </p>
        )}
      </section>
      <section className="card family-section" aria-labelledby="price-title">
        <h2 id="price-title">{m.price}</h2>
        <QuoteLines quote={r.quote} />
        {r.refundAmount !== undefined && <p>{m.refund(f.krw(r.refundAmount))}</p>}
      </section>
    </>
  );
}

function Answers({ reservation: r }: { reservation: Reservation }) {
  const m = useMessages(reservationMessages).detail;
  const f = useFormat();
  const lines: [string, string | undefined][] = [
    [m.caregiverNote, r.caregiverNote],
    [m.rejectionReason, r.rejectionReason],
    [m.suggestedAlternative, r.suggestedAlternative],
    [m.cancelReason, r.cancelReason],
  ];
  const shown = lines.filter(([, text]) => text);
  return (
    <>
      {r.expiresAt && r.status === 'REQUESTED' && <p className="notice notice-info">{m.expiresAt(f.dateTime(r.expiresAt))}</p>}
      {r.checkedInAt && <p>{m.checkedIn(f.dateTime(r.checkedInAt))}</p>}
      {r.checkedOutAt && <p>{m.checkedOut(f.dateTime(r.checkedOutAt))}</p>}
      {shown.map(([term, text]) => (
        <div key={term} className="card">
          <strong>{term}</strong>
          <p className="family-intro">{text}</p>
        </div>
      ))}
    </>
  );
}

/** After acceptance the one thing left is paying: said first, with the deadline, above everything else. */
function PayNow({ reservation: r }: { reservation: Reservation }) {
  const m = useMessages(reservationMessages).detail;
  const f = useFormat();
  const pay = useAction(() => startPayment(r.id));
  return (
    <section className="card stack family-pay-now" aria-labelledby="pay-now-title">
      <h2 id="pay-now-title">{m.acceptedTitle}</h2>
      {r.expiresAt && <p>{m.payBy(f.dateTime(r.expiresAt))}</p>}
      <ErrorNotice problem={pay.problem} />
      <button type="button" className="btn btn-primary" onClick={() => void pay.run()} disabled={pay.pending} aria-busy={pay.pending || undefined}>
        {pay.pending ? m.paying : m.pay}
      </button>
    </section>
  );
}

function Actions({ reservation: r, reload }: { reservation: Reservation; reload(): void }) {
  const cancellable = r.status === 'REQUESTED' || r.status === 'ACCEPTED' || r.status === 'CONFIRMED';
  return (
    <div className="stack">
      {cancellable && <CancelPanel key={r.status} reservationId={r.id} onCancelled={reload} />}
      {r.status === 'COMPLETED' && <ReviewForm reservationId={r.id} />}
    </div>
  );
}

export function ReservationPage({ params }: { params: Record<string, string> }) {
  const m = useMessages(reservationMessages).detail;
  const c = useMessages(common);
  const { user } = useSession();
  const id = params.id ?? '';
  const reservation = useAsync(() => call(api.GET('/api/v1/reservations/{id}', { params: { path: { id } } })), [id]);
  useLiveFrames((frame) => {
    const paid = frame.type === 'payment.updated' && frame.payment.reservationId === id;
    if (paid || reservationUpdate(frame, [id])) reservation.reload();
  });
  const r = reservation.data;
  return (
    <Page
      title={m.title}
      wide
      actions={r && <Badge tone={reservationTone(r.status)}>{c.reservationStatus[r.status]}</Badge>}
    >
      <AsyncView state={reservation}>
        {(data) => (
          <>
          {user?.role === 'GUARDIAN' && data.status === 'ACCEPTED' && <PayNow reservation={data} />}
          {data.status === 'CONFIRMED' && <p className="notice notice-success" role="status">{m.confirmed}</p>}
          <div className="split">
            <div className="stack">
              <Details reservation={data} />
            </div>
            <div className="stack" aria-live="polite">
              <Answers reservation={data} />
              {user?.role === 'GUARDIAN' && <Actions reservation={data} reload={reservation.reload} />}
              {user?.role === 'GUARDIAN' && <MessageCaregiverButton caregiverId={data.caregiverId} />}
              <Link to="/reservations">{m.backToList}</Link>
            </div>
          </div>
          </>
        )}
      </AsyncView>
    </Page>
  );
}
