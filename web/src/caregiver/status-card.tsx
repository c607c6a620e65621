import { common } from '../i18n/common.ts';
import { useMessages } from '../i18n/i18n.tsx';
import { Link } from '../router.tsx';
import { Badge } from '../ui/page.tsx';
import type { MyProfile } from './data.ts';
import { caregiverMessages } from './messages.ts';

export function statusTone(status: MyProfile['status']): 'good' | 'warn' | 'bad' | 'info' {
  return status === 'APPROVED' ? 'good' : status === 'PENDING' ? 'info' : status === 'REJECTED' ? 'warn' : 'bad';
}

/** The review status of the caregiver's profile, with what happens next and what to do. */
export function StatusCard({ profile }: { profile: MyProfile }) {
  const m = useMessages(caregiverMessages).home;
  const c = useMessages(common);
  return (
    <section className={`card stack cg-status cg-status-${profile.status.toLowerCase()}`} aria-labelledby="cg-status-title">
      <h2 id="cg-status-title" className="row">
        {m.statusHeading} <Badge tone={statusTone(profile.status)}>{c.caregiverStatus[profile.status]}</Badge>
      </h2>
      <p>{m.statusNext[profile.status]}</p>
      {profile.status === 'REJECTED' && (
        <div className="notice notice-error">
          <p>
            <strong>{m.rejectionReason}:</strong> {profile.rejectionReason ?? '—'}
          </p>
        </div>
      )}
      <div className="row">
        {profile.status === 'REJECTED' ? (
          <Link to="/caregiver/profile" className="btn btn-primary">
            {m.fixAndResubmit}
          </Link>
        ) : (
          <Link to="/caregiver/profile" className="btn btn-secondary">
            {m.editProfile}
          </Link>
        )}
        {profile.status === 'PENDING' && profile.documents.length === 0 && (
          <Link to="/caregiver/profile" className="btn btn-secondary">
            {m.uploadDocuments}
          </Link>
        )}
      </div>
    </section>
  );
}
