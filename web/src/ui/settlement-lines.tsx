import type { SettlementLine } from '../api/settlements.ts';
import { useFormat, useLocale, useMessages } from '../i18n/i18n.tsx';
import { BUSINESS_TIME_ZONE } from '../i18n/seoul-time.ts';
import { Link } from '../router.tsx';
import { settlementLineMessages } from './settlement-messages.ts';

// The per-booking lines of a settlement (admin preview and detail, caregiver earnings): what the guardian
// paid and got back, the commission and the payout of each booking, with a total row.

const shortId = (id: string) => (id.length > 8 ? id.slice(-8) : id);

/**
 * "Mon, Nov 30, 2026 – Sun, Dec 6, 2026": the days a half-open [start, end) period covers, in Seoul;
 * `compact` for table cells: "11/30/26 – 12/6/26" (ko "26. 11. 30. – 26. 12. 6.").
 */
export function usePeriodLabel(compact = false): (start: string, end: string) => string {
  const f = useFormat();
  const { locale } = useLocale();
  const m = useMessages(settlementLineMessages);
  const short = new Intl.DateTimeFormat(locale === 'ko' ? 'ko-KR' : 'en-US', { timeZone: BUSINESS_TIME_ZONE, year: '2-digit', month: 'numeric', day: 'numeric' });
  const day = (at: string | Date) => (compact ? short.format(new Date(at)) : f.date(at));
  return (start, end) => m.period(day(start), day(new Date(new Date(end).getTime() - 1)));
}

/** Tone of a settlement status badge (the text always says the status too). */
export function settlementTone(status: string): 'warn' | 'good' | 'neutral' {
  return status === 'PAID' ? 'good' : status === 'PENDING' ? 'warn' : 'neutral';
}

/** The same lines as a list of small cards, one per booking, for narrow screens (the caregiver's phone). */
export function SettlementLineCards({ lines, period, reservationHref }: { lines: readonly SettlementLine[]; period: string; reservationHref: (id: string) => string }) {
  const m = useMessages(settlementLineMessages).lines;
  const f = useFormat();
  const row = (label: string, value: string) => (
    <div className="kv">
      <dt>{label}</dt>
      <dd className="num">{value}</dd>
    </div>
  );
  return (
    <ul className="list settlement-line-cards" aria-label={m.caption(period)}>
      {lines.map((line) => (
        <li key={`${line.reservationId}-${line.kind}-${line.finishedAt}`} className="settlement-line-card">
          <p>
            <Link to={reservationHref(line.reservationId)} title={line.reservationId}>
              {m.reservation} {shortId(line.reservationId)}
            </Link>{' '}
            · {m.kinds[line.kind]} · {f.dateTime(line.finishedAt)}
          </p>
          <dl>
            {row(m.paid, f.krw(line.paid))}
            {line.refunded !== 0 && row(m.refunded, f.krw(line.refunded))}
            {row(m.commission, f.krw(line.commissionAmount))}
            {row(m.net, f.krw(line.netAmount))}
          </dl>
        </li>
      ))}
    </ul>
  );
}

export function SettlementLines({
  lines,
  period,
  reservationHref,
  totals,
}: {
  lines: readonly SettlementLine[];
  /** the period, for the table's caption */
  period: string;
  /** where a booking's id links to (the admin's or the caregiver's reservation page) */
  reservationHref: (id: string) => string;
  totals: { readonly grossAmount: number; readonly commissionAmount: number; readonly netAmount: number };
}) {
  const m = useMessages(settlementLineMessages).lines;
  const f = useFormat();
  return (
    <div className="table-wrap" tabIndex={0} role="region" aria-label={m.caption(period)}>
      <table>
        <caption className="sr-only">{m.caption(period)}</caption>
        <thead>
          <tr>
            <th scope="col">{m.reservation}</th>
            <th scope="col">{m.kind}</th>
            <th scope="col">{m.finishedAt}</th>
            <th scope="col" className="num">{m.paid}</th>
            <th scope="col" className="num">{m.refunded}</th>
            <th scope="col" className="num">{m.amount}</th>
            <th scope="col" className="num">{m.commission}</th>
            <th scope="col" className="num">{m.net}</th>
          </tr>
        </thead>
        <tbody>
          {lines.map((line) => (
            <tr key={`${line.reservationId}-${line.kind}-${line.finishedAt}`}>
              <td>
                <Link to={reservationHref(line.reservationId)} title={line.reservationId}>
                  {shortId(line.reservationId)}
                </Link>
              </td>
              <td>{m.kinds[line.kind]}</td>
              <td>{f.dateTime(line.finishedAt)}</td>
              <td className="num">{f.krw(line.paid)}</td>
              <td className="num">{f.krw(line.refunded)}</td>
              <td className="num">{f.krw(line.amount)}</td>
              <td className="num">{f.krw(line.commissionAmount)}</td>
              <td className="num">{f.krw(line.netAmount)}</td>
            </tr>
          ))}
        </tbody>
        <tfoot>
          <tr>
            <th scope="row" colSpan={5}>
              {m.total}
            </th>
            <td className="num">{f.krw(totals.grossAmount)}</td>
            <td className="num">{f.krw(totals.commissionAmount)}</td>
            <td className="num">{f.krw(totals.netAmount)}</td>
          </tr>
        </tfoot>
      </table>
    </div>
  );
}
