import { useState, type FormEvent, type ReactNode } from 'react';
import { api, call } from '../api/client.ts';
import type { Reservation } from '../api/types.ts';
import { common } from '../i18n/common.ts';
import { useMessages } from '../i18n/i18n.tsx';
import { ErrorNotice } from '../ui/feedback.tsx';
import { TextAreaField } from '../ui/form.tsx';
import { useAction, type Action } from '../ui/use-async.ts';

import { caregiverMessages } from './messages.ts';

type Mode = 'idle' | 'accept' | 'reject';

/** The inline form of one answer: its fields, the request's problem, confirm and cancel. */
function AnswerForm({ onSubmit, action, submit, tone, cancel, onCancel, children }: {
  onSubmit(event: FormEvent): void;
  action: Action<[], void>;
  submit: string;
  tone: 'btn-primary' | 'btn-danger';
  cancel: string;
  onCancel(): void;
  children: ReactNode;
}) {
  return (
    <form className="stack cg-panel" onSubmit={onSubmit} noValidate>
      {children}
      <ErrorNotice problem={action.problem} />
      <div className="row">
        <button type="submit" className={`btn ${tone}`} disabled={action.pending}>
          {submit}
        </button>
        <button type="button" className="btn btn-secondary" onClick={onCancel}>
          {cancel}
        </button>
      </div>
    </form>
  );
}

/** Accept (with an optional note) or decline (with a required reason) a REQUESTED reservation, inline. */
export function RespondPanel({ reservation, onDone }: { reservation: Reservation; onDone(updated: Reservation, message: string): void }) {
  const t = useMessages(caregiverMessages);
  const m = t.respond;
  const c = useMessages(common);
  const [mode, setMode] = useState<Mode>('idle');
  const [note, setNote] = useState('');
  const [reason, setReason] = useState('');
  const [alternative, setAlternative] = useState('');
  const [reasonError, setReasonError] = useState<string>();
  const path = { params: { path: { id: reservation.id } } };

  const accept = useAction(async () => {
    const body = note.trim() ? { caregiverNote: note.trim() } : {};
    const updated = await call(api.POST('/api/v1/reservations/{id}/accept', { ...path, body }));
    onDone(updated as Reservation, m.accepted);
  });
  const reject = useAction(async () => {
    const body = { reason: reason.trim(), ...(alternative.trim() ? { suggestedAlternative: alternative.trim() } : {}) };
    const updated = await call(api.POST('/api/v1/reservations/{id}/reject', { ...path, body }));
    onDone(updated as Reservation, m.rejected);
  });

  const submitAccept = (event: FormEvent) => {
    event.preventDefault();
    void accept.run();
  };
  const submitReject = (event: FormEvent) => {
    event.preventDefault();
    if (!reason.trim()) {
      // The empty reason gets focus (its error is tied to it), so the refusal never fails out of sight.
      const form = event.currentTarget as HTMLFormElement;
      requestAnimationFrame(() => form.querySelector<HTMLElement>('[name="reason"]')?.focus());
      return setReasonError(m.reasonRequired);
    }
    setReasonError(undefined);
    void reject.run();
  };
  const close = () => {
    setMode('idle');
    accept.reset();
    reject.reset();
  };

  if (mode === 'accept')
    return (
      <AnswerForm onSubmit={submitAccept} action={accept} submit={m.confirmAccept} tone="btn-primary" cancel={c.actions.cancel} onCancel={close}>
        <TextAreaField label={m.note} name="caregiverNote" rows={3} maxLength={1000} value={note} onChange={(e) => setNote(e.target.value)} problem={accept.problem} autoFocus />
      </AnswerForm>
    );
  if (mode === 'reject')
    return (
      <AnswerForm onSubmit={submitReject} action={reject} submit={m.confirmReject} tone="btn-danger" cancel={c.actions.cancel} onCancel={close}>
        <TextAreaField label={m.reason} name="reason" required rows={3} maxLength={500} value={reason} error={reasonError} problem={reject.problem} onChange={(e) => setReason(e.target.value)} autoFocus />
        <TextAreaField label={m.alternative} name="suggestedAlternative" hint={m.alternativeHint} rows={2} maxLength={1000} value={alternative} problem={reject.problem} onChange={(e) => setAlternative(e.target.value)} />
      </AnswerForm>
    );
  return (
    <div className="row">
      <button type="button" className="btn btn-primary" onClick={() => setMode('accept')}>
        {m.accept}
      </button>
      <button type="button" className="btn btn-secondary" onClick={() => setMode('reject')}>
        {m.reject}
      </button>
    </div>
  );
}
