import { useRef, useState, type FormEvent } from 'react';
import { api, call } from '../api/client.ts';
import { common } from '../i18n/common.ts';
import { useMessages } from '../i18n/i18n.tsx';
import { ErrorNotice, SuccessNotice } from '../ui/feedback.tsx';
import { CheckboxGroup, SelectField, SubmitButton, TextAreaField, TextField } from '../ui/form.tsx';
import { useAction } from '../ui/use-async.ts';
import { fieldErrorMessage, validationMessages } from '../ui/validation-messages.ts';
import { NATIONALITIES, nationalityMessages } from '../ui/nationalities.ts';
import type { MyProfile } from './data.ts';
import { caregiverMessages } from './messages.ts';
import { bodyOf, changesOf, emptyForm, formOf, serverErrors, validate, type FieldErrors, type ProfileForm } from './profile-model.ts';
import { CertificateRows, RegionRows } from './profile-rows.tsx';

const SERVICE_TYPES = ['HOSPITAL', 'HOME', 'NIGHT', 'LIVE_IN', 'DEMENTIA', 'REHABILITATION', 'COMPANION'] as const;

/** Onboarding (POST /caregivers) when there is no profile yet, editing (PATCH /caregivers/me) otherwise. */
export function ProfileFormCard({ profile, onSaved }: { profile: MyProfile | null; onSaved(profile: MyProfile): void }) {
  const t = useMessages(caregiverMessages);
  const m = t.profile;
  const c = useMessages(common);
  const v = useMessages(validationMessages);
  const n = useMessages(nationalityMessages);
  const [form, setForm] = useState<ProfileForm>(() => (profile ? formOf(profile) : emptyForm()));
  const [clientErrors, setClientErrors] = useState<FieldErrors>({});
  const [notice, setNotice] = useState<string>();
  const [confirming, setConfirming] = useState(false);
  const formRef = useRef<HTMLFormElement>(null);
  const set = <K extends keyof ProfileForm>(key: K, value: ProfileForm[K]) => setForm((f) => ({ ...f, [key]: value }));

  const save = useAction(async () => {
    const body = bodyOf(form);
    if (!profile) {
      const created = await call(api.POST('/api/v1/caregivers', { body }));
      setNotice(m.created);
      onSaved(created as MyProfile);
      return;
    }
    const changes = changesOf(bodyOf(formOf(profile)), body);
    if (Object.keys(changes).length === 0) return setNotice(m.unchanged);
    const saved = await call(api.PATCH('/api/v1/caregivers/me', { body: changes }));
    setNotice(m.saved);
    onSaved(saved as MyProfile);
  });

  const certificatesChanged = () => profile !== null && 'certificates' in changesOf(bodyOf(formOf(profile)), bodyOf(form));

  const submit = (event: FormEvent) => {
    event.preventDefault();
    setNotice(undefined);
    const errors = validate(form, m.errors);
    setClientErrors(errors);
    if (Object.keys(errors).length > 0) {
      save.reset();
      requestAnimationFrame(() => formRef.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus());
      return;
    }
    if (profile?.status === 'APPROVED' && certificatesChanged()) return setConfirming(true);
    void save.run();
  };

  const errors: FieldErrors = { ...serverErrors(save.problem, (e) => fieldErrorMessage(v, e)), ...clientErrors };
  const hasErrors = Object.keys(clientErrors).length > 0;
  const field = (key: 'displayName' | 'birthYear' | 'careerYears' | 'hourlyRate' | 'dailyRate') => ({
    name: key,
    value: form[key],
    error: errors[key],
    onChange: (e: { target: { value: string } }) => set(key, e.target.value),
  });

  return (
    <form ref={formRef} className="form card stack" onSubmit={submit} noValidate aria-label={profile ? m.editTitle : m.createTitle}>
      {hasErrors && (
        <div className="notice notice-error" role="alert">
          <p>{m.checkFields}</p>
        </div>
      )}
      <ErrorNotice problem={save.problem} />
      {notice && <SuccessNotice>{notice}</SuccessNotice>}
      <fieldset className="field cg-section">
        <legend>{m.basics}</legend>
        <TextField label={m.displayName} required maxLength={30} autoComplete="name" {...field('displayName')} />
        <SelectField
          label={m.gender}
          name="gender"
          required
          value={form.gender}
          error={errors.gender}
          onChange={(e) => set('gender', e.target.value as ProfileForm['gender'])}
          options={[{ value: '', label: m.choose }, { value: 'FEMALE', label: c.gender.FEMALE }, { value: 'MALE', label: c.gender.MALE }]}
        />
        <div className="row cg-pair">
          <TextField label={m.birthYear} required inputMode="numeric" {...field('birthYear')} />
          <TextField label={m.careerYears} required inputMode="numeric" {...field('careerYears')} />
        </div>
        <TextAreaField label={m.introduction} name="introduction" hint={m.introductionHint} rows={5} maxLength={2000} value={form.introduction} error={errors.introduction} onChange={(e) => set('introduction', e.target.value)} />
      </fieldset>
      <CertificateRows rows={form.certificates} onChange={(rows) => set('certificates', rows)} errors={errors} />
      <RegionRows rows={form.regions} onChange={(rows) => set('regions', rows)} errors={errors} />
      <CheckboxGroup legend={m.serviceTypes} name="serviceTypes" options={SERVICE_TYPES.map((s) => ({ value: s, label: c.serviceType[s] }))} values={form.serviceTypes} onChange={(v) => set('serviceTypes', v as ProfileForm['serviceTypes'])} error={errors.serviceTypes} />
      <SelectField
        label={n.label}
        name="nationality"
        value={form.nationality}
        onChange={(e) => set('nationality', e.target.value)}
        options={[{ value: '', label: n.none }, ...NATIONALITIES.map((code) => ({ value: code, label: n.names[code] }))]}
      />
      <CheckboxGroup legend={m.languages} name="languages" options={Object.entries(c.language).map(([value, label]) => ({ value, label }))} values={form.languages} onChange={(v) => set('languages', v)} error={errors.languages} />
      <fieldset className="field cg-section">
        <legend>{m.rates}</legend>
        <p className="field-hint">{m.ratesHint}</p>
        <div className="row cg-pair">
          <TextField label={m.hourlyRate} required inputMode="numeric" {...field('hourlyRate')} />
          <TextField label={m.dailyRate} required inputMode="numeric" {...field('dailyRate')} />
        </div>
      </fieldset>
      {confirming ? (
        <div className="notice notice-info cg-confirm" role="alertdialog" aria-labelledby="cg-review-title" aria-describedby="cg-review-body">
          <h3 id="cg-review-title">{m.reviewWarningTitle}</h3>
          <p id="cg-review-body">{m.reviewWarning}</p>
          <div className="row">
            <button type="button" className="btn btn-primary" autoFocus onClick={() => { setConfirming(false); void save.run(); }}>
              {m.confirmSave}
            </button>
            <button type="button" className="btn btn-secondary" onClick={() => setConfirming(false)}>
              {c.actions.cancel}
            </button>
          </div>
        </div>
      ) : (
        <SubmitButton pending={save.pending} pendingLabel={m.saving}>
          {profile ? m.save : m.create}
        </SubmitButton>
      )}
    </form>
  );
}
