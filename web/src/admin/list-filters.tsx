import { useState, type FormEvent } from 'react';
import { useMessages } from '../i18n/i18n.tsx';
import { navigate } from '../router.tsx';
import { nextDay, seoulDayStart } from '../i18n/seoul-time.ts';
import { SelectField, TextField, type Option } from '../ui/form.tsx';
import { messages } from './messages.ts';
import { peopleMessages } from './people-messages.ts';

// The filters of the admin tables live in the address (?q=&status=&from=&to=&caregiverId=&guardianId=), so
// coming back from a detail page, reloading or sharing a link keeps them.

export interface FilterValues {
  readonly status: string;
  /** yyyy-mm-dd, a Seoul calendar day (inclusive) */
  readonly from: string;
  /** yyyy-mm-dd, a Seoul calendar day (inclusive) */
  readonly to: string;
  readonly caregiverId: string;
  readonly guardianId: string;
  /** A name, email or phone of the guardian or the caregiver */
  readonly q: string;
}

const KEYS = ['q', 'status', 'from', 'to', 'caregiverId', 'guardianId'] as const;

export function filtersFromQuery(query: URLSearchParams): FilterValues {
  return {
    status: query.get('status') ?? '',
    from: query.get('from') ?? '',
    to: query.get('to') ?? '',
    caregiverId: query.get('caregiverId') ?? '',
    guardianId: query.get('guardianId') ?? '',
    q: query.get('q') ?? '',
  };
}

export function filtersToSearch(values: FilterValues): string {
  const query = new URLSearchParams();
  for (const key of KEYS) if (values[key].trim()) query.set(key, values[key].trim());
  const text = query.toString();
  return text ? `?${text}` : '';
}

/** The filters as the admin list endpoints take them (status is the list's own status type). */
export interface ApiFilters<S extends string> {
  status?: S[];
  from?: string;
  to?: string;
  caregiverId?: string;
  guardianId?: string;
  q?: string;
}

/**
 * The API query for the filters: whole Seoul days become the half-open range the API takes
 * (from 00:00 of the first day to 00:00 after the last day, +09:00).
 */
export function filtersToApi<S extends string>(values: FilterValues): ApiFilters<S> {
  return {
    ...(values.status ? { status: [values.status as S] } : {}),
    ...(values.from ? { from: seoulDayStart(values.from) } : {}),
    ...(values.to ? { to: seoulDayStart(nextDay(values.to)) } : {}),
    ...(values.caregiverId.trim() ? { caregiverId: values.caregiverId.trim() } : {}),
    ...(values.guardianId.trim() ? { guardianId: values.guardianId.trim() } : {}),
    ...(values.q.trim() ? { q: values.q.trim() } : {}),
  };
}

export function ListFilters({ path, values, statuses, rangeHint }: { path: string; values: FilterValues; statuses: readonly Option[]; rangeHint: string }) {
  const m = useMessages(messages);
  const p = useMessages(peopleMessages);
  const [draft, setDraft] = useState(values);
  const [rangeError, setRangeError] = useState<string | undefined>();
  // Folded on phones unless a filter is in use, so the table is not pushed below the fold.
  const [open, setOpen] = useState(() => Boolean(filtersToSearch(values)) || (globalThis.matchMedia?.('(min-width: 40rem)').matches ?? true));
  const set = (key: keyof FilterValues) => (event: { target: { value: string } }) => setDraft((d) => ({ ...d, [key]: event.target.value }));
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (draft.from && draft.to && draft.to < draft.from) return setRangeError(m.filters.toBeforeFrom);
    setRangeError(undefined);
    navigate(`${path}${filtersToSearch(draft)}`, { replace: true });
  };
  const clear = () => {
    const empty = filtersFromQuery(new URLSearchParams());
    setDraft(empty);
    setRangeError(undefined);
    navigate(path, { replace: true });
  };
  return (
    <details className="card admin-filters-box" open={open} onToggle={(e) => setOpen(e.currentTarget.open)}>
      <summary>{m.filters.legend}</summary>
      <form className="admin-filters" onSubmit={submit} aria-label={m.filters.legend} noValidate>
        <TextField label={p.search} name="q" type="search" value={draft.q} onChange={set('q')} hint={p.searchHint} autoComplete="off" />
        <SelectField label={m.filters.status} name="status" value={draft.status} onChange={set('status')} options={[{ value: '', label: m.filters.any }, ...statuses]} />
        <TextField label={m.filters.from} name="from" type="date" value={draft.from} onChange={set('from')} hint={rangeHint} />
        <TextField label={m.filters.to} name="to" type="date" value={draft.to} onChange={set('to')} error={rangeError} />
        <TextField label={m.filters.caregiverId} name="caregiverId" value={draft.caregiverId} onChange={set('caregiverId')} autoComplete="off" />
        <TextField label={m.filters.guardianId} name="guardianId" value={draft.guardianId} onChange={set('guardianId')} autoComplete="off" />
        <div className="row admin-filter-actions">
          <button type="submit" className="btn btn-primary">
            {m.filters.apply}
          </button>
          <button type="button" className="btn btn-secondary" onClick={clear}>
            {m.filters.clear}
          </button>
        </div>
      </form>
    </details>
  );
}
