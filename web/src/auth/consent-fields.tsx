import { useEffect, useRef } from 'react';
import { useMessages } from '../i18n/i18n.tsx';
import './consents.css';
import { consentMessages } from './consent-messages.ts';

export interface Consents {
  readonly terms: boolean;
  readonly privacy: boolean;
  readonly sensitive: boolean;
  readonly marketing: boolean;
}

export const NO_CONSENTS: Consents = { terms: false, privacy: false, sensitive: false, marketing: false };

/** The consents a role is asked for, in order; `sensitive` only for caregivers. */
export function consentKeys(caregiver: boolean): (keyof Consents)[] {
  return caregiver ? ['terms', 'privacy', 'sensitive', 'marketing'] : ['terms', 'privacy', 'marketing'];
}

/** The required consents not given yet. */
export function missingRequired(consents: Consents, caregiver: boolean): (keyof Consents)[] {
  return consentKeys(caregiver).filter((key) => key !== 'marketing' && !consents[key]);
}

const TEXT_OF: Partial<Record<keyof Consents, string>> = { terms: '/terms', privacy: '/privacy', sensitive: '/privacy' };

/** Separate checkboxes with "모두 동의" and links to the texts. */
export function ConsentFields({
  value,
  onChange,
  caregiver,
  error,
}: {
  value: Consents;
  onChange(next: Consents): void;
  caregiver: boolean;
  error?: string | undefined;
}) {
  const m = useMessages(consentMessages);
  const keys = consentKeys(caregiver);
  const checked = keys.filter((key) => value[key]).length;
  const all = useRef<HTMLInputElement>(null);
  useEffect(() => {
    if (all.current) all.current.indeterminate = checked > 0 && checked < keys.length;
  }, [checked, keys.length]);
  const setAll = (on: boolean) => onChange({ ...value, ...Object.fromEntries(keys.map((key) => [key, on])) });
  return (
    <fieldset className="field consents" aria-describedby={error ? 'consents-error' : undefined}>
      <legend>{m.legend}</legend>
      <div className="consent-row consent-all">
        <input ref={all} id="consent-all" type="checkbox" checked={checked === keys.length} onChange={(e) => setAll(e.target.checked)} aria-describedby="consent-all-hint" />
        <label htmlFor="consent-all">{m.all}</label>
        <span id="consent-all-hint" className="muted">
          {m.allHint}
        </span>
      </div>
      {keys.map((key) => {
        const text = TEXT_OF[key];
        const invalid = Boolean(error) && key !== 'marketing' && !value[key];
        return (
          <div key={key} className="consent-row">
            <input
              id={`consent-${key}`}
              name={`consents.${key}`}
              type="checkbox"
              checked={value[key]}
              onChange={(e) => onChange({ ...value, [key]: e.target.checked })}
              aria-invalid={invalid || undefined}
              required={key !== 'marketing'}
            />
            <label htmlFor={`consent-${key}`}>{m[key]}</label>
            {text && (
              <a href={text} target="_blank" rel="noopener" aria-label={m.viewLabel(m[key])}>
                {m.view}
              </a>
            )}
          </div>
        );
      })}
      {error && (
        <p id="consents-error" className="field-error" role="alert">
          {error}
        </p>
      )}
    </fieldset>
  );
}
