import { useState } from 'react';
import type { Reservation } from '../api/types.ts';
import { useFormat, useMessages } from '../i18n/i18n.tsx';
import { Link } from '../router.tsx';
import { AsyncView, SuccessNotice } from '../ui/feedback.tsx';
import { Page } from '../ui/page.tsx';
import { useAsync } from '../ui/use-async.ts';
import { byStart, loadReservations, useLiveReload } from './data.ts';
import { caregiverMessages } from './messages.ts';
import { ReservationSummary } from './reservation-summary.tsx';
import { RespondPanel } from './respond-panel.tsx';
import './caregiver.css';

function RequestCard({ reservation: r, onAnswered }: { reservation: Reservation; onAnswered(message: string): void }) {
  const t = useMessages(caregiverMessages);
  const f = useFormat();
  const titleId = `cg-request-${r.id}`;
  return (
    <li>
      <article className="card stack" aria-labelledby={titleId}>
        <h2 id={titleId} className="cg-card-title">
          <Link to={`/caregiver/reservations/${encodeURIComponent(r.id)}`}>{t.requests.requestFor(r.patient.name, f.date(r.startAt))}</Link>
        </h2>
        <ReservationSummary reservation={r} />
        <RespondPanel reservation={r} onDone={(_, message) => onAnswered(message)} />
      </article>
    </li>
  );
}

export function CaregiverRequestsPage() {
  const m = useMessages(caregiverMessages).requests;
  const [message, setMessage] = useState<string>();
  const state = useAsync(async () => (await loadReservations(['REQUESTED'])).sort(byStart), []);
  useLiveReload(state.reload);
  return (
    <Page title={m.title}>
      {message && <SuccessNotice>{message}</SuccessNotice>}
      <AsyncView state={state} isEmpty={(items) => items.length === 0} empty={m.empty}>
        {(items) => (
          <ul className="list">
            {items.map((r) => (
              <RequestCard key={r.id} reservation={r} onAnswered={(text) => { setMessage(text); state.reload(); }} />
            ))}
          </ul>
        )}
      </AsyncView>
    </Page>
  );
}
