import { useRef, useState, type FormEvent } from 'react';
import { common } from '../i18n/common.ts';
import { useFormat, useMessages } from '../i18n/i18n.tsx';
import { Link, navigate, useLocation } from '../router.tsx';
import { SelectField, TextField } from '../ui/form.tsx';
import { Badge, Page } from '../ui/page.tsx';
import { LiveTable } from './live-table.tsx';
import { usePagedList } from './use-paged-list.ts';
import { USER_ROLES, USER_STATUSES, usersApi, type AdminUser, type UserQuery, type UserRole, type UserStatus } from './users-api.ts';
import { usersMessages } from './users-messages.ts';
import './admin.css';

// GET /admin/users: search (name, email or phone), role and status filters kept in the address, cursor pages.

const PATH = '/admin/users';
const MAX_QUERY = 100;

export interface UserFilters {
  readonly q: string;
  readonly role: string;
  readonly status: string;
}

export function userFiltersOf(query: URLSearchParams): UserFilters {
  return { q: query.get('q') ?? '', role: query.get('role') ?? '', status: query.get('status') ?? '' };
}

function searchOf(filters: UserFilters): string {
  const query = new URLSearchParams();
  if (filters.q.trim()) query.set('q', filters.q.trim());
  if (filters.role) query.set('role', filters.role);
  if (filters.status) query.set('status', filters.status);
  const text = query.toString();
  return text ? `?${text}` : '';
}

export function userQueryOf(filters: UserFilters): UserQuery {
  return {
    ...(filters.q.trim() ? { q: filters.q.trim() } : {}),
    ...(USER_ROLES.includes(filters.role as UserRole) ? { role: filters.role as UserRole } : {}),
    ...(USER_STATUSES.includes(filters.status as UserStatus) ? { status: filters.status as UserStatus } : {}),
  };
}

export function statusTone(status: string): 'good' | 'bad' | 'neutral' {
  return status === 'ACTIVE' ? 'good' : status === 'SUSPENDED' ? 'bad' : 'neutral';
}

/** No live frames for users: the table's live parts stay quiet. */
const QUIET = { highlighted: new Set<string>(), announcement: '', hasNew: false, refresh: () => {} };

export function AdminUsersPage() {
  const c = useMessages(common);
  const m = useMessages(usersMessages).users;
  const f = useFormat();
  const { query } = useLocation();
  const filters = userFiltersOf(query);
  const key = searchOf(filters);
  const list = usePagedList<AdminUser>((cursor) => usersApi.users({ ...userQueryOf(filters), ...(cursor ? { cursor } : {}) }), key);
  return (
    <Page title={c.nav.adminUsers} wide>
      <UserSearch key={key} values={filters} />
      <LiveTable<AdminUser>
        list={list}
        caption={m.caption}
        empty={m.empty}
        newLabel=""
        live={QUIET}
        head={
          <tr>
            <th scope="col">{m.name}</th>
            <th scope="col">{m.email}</th>
            <th scope="col">{m.phone}</th>
            <th scope="col">{m.role}</th>
            <th scope="col">{m.status}</th>
            <th scope="col">{m.joinedAt}</th>
          </tr>
        }
        row={(u) => (
          <tr key={u.id}>
            <td>
              <Link to={`${PATH}/${encodeURIComponent(u.id)}`}>{u.name}</Link>
            </td>
            <td>{u.email}</td>
            <td>{u.phone ?? '–'}</td>
            <td>{c.roles[u.role] ?? u.role}</td>
            <td>
              <Badge tone={statusTone(u.status)}>{m.statusLabel[u.status] ?? u.status}</Badge>
            </td>
            <td>{f.date(u.createdAt)}</td>
          </tr>
        )}
      />
    </Page>
  );
}

function UserSearch({ values }: { values: UserFilters }) {
  const c = useMessages(common);
  const m = useMessages(usersMessages).users;
  const [draft, setDraft] = useState(values);
  const [error, setError] = useState<string>();
  const formRef = useRef<HTMLFormElement>(null);
  const set = (name: keyof UserFilters) => (event: { target: { value: string } }) => setDraft((d) => ({ ...d, [name]: event.target.value }));
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (draft.q.trim().length > MAX_QUERY) {
      setError(m.tooLong);
      requestAnimationFrame(() => formRef.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus());
      return;
    }
    setError(undefined);
    navigate(`${PATH}${searchOf(draft)}`, { replace: true });
  };
  const clear = () => {
    setDraft({ q: '', role: '', status: '' });
    setError(undefined);
    navigate(PATH, { replace: true });
  };
  return (
    <form ref={formRef} className="card admin-filters admin-filters-box" role="search" aria-label={m.legend} onSubmit={submit} noValidate>
      <TextField label={m.search} name="q" type="search" value={draft.q} hint={m.searchHint} error={error} onChange={set('q')} autoComplete="off" />
      <SelectField label={m.role} name="role" value={draft.role} onChange={set('role')} options={[{ value: '', label: m.any }, ...USER_ROLES.map((r) => ({ value: r, label: c.roles[r] }))]} />
      <SelectField label={m.status} name="status" value={draft.status} onChange={set('status')} options={[{ value: '', label: m.any }, ...USER_STATUSES.map((s) => ({ value: s, label: m.statusLabel[s] }))]} />
      <div className="row admin-filter-actions">
        <button type="submit" className="btn btn-primary">
          {m.apply}
        </button>
        <button type="button" className="btn btn-secondary" onClick={clear}>
          {m.clear}
        </button>
      </div>
    </form>
  );
}
