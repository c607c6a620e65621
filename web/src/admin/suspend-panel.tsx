import { useEffect, useRef, useState, type FormEvent } from 'react';
import type { Problem } from '../api/problem.ts';
import { common } from '../i18n/common.ts';
import { useMessages } from '../i18n/i18n.tsx';
import { ErrorNotice } from '../ui/feedback.tsx';
import { SubmitButton, TextAreaField } from '../ui/form.tsx';
import { ReasonField } from '../ui/reason-field.tsx';
import { useAction } from '../ui/use-async.ts';
import { usersApi, type AdminUser } from './users-api.ts';
import { usersMessages } from './users-messages.ts';

// Suspending an account: the consequences in one sentence, a required reason, then a confirm step
// (POST /admin/users/:id/suspend). Lifting it: an optional reason (POST /admin/users/:id/unsuspend).

type Step = 'closed' | 'reason' | 'confirm';

/** A 409/404 of these routes in words; other problems fall back to the common messages. */
function UserProblem({ problem }: { problem: Problem | undefined }) {
  const m = useMessages(usersMessages).suspend;
  const known = problem && (m.problems as Record<string, string>)[problem.code];
  if (!known) return <ErrorNotice problem={problem} />;
  return (
    <div className="notice notice-error" role="alert">
      <p>{known}</p>
    </div>
  );
}

export function SuspendPanel({ user, onChanged }: { user: AdminUser; onChanged(user: AdminUser, suspended: boolean): void }) {
  return user.status === 'SUSPENDED' ? <UnsuspendPanel user={user} onChanged={onChanged} /> : <SuspendFlow user={user} onChanged={onChanged} />;
}

function SuspendFlow({ user, onChanged }: { user: AdminUser; onChanged(user: AdminUser, suspended: boolean): void }) {
  const c = useMessages(common);
  const m = useMessages(usersMessages).suspend;
  const [step, setStep] = useState<Step>('closed');
  const [reason, setReason] = useState('');
  const [reasonError, setReasonError] = useState<string>();
  const heading = useRef<HTMLHeadingElement>(null);
  const formRef = useRef<HTMLFormElement>(null);
  const suspend = useAction(() => usersApi.suspend(user.id, reason.trim()));
  const go = (next: Step) => {
    setStep(next);
    requestAnimationFrame(() => heading.current?.focus());
  };
  const next = (event: FormEvent) => {
    event.preventDefault();
    if (!reason.trim()) {
      setReasonError(m.reasonRequired);
      requestAnimationFrame(() => formRef.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus());
      return;
    }
    setReasonError(undefined);
    suspend.reset();
    go('confirm');
  };
  const confirm = async (event: FormEvent) => {
    event.preventDefault();
    const saved = await suspend.run();
    if (saved) {
      setStep('closed');
      setReason('');
      onChanged(saved, true);
    }
  };
  // A problem about the reason itself (400 with errors[reason]) is shown at the field.
  const fieldErrors = suspend.problem?.errors;
  useEffect(() => {
    if (fieldErrors) setStep('reason');
  }, [fieldErrors]);
  if (user.status !== 'ACTIVE') return null;
  if (step === 'closed') {
    return (
      <button type="button" className="btn btn-danger" onClick={() => go('reason')}>
        {m.open}
      </button>
    );
  }
  return (
    <section className="card admin-danger-zone" aria-labelledby="suspend-title">
      <h2 id="suspend-title" ref={heading} tabIndex={-1}>
        {m.title}
      </h2>
      <p>{m.consequence}</p>
      {step === 'reason' ? (
        <form ref={formRef} className="form" onSubmit={next} noValidate>
          {reasonError && (
            <div className="notice notice-error" role="alert">
              <p>{m.checkFields}</p>
            </div>
          )}
          <ReasonField label={m.reason} hint={m.reasonHint} value={reason} onChange={setReason} error={reasonError} problem={suspend.problem} />
          <div className="row">
            <button type="submit" className="btn btn-primary">
              {m.next}
            </button>
            <button type="button" className="btn btn-secondary" onClick={() => setStep('closed')}>
              {m.back}
            </button>
          </div>
        </form>
      ) : (
        <form className="form" onSubmit={confirm} noValidate>
          <p>
            <strong>{m.confirmText(user.name)}</strong>
          </p>
          <blockquote className="preserve-lines">{reason.trim()}</blockquote>
          <UserProblem problem={suspend.problem} />
          <div className="row">
            <button type="submit" className="btn btn-danger" disabled={suspend.pending} aria-busy={suspend.pending || undefined}>
              {suspend.pending ? c.states.saving : m.confirm}
            </button>
            <button type="button" className="btn btn-secondary" onClick={() => go('reason')}>
              {m.back}
            </button>
          </div>
        </form>
      )}
    </section>
  );
}

function UnsuspendPanel({ user, onChanged }: { user: AdminUser; onChanged(user: AdminUser, suspended: boolean): void }) {
  const c = useMessages(common);
  const m = useMessages(usersMessages).suspend;
  const [open, setOpen] = useState(false);
  const [reason, setReason] = useState('');
  const heading = useRef<HTMLHeadingElement>(null);
  const unsuspend = useAction(() => usersApi.unsuspend(user.id, reason.trim()));
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const saved = await unsuspend.run();
    if (saved) {
      setOpen(false);
      setReason('');
      onChanged(saved, false);
    }
  };
  if (!open) {
    return (
      <button
        type="button"
        className="btn btn-secondary"
        onClick={() => {
          setOpen(true);
          requestAnimationFrame(() => heading.current?.focus());
        }}
      >
        {m.unsuspendOpen}
      </button>
    );
  }
  return (
    <section className="card" aria-labelledby="unsuspend-title">
      <h2 id="unsuspend-title" ref={heading} tabIndex={-1}>
        {m.unsuspendTitle}
      </h2>
      <form className="form" onSubmit={submit} noValidate>
        <TextAreaField label={m.unsuspendReason} name="reason" maxLength={500} value={reason} onChange={(e) => setReason(e.target.value)} problem={unsuspend.problem} />
        <UserProblem problem={unsuspend.problem?.errors ? undefined : unsuspend.problem} />
        <div className="row">
          <SubmitButton pending={unsuspend.pending} pendingLabel={c.states.saving}>
            {m.unsuspendConfirm}
          </SubmitButton>
          <button type="button" className="btn btn-secondary" onClick={() => setOpen(false)}>
            {m.back}
          </button>
        </div>
      </form>
    </section>
  );
}
