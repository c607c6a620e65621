import { useId, type InputHTMLAttributes, type ReactNode, type SelectHTMLAttributes, type TextareaHTMLAttributes } from 'react';
import type { Problem } from '../api/problem.ts';
import { useMessages } from '../i18n/i18n.tsx';
import { localFieldProblem, validationMessages } from './validation-messages.ts';

// Form fields with a visible label, an optional hint, and the error for that field (from client-side
// checks or from the server's problem `errors`) tied to the control with aria-describedby/aria-invalid.

interface FieldFrame {
  readonly label: ReactNode;
  readonly hint?: ReactNode;
  /** A message to show, or the problem to look this field up in (by `name`). */
  readonly error?: string | undefined;
  readonly problem?: Problem | undefined;
}

/** The id, `aria-invalid` and `aria-describedby` a control needs to be tied to its label, hint and error. */
interface ControlProps {
  readonly id: string;
  readonly 'aria-invalid': true | undefined;
  readonly 'aria-describedby': string | undefined;
}

/** A field's control wired to its hint and error (its own message, or the server's for `name`). */
function useField(name: string | undefined, frame: FieldFrame): { control: ControlProps; extras: ReactNode } {
  const id = useId();
  const v = useMessages(validationMessages);
  const error = frame.error ?? (name ? localFieldProblem(v, frame.problem, name) : undefined);
  const hintId = frame.hint ? `${id}-hint` : undefined;
  const errorId = error ? `${id}-error` : undefined;
  const describedBy = [hintId, errorId].filter(Boolean).join(' ') || undefined;
  const extras = (
    <>
      {frame.hint && (
        <p className="field-hint" id={hintId}>
          {frame.hint}
        </p>
      )}
      {error && (
        <p className="field-error" id={errorId}>
          {error}
        </p>
      )}
    </>
  );
  return { control: { id, 'aria-invalid': error ? true : undefined, 'aria-describedby': describedBy }, extras };
}

/** Label (with a required mark), the control, then hint and error. */
function LabelledField({ frame, name, required, children }: { frame: FieldFrame; name?: string | undefined; required?: boolean | undefined; children(control: ControlProps): ReactNode }) {
  const { control, extras } = useField(name, frame);
  return (
    <div className="field">
      <label htmlFor={control.id}>
        {frame.label}
        {required && <span aria-hidden="true"> *</span>}
      </label>
      {children(control)}
      {extras}
    </div>
  );
}

export function TextField({ label, hint, error, problem, ...input }: FieldFrame & InputHTMLAttributes<HTMLInputElement>) {
  return (
    <LabelledField frame={{ label, hint, error, problem }} name={input.name} required={input.required}>
      {(control) => <input {...control} {...input} />}
    </LabelledField>
  );
}

export function TextAreaField({ label, hint, error, problem, ...input }: FieldFrame & TextareaHTMLAttributes<HTMLTextAreaElement>) {
  return (
    <LabelledField frame={{ label, hint, error, problem }} name={input.name} required={input.required}>
      {(control) => <textarea {...control} {...input} />}
    </LabelledField>
  );
}

export interface Option {
  readonly value: string;
  readonly label: string;
}

export function SelectField({ label, hint, error, problem, options, ...select }: FieldFrame & SelectHTMLAttributes<HTMLSelectElement> & { options: readonly Option[] }) {
  return (
    <LabelledField frame={{ label, hint, error, problem }} name={select.name} required={select.required}>
      {(control) => (
        <select {...control} {...select}>
          {options.map((o) => (
            <option key={o.value} value={o.value}>
              {o.label}
            </option>
          ))}
        </select>
      )}
    </LabelledField>
  );
}

export function CheckboxField({ label, hint, error, problem, ...input }: FieldFrame & InputHTMLAttributes<HTMLInputElement>) {
  const { control, extras } = useField(input.name, { label, hint, error, problem });
  return (
    <div className="field field-checkbox">
      <input type="checkbox" {...control} {...input} />
      <label htmlFor={control.id}>{label}</label>
      {extras}
    </div>
  );
}

/** A group of checkboxes (service types, languages) as one labelled fieldset. */
export function CheckboxGroup({
  legend,
  options,
  values,
  onChange,
  error,
  name,
}: {
  legend: ReactNode;
  options: readonly Option[];
  values: readonly string[];
  onChange(values: string[]): void;
  error?: string | undefined;
  name: string;
}) {
  const id = useId();
  return (
    <fieldset className="field checkbox-group" aria-describedby={error ? `${id}-error` : undefined}>
      <legend>{legend}</legend>
      <div className="chips">
        {options.map((o) => (
          <label key={o.value} className="chip">
            <input
              type="checkbox"
              name={name}
              value={o.value}
              checked={values.includes(o.value)}
              onChange={(e) => onChange(e.target.checked ? [...values, o.value] : values.filter((v) => v !== o.value))}
            />
            <span>{o.label}</span>
          </label>
        ))}
      </div>
      {error && (
        <p className="field-error" id={`${id}-error`}>
          {error}
        </p>
      )}
    </fieldset>
  );
}

export function SubmitButton({ pending, children, pendingLabel }: { pending: boolean; children: ReactNode; pendingLabel: ReactNode }) {
  return (
    <button type="submit" className="btn btn-primary" disabled={pending} aria-busy={pending || undefined}>
      {pending ? pendingLabel : children}
    </button>
  );
}
