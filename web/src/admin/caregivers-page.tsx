import { useState } from 'react';
import { common } from '../i18n/common.ts';
import { useFormat, useMessages } from '../i18n/i18n.tsx';
import { navigate, useLocation } from '../router.tsx';
import { EmptyState, ErrorNotice, Loading, SuccessNotice } from '../ui/feedback.tsx';
import { SelectField } from '../ui/form.tsx';
import { Page } from '../ui/page.tsx';
import { adminApi, CAREGIVER_STATUSES, type AdminCaregiver, type CaregiverStatus } from './admin-api.ts';
import { CaregiverReview, type ReviewOutcome } from './caregiver-review.tsx';
import { messages } from './messages.ts';
import { usePagedList } from './use-paged-list.ts';
import './admin.css';

const PATH = '/admin/caregivers';

function statusFrom(query: URLSearchParams): CaregiverStatus {
  const value = query.get('status');
  return CAREGIVER_STATUSES.find((s) => s === value) ?? 'PENDING';
}

/** The review queue: caregivers of one status (pending by default), oldest submission first. */
export function AdminCaregiversPage() {
  const c = useMessages(common);
  const m = useMessages(messages);
  const { query } = useLocation();
  const status = statusFrom(query);
  const list = usePagedList<AdminCaregiver>((cursor) => adminApi.caregivers(status, cursor), status);
  const [selected, setSelected] = useState<AdminCaregiver | undefined>();
  const [done, setDone] = useState<string | undefined>();
  const finish = (caregiver: AdminCaregiver, outcome: ReviewOutcome) => {
    setSelected(undefined);
    if (status === 'PENDING') list.remove(caregiver.id);
    else list.reload();
    setDone(outcome === 'approved' ? m.caregivers.approved(caregiver.displayName) : m.caregivers.rejected(caregiver.displayName));
  };
  return (
    <Page title={c.nav.adminCaregivers} wide>
      <div className="narrow">
        <SelectField
          label={m.caregivers.statusFilter}
          name="status"
          value={status}
          onChange={(e) => {
            setSelected(undefined);
            setDone(undefined);
            navigate(e.target.value === 'PENDING' ? PATH : `${PATH}?status=${e.target.value}`, { replace: true });
          }}
          options={CAREGIVER_STATUSES.map((s) => ({ value: s, label: c.caregiverStatus[s] }))}
        />
      </div>
      {done && <SuccessNotice>{done}</SuccessNotice>}
      <div className={selected ? 'split' : undefined}>
        <div className="stack">
          {list.items === undefined ? (
            list.problem ? (
              <ErrorNotice problem={list.problem} onRetry={list.reload} />
            ) : (
              <Loading />
            )
          ) : list.items.length === 0 ? (
            <EmptyState>{m.caregivers.empty}</EmptyState>
          ) : (
            <ul className="list" aria-label={m.caregivers.listLabel}>
              {list.items.map((caregiver) => (
                <CaregiverItem
                  key={caregiver.id}
                  caregiver={caregiver}
                  selected={selected?.id === caregiver.id}
                  onSelect={() => {
                    setDone(undefined);
                    setSelected(caregiver);
                  }}
                />
              ))}
            </ul>
          )}
          {list.items && list.problem && <ErrorNotice problem={list.problem} onRetry={list.loadMore} />}
          {list.nextCursor && !list.loading && (
            <button type="button" className="btn btn-secondary" onClick={list.loadMore}>
              {c.actions.more}
            </button>
          )}
        </div>
        {selected && <CaregiverReview caregiver={selected} onDone={(outcome) => finish(selected, outcome)} onClose={() => setSelected(undefined)} />}
      </div>
    </Page>
  );
}

function CaregiverItem({ caregiver, selected, onSelect }: { caregiver: AdminCaregiver; selected: boolean; onSelect(): void }) {
  const c = useMessages(common);
  const m = useMessages(messages);
  const f = useFormat();
  return (
    <li className={selected ? 'card caregiver-item selected' : 'card caregiver-item'}>
      <h2 className="caregiver-name">{caregiver.displayName}</h2>
      <p className="muted">{m.caregivers.submittedAt(f.dateTime(caregiver.submittedAt))}</p>
      <dl className="stat-list">
        <div className="kv">
          <dt>{m.caregivers.certificates}</dt>
          <dd>{caregiver.certificates.map((cert) => `${c.certificateType[cert.type]} ${cert.number}`).join(', ') || '–'}</dd>
        </div>
        <div className="kv">
          <dt>{m.caregivers.regions}</dt>
          <dd>{caregiver.regions.map((r) => [r.sido, r.sigungu].filter(Boolean).join(' ')).join(', ') || '–'}</dd>
        </div>
        <div className="kv">
          <dt>{m.caregivers.serviceTypes}</dt>
          <dd>{caregiver.serviceTypes.map((s) => c.serviceType[s]).join(', ') || '–'}</dd>
        </div>
      </dl>
      <button type="button" className="btn btn-secondary btn-small" onClick={onSelect} aria-pressed={selected}>
        {m.caregivers.review(caregiver.displayName)}
      </button>
    </li>
  );
}
