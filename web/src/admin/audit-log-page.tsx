import { useRef, useState, type FormEvent } from 'react';
import { common } from '../i18n/common.ts';
import { useMessages } from '../i18n/i18n.tsx';
import { nextDay, seoulDayStart } from '../i18n/seoul-time.ts';
import { navigate, useLocation } from '../router.tsx';
import { TextField } from '../ui/form.tsx';
import { Page } from '../ui/page.tsx';
import { AuditHead, AuditRow } from './audit-view.tsx';
import { LiveTable } from './live-table.tsx';
import { usePagedList } from './use-paged-list.ts';
import { usersApi, type AuditEntry, type AuditQuery } from './users-api.ts';
import { usersMessages } from './users-messages.ts';
import './admin.css';

// GET /admin/audit-log: filters in the address (actor, action or its prefix, resource type and id, Seoul
// days from/to), newest first, cursor pages.

const PATH = '/admin/audit-log';
const KEYS = ['actorId', 'action', 'resourceType', 'resourceId', 'from', 'to'] as const;
type AuditFilters = Record<(typeof KEYS)[number], string>;

export function auditFiltersOf(query: URLSearchParams): AuditFilters {
  return Object.fromEntries(KEYS.map((k) => [k, query.get(k) ?? ''])) as AuditFilters;
}

function searchOf(filters: AuditFilters): string {
  const query = new URLSearchParams();
  for (const key of KEYS) if (filters[key].trim()) query.set(key, filters[key].trim());
  const text = query.toString();
  return text ? `?${text}` : '';
}

/** The API query: text filters trimmed, whole Seoul days as the half-open range [from 00:00, day after to 00:00). */
export function auditQueryOf(filters: AuditFilters): AuditQuery {
  const query: AuditQuery = {};
  for (const key of ['actorId', 'action', 'resourceType', 'resourceId'] as const) if (filters[key].trim()) query[key] = filters[key].trim();
  if (filters.from) query.from = seoulDayStart(filters.from);
  if (filters.to) query.to = seoulDayStart(nextDay(filters.to));
  return query;
}

/** The paged list wants a status per row (for live updates, which the audit log has none of). */
type AuditItem = AuditEntry & { readonly status: string };
const QUIET = { highlighted: new Set<string>(), announcement: '', hasNew: false, refresh: () => {} };

export function AdminAuditLogPage() {
  const c = useMessages(common);
  const m = useMessages(usersMessages).audit;
  const { query } = useLocation();
  const filters = auditFiltersOf(query);
  const key = searchOf(filters);
  const list = usePagedList<AuditItem>(async (cursor) => {
    const page = await usersApi.auditLog({ ...auditQueryOf(filters), ...(cursor ? { cursor } : {}) });
    return { items: page.items.map((e) => ({ ...e, status: e.action })), nextCursor: page.nextCursor };
  }, key);
  return (
    <Page title={c.nav.adminAuditLog} wide>
      <p className="muted">{m.notAudited}</p>
      <AuditFiltersForm key={key} values={filters} />
      <LiveTable<AuditItem> list={list} caption={m.caption} empty={m.empty} newLabel="" live={QUIET} head={<AuditHead />} row={(e) => <AuditRow key={e.id} entry={e} />} />
    </Page>
  );
}

function AuditFiltersForm({ values }: { values: AuditFilters }) {
  const m = useMessages(usersMessages).audit;
  const u = useMessages(usersMessages).users;
  const [draft, setDraft] = useState(values);
  const [rangeError, setRangeError] = useState<string>();
  const formRef = useRef<HTMLFormElement>(null);
  const field = (name: keyof AuditFilters) => ({ name, value: draft[name], onChange: (e: { target: { value: string } }) => setDraft((d) => ({ ...d, [name]: e.target.value })) });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (draft.from && draft.to && draft.to < draft.from) {
      setRangeError(m.toBeforeFrom);
      requestAnimationFrame(() => formRef.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus());
      return;
    }
    setRangeError(undefined);
    navigate(`${PATH}${searchOf(draft)}`, { replace: true });
  };
  const clear = () => {
    setDraft(auditFiltersOf(new URLSearchParams()));
    setRangeError(undefined);
    navigate(PATH, { replace: true });
  };
  return (
    <form ref={formRef} className="card admin-filters admin-filters-box" aria-label={m.legend} onSubmit={submit} noValidate>
      {rangeError && (
        <div className="notice notice-error admin-filter-actions" role="alert">
          <p>{rangeError}</p>
        </div>
      )}
      <TextField label={m.actorId} autoComplete="off" {...field('actorId')} />
      <TextField label={m.action} hint={m.actionHint} autoComplete="off" {...field('action')} />
      <TextField label={m.resourceType} autoComplete="off" {...field('resourceType')} />
      <TextField label={m.resourceId} autoComplete="off" {...field('resourceId')} />
      <TextField label={m.from} type="date" {...field('from')} />
      <TextField label={m.to} type="date" error={rangeError} {...field('to')} />
      <div className="row admin-filter-actions">
        <button type="submit" className="btn btn-primary">
          {u.apply}
        </button>
        <button type="button" className="btn btn-secondary" onClick={clear}>
          {u.clear}
        </button>
      </div>
    </form>
  );
}
