import { useState, type FormEvent } from 'react';
import { common } from '../i18n/common.ts';
import { useMessages } from '../i18n/i18n.tsx';
import { Link, navigate, useLocation } from '../router.tsx';
import { ErrorNotice } from '../ui/feedback.tsx';
import { SubmitButton, TextField } from '../ui/form.tsx';
import { Page } from '../ui/page.tsx';
import { useAction } from '../ui/use-async.ts';
import { authMessages } from './messages.ts';
import { homeOf, useSession } from './session-provider.tsx';

/** Only same-site paths are followed after login (no open redirect). */
export function safeNext(next: string | null): string | undefined {
  return next && next.startsWith('/') && !next.startsWith('//') ? next : undefined;
}

export function LoginPage() {
  const m = useMessages(authMessages).login;
  const c = useMessages(common);
  const session = useSession();
  const { query } = useLocation();
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const action = useAction(async () => {
    const user = await session.login(email.trim(), password);
    navigate(safeNext(query.get('next')) ?? homeOf(user.role), { replace: true });
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    void action.run();
  };
  return (
    <Page title={m.title}>
      <form className="form card narrow" onSubmit={submit} noValidate>
        <ErrorNotice problem={action.problem} />
        <TextField label={m.email} name="email" type="email" autoComplete="email" required value={email} onChange={(e) => setEmail(e.target.value)} problem={action.problem} />
        <TextField
          label={m.password}
          name="password"
          type="password"
          autoComplete="current-password"
          required
          value={password}
          onChange={(e) => setPassword(e.target.value)}
          problem={action.problem}
        />
        <SubmitButton pending={action.pending} pendingLabel={m.pending}>
          {m.submit}
        </SubmitButton>
        <p>
          {m.noAccount} <Link to="/signup">{m.signupLink}</Link>
        </p>
      </form>
      <p className="sr-only">{c.appName}</p>
    </Page>
  );
}
