import type { Reservation } from '../api/types.ts';
import { common } from '../i18n/common.ts';
import { useFormat, useMessages } from '../i18n/i18n.tsx';
import { Link } from '../router.tsx';
import { AsyncView } from '../ui/feedback.tsx';
import { Badge, Page, reservationTone } from '../ui/page.tsx';
import { useAsync } from '../ui/use-async.ts';
import { ACTIVE_STATUSES, byStart, loadMyProfile, loadReservations, useLiveReload, type MyProfile } from './data.ts';
import { earningsMessages } from './earnings-messages.ts';
import { caregiverMessages } from './messages.ts';
import { StatusCard } from './status-card.tsx';
import './caregiver.css';
import { useRegionName } from '../ui/regions.tsx';

interface Overview {
  readonly profile: MyProfile | null;
  readonly pendingCount: number;
  readonly next: Reservation | undefined;
}

async function loadOverview(): Promise<Overview> {
  const profile = await loadMyProfile();
  if (!profile) return { profile, pendingCount: 0, next: undefined };
  const [pending, active] = await Promise.all([loadReservations(['REQUESTED']), loadReservations(ACTIVE_STATUSES)]);
  const now = new Date().toISOString();
  const next = active.filter((r) => r.status === 'IN_PROGRESS' || r.endAt > now).sort(byStart)[0];
  return { profile, pendingCount: pending.length, next };
}

function NoProfile() {
  const m = useMessages(caregiverMessages).home;
  return (
    <section className="card stack cg-hero" aria-labelledby="cg-start-title">
      <h2 id="cg-start-title">{m.noProfileTitle}</h2>
      <p>{m.noProfileBody}</p>
      <div>
        <Link to="/caregiver/profile" className="btn btn-primary cg-big">
          {m.startOnboarding}
        </Link>
      </div>
    </section>
  );
}

function Dashboard({ overview }: { overview: Overview & { profile: MyProfile } }) {
  const m = useMessages(caregiverMessages).home;
  const c = useMessages(common);
  const e = useMessages(earningsMessages).earnings;
  const f = useFormat();
  const place = useRegionName();
  const next = overview.next;
  return (
    <div className="stack">
      <StatusCard profile={overview.profile} />
      <div className="grid cg-home-grid">
        <section className="card stack" aria-labelledby="cg-pending-title">
          <h2 id="cg-pending-title">{c.nav.caregiverRequests}</h2>
          <p className="cg-count">{m.pendingRequests(overview.pendingCount)}</p>
          <div>
            <Link to="/caregiver/requests" className={overview.pendingCount > 0 ? 'btn btn-primary' : 'btn btn-secondary'}>
              {m.viewRequests}
            </Link>
          </div>
        </section>
        <section className="card stack" aria-labelledby="cg-next-title">
          <h2 id="cg-next-title">{m.nextBooking}</h2>
          {next ? (
            <>
              <p>
                <strong>{f.range(next.startAt, next.endAt)}</strong> <Badge tone={reservationTone(next.status)}>{c.reservationStatus[next.status]}</Badge>
              </p>
              <p>
                {c.serviceType[next.serviceType]} · {next.patient.name} · {place(next.location.sido, next.location.sigungu)}
              </p>
              <div className="row">
                <Link to={`/caregiver/reservations/${encodeURIComponent(next.id)}`} className="btn btn-secondary">
                  {m.viewDetail}
                </Link>
                <Link to="/caregiver/schedule" className="btn btn-link">
                  {m.viewSchedule}
                </Link>
              </div>
            </>
          ) : (
            <>
              <p className="empty">{m.noUpcoming}</p>
              <div>
                <Link to="/caregiver/schedule" className="btn btn-secondary">
                  {m.viewSchedule}
                </Link>
              </div>
            </>
          )}
        </section>
        <section className="card stack" aria-labelledby="cg-earnings-title">
          <h2 id="cg-earnings-title">{c.nav.caregiverEarnings}</h2>
          <p>{e.homeBody}</p>
          <div>
            <Link to="/caregiver/earnings" className="btn btn-secondary">
              {e.homeLink}
            </Link>
          </div>
        </section>
      </div>
    </div>
  );
}

export function CaregiverHomePage() {
  const m = useMessages(caregiverMessages).home;
  const state = useAsync(loadOverview, []);
  useLiveReload(state.reload);
  return (
    <Page title={m.title}>
      <AsyncView state={state}>{(overview) => (overview.profile ? <Dashboard overview={{ ...overview, profile: overview.profile }} /> : <NoProfile />)}</AsyncView>
    </Page>
  );
}
