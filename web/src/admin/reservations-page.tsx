import { useLiveFrames } from '../api/live.ts';
import { common } from '../i18n/common.ts';
import { useFormat, useMessages } from '../i18n/i18n.tsx';
import { Link, useLocation } from '../router.tsx';
import { Badge, Page, reservationTone } from '../ui/page.tsx';
import { adminApi, RESERVATION_STATUSES, type AdminReservation, type ReservationStatus } from './admin-api.ts';
import { filtersFromQuery, filtersToApi, filtersToSearch, ListFilters } from './list-filters.tsx';
import { LiveTable, useLiveHighlights } from './live-table.tsx';
import { labelOf, shortId } from './format.ts';
import { messages } from './messages.ts';
import { usePagedList } from './use-paged-list.ts';
import './admin.css';

const PATH = '/admin/reservations';

export function AdminReservationsPage() {
  const c = useMessages(common);
  const m = useMessages(messages);
  const f = useFormat();
  const { query } = useLocation();
  const filters = filtersFromQuery(query);
  const key = filtersToSearch(filters);
  const list = usePagedList<AdminReservation>((cursor) => adminApi.reservations({ ...filtersToApi<ReservationStatus>(filters), ...(cursor ? { cursor } : {}) }), key);
  const statusLabel = (status: string) => labelOf(c.reservationStatus, status);
  const live = useLiveHighlights(list, (id, status) => m.live.reservationChanged(shortId(id), statusLabel(status)));
  useLiveFrames((frame) => {
    if (frame.type === 'reservation.updated') live.onUpdate(frame.reservation);
  });
  return (
    <Page title={c.nav.adminReservations} wide>
      <ListFilters
        key={key}
        path={PATH}
        values={filters}
        rangeHint={m.filters.reservationRangeHint}
        statuses={RESERVATION_STATUSES.map((s) => ({ value: s, label: c.reservationStatus[s] }))}
      />
      <LiveTable<AdminReservation>
        list={list}
        caption={m.reservations.caption}
        empty={m.reservations.empty}
        newLabel={m.live.newRows}
        live={live}
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
            <td title={r.guardianId}>{shortId(r.guardianId)}</td>
            <td title={r.caregiverId}>{r.caregiverName}</td>
            <td>
              <Badge tone={reservationTone(r.status)}>{statusLabel(r.status)}</Badge>
            </td>
            <td>{c.serviceType[r.serviceType]}</td>
            <td>{f.range(r.startAt, r.endAt)}</td>
            <td className="num">{f.krw(r.totalAmount)}</td>
            <td>{f.date(r.createdAt)}</td>
          </tr>
        )}
      />
    </Page>
  );
}
