import type { CaregiverCard as Card } from '../api/types.ts';
import { common } from '../i18n/common.ts';
import { useFormat, useMessages } from '../i18n/i18n.tsx';
import { Link } from '../router.tsx';
import { CaregiverFacts } from './caregiver-facts.tsx';
import { familyMessages } from './messages.ts';

/** The caregiver's approved photo (public), or the first letter of the name. */
export function CaregiverPhoto({ caregiver, size = 72 }: { caregiver: Pick<Card, 'id' | 'displayName' | 'photoUrl'>; size?: number }) {
  const m = useMessages(familyMessages).card;
  if (caregiver.photoUrl) {
    return <img className="avatar" src={`/api/v1/caregivers/${encodeURIComponent(caregiver.id)}/photo`} alt={m.photoAlt(caregiver.displayName)} width={size} height={size} loading="lazy" />;
  }
  return (
    <span className="avatar family-initial" aria-hidden="true" style={{ width: size, height: size }}>
      {caregiver.displayName.slice(0, 1)}
    </span>
  );
}

export function RatingText({ average, count }: { average: number; count: number }) {
  const m = useMessages(familyMessages).card;
  return <span className="rating">{count > 0 ? m.rating(average.toFixed(1), count) : m.noReviews}</span>;
}

/** Certificates of an APPROVED profile were checked by an admin: shown as verified. */
export function CertificateBadges({ certificates, verified }: { certificates: Card['certificates']; verified: boolean }) {
  const m = useMessages(familyMessages).card;
  const c = useMessages(common);
  return (
    <ul className="chips family-plain-list">
      {certificates.map((certificate, i) => (
        <li key={`${certificate.type}-${i}`} className="badge badge-good">
          {c.certificateType[certificate.type]}
          {verified && <> · ✓ {m.verified}</>}
        </li>
      ))}
    </ul>
  );
}

export function CaregiverCard({ caregiver }: { caregiver: Card }) {
  const m = useMessages(familyMessages).card;
  const c = useMessages(common);
  const f = useFormat();
  return (
    <li className="card family-card">
      <div className="family-card-head">
        <CaregiverPhoto caregiver={caregiver} />
        <div>
          <h3 className="family-card-name">
            <Link to={`/caregivers/${encodeURIComponent(caregiver.id)}`} aria-label={m.view(caregiver.displayName)}>
              {caregiver.displayName}
            </Link>
          </h3>
          <p className="family-card-meta">
            <RatingText average={caregiver.ratingAverage} count={caregiver.reviewCount} /> · {m.career(caregiver.careerYears)}
          </p>
        </div>
      </div>
      <p className="family-card-rates">
        {m.hourly(f.krw(caregiver.hourlyRate))} · {m.daily(f.krw(caregiver.dailyRate))}
      </p>
      <p className="muted">{caregiver.serviceTypes.map((s) => c.serviceType[s]).join(' · ')}</p>
      <CaregiverFacts caregiver={caregiver} />
      {caregiver.certificates.length > 0 && <CertificateBadges certificates={caregiver.certificates} verified={caregiver.status === 'APPROVED'} />}
    </li>
  );
}
