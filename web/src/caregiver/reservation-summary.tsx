import type { ReactNode } from 'react';
import type { Reservation } from '../api/types.ts';
import { common } from '../i18n/common.ts';
import { useFormat, useMessages } from '../i18n/i18n.tsx';
import { QuoteLines } from '../ui/quote-lines.tsx';
import { BookingEarnings, FamilyContact } from './booking-earnings.tsx';
import { caregiverMessages } from './messages.ts';
import { useRegionName } from '../ui/regions.tsx';

function Item({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div className="cg-kv">
      <dt>{label}</dt>
      <dd>{children}</dd>
    </div>
  );
}

/** Where, when and for whom: what a caregiver needs to decide on a request or to go to work. */
export function ReservationSummary({ reservation: r, showQuote = true }: { reservation: Reservation; showQuote?: boolean }) {
  const m = useMessages(caregiverMessages).reservation;
  const c = useMessages(common);
  const f = useFormat();
  const place = useRegionName();
  const patient = [r.patient.name, r.patient.birthYear ? m.patientBorn(r.patient.birthYear) : undefined, r.patient.gender ? c.gender[r.patient.gender] : undefined].filter(Boolean).join(' · ');
  return (
    <div className="stack cg-summary">
      <dl className="cg-facts">
        <Item label={m.when}>{f.range(r.startAt, r.endAt)}</Item>
        <Item label={m.serviceType}>
          {c.serviceType[r.serviceType]} · {c.rateType[r.rateType]}
        </Item>
        <Item label={m.location}>{[place(r.location.sido, r.location.sigungu), r.location.address].filter(Boolean).join(' ')}</Item>
        <Item label={m.patient}>{patient}</Item>
        <Item label={m.conditions}>{r.patient.conditions.length > 0 ? r.patient.conditions.join(', ') : m.none}</Item>
        {r.patient.notes && <Item label={m.notes}>{r.patient.notes}</Item>}
        {r.requestMessage && <Item label={m.requestMessage}>{r.requestMessage}</Item>}
        {r.caregiverNote && <Item label={m.caregiverNote}>{r.caregiverNote}</Item>}
        {r.expiresAt && (r.status === 'REQUESTED' || r.status === 'ACCEPTED') && (
          <Item label={r.status === 'REQUESTED' ? m.expiresAt : m.payBy}>
            <time dateTime={r.expiresAt}>{f.dateTime(r.expiresAt)}</time>
          </Item>
        )}
        {r.checkedInAt && <Item label={m.checkedInAt}>{f.dateTime(r.checkedInAt)}</Item>}
        {r.checkedOutAt && <Item label={m.checkedOutAt}>{f.dateTime(r.checkedOutAt)}</Item>}
        {r.rejectionReason && <Item label={m.rejectionReason}>{r.rejectionReason}</Item>}
        {r.suggestedAlternative && <Item label={m.suggestedAlternative}>{r.suggestedAlternative}</Item>}
        {r.cancelReason && <Item label={m.cancelReason}>{r.cancelReason}</Item>}
        {r.refundAmount !== undefined && <Item label={m.refundAmount}>{f.krw(r.refundAmount)}</Item>}
      </dl>
      {r.familyContact && <FamilyContact contact={r.familyContact} />}
      {r.caregiverEarnings ? (
        <BookingEarnings earnings={r.caregiverEarnings} />
      ) : showQuote ? (
        <QuoteLines quote={r.quote} />
      ) : (
        <p className="kv"><span>{m.total}</span><strong>{f.krw(r.totalAmount)}</strong></p>
      )}
    </div>
  );
}
