import { useEffect, useRef, useState, type FormEvent } from 'react';
import type { CaregiverProfile } from '../api/types.ts';
import { common } from '../i18n/common.ts';
import { useFormat, useLocale, useMessages } from '../i18n/i18n.tsx';
import { AsyncView, ErrorNotice } from '../ui/feedback.tsx';
import { ReasonField } from '../ui/reason-field.tsx';
import { Badge } from '../ui/page.tsx';
import { useAction, useAsync } from '../ui/use-async.ts';
import { adminApi, type AdminCaregiver } from './admin-api.ts';
import { DocumentList } from './document-viewer.tsx';
import { labelOf } from './format.ts';
import { messages } from './messages.ts';
import { bornIn } from '../i18n/korean.ts';

export type ReviewOutcome = 'approved' | 'rejected';

/** The review panel of one caregiver: the full profile, the documents, and approve / reject with a reason. */
export function CaregiverReview({ caregiver, onDone, onClose }: { caregiver: AdminCaregiver; onDone(outcome: ReviewOutcome): void; onClose(): void }) {
  const m = useMessages(messages);
  const heading = useRef<HTMLHeadingElement>(null);
  const profile = useAsync(() => adminApi.caregiver(caregiver.id), [caregiver.id]);
  useEffect(() => heading.current?.focus(), [caregiver.id]);
  return (
    <section className="card stack review-panel" aria-labelledby="review-title">
      <div className="row review-head">
        <h2 id="review-title" ref={heading} tabIndex={-1}>
          {m.review.title(caregiver.displayName)}
        </h2>
        <button type="button" className="btn btn-link" onClick={onClose}>
          {m.review.close}
        </button>
      </div>
      <AsyncView state={profile}>
        {(p) => (
          <>
            <ProfileDetails profile={p} />
            <h3>{m.review.documents}</h3>
            <DocumentList caregiverId={caregiver.id} caregiverName={caregiver.displayName} documents={p.documents ?? caregiver.documents} />
            {p.status === 'PENDING' && <Decision caregiverId={caregiver.id} onDone={onDone} />}
          </>
        )}
      </AsyncView>
    </section>
  );
}

function ProfileDetails({ profile: p }: { profile: CaregiverProfile }) {
  const c = useMessages(common);
  const m = useMessages(messages);
  const f = useFormat();
  const { locale } = useLocale();
  return (
    <>
      <h3>{m.review.profile}</h3>
      <dl className="stat-list">
        <div className="kv">
          <dt>{m.reservations.status}</dt>
          <dd>
            <Badge tone={p.status === 'APPROVED' ? 'good' : p.status === 'PENDING' ? 'warn' : 'bad'}>{c.caregiverStatus[p.status]}</Badge>
          </dd>
        </div>
        <div className="kv">
          <dt>{m.review.gender}</dt>
          <dd>{c.gender[p.gender]}</dd>
        </div>
        <div className="kv">
          <dt>{m.review.birthYear}</dt>
          <dd>{bornIn(p.birthYear, locale)}</dd>
        </div>
        <div className="kv">
          <dt>{m.review.careerYears}</dt>
          <dd>{m.review.years(p.careerYears)}</dd>
        </div>
        <div className="kv">
          <dt>{m.review.hourlyRate}</dt>
          <dd className="num">{f.krw(p.hourlyRate)}</dd>
        </div>
        <div className="kv">
          <dt>{m.review.dailyRate}</dt>
          <dd className="num">{f.krw(p.dailyRate)}</dd>
        </div>
        <div className="kv">
          <dt>{m.review.languages}</dt>
          <dd>{p.languages.map((l) => labelOf(c.language, l)).join(', ')}</dd>
        </div>
        <div className="kv">
          <dt>{m.caregivers.regions}</dt>
          <dd>{p.regions.map((r) => [r.sido, r.sigungu].filter(Boolean).join(' ')).join(', ')}</dd>
        </div>
        <div className="kv">
          <dt>{m.caregivers.serviceTypes}</dt>
          <dd>{p.serviceTypes.map((s) => c.serviceType[s]).join(', ')}</dd>
        </div>
      </dl>
      <h3>{m.caregivers.certificates}</h3>
      <ul className="plain-list">
        {p.certificates.map((cert) => (
          <li key={`${cert.type}-${cert.number}`}>
            {c.certificateType[cert.type]} · <code>{cert.number}</code>
            {cert.issuedOn && <span className="muted"> · {m.review.issuedOn(cert.issuedOn)}</span>}
          </li>
        ))}
      </ul>
      <h3>{m.review.introduction}</h3>
      <p className="preserve-lines">{p.introduction}</p>
      {p.rejectionReason && (
        <p className="notice notice-info">
          {m.review.previousRejection}: {p.rejectionReason}
        </p>
      )}
    </>
  );
}

function Decision({ caregiverId, onDone }: { caregiverId: string; onDone(outcome: ReviewOutcome): void }) {
  const m = useMessages(messages);
  const [reason, setReason] = useState('');
  const [reasonError, setReasonError] = useState<string | undefined>();
  const approve = useAction(async () => {
    await adminApi.approveCaregiver(caregiverId);
    onDone('approved');
  });
  const reject = useAction(async (text: string) => {
    await adminApi.rejectCaregiver(caregiverId, text);
    onDone('rejected');
  });
  const pending = approve.pending || reject.pending;
  const submitReject = (event: FormEvent) => {
    event.preventDefault();
    if (!reason.trim()) return setReasonError(m.review.reasonRequired);
    setReasonError(undefined);
    void reject.run(reason.trim());
  };
  return (
    <div className="stack review-decision">
      <ErrorNotice problem={approve.problem} />
      <button type="button" className="btn btn-primary" disabled={pending} aria-busy={approve.pending || undefined} onClick={() => void approve.run()}>
        {m.review.approve}
      </button>
      <form className="form" onSubmit={submitReject} noValidate>
        <ReasonField label={m.review.rejectReason} hint={m.review.rejectHint} value={reason} onChange={setReason} error={reasonError} problem={reject.problem} />
        <button type="submit" className="btn btn-danger" disabled={pending} aria-busy={reject.pending || undefined}>
          {m.review.reject}
        </button>
      </form>
    </div>
  );
}
