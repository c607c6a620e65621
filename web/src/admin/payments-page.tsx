import { common } from '../i18n/common.ts';
import { useFormat, useMessages } from '../i18n/i18n.tsx';
import { Link } from '../router.tsx';
import { Badge } from '../ui/page.tsx';
import { adminApi, PAYMENT_STATUSES, type AdminPayment, type PaymentStatus } from './admin-api.ts';
import { LiveListPage } from './live-list-page.tsx';
import { messages } from './messages.ts';
import { peopleMessages } from './people-messages.ts';
import { PersonLink } from './person-link.tsx';
import { labelOf, paymentTone, shortId } from './format.ts';

export function AdminPaymentsPage() {
  const c = useMessages(common);
  const m = useMessages(messages);
  const pm = useMessages(peopleMessages);
  const f = useFormat();
  const statusLabel = (status: string) => labelOf(c.paymentStatus, status);
  return (
    <LiveListPage<AdminPayment, PaymentStatus>
      path="/admin/payments"
      title={c.nav.adminPayments}
      load={adminApi.payments}
      updateOf={(frame) => (frame.type === 'payment.updated' ? frame.payment : undefined)}
      statuses={PAYMENT_STATUSES}
      statusLabel={statusLabel}
      announce={m.live.paymentChanged}
      rangeHint={m.filters.paymentRangeHint}
      caption={m.payments.caption}
      empty={m.payments.empty}
      newLabel={m.live.newPayments}
      head={
        <tr>
          <th scope="col">{m.payments.orderId}</th>
          <th scope="col">{m.payments.reservation}</th>
          <th scope="col">{pm.guardian}</th>
          <th scope="col">{pm.caregiver}</th>
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
          {/* The full order id (as Toss shows it) is in the tooltip: the whole table fits 1280 px (issue 13 item 10). */}
          <td title={p.orderId}>
            <code>{shortId(p.orderId)}</code>
          </td>
          <td>
            <Link to={`/admin/reservations/${encodeURIComponent(p.reservationId)}`} title={p.reservationId}>
              {shortId(p.reservationId)}
            </Link>
          </td>
          <td>
            <PersonLink id={p.guardianId} name={p.guardianName} />
          </td>
          <td>{p.caregiverName ?? '–'}</td>
          <td className="num">{f.krw(p.amount)}</td>
          <td className="num">{f.krw(p.balanceAmount)}</td>
          <td>
            <Badge tone={paymentTone(p.status)}>{statusLabel(p.status)}</Badge>
          </td>
          <td>{p.method ?? '–'}</td>
          <td>{p.provider}</td>
          <td className="cell-wrap">{p.approvedAt ? f.dateTime(p.approvedAt) : '–'}</td>
        </tr>
      )}
    />
  );
}
