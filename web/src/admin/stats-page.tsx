import { useRef, useState, type FormEvent, type ReactNode } from 'react';
import { common } from '../i18n/common.ts';
import { useFormat, useLocale, useMessages, type Locale } from '../i18n/i18n.tsx';
import { BUSINESS_TIME_ZONE, nextDay, seoulDayStart } from '../i18n/seoul-time.ts';
import { navigate, useLocation } from '../router.tsx';
import { AsyncView } from '../ui/feedback.tsx';
import { SelectField, TextField } from '../ui/form.tsx';
import { Page } from '../ui/page.tsx';
import { useAsync } from '../ui/use-async.ts';
import { RESERVATION_STATUSES } from './admin-api.ts';
import { Chart } from './chart.tsx';
import { GRANULARITIES, usersApi, type Granularity, type PeriodStats, type StatsQuery } from './users-api.ts';
import { usersMessages } from './users-messages.ts';
import './admin.css';

// Statistics by period (GET /admin/stats?from&to&granularity): the period in the address, four charts and
// the period's totals. Days are Seoul calendar days; the API takes the half-open range [from, to + 1 day).

const PATH = '/admin/stats';

/** One colour per reservation status, in RESERVATION_STATUSES order (named in the legend and the table). */
const STATUS_COLORS = ['#b7791f', '#d69e2e', '#2b6cb0', '#0f5c4d', '#2f855a', '#9b2c2c', '#c53030', '#718096'];

interface PeriodForm {
  readonly granularity: Granularity;
  readonly from: string;
  readonly to: string;
}

function formOf(query: URLSearchParams): PeriodForm {
  const g = query.get('granularity');
  return { granularity: GRANULARITIES.includes(g as Granularity) ? (g as Granularity) : 'day', from: query.get('from') ?? '', to: query.get('to') ?? '' };
}

export function statsQueryOf(form: PeriodForm): StatsQuery {
  return {
    granularity: form.granularity,
    ...(form.from ? { from: seoulDayStart(form.from) } : {}),
    ...(form.to ? { to: seoulDayStart(nextDay(form.to)) } : {}),
  };
}

/** The short label of a bucket starting at `start`: a Seoul day (day, week) or month. */
export function bucketLabel(start: string, granularity: Granularity, locale: Locale): string {
  const options: Intl.DateTimeFormatOptions =
    granularity === 'month' ? { timeZone: BUSINESS_TIME_ZONE, year: 'numeric', month: 'short' } : { timeZone: BUSINESS_TIME_ZONE, month: 'numeric', day: 'numeric' };
  return new Intl.DateTimeFormat(locale === 'ko' ? 'ko-KR' : 'en-US', options).format(new Date(start));
}

export function AdminStatsPage() {
  const m = useMessages(usersMessages).stats;
  const { query } = useLocation();
  const form = formOf(query);
  const key = `${form.granularity}|${form.from}|${form.to}`;
  const stats = useAsync(() => usersApi.stats(statsQueryOf(form)), [key]);
  return (
    <Page title={m.title} wide>
      <PeriodFilter key={key} values={form} />
      <AsyncView state={stats}>{(data) => <StatsCharts stats={data} />}</AsyncView>
    </Page>
  );
}

function PeriodFilter({ values }: { values: PeriodForm }) {
  const m = useMessages(usersMessages).stats;
  const [draft, setDraft] = useState(values);
  const [error, setError] = useState<string>();
  const formRef = useRef<HTMLFormElement>(null);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (draft.from && draft.to && draft.to < draft.from) {
      setError(m.toBeforeFrom);
      requestAnimationFrame(() => formRef.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus());
      return;
    }
    setError(undefined);
    const search = new URLSearchParams({ granularity: draft.granularity, ...(draft.from ? { from: draft.from } : {}), ...(draft.to ? { to: draft.to } : {}) });
    navigate(`${PATH}?${search.toString()}`, { replace: true });
  };
  return (
    <form ref={formRef} className="card admin-filters" onSubmit={submit} aria-label={m.title} noValidate>
      {error && (
        <div className="notice notice-error admin-filter-actions" role="alert">
          <p>{error}</p>
        </div>
      )}
      <SelectField
        label={m.granularity}
        name="granularity"
        value={draft.granularity}
        onChange={(e) => setDraft((d) => ({ ...d, granularity: e.target.value as Granularity }))}
        options={GRANULARITIES.map((g) => ({ value: g, label: m.granularityLabel[g] }))}
      />
      <TextField label={m.from} name="from" type="date" value={draft.from} hint={m.periodHint} onChange={(e) => setDraft((d) => ({ ...d, from: e.target.value }))} />
      <TextField label={m.to} name="to" type="date" value={draft.to} error={error} onChange={(e) => setDraft((d) => ({ ...d, to: e.target.value }))} />
      <div className="row admin-filter-actions">
        <button type="submit" className="btn btn-primary">
          {m.apply}
        </button>
      </div>
    </form>
  );
}

export function StatsCharts({ stats }: { stats: PeriodStats }) {
  const c = useMessages(common);
  const m = useMessages(usersMessages).stats;
  const f = useFormat();
  const { locale } = useLocale();
  const { granularity } = stats.period;
  const labels = stats.series.map((b) => bucketLabel(b.start, granularity, locale));
  const from = f.date(stats.period.from);
  const to = f.date(new Date(new Date(stats.period.to).getTime() - 1));
  const name = (title: string) => m.chartLabel(title, from, to);
  const count = (n: number) => f.number(n);
  const t = stats.periodTotals;
  const section = (id: string, title: string, chart: ReactNode) => (
    <section className="card" aria-labelledby={id}>
      <h2 id={id}>{title}</h2>
      {chart}
    </section>
  );
  return (
    <div className="stack">
      <p className="muted">{m.period(from, to)}</p>
      <section className="card" aria-labelledby="stats-totals">
        <h2 id="stats-totals">{m.totals}</h2>
        <dl className="stat-list stat-columns">
          {(
            [
              [m.created, count(t.reservations.created)],
              [m.gross, f.krw(t.grossAmount)],
              [m.refunded, f.krw(t.refundedAmount)],
              [m.commission, f.krw(t.commissionAmount)],
              [m.newUsers, count(t.newUsers)],
              [m.activeCaregivers, count(t.activeCaregivers)],
            ] as const
          ).map(([label, value]) => (
            <div className="kv" key={label}>
              <dt>{label}</dt>
              <dd className="num">{value}</dd>
            </div>
          ))}
        </dl>
      </section>
      <div className="chart-cards">
        {section(
          'stats-bookings',
          m.bookings,
          <Chart
            kind="bar"
            stacked
            label={name(m.bookings)}
            rowHeader={m.bucket}
            labels={labels}
            format={count}
            series={RESERVATION_STATUSES.map((s, i) => ({ name: c.reservationStatus[s], color: STATUS_COLORS[i] ?? '#555', values: stats.series.map((b) => b.reservations.byStatus[s] ?? 0) }))}
          />,
        )}
        {section(
          'stats-money',
          m.money,
          <Chart
            kind="line"
            label={name(m.money)}
            rowHeader={m.bucket}
            labels={labels}
            format={f.krw}
            series={[
              { name: m.gross, color: '#0f5c4d', values: stats.series.map((b) => b.grossAmount) },
              { name: m.refunded, color: '#a61b1b', values: stats.series.map((b) => b.refundedAmount) },
              { name: m.commission, color: '#164f8c', values: stats.series.map((b) => b.commissionAmount) },
            ]}
          />,
        )}
        {section(
          'stats-new-users',
          m.newUsers,
          <Chart kind="bar" label={name(m.newUsers)} rowHeader={m.bucket} labels={labels} format={count} series={[{ name: m.newUsers, color: '#2b6cb0', values: stats.series.map((b) => b.newUsers) }]} />,
        )}
        {section(
          'stats-caregivers',
          m.activeCaregivers,
          <Chart kind="bar" label={name(m.activeCaregivers)} rowHeader={m.bucket} labels={labels} format={count} series={[{ name: m.activeCaregivers, color: '#2f855a', values: stats.series.map((b) => b.activeCaregivers) }]} />,
        )}
      </div>
    </div>
  );
}
