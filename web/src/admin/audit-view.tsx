import { common } from '../i18n/common.ts';
import { useFormat, useMessages } from '../i18n/i18n.tsx';
import { Link } from '../router.tsx';
import { shortId } from './format.ts';
import type { AuditEntry } from './users-api.ts';
import { usersMessages } from './users-messages.ts';

// Audit entries as table rows (the audit log page and a user's audit trail): who, what, on what, and the
// details as "key: value" lines instead of raw JSON.

/** The details of an entry as readable lines; nested values are shown as compact JSON. */
export function detailLines(details: unknown): string[] {
  if (details === null || details === undefined) return [];
  if (typeof details !== 'object') return [String(details)];
  return Object.entries(details as Record<string, unknown>)
    .filter(([, value]) => value !== undefined && value !== null && value !== '')
    .map(([key, value]) => `${key}: ${typeof value === 'object' ? JSON.stringify(value) : String(value)}`);
}

const RESOURCE_PAGES: Record<string, string> = { user: '/admin/users', reservation: '/admin/reservations' };

function IdLink({ type, id }: { type: string; id: string }) {
  const base = RESOURCE_PAGES[type];
  return base ? (
    <Link to={`${base}/${encodeURIComponent(id)}`} title={id}>
      {shortId(id)}
    </Link>
  ) : (
    <code title={id}>{shortId(id)}</code>
  );
}

export function AuditHead() {
  const m = useMessages(usersMessages).audit;
  return (
    <tr>
      <th scope="col">{m.at}</th>
      <th scope="col">{m.actor}</th>
      <th scope="col">{m.action}</th>
      <th scope="col">{m.resource}</th>
      <th scope="col">{m.details}</th>
      <th scope="col">{m.requestId}</th>
    </tr>
  );
}

export function AuditRow({ entry: e }: { entry: AuditEntry }) {
  const c = useMessages(common);
  const m = useMessages(usersMessages).audit;
  const f = useFormat();
  const lines = detailLines(e.details);
  return (
    <tr>
      <td>{f.dateTime(e.at)}</td>
      <td>
        {e.actorId ? <IdLink type="user" id={e.actorId} /> : m.system}
        {e.actorRole && <span className="muted"> ({(c.roles as Record<string, string>)[e.actorRole] ?? e.actorRole})</span>}
      </td>
      <td>
        <code>{e.action}</code>
      </td>
      <td>
        {e.resourceType}
        {e.resourceId && (
          <>
            {' '}
            <IdLink type={e.resourceType} id={e.resourceId} />
          </>
        )}
      </td>
      <td>
        {lines.length === 0 ? (
          '–'
        ) : (
          <ul className="plain-list audit-details">
            {lines.map((line) => (
              <li key={line}>{line}</li>
            ))}
          </ul>
        )}
      </td>
      <td>{e.requestId ? <code title={e.requestId}>{shortId(e.requestId)}</code> : '–'}</td>
    </tr>
  );
}
