import { useState, type ReactNode } from 'react';
import { useLiveFrames } from '../api/live.ts';
import type { Reservation } from '../api/types.ts';
import { common } from '../i18n/common.ts';
import { useFormat, useLocale, useMessages } from '../i18n/i18n.tsx';
import { Link } from '../router.tsx';
import { AsyncView, SuccessNotice } from '../ui/feedback.tsx';
import { Badge, Page, reservationTone } from '../ui/page.tsx';
import { QuoteLines } from '../ui/quote-lines.tsx';
import { useAsync } from '../ui/use-async.ts';
import { adminApi } from './admin-api.ts';
import { CancelPanel } from './cancel-panel.tsx';
import { labelOf, shortId } from './format.ts';
import { messages } from './messages.ts';
import { PaymentSummary } from './payment-summary.tsx';
import { PersonContact } from './person-contact.tsx';
import { peopleMessages } from './people-messages.ts';
import './admin.css';
import { bornIn } from '../i18n/korean.ts';

const CANCELLABLE = new Set(['REQUESTED', 'ACCEPTED', 'CONFIRMED']);

/** One reservation with the patient's details (the server writes this read to the audit log). */
export function AdminReservationDetailPage({ params }: { params: Record<string, string> }) {
  const m = useMessages(messages);
  const id = params.id ?? '';
  const reservation = useAsync(() => adminApi.reservation(id), [id]);
  const [cancelled, setCancelled] = useState(false);
  // A payment frame (e.g. the refund after a cancellation, which the provider settles a moment later) refetches the payment too.
  const [paymentVersion, setPaymentVersion] = useState(0);
  useLiveFrames((frame) => {
    if (frame.type === 'reservation.updated' && frame.reservation.id === id) reservation.reload();
    if (frame.type === 'payment.updated' && frame.payment.reservationId === id) {
      reservation.reload();
      setPaymentVersion((v) => v + 1);
    }
  });
  return (
    <Page title={`${m.detail.title} ${shortId(id)}`} wide actions={<Link to="/admin/reservations">{m.detail.backToList}</Link>}>
      <p className="notice notice-info">{m.detail.auditNotice}</p>
      {cancelled && <SuccessNotice>{m.detail.cancelled}</SuccessNotice>}
      <AsyncView state={reservation}>
        {(r) => (
          <div className="split">
            <div className="stack">
              <ReservationSummary reservation={r} />
              <PatientCard reservation={r} />
            </div>
            <div className="stack">
              <section className="card" aria-labelledby="quote-title">
                <h2 id="quote-title">{m.reservations.total}</h2>
                <QuoteLines quote={r.quote} />
              </section>
              <PaymentSummary paymentId={r.paymentId} version={`${r.updatedAt}-${paymentVersion}`} />
              {CANCELLABLE.has(r.status) && (
                <CancelPanel
                  reservationId={r.id}
                  onCancelled={() => {
                    setCancelled(true);
                    reservation.reload();
                  }}
                />
              )}
            </div>
          </div>
        )}
      </AsyncView>
    </Page>
  );
}

function Row({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div className="kv">
      <dt>{label}</dt>
      <dd>{children}</dd>
    </div>
  );
}

function ReservationSummary({ reservation: r }: { reservation: Reservation }) {
  const c = useMessages(common);
  const m = useMessages(messages);
  const pm = useMessages(peopleMessages);
  const f = useFormat();
  return (
    <section className="card" aria-labelledby="summary-title">
      <h2 id="summary-title">{m.detail.summary}</h2>
      <dl className="stat-list">
        <Row label={m.reservations.status}>
          <Badge tone={reservationTone(r.status)}>{labelOf(c.reservationStatus, r.status)}</Badge>
        </Row>
        <Row label={m.reservations.id}>
          <code>{r.id}</code>
        </Row>
        <Row label={pm.guardian}>
          <PersonContact id={r.guardianId} />
        </Row>
        <Row label={m.detail.caregiver}>
          {r.caregiverName} <code className="muted">{r.caregiverId}</code>
        </Row>
        <Row label={m.reservations.serviceType}>{c.serviceType[r.serviceType]}</Row>
        <Row label={m.detail.rateType}>{c.rateType[r.rateType]}</Row>
        <Row label={m.reservations.period}>{f.range(r.startAt, r.endAt)}</Row>
        <Row label={m.detail.location}>{[r.location.sido, r.location.sigungu, r.location.address].filter(Boolean).join(' ')}</Row>
        <Row label={m.reservations.createdAt}>{f.dateTime(r.createdAt)}</Row>
        {r.caregiverNote && <Row label={m.detail.caregiverNote}>{r.caregiverNote}</Row>}
        {r.rejectionReason && <Row label={m.detail.rejectionReason}>{r.rejectionReason}</Row>}
        {r.cancelReason && <Row label={m.detail.cancelReason}>{r.cancelReason}</Row>}
        {r.cancelledBy && <Row label={m.detail.cancelledBy}>{c.roles[r.cancelledBy]}</Row>}
        {r.refundAmount !== undefined && <Row label={m.detail.refundAmount}>{f.krw(r.refundAmount)}</Row>}
      </dl>
    </section>
  );
}

function PatientCard({ reservation: r }: { reservation: Reservation }) {
  const c = useMessages(common);
  const m = useMessages(messages);
  const { locale } = useLocale();
  return (
    <section className="card" aria-labelledby="patient-title">
      <h2 id="patient-title">{m.detail.patient}</h2>
      <dl className="stat-list">
        <Row label={m.detail.patientName}>{r.patient.name}</Row>
        {r.patient.birthYear !== undefined && <Row label={m.detail.birthYear}>{bornIn(r.patient.birthYear, locale)}</Row>}
        {r.patient.gender && <Row label={m.detail.gender}>{c.gender[r.patient.gender]}</Row>}
        {r.patient.conditions.length > 0 && <Row label={m.detail.conditions}>{r.patient.conditions.join(', ')}</Row>}
        {r.patient.notes && <Row label={m.detail.notes}>{r.patient.notes}</Row>}
        {r.requestMessage && <Row label={m.detail.requestMessage}>{r.requestMessage}</Row>}
      </dl>
    </section>
  );
}
