import { useState, type FormEvent } from 'react';
import { api, call } from '../api/client.ts';
import type { Body, CaregiverProfile } from '../api/types.ts';
import { common } from '../i18n/common.ts';
import { useFormat, useMessages } from '../i18n/i18n.tsx';
import { Link, navigate } from '../router.tsx';
import { AsyncView, ErrorNotice } from '../ui/feedback.tsx';
import { CheckboxField, SelectField, SubmitButton, TextAreaField, TextField } from '../ui/form.tsx';
import { Page } from '../ui/page.tsx';
import { RegionPicker } from '../ui/regions.tsx';
import { useAction, useAsync } from '../ui/use-async.ts';
import { useErrorSummary } from '../ui/error-summary.tsx';
import { check, localFieldProblem, validationMessages } from '../ui/validation-messages.ts';
import { BookingQuote } from './booking-quote.tsx';
import { bookingTimes, defaultStart, newIdempotencyKey, parseConditions, type RateType } from './booking.ts';
import './family.css';
import { bookingMessages } from './booking-messages.ts';
import { emptyPatient, PatientFields, type PatientDraft } from './patient-fields.tsx';
import { useQuote } from './use-quote.ts';

const HOUR_MS = 3_600_000;

type NewReservation = Body<'/api/v1/reservations', 'post'>;
type ServiceType = NewReservation['serviceType'];

function reservationBody(caregiverId: string, d: Draft): NewReservation | undefined {
  const times = bookingTimes(d.start, d.rateType, d.duration);
  if (!times) return undefined;
  const p = d.patient;
  return {
    caregiverId,
    serviceType: d.serviceType,
    rateType: d.rateType,
    ...times,
    location: { sido: d.sido, ...(d.sigungu ? { sigungu: d.sigungu } : {}), address: d.address.trim() },
    patient: {
      name: p.name.trim(),
      ...(p.birthYear ? { birthYear: Number(p.birthYear) } : {}),
      ...(p.gender === 'MALE' || p.gender === 'FEMALE' ? { gender: p.gender } : {}),
      conditions: parseConditions(p.conditions),
      ...(p.notes.trim() ? { notes: p.notes.trim() } : {}),
    },
    ...(d.requestMessage.trim() ? { requestMessage: d.requestMessage.trim() } : {}),
  };
}

interface Draft {
  readonly rateType: RateType;
  readonly serviceType: ServiceType;
  readonly start: string;
  readonly duration: string;
  readonly sido: string;
  readonly sigungu: string;
  readonly address: string;
  readonly patient: PatientDraft;
  readonly requestMessage: string;
  readonly consent: boolean;
}

function BookingForm({ caregiver }: { caregiver: CaregiverProfile }) {
  const m = useMessages(bookingMessages).booking;
  const c = useMessages(common);
  const f = useFormat();
  // One key per form: a double click or a retry after a lost answer books once (API.md "Idempotency-Key").
  const [idempotencyKey] = useState(newIdempotencyKey);
  const [draft, setDraft] = useState<Draft>(() => ({
    rateType: 'HOURLY',
    serviceType: caregiver.serviceTypes[0] ?? 'HOSPITAL',
    start: defaultStart(),
    duration: '4',
    sido: '',
    sigungu: '',
    address: '',
    patient: emptyPatient,
    requestMessage: '',
    consent: false,
  }));
  const [checked, setChecked] = useState(false);
  const set = (patch: Partial<Draft>) => setDraft((d) => ({ ...d, ...patch }));
  const v = useMessages(validationMessages);
  const quote = useQuote(caregiver.id, draft.rateType, draft.start, draft.duration);
  const times = bookingTimes(draft.start, draft.rateType, draft.duration);
  const missing = (value: string) => (checked && !value.trim() ? m.required : undefined);
  const startTooSoon = (): string | undefined => {
    if (!times) return undefined;
    const ahead = new Date(times.startAt).getTime() - Date.now();
    return ahead < 0 ? v.startInPast : ahead < HOUR_MS ? v.leadHours(1) : undefined;
  };
  const errors = {
    consent: checked && !draft.consent ? m.consentRequired : undefined,
    start: missing(draft.start) ?? (checked ? startTooSoon() : undefined),
    duration: missing(draft.duration),
    sido: missing(draft.sido),
    address: missing(draft.address),
    name: missing(draft.patient.name),
    birthYear: check.year(v, draft.patient.birthYear, 1900, new Date().getFullYear()),
  };
  const action = useAction(async (body: NewReservation) => {
    const reservation = await call(api.POST('/api/v1/reservations', { body, headers: { 'Idempotency-Key': idempotencyKey } }));
    navigate(`/reservations/${encodeURIComponent(reservation.id)}`);
  });
  const problem = action.problem;
  const summary = useErrorSummary(problem);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    setChecked(true);
    const body = reservationBody(caregiver.id, draft);
    const incomplete = [draft.start, draft.duration, draft.sido, draft.address, draft.patient.name].some((value) => !value.trim());
    if (!draft.consent || incomplete || !body || errors.birthYear || startTooSoon()) {
      action.reset();
      summary.show();
      return;
    }
    summary.clear();
    void action.run(body);
  };
  const overlap = problem?.code === 'RESERVATION_OVERLAP';
  const serviceError = problem?.code === 'SERVICE_TYPE_NOT_OFFERED' ? m.notOffered : localFieldProblem(v, problem, 'serviceType');
  return (
    <form ref={summary.ref} className="family-booking" onSubmit={submit} noValidate>
      <div className="stack family-booking-main">
        {summary.summary}
        {overlap ? (
          <div className="notice notice-error" role="alert">
            <p>{m.overlap}</p>
            <Link to={`/caregivers/${encodeURIComponent(caregiver.id)}`}>{m.seeBusy}</Link>
          </div>
        ) : (
          <ErrorNotice problem={problem?.errors?.length ? undefined : problem} />
        )}
        <fieldset className="card stack">
          <legend>{m.schedule}</legend>
          <div className="row family-fields">
            <SelectField
              label={m.serviceType}
              name="serviceType"
              required
              value={draft.serviceType}
              error={serviceError}
              onChange={(e) => set({ serviceType: e.target.value as ServiceType })}
              options={caregiver.serviceTypes.map((s) => ({ value: s, label: c.serviceType[s] }))}
            />
            <SelectField
              label={m.rateType}
              name="rateType"
              value={draft.rateType}
              problem={problem}
              onChange={(e) => set({ rateType: e.target.value as RateType, duration: e.target.value === 'DAILY' ? '1' : '4' })}
              options={[
                { value: 'HOURLY', label: `${c.rateType.HOURLY} · ${f.krw(caregiver.hourlyRate)}` },
                { value: 'DAILY', label: `${c.rateType.DAILY} · ${f.krw(caregiver.dailyRate)}` },
              ]}
            />
          </div>
          <div className="row family-fields">
            <TextField label={m.startAt} name="startAt" type="datetime-local" required value={draft.start} onChange={(e) => set({ start: e.target.value })} problem={problem} error={errors.start} />
            <TextField
              label={draft.rateType === 'DAILY' ? m.days : m.hours}
              name="endAt"
              type="number"
              inputMode="numeric"
              min={1}
              step={1}
              required
              value={draft.duration}
              onChange={(e) => set({ duration: e.target.value })}
              problem={problem}
              error={errors.duration}
              hint={times ? m.endsAt(f.dateTime(times.endAt)) : undefined}
            />
          </div>
        </fieldset>
        <fieldset className="card stack">
          <legend>{m.location}</legend>
          <RegionPicker
            value={{ sido: draft.sido, sigungu: draft.sigungu }}
            onChange={(r) => set(r)}
            required
            namePrefix="location."
            sidoError={errors.sido ?? localFieldProblem(v, problem, 'location.sido')}
            sigunguError={localFieldProblem(v, problem, 'location.sigungu')}
          />
          <TextField label={m.address} name="location.address" required hint={m.addressHint} value={draft.address} onChange={(e) => set({ address: e.target.value })} problem={problem} error={errors.address} />
        </fieldset>
        <PatientFields value={draft.patient} onChange={(patient) => set({ patient })} problem={problem} nameError={errors.name} birthYearError={errors.birthYear} />
        <TextAreaField label={m.requestMessage} name="requestMessage" rows={3} value={draft.requestMessage} onChange={(e) => set({ requestMessage: e.target.value })} problem={problem} />
      </div>
      <BookingQuote state={quote} />
      <div className="stack family-booking-submit">
        <div className="family-consent" role="group" aria-labelledby="consent-title">
          <h2 id="consent-title">{m.consentTitle}</h2>
          <ul>
            <li>{m.consentWhat}</li>
            <li>{m.consentWhy}</li>
            <li>{m.consentWho}</li>
            <li>{m.consentKeep}</li>
          </ul>
          <CheckboxField label={m.consent} name="consent" checked={draft.consent} onChange={(e) => set({ consent: e.target.checked })} error={errors.consent} />
        </div>
        <SubmitButton pending={action.pending} pendingLabel={m.pending}>
          {m.submit}
        </SubmitButton>
      </div>
    </form>
  );
}

export function BookingPage({ params }: { params: Record<string, string> }) {
  const m = useMessages(bookingMessages).booking;
  const c = useMessages(common);
  const id = params.caregiverId ?? '';
  const caregiver = useAsync(() => call(api.GET('/api/v1/caregivers/{id}', { params: { path: { id } } })), [id]);
  return (
    <Page title={caregiver.data ? m.title(caregiver.data.displayName) : c.states.loading} wide>
      <AsyncView state={caregiver}>{(profile) => <BookingForm caregiver={profile} />}</AsyncView>
    </Page>
  );
}
