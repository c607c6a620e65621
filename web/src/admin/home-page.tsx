import { useLiveFrames } from '../api/live.ts';
import { common } from '../i18n/common.ts';
import { useFormat, useMessages } from '../i18n/i18n.tsx';
import { Link } from '../router.tsx';
import { AsyncView } from '../ui/feedback.tsx';
import { Page } from '../ui/page.tsx';
import { useAsync } from '../ui/use-async.ts';
import { adminApi, RESERVATION_STATUSES, type AdminStats } from './admin-api.ts';
import { useDebounced } from './live-rows.ts';
import { messages } from './messages.ts';
import './admin.css';

const ROLES = ['GUARDIAN', 'CAREGIVER', 'ADMIN'] as const;

/** The overview: counts and money from GET /admin/stats, refetched (debounced) on live frames. */
export function AdminHomePage() {
  const c = useMessages(common);
  const m = useMessages(messages);
  const stats = useAsync(() => adminApi.stats(), []);
  const refetch = useDebounced(stats.reload, 1000);
  useLiveFrames((frame) => {
    if (frame.type === 'reservation.updated' || frame.type === 'payment.updated') refetch();
  });
  return (
    <Page
      title={c.nav.adminHome}
      wide
      actions={
        <button type="button" className="btn btn-secondary btn-small" onClick={stats.reload}>
          {m.overview.refresh}
        </button>
      }
    >
      <AsyncView state={stats}>{(data) => <StatsCards stats={data} />}</AsyncView>
    </Page>
  );
}

export function StatsCards({ stats }: { stats: AdminStats }) {
  const c = useMessages(common);
  const m = useMessages(messages);
  const f = useFormat();
  return (
    <div className="stack">
      <p className="muted" aria-live="polite">
        {m.overview.lastUpdated(f.dateTime(stats.generatedAt))}
      </p>
      <div className="grid">
        <section className="card" aria-labelledby="stats-reservations">
          <h2 id="stats-reservations">{m.overview.reservations}</h2>
          <dl className="stat-list">
            {RESERVATION_STATUSES.map((status) => (
              <div className="kv" key={status}>
                <dt>{c.reservationStatus[status]}</dt>
                <dd className="num">{f.number(stats.reservations.byStatus[status] ?? 0)}</dd>
              </div>
            ))}
          </dl>
        </section>
        <section className="card" aria-labelledby="stats-payments">
          <h2 id="stats-payments">{m.overview.payments}</h2>
          <dl className="stat-list">
            <div className="kv">
              <dt>{m.overview.gross}</dt>
              <dd className="num">{f.krw(stats.payments.grossAmount)}</dd>
            </div>
            <div className="kv">
              <dt>{m.overview.refunded}</dt>
              <dd className="num">{f.krw(stats.payments.refundedAmount)}</dd>
            </div>
            <div className="kv stat-total">
              <dt>{m.overview.net}</dt>
              <dd className="num">{f.krw(stats.payments.netAmount)}</dd>
            </div>
          </dl>
        </section>
        <section className="card" aria-labelledby="stats-users">
          <h2 id="stats-users">{m.overview.users}</h2>
          <p className="stat-big">{m.overview.activeTotal(f.number(stats.users.active))}</p>
          <dl className="stat-list">
            {ROLES.map((role) => (
              <div className="kv" key={role}>
                <dt>{c.roles[role]}</dt>
                <dd className="num">{f.number(stats.users.byRole[role] ?? 0)}</dd>
              </div>
            ))}
          </dl>
        </section>
        <section className="card" aria-labelledby="stats-caregivers">
          <h2 id="stats-caregivers">{m.overview.caregivers}</h2>
          <p className="stat-big">{m.overview.pendingCount(f.number(stats.caregivers.byStatus.PENDING ?? 0))}</p>
          <dl className="stat-list">
            {(['APPROVED', 'REJECTED', 'SUSPENDED'] as const).map((status) => (
              <div className="kv" key={status}>
                <dt>{c.caregiverStatus[status]}</dt>
                <dd className="num">{f.number(stats.caregivers.byStatus[status] ?? 0)}</dd>
              </div>
            ))}
          </dl>
          <Link to="/admin/caregivers" className="btn btn-primary">
            {m.overview.openQueue}
          </Link>
        </section>
      </div>
    </div>
  );
}
