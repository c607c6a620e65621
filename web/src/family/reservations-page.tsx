import { useState } from 'react';
import { api, call } from '../api/client.ts';
import { useLiveFrames } from '../api/live.ts';
import type { Json, Query } from '../api/types.ts';
import { common } from '../i18n/common.ts';
import { useFormat, useMessages } from '../i18n/i18n.tsx';
import { Link } from '../router.tsx';
import { AsyncView } from '../ui/feedback.tsx';
import { SelectField } from '../ui/form.tsx';
import { Badge, Page, reservationTone } from '../ui/page.tsx';
import './family.css';
import { reservationMessages } from './reservation-messages.ts';
import { reservationUpdate, withStatus } from './reservation-live.ts';
import { MorePages } from './more-pages.tsx';
import { usePages } from './use-pages.ts';

type Item = Json<'/api/v1/reservations', 'get'>['items'][number];
type Status = Item['status'];
const STATUSES: readonly Status[] = ['REQUESTED', 'ACCEPTED', 'CONFIRMED', 'IN_PROGRESS', 'COMPLETED', 'REJECTED', 'CANCELLED', 'EXPIRED'];

function ReservationItem({ reservation }: { reservation: Item }) {
  const m = useMessages(reservationMessages).list;
  const c = useMessages(common);
  const f = useFormat();
  return (
    <li className="card family-list-item">
      <p className="row">
        <Badge tone={reservationTone(reservation.status)}>{c.reservationStatus[reservation.status]}</Badge>
        <strong>{reservation.caregiverName}</strong>
        <span className="muted">{c.serviceType[reservation.serviceType]}</span>
      </p>
      <p>{f.range(reservation.startAt, reservation.endAt)}</p>
      <p>{m.total(f.krw(reservation.totalAmount))}</p>
      <p>
        <Link to={`/reservations/${encodeURIComponent(reservation.id)}`}>
          {m.view}
          <span className="sr-only">
            {' '}
            · {reservation.caregiverName} {f.date(reservation.startAt)}
          </span>
        </Link>
      </p>
    </li>
  );
}

export function ReservationsPage() {
  const m = useMessages(reservationMessages).list;
  const c = useMessages(common);
  const [status, setStatus] = useState<Status | ''>('');
  const [live, setLive] = useState<Record<string, Item>>({});
  const pages = usePages((cursor) => {
    const query: Query<'/api/v1/reservations'> = { limit: 20, ...(status ? { status: [status] } : {}), ...(cursor ? { cursor } : {}) };
    return call(api.GET('/api/v1/reservations', { params: { query } }));
  }, [status]);
  useLiveFrames((frame) => {
    const update = reservationUpdate(
      frame,
      pages.items.map((r) => r.id),
    );
    if (!update) return;
    // Show the new status at once, then the reservation as it is now (its refund, note...).
    const item = pages.items.find((r) => r.id === update.id);
    if (item) setLive((l) => ({ ...l, [update.id]: withStatus([l[update.id] ?? item], update)[0] as Item }));
    void call(api.GET('/api/v1/reservations/{id}', { params: { path: { id: update.id } } })).then(
      (fresh) => setLive((l) => ({ ...l, [fresh.id]: fresh })),
      () => undefined,
    );
  });
  const items = pages.items.map((r) => live[r.id] ?? r);
  return (
    <Page title={m.title}>
      <div className="row">
        <SelectField
          label={m.status}
          name="status"
          value={status}
          onChange={(e) => setStatus(e.target.value as Status | '')}
          options={[{ value: '', label: m.all }, ...STATUSES.map((s) => ({ value: s, label: c.reservationStatus[s] }))]}
        />
      </div>
      <AsyncView
        state={pages.first}
        isEmpty={() => items.length === 0}
        empty={
          <>
            {m.empty} <Link to="/">{m.findCaregiver}</Link>
          </>
        }
      >
        {() => (
          <ul className="family-list">
            {items.map((r) => (
              <ReservationItem key={r.id} reservation={r} />
            ))}
          </ul>
        )}
      </AsyncView>
      <MorePages pages={pages} />
    </Page>
  );
}
