import { useState } from 'react';
import { useLiveFrames } from '../api/live.ts';
import { settlementsApi, type EarningsSummary, type Settlement } from '../api/settlements.ts';
import { common } from '../i18n/common.ts';
import { useFormat, useMessages } from '../i18n/i18n.tsx';
import { AsyncView, ErrorNotice, Loading } from '../ui/feedback.tsx';
import { Badge, Page } from '../ui/page.tsx';
import { SettlementLineCards, settlementTone, usePeriodLabel } from '../ui/settlement-lines.tsx';
import { useAction, useAsync } from '../ui/use-async.ts';
import { earningsMessages } from './earnings-messages.ts';
import './caregiver.css';

// The caregiver's earnings: this month, what is not settled yet, awaiting payout and paid out, the next
// settlement date; then their settlements (newest first) with the per-booking lines folded under each.

interface Loaded {
  readonly summary: EarningsSummary;
  readonly items: readonly Settlement[];
  readonly nextCursor: string | null;
}

async function load(): Promise<Loaded> {
  const [summary, page] = await Promise.all([settlementsApi.summary(), settlementsApi.mine()]);
  return { summary, items: page.items, nextCursor: page.nextCursor };
}

export function CaregiverEarningsPage() {
  const m = useMessages(earningsMessages).earnings;
  const state = useAsync(load, []);
  // A payout (or a new settlement run's notification) changes the figures: read them again.
  useLiveFrames((frame) => {
    if (frame.type === 'notification' && frame.notification.type === 'SETTLEMENT_PAID') state.reload();
  });
  return (
    <Page title={m.title}>
      <AsyncView state={state}>
        {(loaded) => (
          <div className="stack">
            <Summary summary={loaded.summary} />
            <SettlementList key={loaded.items.map((s) => `${s.id}:${s.status}`).join(',')} first={loaded} />
          </div>
        )}
      </AsyncView>
    </Page>
  );
}

function Summary({ summary: s }: { summary: EarningsSummary }) {
  const m = useMessages(earningsMessages).earnings;
  const f = useFormat();
  const rate = `${f.number(Math.round(s.commissionRate * 10000) / 100)}%`;
  const card = (id: string, title: string, amount: number, detail: string) => (
    <section className="card" aria-labelledby={id}>
      <h2 id={id}>{title}</h2>
      <p className="cg-count">{f.krw(amount)}</p>
      <p className="muted">{detail}</p>
    </section>
  );
  return (
    <section className="stack" aria-label={m.summary}>
      <div className="grid cg-home-grid">
        {card('earn-month', m.thisMonth, s.thisMonth.netAmount, m.thisMonthDetail(s.thisMonth.reservationCount, f.krw(s.thisMonth.grossAmount), f.krw(s.thisMonth.commissionAmount)))}
        {card('earn-unsettled', m.unsettled, s.unsettled.netAmount, m.unsettledDetail(s.unsettled.reservationCount))}
        {card('earn-pending', m.pending, s.pending.netAmount, m.settlementCount(s.pending.count))}
        {card('earn-paid', m.paid, s.paid.netAmount, m.settlementCount(s.paid.count))}
        <section className="card" aria-labelledby="earn-next">
          <h2 id="earn-next">{m.nextPayout}</h2>
          <p className="cg-count">{s.nextPayoutDate ? f.date(s.nextPayoutDate) : m.noSchedule}</p>
        </section>
      </div>
      <p className="muted">{m.commissionNote(rate)}</p>
    </section>
  );
}

function SettlementList({ first }: { first: Loaded }) {
  const m = useMessages(earningsMessages).earnings;
  const c = useMessages(common);
  const [items, setItems] = useState(first.items);
  const [cursor, setCursor] = useState(first.nextCursor);
  const more = useAction(async (after: string) => {
    const page = await settlementsApi.mine(after);
    setItems((previous) => [...previous, ...page.items]);
    setCursor(page.nextCursor);
  });
  return (
    <section className="stack" aria-labelledby="earn-list-title">
      <h2 id="earn-list-title">{m.listTitle}</h2>
      {items.length === 0 ? (
        <p className="empty">{m.empty}</p>
      ) : (
        <ul className="list" aria-labelledby="earn-list-title">
          {items.map((s) => (
            <SettlementItem key={s.id} settlement={s} />
          ))}
        </ul>
      )}
      <ErrorNotice problem={more.problem} />
      {more.pending && <Loading />}
      {cursor && !more.pending && (
        <div>
          <button type="button" className="btn btn-secondary" onClick={() => void more.run(cursor)}>
            {c.actions.more}
          </button>
        </div>
      )}
    </section>
  );
}

function SettlementItem({ settlement: s }: { settlement: Settlement }) {
  const m = useMessages(earningsMessages).earnings;
  const f = useFormat();
  const periodLabel = usePeriodLabel();
  const period = periodLabel(s.periodStart, s.periodEnd);
  return (
    <li className="card stack">
      <div className="row cg-earning-head">
        <h3>{m.settlementOf(period)}</h3>
        <Badge tone={settlementTone(s.status)}>{m.status[s.status]}</Badge>
      </div>
      <dl className="cg-earning-amounts">
        <div className="kv">
          <dt>{m.net}</dt>
          <dd className="num">{f.krw(s.netAmount)}</dd>
        </div>
        <div className="kv">
          <dt>{m.paidAt}</dt>
          <dd>{s.paidAt ? f.date(s.paidAt) : m.notPaidYet}</dd>
        </div>
      </dl>
      <details>
        <summary>{m.showLines(s.lines.length)}</summary>
        <SettlementLineCards lines={s.lines} period={period} reservationHref={(id) => `/caregiver/reservations/${encodeURIComponent(id)}`} />
      </details>
    </li>
  );
}
