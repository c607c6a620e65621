import { useFormat, useMessages } from '../i18n/i18n.tsx';
import { ErrorNotice, Loading } from '../ui/feedback.tsx';
import { SubmitButton, TextAreaField } from '../ui/form.tsx';
import { useQuotedCancellation } from '../ui/cancellation.ts';
import { reservationMessages } from './reservation-messages.ts';

/**
 * Cancelling: first what cancelling now would refund (GET cancellation-quote), then the reason and the
 * confirmation. Inline panel: opened by "예약 취소", closed by "취소하지 않기".
 */
export function CancelPanel({ reservationId, onCancelled }: { reservationId: string; onCancelled(): void }) {
  const m = useMessages(reservationMessages).cancel;
  const d = useMessages(reservationMessages).detail;
  const f = useFormat();
  const { quote, open, close, reason, setReason, reasonError, cancel, submit } = useQuotedCancellation(reservationId, { reasonRequired: m.reasonRequired, onCancelled });
  if (!quote) {
    return (
      <div className="stack">
        <ErrorNotice problem={open.problem} />
        {open.pending ? (
          <Loading label={m.loadingQuote} />
        ) : (
          <button type="button" className="btn btn-danger" onClick={() => void open.run()}>
            {d.cancel}
          </button>
        )}
      </div>
    );
  }
  const tier = (m.tiers as Record<string, string>)[quote.tier] ?? quote.tier;
  return (
    <form className="card stack" aria-labelledby="cancel-title" onSubmit={submit} noValidate>
      <h2 id="cancel-title">{m.title}</h2>
      <dl className="family-kv">
        <div>
          <dt>{m.refund}</dt>
          <dd>{f.krw(quote.refundAmount)}</dd>
        </div>
        <div>
          <dt>{m.fee}</dt>
          <dd>{f.krw(quote.feeAmount)}</dd>
        </div>
        <div>
          <dt>{m.tier}</dt>
          <dd>{tier}</dd>
        </div>
      </dl>
      <ErrorNotice problem={cancel.problem} />
      <TextAreaField label={m.reason} name="reason" required rows={3} value={reason} onChange={(e) => setReason(e.target.value)} error={reasonError} problem={cancel.problem} />
      <div className="row">
        <SubmitButton pending={cancel.pending} pendingLabel={m.pending}>
          {m.confirm}
        </SubmitButton>
        <button type="button" className="btn btn-secondary" onClick={close}>
          {m.keep}
        </button>
      </div>
    </form>
  );
}
