import { api, call } from '../api/client.ts';
import type { CaregiverProfile } from '../api/types.ts';
import { useSession } from '../auth/session-provider.tsx';
import { common } from '../i18n/common.ts';
import { useFormat, useLocale, useMessages } from '../i18n/i18n.tsx';
import { Link } from '../router.tsx';
import { AsyncView } from '../ui/feedback.tsx';
import { Page } from '../ui/page.tsx';
import { useAsync } from '../ui/use-async.ts';
import { MessageCaregiverButton } from '../chat/open-chat.tsx';
import { CaregiverPhoto, CertificateBadges, RatingText } from './caregiver-card.tsx';
import { CaregiverFacts } from './caregiver-facts.tsx';
import './family.css';
import { familyMessages } from './messages.ts';
import { MorePages } from './more-pages.tsx';
import { usePages } from './use-pages.ts';
import { bornIn } from '../i18n/korean.ts';
import { useRegionName } from '../ui/regions.tsx';

const DAY = 24 * 3600_000;

function Reviews({ id }: { id: string }) {
  const m = useMessages(familyMessages).caregiver;
  const f = useFormat();
  const pages = usePages((cursor) => call(api.GET('/api/v1/caregivers/{id}/reviews', { params: { path: { id }, query: { limit: 10, ...(cursor ? { cursor } : {}) } } })), [id]);
  return (
    <section className="card family-section" aria-labelledby="reviews-title">
      <h2 id="reviews-title">{m.reviews}</h2>
      <AsyncView state={pages.first} isEmpty={() => pages.items.length === 0} empty={m.noReviews}>
        {() => (
          <ul className="family-list">
            {pages.items.map((review) => (
              <li key={review.id} className="family-list-item">
                <p>
                  <span className="rating">{'★'.repeat(review.rating)}</span> <span className="sr-only">{review.rating}/5</span> {review.authorName} ·{' '}
                  <span className="muted">{f.date(review.createdAt)}</span>
                </p>
                <p className="family-intro">{review.content}</p>
              </li>
            ))}
          </ul>
        )}
      </AsyncView>
      <MorePages pages={pages} />
    </section>
  );
}

function BusyTimes({ id }: { id: string }) {
  const m = useMessages(familyMessages).caregiver;
  const f = useFormat();
  const busy = useAsync(() => {
    const from = new Date();
    const to = new Date(from.getTime() + 14 * DAY);
    return call(api.GET('/api/v1/caregivers/{id}/busy', { params: { path: { id }, query: { from: from.toISOString(), to: to.toISOString() } } }));
  }, [id]);
  return (
    <section className="card family-section" aria-labelledby="busy-title">
      <h2 id="busy-title">{m.busy}</h2>
      <AsyncView state={busy} isEmpty={(items) => items.length === 0} empty={m.noBusy}>
        {(items) => (
          <>
            <p className="muted">{m.busyHint}</p>
            <ul>
              {items.map((slot) => (
                <li key={slot.startAt}>{f.range(slot.startAt, slot.endAt)}</li>
              ))}
            </ul>
          </>
        )}
      </AsyncView>
    </section>
  );
}

function Profile({ caregiver }: { caregiver: CaregiverProfile }) {
  const m = useMessages(familyMessages).caregiver;
  const card = useMessages(familyMessages).card;
  const c = useMessages(common);
  const f = useFormat();
  const { locale } = useLocale();
  const place = useRegionName();
  const { user } = useSession();
  const canBook = !user || user.role === 'GUARDIAN';
  return (
    <div className="stack">
      <div className="card family-section">
        <div className="family-card-head">
          <CaregiverPhoto caregiver={caregiver} size={96} />
          <div>
            <p className="family-card-meta">
              <RatingText average={caregiver.ratingAverage} count={caregiver.reviewCount} />
            </p>
            <p className="family-card-meta">
              {c.gender[caregiver.gender]} · {bornIn(caregiver.birthYear, locale)} · {card.career(caregiver.careerYears)}
            </p>
            <CaregiverFacts caregiver={caregiver} brief />
          </div>
        </div>
        <dl className="family-kv">
          <div>
            <dt>{m.hourlyRate}</dt>
            <dd>{f.krw(caregiver.hourlyRate)}</dd>
          </div>
          <div>
            <dt>{m.dailyRate}</dt>
            <dd>{f.krw(caregiver.dailyRate)}</dd>
          </div>
        </dl>
        {canBook && (
          <Link to={`/book/${encodeURIComponent(caregiver.id)}`} className="btn btn-primary">
            {m.book}
          </Link>
        )}
        {user?.role === 'GUARDIAN' && <MessageCaregiverButton caregiverId={caregiver.id} />}
      </div>
      <section className="card family-section" aria-labelledby="intro-title">
        <h2 id="intro-title">{m.introduction}</h2>
        <p className="family-intro">{caregiver.introduction}</p>
        <h3>{m.serviceTypes}</h3>
        <p>{caregiver.serviceTypes.map((s) => c.serviceType[s]).join(' · ')}</p>
        <h3>{m.languages}</h3>
        <p>{caregiver.languages.map((l) => (c.language as Record<string, string>)[l] ?? l).join(', ')}</p>
        <h3>{m.regions}</h3>
        <p>{caregiver.regions.map((r) => (r.sigungu ? place(r.sido, r.sigungu) : `${place(r.sido)} ${m.wholeSido}`)).join(' · ')}</p>
        <h3>{m.certificates}</h3>
        <CertificateBadges certificates={caregiver.certificates} verified={caregiver.status === 'APPROVED'} />
      </section>
    </div>
  );
}

export function CaregiverPage({ params }: { params: Record<string, string> }) {
  const id = params.id ?? '';
  const profile = useAsync(() => call(api.GET('/api/v1/caregivers/{id}', { params: { path: { id } } })), [id]);
  const c = useMessages(common);
  return (
    <Page title={profile.data?.displayName ?? c.states.loading} wide>
      <AsyncView state={profile}>
        {(caregiver) => (
          <div className="split">
            <Profile caregiver={caregiver} />
            <div className="stack">
              <BusyTimes id={id} />
              <Reviews id={id} />
            </div>
          </div>
        )}
      </AsyncView>
    </Page>
  );
}
