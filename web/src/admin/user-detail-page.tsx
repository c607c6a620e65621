import { useState, type ReactNode } from 'react';
import { common } from '../i18n/common.ts';
import { useFormat, useMessages } from '../i18n/i18n.tsx';
import { Link } from '../router.tsx';
import { AsyncView, SuccessNotice } from '../ui/feedback.tsx';
import { Badge, Page, reservationTone } from '../ui/page.tsx';
import { useAsync } from '../ui/use-async.ts';
import { AuditHead, AuditRow } from './audit-view.tsx';
import { labelOf, paymentTone, shortId } from './format.ts';
import { SuspendPanel } from './suspend-panel.tsx';
import { statusTone } from './users-page.tsx';
import { usersApi, type AdminUserDetail } from './users-api.ts';
import { usersMessages } from './users-messages.ts';
import './admin.css';

// GET /admin/users/:id (the server audits this read): the account, suspend / lift, and the user's latest
// reservations, payments, reviews, settlements and audit trail. When the user is suspended, their
// confirmed and in-progress reservations are marked "to resolve" (the system leaves them to the admin).

const TO_RESOLVE = new Set(['CONFIRMED', 'IN_PROGRESS']);

export function AdminUserDetailPage({ params }: { params: Record<string, string> }) {
  const m = useMessages(usersMessages);
  const id = params.id ?? '';
  const detail = useAsync(() => usersApi.user(id), [id]);
  const [notice, setNotice] = useState<string>();
  const name = detail.data?.user.name ?? shortId(id);
  return (
    <Page title={m.detail.title(name)} wide actions={<Link to="/admin/users">{m.detail.back}</Link>}>
      <p className="notice notice-info">{m.detail.auditNotice}</p>
      {notice && <SuccessNotice>{notice}</SuccessNotice>}
      <AsyncView state={detail}>
        {(d) => (
          <div className="stack">
            <UserCard detail={d} />
            <SuspendPanel
              user={d.user}
              onChanged={(_, suspended) => {
                setNotice(suspended ? m.suspend.done : m.suspend.unsuspended);
                detail.reload();
              }}
            />
            <Sections detail={d} />
          </div>
        )}
      </AsyncView>
    </Page>
  );
}

function Row({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div className="kv">
      <dt>{label}</dt>
      <dd>{children}</dd>
    </div>
  );
}

function UserCard({ detail: { user: u } }: { detail: AdminUserDetail }) {
  const c = useMessages(common);
  const m = useMessages(usersMessages);
  const f = useFormat();
  return (
    <section className="card" aria-labelledby="user-card-title">
      <h2 id="user-card-title">{m.detail.card}</h2>
      <dl className="stat-list">
        <Row label={m.users.status}>
          <Badge tone={statusTone(u.status)}>{m.users.statusLabel[u.status] ?? u.status}</Badge>
        </Row>
        <Row label={m.detail.id}>
          <code>{u.id}</code>
        </Row>
        <Row label={m.users.name}>{u.name}</Row>
        <Row label={m.users.email}>{u.email}</Row>
        <Row label={m.users.phone}>{u.phone ?? '–'}</Row>
        <Row label={m.users.role}>{c.roles[u.role] ?? u.role}</Row>
        <Row label={m.detail.language}>{u.preferredLanguage}</Row>
        <Row label={m.users.joinedAt}>{f.dateTime(u.createdAt)}</Row>
        {u.suspendedAt && <Row label={m.detail.suspendedAt}>{f.dateTime(u.suspendedAt)}</Row>}
        {u.suspensionReason && <Row label={m.detail.suspensionReason}>{u.suspensionReason}</Row>}
      </dl>
    </section>
  );
}

/** A titled card with a captioned table, or "없습니다" when there are no rows. */
function TableSection({ id, title, count, head, children }: { id: string; title: string; count: number; head: ReactNode; children: ReactNode }) {
  const m = useMessages(usersMessages).detail;
  return (
    <section className="card" aria-labelledby={id}>
      <h2 id={id}>{title}</h2>
      {count === 0 ? (
        <p className="muted">{m.none}</p>
      ) : (
        <div className="table-wrap" tabIndex={0} role="region" aria-label={title}>
          <table>
            <caption className="sr-only">{title}</caption>
            <thead>{head}</thead>
            <tbody>{children}</tbody>
          </table>
        </div>
      )}
    </section>
  );
}

function Sections({ detail: d }: { detail: AdminUserDetail }) {
  const c = useMessages(common);
  const m = useMessages(usersMessages);
  const f = useFormat();
  const suspended = d.user.status === 'SUSPENDED';
  const toResolve = suspended ? d.reservations.filter((r) => TO_RESOLVE.has(r.status)).length : 0;
  return (
    <>
      {toResolve > 0 && <p className="notice notice-warn">{m.detail.toResolveNotice(toResolve)}</p>}
      <TableSection
        id="user-reservations"
        title={m.detail.reservations}
        count={d.reservations.length}
        head={
          <tr>
            <th scope="col">{m.detail.reservation}</th>
            <th scope="col">{m.detail.status}</th>
            <th scope="col">{m.detail.period}</th>
            <th scope="col">{c.roles.CAREGIVER}</th>
            <th scope="col" className="num">
              {m.detail.amount}
            </th>
          </tr>
        }
      >
        {d.reservations.map((r) => {
          const resolve = suspended && TO_RESOLVE.has(r.status);
          return (
            <tr key={r.id} className={resolve ? 'row-highlight' : undefined}>
              <td>
                <Link to={`/admin/reservations/${encodeURIComponent(r.id)}`} title={r.id}>
                  {shortId(r.id)}
                </Link>
              </td>
              <td>
                <Badge tone={reservationTone(r.status)}>{labelOf(c.reservationStatus, r.status)}</Badge>
                {resolve && (
                  <>
                    {' '}
                    <Badge tone="warn">{m.detail.toResolve}</Badge>
                  </>
                )}
              </td>
              <td>{f.range(r.startAt, r.endAt)}</td>
              <td title={r.caregiverId}>{r.caregiverName}</td>
              <td className="num">{f.krw(r.totalAmount)}</td>
            </tr>
          );
        })}
      </TableSection>
      <TableSection
        id="user-payments"
        title={m.detail.payments}
        count={d.payments.length}
        head={
          <tr>
            <th scope="col">{m.detail.reservation}</th>
            <th scope="col">{m.detail.status}</th>
            <th scope="col" className="num">
              {m.detail.amount}
            </th>
            <th scope="col">{m.detail.approvedAt}</th>
          </tr>
        }
      >
        {d.payments.map((p) => (
          <tr key={p.id}>
            <td>
              <Link to={`/admin/reservations/${encodeURIComponent(p.reservationId)}`} title={p.reservationId}>
                {shortId(p.reservationId)}
              </Link>
            </td>
            <td>
              <Badge tone={paymentTone(p.status)}>{labelOf(c.paymentStatus, p.status)}</Badge>
            </td>
            <td className="num">{f.krw(p.amount)}</td>
            <td>{p.approvedAt ? f.dateTime(p.approvedAt) : '–'}</td>
          </tr>
        ))}
      </TableSection>
      <TableSection
        id="user-reviews"
        title={m.detail.reviews}
        count={d.reviews.length}
        head={
          <tr>
            <th scope="col">{m.detail.reservation}</th>
            <th scope="col">{m.detail.reviewKind}</th>
            <th scope="col">{m.detail.rating}</th>
            <th scope="col">{m.detail.createdAt}</th>
          </tr>
        }
      >
        {d.reviews.map((r) => (
          <tr key={r.id}>
            <td>
              <Link to={`/admin/reservations/${encodeURIComponent(r.reservationId)}`} title={r.reservationId}>
                {shortId(r.reservationId)}
              </Link>
            </td>
            <td>
              {r.written ? m.detail.reviewWritten : m.detail.reviewReceived}
              {r.deletedAt && (
                <>
                  {' '}
                  <Badge tone="neutral">{m.detail.reviewDeleted}</Badge>
                </>
              )}
            </td>
            <td>{m.detail.ratingValue(r.rating)}</td>
            <td>{f.date(r.createdAt)}</td>
          </tr>
        ))}
      </TableSection>
      {(d.user.role === 'CAREGIVER' || d.settlements.length > 0) && (
        <TableSection
          id="user-settlements"
          title={m.detail.settlements}
          count={d.settlements.length}
          head={
            <tr>
              <th scope="col">{m.detail.period}</th>
              <th scope="col">{m.detail.status}</th>
              <th scope="col" className="num">
                {m.detail.net}
              </th>
              <th scope="col">{m.detail.paidAt}</th>
            </tr>
          }
        >
          {d.settlements.map((s) => (
            <tr key={s.id}>
              <td>
                {f.date(s.periodStart)} – {f.date(new Date(new Date(s.periodEnd).getTime() - 1))}
              </td>
              <td>
                <Badge tone={s.status === 'PAID' ? 'good' : 'warn'}>{labelOf(m.detail.settlementStatus, s.status)}</Badge>
              </td>
              <td className="num">{f.krw(s.netAmount)}</td>
              <td>{s.paidAt ? f.date(s.paidAt) : '–'}</td>
            </tr>
          ))}
        </TableSection>
      )}
      <TableSection id="user-audit" title={m.detail.auditTrail} count={d.auditTrail.length} head={<AuditHead />}>
        {d.auditTrail.map((e) => (
          <AuditRow key={e.id} entry={e} />
        ))}
      </TableSection>
    </>
  );
}
