import type { Problem } from '../api/problem.ts';
import { ErrorNotice } from './feedback.tsx';
import { TextAreaField } from './form.tsx';

/**
 * The required free-text reason of a cancellation or a rejection (at most 500 characters), with the
 * request's problem: an error about `reason` shows at the field, any other as an alert below it.
 */
export function ReasonField({ label, hint, value, onChange, error, problem }: {
  label: string;
  hint?: string;
  value: string;
  onChange(value: string): void;
  /** The client-side check's message (empty reason). */
  error: string | undefined;
  problem: Problem | undefined;
}) {
  return (
    <>
      <TextAreaField label={label} hint={hint} name="reason" required maxLength={500} value={value} onChange={(e) => onChange(e.target.value)} error={error} problem={problem} />
      <ErrorNotice problem={problem?.errors ? undefined : problem} />
    </>
  );
}
