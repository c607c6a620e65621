import { useState } from 'react';
import type { Reservation } from '../api/types.ts';
import { useFormat, useMessages } from '../i18n/i18n.tsx';
import { ErrorNotice, Loading } from '../ui/feedback.tsx';
import { TextAreaField } from '../ui/form.tsx';
import { loadCancellationQuote, useCancellation } from '../ui/cancellation.ts';
import { useAsync } from '../ui/use-async.ts';
import { caregiverMessages } from './messages.ts';

/** The refund the family would get (GET cancellation-quote), then a reason and the confirmation. */
function CancelForm({ reservation, onDone, onClose }: { reservation: Reservation; onDone(updated: Reservation, message: string): void; onClose(): void }) {
  const t = useMessages(caregiverMessages);
  const m = t.detail;
  const f = useFormat();
  const quote = useAsync(() => loadCancellationQuote(reservation.id), [reservation.id]);
  const { reason, setReason, reasonError, cancel, submit } = useCancellation(reservation.id, {
    reasonRequired: m.cancelReasonRequired,
    onCancelled: (updated) => onDone(updated, m.cancelled),
  });
  return (
    <form className="stack cg-panel" onSubmit={submit} noValidate aria-labelledby="cg-cancel-title">
      <h3 id="cg-cancel-title">{m.cancelTitle}</h3>
      {quote.status === 'error' ? (
        <ErrorNotice problem={quote.problem} onRetry={quote.reload} />
      ) : quote.data ? (
        <div className="notice notice-info">
          {quote.data.tier === 'BEFORE_PAYMENT' ? (
            <p>{m.cancelUnpaid}</p>
          ) : (
            <>
              <p>{m.cancelQuote(f.krw(quote.data.refundAmount))}</p>
              <p>{m.cancelPaidNote}</p>
            </>
          )}
        </div>
      ) : (
        <Loading />
      )}
      <TextAreaField label={m.cancelReason} name="reason" required rows={3} maxLength={500} value={reason} error={reasonError} problem={cancel.problem} onChange={(e) => setReason(e.target.value)} />
      <ErrorNotice problem={cancel.problem} />
      <div className="row">
        <button type="submit" className="btn btn-danger" disabled={cancel.pending || !quote.data}>
          {m.confirmCancel}
        </button>
        <button type="button" className="btn btn-secondary" onClick={onClose}>
          {m.keep}
        </button>
      </div>
    </form>
  );
}

export function CancelPanel({ reservation, onDone }: { reservation: Reservation; onDone(updated: Reservation, message: string): void }) {
  const m = useMessages(caregiverMessages).detail;
  const [open, setOpen] = useState(false);
  // A request is declined rather than cancelled; after check-in nothing can be cancelled.
  if (reservation.status !== 'ACCEPTED' && reservation.status !== 'CONFIRMED') return null;
  if (open) return <CancelForm reservation={reservation} onDone={onDone} onClose={() => setOpen(false)} />;
  return (
    <div>
      <button type="button" className="btn btn-link cg-danger-link" onClick={() => setOpen(true)}>
        {m.cancel}
      </button>
    </div>
  );
}
