import { useState, type FormEvent } from 'react';
import { common } from '../i18n/common.ts';
import { useMessages } from '../i18n/i18n.tsx';
import { Link, navigate, useLocation } from '../router.tsx';
import { ErrorNotice } from '../ui/feedback.tsx';
import { SubmitButton, TextField } from '../ui/form.tsx';
import { Page } from '../ui/page.tsx';
import { useAction } from '../ui/use-async.ts';
import { useErrorSummary } from '../ui/error-summary.tsx';
import { check, validationMessages } from '../ui/validation-messages.ts';
import { authMessages } from './messages.ts';
import { homeOf, useSession } from './session-provider.tsx';

/** Only same-site paths are followed after login (no open redirect). */
export function safeNext(next: string | null): string | undefined {
  return next && next.startsWith('/') && !next.startsWith('//') ? next : undefined;
}

/** `?next=` kept on the way to sign-up and back, so a booking started before logging in is not lost. */
export function withNext(path: string, next: string | undefined): string {
  return next ? `${path}?next=${encodeURIComponent(next)}` : path;
}

export function LoginPage() {
  const m = useMessages(authMessages).login;
  const c = useMessages(common);
  const session = useSession();
  const { query } = useLocation();
  const next = safeNext(query.get('next'));
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const action = useAction(async () => {
    const user = await session.login(email.trim(), password);
    navigate(next ?? homeOf(user.role), { replace: true });
  });
  const v = useMessages(validationMessages);
  const [errors, setErrors] = useState<{ email?: string | undefined; password?: string | undefined }>({});
  const summary = useErrorSummary(action.problem);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const found = { email: check.email(v, email), password: check.required(v, password) };
    setErrors(found);
    if (found.email || found.password) {
      action.reset();
      summary.show();
      return;
    }
    summary.clear();
    void action.run();
  };
  return (
    <Page title={m.title}>
      <form ref={summary.ref} className="form card narrow" onSubmit={submit} noValidate>
        {next && (
          <p className="notice notice-info" role="status">
            {next.startsWith('/book/') ? m.reasonBook : m.reasonOther}
          </p>
        )}
        {summary.summary}
        <ErrorNotice problem={action.problem?.errors?.length ? undefined : action.problem} />
        <TextField label={m.email} name="email" type="email" autoComplete="email" required value={email} onChange={(e) => setEmail(e.target.value)} problem={action.problem} error={errors.email} />
        <TextField
          label={m.password}
          name="password"
          type="password"
          autoComplete="current-password"
          required
          value={password}
          onChange={(e) => setPassword(e.target.value)}
          problem={action.problem}
          error={errors.password}
        />
        <SubmitButton pending={action.pending} pendingLabel={m.pending}>
          {m.submit}
        </SubmitButton>
        <p>
          {m.noAccount} <Link to={withNext('/signup', next)}>{m.signupLink}</Link>
        </p>
      </form>
      <p className="sr-only">{c.appName}</p>
    </Page>
  );
}
