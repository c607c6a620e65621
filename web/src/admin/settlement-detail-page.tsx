import { useRef, useState, type FormEvent, type ReactNode } from 'react';
import { settlementsApi, type Settlement } from '../api/settlements.ts';
import { useFormat, useMessages } from '../i18n/i18n.tsx';
import { Link } from '../router.tsx';
import { AsyncView, ErrorNotice, SuccessNotice } from '../ui/feedback.tsx';
import { SubmitButton, TextField } from '../ui/form.tsx';
import { Badge, Page } from '../ui/page.tsx';
import { SettlementLines, settlementTone, usePeriodLabel } from '../ui/settlement-lines.tsx';
import { useAction, useAsync } from '../ui/use-async.ts';
import { common } from '../i18n/common.ts';
import { shortId } from './format.ts';
import { settlementMessages } from './settlement-messages.ts';
import './admin.css';

const REFERENCE_MAX = 100;

/** One settlement: its totals, the per-booking lines and, while PENDING, the pay form (transfer reference, confirm). */
export function AdminSettlementDetailPage({ params }: { params: Record<string, string> }) {
  const m = useMessages(settlementMessages).settlements;
  const id = params.id ?? '';
  const settlement = useAsync(() => settlementsApi.get(id), [id]);
  const periodLabel = usePeriodLabel();
  const [notice, setNotice] = useState<{ text: string; conflict: boolean }>();
  return (
    <Page title={`${m.detail.title} ${shortId(id)}`} wide actions={<Link to="/admin/settlements">{m.detail.backToList}</Link>}>
      {notice &&
        (notice.conflict ? (
          <div className="notice notice-error" role="alert">
            <p>{notice.text}</p>
          </div>
        ) : (
          <SuccessNotice>{notice.text}</SuccessNotice>
        ))}
      <AsyncView state={settlement}>
        {(s) => (
          <div className="stack">
            <div className="split">
              <Summary settlement={s} />
              {s.status === 'PENDING' && (
                <PayPanel
                  settlement={s}
                  onPaid={(text, conflict) => {
                    setNotice({ text, conflict });
                    settlement.reload();
                  }}
                />
              )}
            </div>
            <section className="card stack" aria-labelledby="settlement-lines-title">
              <h2 id="settlement-lines-title">{m.detail.lines}</h2>
              <SettlementLines
                lines={s.lines}
                period={periodLabel(s.periodStart, s.periodEnd)}
                totals={s}
                reservationHref={(reservationId) => `/admin/reservations/${encodeURIComponent(reservationId)}`}
              />
            </section>
          </div>
        )}
      </AsyncView>
    </Page>
  );
}

function Row({ label, children, num }: { label: string; children: ReactNode; num?: boolean }) {
  return (
    <div className="kv">
      <dt>{label}</dt>
      <dd className={num ? 'num' : undefined}>{children}</dd>
    </div>
  );
}

function Summary({ settlement: s }: { settlement: Settlement }) {
  const m = useMessages(settlementMessages).settlements;
  const f = useFormat();
  const periodLabel = usePeriodLabel();
  return (
    <section className="card" aria-labelledby="settlement-summary-title">
      <h2 id="settlement-summary-title">{m.detail.summary}</h2>
      <dl className="stat-list">
        <Row label={m.columns.status}>
          <Badge tone={settlementTone(s.status)}>{m.status[s.status]}</Badge>
        </Row>
        <Row label={m.columns.id}>
          <code>{s.id}</code>
        </Row>
        <Row label={m.columns.caregiver}>{s.caregiverName}</Row>
        <Row label={m.detail.caregiverId}>
          <code>{s.caregiverId}</code>
        </Row>
        <Row label={m.columns.period}>{periodLabel(s.periodStart, s.periodEnd)}</Row>
        <Row label={m.columns.gross} num>
          {f.krw(s.grossAmount)}
        </Row>
        <Row label={`${m.columns.commission} (${m.detail.rate} ${f.number(Math.round(s.commissionRate * 10000) / 100)}%)`} num>
          {f.krw(s.commissionAmount)}
        </Row>
        <Row label={m.columns.net} num>
          {f.krw(s.netAmount)}
        </Row>
        <Row label={m.detail.createdAt}>{f.dateTime(s.createdAt)}</Row>
        {s.paidAt && <Row label={m.columns.paidAt}>{f.dateTime(s.paidAt)}</Row>}
        {s.transferReference && <Row label={m.detail.transferReference}>{s.transferReference}</Row>}
        {s.payoutProvider && <Row label={m.detail.payoutProvider}>{s.payoutProvider}</Row>}
      </dl>
    </section>
  );
}

function PayPanel({ settlement: s, onPaid }: { settlement: Settlement; onPaid(message: string, conflict: boolean): void }) {
  const m = useMessages(settlementMessages).settlements.pay;
  const c = useMessages(common);
  const f = useFormat();
  const [reference, setReference] = useState('');
  const [error, setError] = useState<string>();
  const [confirming, setConfirming] = useState(false);
  const input = useRef<HTMLDivElement>(null);
  const confirmRef = useRef<HTMLDivElement>(null);
  const pay = useAction(async () => {
    try {
      await settlementsApi.pay(s.id, reference.trim() || undefined);
      onPaid(m.done, false);
    } catch (thrown) {
      setConfirming(false);
      // Someone else marked it paid meanwhile: show the page as it is now, and say so.
      if ((thrown as { problem?: { status?: number } }).problem?.status === 409) return onPaid(m.alreadyPaid, true);
      throw thrown;
    }
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (reference.trim().length > REFERENCE_MAX) {
      setError(m.referenceTooLong);
      requestAnimationFrame(() => input.current?.querySelector('input')?.focus());
      return;
    }
    setError(undefined);
    pay.reset();
    setConfirming(true);
    requestAnimationFrame(() => confirmRef.current?.querySelector<HTMLElement>('button')?.focus());
  };
  return (
    <section className="card stack" aria-labelledby="settlement-pay-title">
      <h2 id="settlement-pay-title">{m.title}</h2>
      <p>{m.intro(f.krw(s.netAmount))}</p>
      <ErrorNotice problem={pay.problem} />
      <form className="form" onSubmit={submit} noValidate>
        <div ref={input}>
          <TextField
            label={m.reference}
            name="transferReference"
            hint={m.referenceHint}
            value={reference}
            onChange={(e) => {
              setReference(e.target.value);
              setConfirming(false);
            }}
            error={error}
            problem={pay.problem}
            autoComplete="off"
          />
        </div>
        {confirming ? (
          <div ref={confirmRef} className="notice notice-info" role="alertdialog" aria-labelledby="settlement-pay-confirm-title" aria-describedby="settlement-pay-confirm-body">
            <h3 id="settlement-pay-confirm-title">{m.confirmTitle}</h3>
            <p id="settlement-pay-confirm-body">{m.confirmBody(f.krw(s.netAmount), s.caregiverName)}</p>
            <div className="row">
              <button type="button" className="btn btn-primary" onClick={() => void pay.run()} disabled={pay.pending} aria-busy={pay.pending || undefined}>
                {pay.pending ? c.states.saving : m.confirm}
              </button>
              <button type="button" className="btn btn-secondary" onClick={() => setConfirming(false)} disabled={pay.pending}>
                {m.back}
              </button>
            </div>
          </div>
        ) : (
          <SubmitButton pending={false} pendingLabel={c.states.saving}>
            {m.submit}
          </SubmitButton>
        )}
      </form>
    </section>
  );
}
