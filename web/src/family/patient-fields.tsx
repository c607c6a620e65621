import type { Problem } from '../api/problem.ts';
import { common } from '../i18n/common.ts';
import { useMessages } from '../i18n/i18n.tsx';
import { SelectField, TextAreaField, TextField } from '../ui/form.tsx';
import { parseConditions } from './booking.ts';
import { bookingMessages } from './booking-messages.ts';

export interface PatientDraft {
  readonly name: string;
  readonly birthYear: string;
  readonly gender: string;
  readonly conditions: string;
  readonly notes: string;
}

export const emptyPatient: PatientDraft = { name: '', birthYear: '', gender: '', conditions: '', notes: '' };

/** The patient part of the booking form; server errors on `patient.*` appear next to each field. */
export function PatientFields({
  value,
  onChange,
  problem,
  nameError,
  birthYearError,
}: {
  value: PatientDraft;
  onChange(value: PatientDraft): void;
  problem: Problem | undefined;
  nameError?: string | undefined;
  birthYearError?: string | undefined;
}) {
  const m = useMessages(bookingMessages).booking;
  const c = useMessages(common);
  const set = (patch: Partial<PatientDraft>) => onChange({ ...value, ...patch });
  const conditions = parseConditions(value.conditions);
  return (
    <fieldset className="card stack">
      <legend>{m.patient}</legend>
      <TextField label={m.patientName} name="patient.name" required value={value.name} onChange={(e) => set({ name: e.target.value })} problem={problem} error={nameError} />
      <div className="row family-fields">
        <TextField
          label={m.birthYear}
          name="patient.birthYear"
          type="number"
          inputMode="numeric"
          min={1900}
          max={new Date().getFullYear()}
          value={value.birthYear}
          onChange={(e) => set({ birthYear: e.target.value })}
          problem={problem}
          error={birthYearError}
        />
        <SelectField
          label={m.patientGender}
          name="patient.gender"
          value={value.gender}
          onChange={(e) => set({ gender: e.target.value })}
          problem={problem}
          options={[{ value: '', label: m.notSpecified }, { value: 'FEMALE', label: c.gender.FEMALE }, { value: 'MALE', label: c.gender.MALE }]}
        />
      </div>
      <TextAreaField label={m.conditions} name="patient.conditions" hint={m.conditionsHint} rows={2} value={value.conditions} onChange={(e) => set({ conditions: e.target.value })} problem={problem} />
      {conditions.length > 0 && (
        <ul className="chips family-plain-list" aria-label={m.conditions}>
          {conditions.map((condition) => (
            <li key={condition} className="badge badge-info">
              {condition}
            </li>
          ))}
        </ul>
      )}
      <TextAreaField label={m.notes} name="patient.notes" rows={3} value={value.notes} onChange={(e) => set({ notes: e.target.value })} problem={problem} />
    </fieldset>
  );
}
