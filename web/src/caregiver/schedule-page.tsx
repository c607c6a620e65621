import { useState } from 'react';
import type { Reservation } from '../api/types.ts';
import { common } from '../i18n/common.ts';
import { useFormat, useMessages, type Formatters } from '../i18n/i18n.tsx';
import { Link } from '../router.tsx';
import { AsyncView, SuccessNotice } from '../ui/feedback.tsx';
import { Badge, Page, reservationTone } from '../ui/page.tsx';
import { useAsync } from '../ui/use-async.ts';
import { ACTIVE_STATUSES, byStart, FINISHED_STATUSES, loadReservations, useLiveReload } from './data.ts';
import { caregiverMessages } from './messages.ts';
import { WorkActions } from './work-actions.tsx';
import './caregiver.css';
import { useRegionName } from '../ui/regions.tsx';

/** Bookings grouped by their start day in Seoul, in the order given. */
export function groupByDay(items: readonly Reservation[], f: Pick<Formatters, 'date'>): { day: string; items: Reservation[] }[] {
  const groups: { day: string; items: Reservation[] }[] = [];
  for (const r of items) {
    const day = f.date(r.startAt);
    const last = groups.at(-1);
    if (last?.day === day) last.items.push(r);
    else groups.push({ day, items: [r] });
  }
  return groups;
}

function BookingItem({ reservation: r, onDone }: { reservation: Reservation; onDone?(message: string): void }) {
  // Upcoming items sit under their day's heading, so they show times only; past ones show the dates.
  const m = useMessages(caregiverMessages);
  const c = useMessages(common);
  const f = useFormat();
  const place = useRegionName();
  return (
    <li className="card stack cg-booking">
      <div className="row cg-booking-head">
        <strong>{onDone && f.date(r.startAt) === f.date(r.endAt) ? `${f.time(r.startAt)} – ${f.time(r.endAt)}` : f.range(r.startAt, r.endAt)}</strong>
        <Badge tone={reservationTone(r.status)}>{c.reservationStatus[r.status]}</Badge>
      </div>
      <p>
        {c.serviceType[r.serviceType]} · {r.patient.name} · {[place(r.location.sido, r.location.sigungu), r.location.address].filter(Boolean).join(' ')}
      </p>
      {onDone && <WorkActions reservation={r} onDone={(_, message) => onDone(message)} />}
      <Link to={`/caregiver/reservations/${encodeURIComponent(r.id)}`} className="btn btn-link">
        {m.schedule.viewDetail}
      </Link>
    </li>
  );
}

export function CaregiverSchedulePage() {
  const m = useMessages(caregiverMessages).schedule;
  const f = useFormat();
  const [message, setMessage] = useState<string>();
  const upcoming = useAsync(async () => (await loadReservations(ACTIVE_STATUSES)).sort(byStart), []);
  const [showPast, setShowPast] = useState(false);
  const past = useAsync(async () => (showPast ? loadReservations(FINISHED_STATUSES) : []), [showPast]);
  useLiveReload(() => {
    upcoming.reload();
    if (showPast) past.reload();
  });
  const done = (text: string) => {
    setMessage(text);
    upcoming.reload();
  };
  return (
    <Page title={m.title}>
      {message && <SuccessNotice>{message}</SuccessNotice>}
      <section aria-labelledby="cg-upcoming" className="stack">
        <h2 id="cg-upcoming">{m.upcoming}</h2>
        <AsyncView state={upcoming} isEmpty={(items) => items.length === 0} empty={m.empty}>
          {(items) =>
            groupByDay(items, f).map((group) => (
              <section key={group.day} className="stack cg-day" aria-label={group.day}>
                <h3>{group.day}</h3>
                <ul className="list">
                  {group.items.map((r) => (
                    <BookingItem key={r.id} reservation={r} onDone={done} />
                  ))}
                </ul>
              </section>
            ))
          }
        </AsyncView>
      </section>
      <details className="cg-past" onToggle={(e) => setShowPast(e.currentTarget.open)}>
        <summary>{m.past}</summary>
        {showPast && (
          <AsyncView state={past} isEmpty={(items) => items.length === 0} empty={m.pastEmpty}>
            {(items) => (
              <ul className="list">
                {items.map((r) => (
                  <BookingItem key={r.id} reservation={r} />
                ))}
              </ul>
            )}
          </AsyncView>
        )}
      </details>
    </Page>
  );
}
