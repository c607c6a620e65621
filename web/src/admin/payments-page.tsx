import { useLiveFrames } from '../api/live.ts';
import { common } from '../i18n/common.ts';
import { useFormat, useMessages } from '../i18n/i18n.tsx';
import { Link, useLocation } from '../router.tsx';
import { Badge, Page } from '../ui/page.tsx';
import { adminApi, PAYMENT_STATUSES, type AdminPayment, type PaymentStatus } from './admin-api.ts';
import { filtersFromQuery, filtersToApi, filtersToSearch, ListFilters } from './list-filters.tsx';
import { LiveTable, useLiveHighlights } from './live-table.tsx';
import { messages } from './messages.ts';
import { labelOf, paymentTone, shortId } from './format.ts';
import { usePagedList } from './use-paged-list.ts';
import './admin.css';

const PATH = '/admin/payments';

export function AdminPaymentsPage() {
  const c = useMessages(common);
  const m = useMessages(messages);
  const f = useFormat();
  const { query } = useLocation();
  const filters = filtersFromQuery(query);
  const key = filtersToSearch(filters);
  const list = usePagedList<AdminPayment>((cursor) => adminApi.payments({ ...filtersToApi<PaymentStatus>(filters), ...(cursor ? { cursor } : {}) }), key);
  const statusLabel = (status: string) => labelOf(c.paymentStatus, status);
  const live = useLiveHighlights(list, (id, status) => m.live.paymentChanged(shortId(id), statusLabel(status)));
  useLiveFrames((frame) => {
    if (frame.type === 'payment.updated') live.onUpdate(frame.payment);
  });
  return (
    <Page title={c.nav.adminPayments} wide>
      <ListFilters
        key={key}
        path={PATH}
        values={filters}
        rangeHint={m.filters.paymentRangeHint}
        statuses={PAYMENT_STATUSES.map((s) => ({ value: s, label: c.paymentStatus[s] }))}
      />
      <LiveTable<AdminPayment>
        list={list}
        caption={m.payments.caption}
        empty={m.payments.empty}
        newLabel={m.live.newPayments}
        live={live}
        head={
          <tr>
            <th scope="col">{m.payments.orderId}</th>
            <th scope="col">{m.payments.reservation}</th>
            <th scope="col" className="num">
              {m.payments.amount}
            </th>
            <th scope="col" className="num">
              {m.payments.balance}
            </th>
            <th scope="col">{m.payments.status}</th>
            <th scope="col">{m.payments.method}</th>
            <th scope="col">{m.payments.provider}</th>
            <th scope="col">{m.payments.approvedAt}</th>
          </tr>
        }
        row={(p, highlighted) => (
          <tr key={p.id} className={highlighted ? 'row-highlight' : undefined}>
            <td>{p.orderId}</td>
            <td>
              <Link to={`/admin/reservations/${encodeURIComponent(p.reservationId)}`} title={p.reservationId}>
                {shortId(p.reservationId)}
              </Link>
            </td>
            <td className="num">{f.krw(p.amount)}</td>
            <td className="num">{f.krw(p.balanceAmount)}</td>
            <td>
              <Badge tone={paymentTone(p.status)}>{statusLabel(p.status)}</Badge>
            </td>
            <td>{p.method ?? '–'}</td>
            <td>{p.provider}</td>
            <td>{p.approvedAt ? f.dateTime(p.approvedAt) : '–'}</td>
          </tr>
        )}
      />
    </Page>
  );
}
