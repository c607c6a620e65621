import { useState, type FormEvent } from 'react';
import { api, call } from '../api/client.ts';
import type { Body } from '../api/types.ts';
import { common } from '../i18n/common.ts';
import { useLocale, useMessages } from '../i18n/i18n.tsx';
import { Link, navigate, useLocation } from '../router.tsx';
import { ErrorNotice } from '../ui/feedback.tsx';
import { CheckboxField, SelectField, SubmitButton, TextField } from '../ui/form.tsx';
import { Page } from '../ui/page.tsx';
import { useAction } from '../ui/use-async.ts';
import { useErrorSummary } from '../ui/error-summary.tsx';
import { check, validationMessages } from '../ui/validation-messages.ts';
import { authMessages } from './messages.ts';
import { ConsentFields, missingRequired, NO_CONSENTS, type Consents } from './consent-fields.tsx';
import { consentMessages } from './consent-messages.ts';
import { safeNext, withNext } from './login-page.tsx';
import { homeOf, useSession } from './session-provider.tsx';

type SignupBody = Body<'/api/v1/auth/signup', 'post'>;

const LANGUAGES = ['ko', 'en', 'zh', 'vi'] as const;

export function SignupPage() {
  const m = useMessages(authMessages).signup;
  const c = useMessages(common);
  const { locale } = useLocale();
  const session = useSession();
  // Came from a protected action (예약하기 → 로그인 → 회원가입): go back to it once signed up.
  const next = safeNext(useLocation().query.get('next'));
  const [form, setForm] = useState({ role: 'GUARDIAN' as SignupBody['role'], name: '', email: '', password: '', phone: '', preferredLanguage: '', adminSecret: '' });
  const [asAdmin, setAsAdmin] = useState(false);
  const v = useMessages(validationMessages);
  const [fieldErrors, setFieldErrors] = useState<Partial<Record<'name' | 'email' | 'password' | 'phone', string>>>({});
  const [consents, setConsents] = useState<Consents>(NO_CONSENTS);
  const [consentError, setConsentError] = useState<string>();
  const consentText = useMessages(consentMessages);
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
      // The web app always asks (decision 0024); sensitive data only concerns caregivers.
      consents: { terms: consents.terms, privacy: consents.privacy, marketing: consents.marketing, ...(role === 'CAREGIVER' ? { sensitive: consents.sensitive } : {}) },
    };
    await call(api.POST('/api/v1/auth/signup', { body }));
    const user = await session.login(body.email, body.password);
    navigate(next ?? homeOf(user.role), { replace: true });
  });

  const problem = action.problem;
  const summary = useErrorSummary(problem);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    // The rules the server checks too, first here: nothing needs a round trip to be explained.
    const found = {
      name: check.required(v, form.name),
      email: check.email(v, form.email),
      password: form.password === '' ? v.required : form.password.length < 10 ? m.passwordTooShort : undefined,
      phone: check.phone(v, form.phone),
    };
    const errors = Object.fromEntries(Object.entries(found).filter(([, e]) => e !== undefined));
    setFieldErrors(errors);
    if (Object.keys(errors).length > 0) {
      action.reset();
      summary.show();
      return;
    }
    summary.clear();
    const missing = missingRequired(consents, !asAdmin && form.role === 'CAREGIVER');
    if (missing.length > 0) {
      setConsentError(consentText.required);
      document.getElementById(`consent-${missing[0]}`)?.focus();
      return;
    }
    setConsentError(undefined);
    void action.run();
  };

  return (
    <Page title={m.title}>
      <form ref={summary.ref} className="form card narrow" onSubmit={submit} noValidate>
        {summary.summary}
        <ErrorNotice problem={problem?.errors?.length ? undefined : problem} />
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
        <TextField label={m.name} name="name" autoComplete="name" required value={form.name} onChange={set('name')} problem={problem} error={fieldErrors.name} />
        <TextField label={m.email} name="email" type="email" autoComplete="email" required value={form.email} onChange={set('email')} problem={problem} error={fieldErrors.email} />
        <TextField
          label={m.password}
          name="password"
          type="password"
          autoComplete="new-password"
          required
          minLength={10}
          hint={m.passwordHint}
          error={fieldErrors.password}
          value={form.password}
          onChange={set('password')}
          problem={problem}
        />
        <TextField label={m.phone} name="phone" type="tel" autoComplete="tel" value={form.phone} onChange={set('phone')} problem={problem} error={fieldErrors.phone} />
        <SelectField
          label={m.preferredLanguage}
          name="preferredLanguage"
          value={form.preferredLanguage || locale}
          onChange={set('preferredLanguage')}
          options={LANGUAGES.map((code) => ({ value: code, label: c.language[code] }))}
        />
        <ConsentFields
          value={consents}
          onChange={(next) => {
            setConsents(next);
            if (consentError && missingRequired(next, !asAdmin && form.role === 'CAREGIVER').length === 0) setConsentError(undefined);
          }}
          caregiver={!asAdmin && form.role === 'CAREGIVER'}
          error={consentError ?? (problem?.code === 'CONSENT_REQUIRED' ? consentText.required : undefined)}
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
          {m.haveAccount} <Link to={withNext('/login', next)}>{m.loginLink}</Link>
        </p>
      </form>
    </Page>
  );
}
