import { useId, type InputHTMLAttributes, type ReactNode, type SelectHTMLAttributes, type TextareaHTMLAttributes } from 'react';
import { fieldProblem, type Problem } from '../api/problem.ts';

// Form fields with a visible label, an optional hint, and the error for that field (from client-side
// checks or from the server's problem `errors`) tied to the control with aria-describedby/aria-invalid.

interface FieldFrame {
  readonly label: ReactNode;
  readonly hint?: ReactNode;
  /** A message to show, or the problem to look this field up in (by `name`). */
  readonly error?: string | undefined;
  readonly problem?: Problem | undefined;
}

function useFieldIds(name: string | undefined, frame: FieldFrame) {
  const id = useId();
  const error = frame.error ?? (name ? fieldProblem(frame.problem, name) : undefined);
  const hintId = frame.hint ? `${id}-hint` : undefined;
  const errorId = error ? `${id}-error` : undefined;
  const describedBy = [hintId, errorId].filter(Boolean).join(' ') || undefined;
  return { id, error, hintId, errorId, describedBy };
}

function Extras({ hint, hintId, error, errorId }: { hint?: ReactNode; hintId?: string | undefined; error?: string | undefined; errorId?: string | undefined }) {
  return (
    <>
      {hint && (
        <p className="field-hint" id={hintId}>
          {hint}
        </p>
      )}
      {error && (
        <p className="field-error" id={errorId}>
          {error}
        </p>
      )}
    </>
  );
}

export function TextField({ label, hint, error, problem, ...input }: FieldFrame & InputHTMLAttributes<HTMLInputElement>) {
  const ids = useFieldIds(input.name, { label, hint, error, problem });
  return (
    <div className="field">
      <label htmlFor={ids.id}>
        {label}
        {input.required && <span aria-hidden="true"> *</span>}
      </label>
      <input id={ids.id} aria-invalid={ids.error ? true : undefined} aria-describedby={ids.describedBy} {...input} />
      <Extras hint={hint} hintId={ids.hintId} error={ids.error} errorId={ids.errorId} />
    </div>
  );
}

export function TextAreaField({ label, hint, error, problem, ...input }: FieldFrame & TextareaHTMLAttributes<HTMLTextAreaElement>) {
  const ids = useFieldIds(input.name, { label, hint, error, problem });
  return (
    <div className="field">
      <label htmlFor={ids.id}>
        {label}
        {input.required && <span aria-hidden="true"> *</span>}
      </label>
      <textarea id={ids.id} aria-invalid={ids.error ? true : undefined} aria-describedby={ids.describedBy} {...input} />
      <Extras hint={hint} hintId={ids.hintId} error={ids.error} errorId={ids.errorId} />
    </div>
  );
}

export interface Option {
  readonly value: string;
  readonly label: string;
}

export function SelectField({ label, hint, error, problem, options, ...select }: FieldFrame & SelectHTMLAttributes<HTMLSelectElement> & { options: readonly Option[] }) {
  const ids = useFieldIds(select.name, { label, hint, error, problem });
  return (
    <div className="field">
      <label htmlFor={ids.id}>
        {label}
        {select.required && <span aria-hidden="true"> *</span>}
      </label>
      <select id={ids.id} aria-invalid={ids.error ? true : undefined} aria-describedby={ids.describedBy} {...select}>
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
      <Extras hint={hint} hintId={ids.hintId} error={ids.error} errorId={ids.errorId} />
    </div>
  );
}

export function CheckboxField({ label, hint, error, problem, ...input }: FieldFrame & InputHTMLAttributes<HTMLInputElement>) {
  const ids = useFieldIds(input.name, { label, hint, error, problem });
  return (
    <div className="field field-checkbox">
      <input type="checkbox" id={ids.id} aria-invalid={ids.error ? true : undefined} aria-describedby={ids.describedBy} {...input} />
      <label htmlFor={ids.id}>{label}</label>
      <Extras hint={hint} hintId={ids.hintId} error={ids.error} errorId={ids.errorId} />
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
