import { useState, type FormEvent } from 'react';
import { api, call } from '../api/client.ts';
import type { Body } from '../api/types.ts';
import { common } from '../i18n/common.ts';
import { useLocale, useMessages } from '../i18n/i18n.tsx';
import { Link, navigate } from '../router.tsx';
import { ErrorNotice } from '../ui/feedback.tsx';
import { CheckboxField, SelectField, SubmitButton, TextField } from '../ui/form.tsx';
import { Page } from '../ui/page.tsx';
import { useAction } from '../ui/use-async.ts';
import { authMessages } from './messages.ts';
import { homeOf, useSession } from './session-provider.tsx';

type SignupBody = Body<'/api/v1/auth/signup', 'post'>;

const LANGUAGES = ['ko', 'en', 'zh', 'vi'] as const;

export function SignupPage() {
  const m = useMessages(authMessages).signup;
  const c = useMessages(common);
  const { locale } = useLocale();
  const session = useSession();
  const [form, setForm] = useState({ role: 'GUARDIAN' as SignupBody['role'], name: '', email: '', password: '', phone: '', preferredLanguage: '', adminSecret: '' });
  const [asAdmin, setAsAdmin] = useState(false);
  const [passwordError, setPasswordError] = useState<string>();
  const set = (key: keyof typeof form) => (event: { target: { value: string } }) => setForm((f) => ({ ...f, [key]: event.target.value }));

  const action = useAction(async () => {
    const role = asAdmin ? 'ADMIN' : form.role;
    const body: SignupBody = {
      role,
      name: form.name.trim(),
      email: form.email.trim(),
      password: form.password,
      // Unless chosen, the account takes the language the app is shown in (which may change on this page).
      preferredLanguage: form.preferredLanguage || locale,
      ...(form.phone.trim() ? { phone: form.phone.trim() } : {}),
      ...(role === 'ADMIN' ? { adminSecret: form.adminSecret } : {}),
    };
    await call(api.POST('/api/v1/auth/signup', { body }));
    const user = await session.login(body.email, body.password);
    navigate(homeOf(user.role), { replace: true });
  });

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (form.password.length < 10) {
      setPasswordError(m.passwordTooShort);
      return;
    }
    setPasswordError(undefined);
    void action.run();
  };

  const problem = action.problem;
  return (
    <Page title={m.title}>
      <form className="form card narrow" onSubmit={submit} noValidate>
        <ErrorNotice problem={problem} />
        {!asAdmin && (
          <fieldset className="field">
            <legend>{m.role}</legend>
            <label className="radio">
              <input type="radio" name="role" value="GUARDIAN" checked={form.role === 'GUARDIAN'} onChange={set('role')} /> {m.roleGuardian}
            </label>
            <label className="radio">
              <input type="radio" name="role" value="CAREGIVER" checked={form.role === 'CAREGIVER'} onChange={set('role')} /> {m.roleCaregiver}
            </label>
          </fieldset>
        )}
        <TextField label={m.name} name="name" autoComplete="name" required value={form.name} onChange={set('name')} problem={problem} />
        <TextField label={m.email} name="email" type="email" autoComplete="email" required value={form.email} onChange={set('email')} problem={problem} />
        <TextField
          label={m.password}
          name="password"
          type="password"
          autoComplete="new-password"
          required
          minLength={10}
          hint={m.passwordHint}
          error={passwordError}
          value={form.password}
          onChange={set('password')}
          problem={problem}
        />
        <TextField label={m.phone} name="phone" type="tel" autoComplete="tel" value={form.phone} onChange={set('phone')} problem={problem} />
        <SelectField
          label={m.preferredLanguage}
          name="preferredLanguage"
          value={form.preferredLanguage || locale}
          onChange={set('preferredLanguage')}
          options={LANGUAGES.map((code) => ({ value: code, label: c.language[code] }))}
        />
        <details className="admin-signup">
          <summary>{m.adminToggle}</summary>
          <CheckboxField label={m.adminToggle} name="asAdmin" checked={asAdmin} onChange={(e) => setAsAdmin(e.target.checked)} />
          {asAdmin && (
            <TextField
              label={m.adminSecret}
              name="adminSecret"
              type="password"
              autoComplete="off"
              required
              value={form.adminSecret}
              onChange={set('adminSecret')}
              error={problem?.code === 'ADMIN_SECRET_INVALID' ? c.problems.ADMIN_SECRET_INVALID : undefined}
            />
          )}
        </details>
        <SubmitButton pending={action.pending} pendingLabel={m.pending}>
          {m.submit}
        </SubmitButton>
        <p>
          {m.haveAccount} <Link to="/login">{m.loginLink}</Link>
        </p>
      </form>
    </Page>
  );
}
