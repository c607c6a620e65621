import { useRef } from 'react';
import { useFormat, useMessages } from '../i18n/i18n.tsx';
import { ErrorNotice } from '../ui/feedback.tsx';
import { SubmitButton } from '../ui/form.tsx';
import { ReasonField } from '../ui/reason-field.tsx';
import { common } from '../i18n/common.ts';
import { useQuotedCancellation } from '../ui/cancellation.ts';
import { messages } from './messages.ts';

/** Admin cancellation: shows what the policy refunds (GET cancellation-quote), then cancels with a reason. */
export function CancelPanel({ reservationId, onCancelled }: { reservationId: string; onCancelled(): void }) {
  const c = useMessages(common);
  const m = useMessages(messages);
  const f = useFormat();
  const heading = useRef<HTMLHeadingElement>(null);
  const { quote, open, close, reason, setReason, reasonError, cancel, submit } = useQuotedCancellation(reservationId, {
    reasonRequired: m.detail.reasonRequired,
    onCancelled,
    onOpened: () => requestAnimationFrame(() => heading.current?.focus()),
  });
  if (!quote) {
    return (
      <div className="stack">
        <ErrorNotice problem={open.problem} />
        <button type="button" className="btn btn-danger" onClick={() => void open.run()} disabled={open.pending} aria-busy={open.pending || undefined}>
          {m.detail.cancel}
        </button>
      </div>
    );
  }
  return (
    <section className="card admin-danger-zone" aria-labelledby="cancel-title">
      <h2 id="cancel-title" ref={heading} tabIndex={-1}>
        {m.detail.cancelTitle}
      </h2>
      <p>{m.detail.refundPreview(f.krw(quote.refundAmount), f.krw(quote.feeAmount))}</p>
      <form className="form" onSubmit={submit} noValidate>
        <ReasonField label={m.detail.cancelReasonLabel} value={reason} onChange={setReason} error={reasonError} problem={cancel.problem} />
        <div className="row">
          <SubmitButton pending={cancel.pending} pendingLabel={c.states.saving}>
            {m.detail.confirmCancel}
          </SubmitButton>
          <button type="button" className="btn btn-secondary" onClick={close}>
            {m.detail.keep}
          </button>
        </div>
      </form>
    </section>
  );
}
