import { common } from '../i18n/common.ts';
import { useFormat, useMessages } from '../i18n/i18n.tsx';
import { Link } from '../router.tsx';
import { Badge, reservationTone } from '../ui/page.tsx';
import { adminApi, RESERVATION_STATUSES, type AdminReservation, type ReservationStatus } from './admin-api.ts';
import { LiveListPage } from './live-list-page.tsx';
import { labelOf, shortId } from './format.ts';
import { messages } from './messages.ts';
import { PersonLink } from './person-link.tsx';

const PATH = '/admin/reservations';

export function AdminReservationsPage() {
  const c = useMessages(common);
  const m = useMessages(messages);
  const f = useFormat();
  const statusLabel = (status: string) => labelOf(c.reservationStatus, status);
  return (
    <LiveListPage<AdminReservation, ReservationStatus>
      path={PATH}
      title={c.nav.adminReservations}
      load={adminApi.reservations}
      updateOf={(frame) => (frame.type === 'reservation.updated' ? frame.reservation : undefined)}
      statuses={RESERVATION_STATUSES}
      statusLabel={statusLabel}
      announce={m.live.reservationChanged}
      rangeHint={m.filters.reservationRangeHint}
      caption={m.reservations.caption}
      empty={m.reservations.empty}
      newLabel={m.live.newRows}
      head={
        <tr>
          <th scope="col">{m.reservations.id}</th>
          <th scope="col">{m.reservations.guardian}</th>
          <th scope="col">{m.reservations.caregiver}</th>
          <th scope="col">{m.reservations.status}</th>
          <th scope="col">{m.reservations.serviceType}</th>
          <th scope="col">{m.reservations.period}</th>
          <th scope="col" className="num">
            {m.reservations.total}
          </th>
          <th scope="col">{m.reservations.createdAt}</th>
        </tr>
      }
      row={(r, highlighted) => (
        <tr key={r.id} className={highlighted ? 'row-highlight' : undefined}>
          <td>
            <Link to={`${PATH}/${encodeURIComponent(r.id)}`} title={r.id}>
              {shortId(r.id)}
            </Link>
          </td>
          <td>
            <PersonLink id={r.guardianId} name={r.guardianName} />
          </td>
          <td title={r.caregiverId}>{r.caregiverName}</td>
          <td>
            <Badge tone={reservationTone(r.status)}>{statusLabel(r.status)}</Badge>
          </td>
          <td>{c.serviceType[r.serviceType]}</td>
          <td className="cell-wrap">{f.range(r.startAt, r.endAt)}</td>
          <td className="num">{f.krw(r.totalAmount)}</td>
          <td>{f.date(r.createdAt)}</td>
        </tr>
      )}
    />
  );
}
