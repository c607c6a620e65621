import { useCallback, useEffect, useRef, useState, type ReactNode, type RefObject } from 'react';
import type { Problem } from '../api/problem.ts';
import { useMessages } from '../i18n/i18n.tsx';
import { validationMessages } from './validation-messages.ts';

// When a form cannot be sent: a summary at the top that lists every invalid field (each a link to it) and
// focus on the first invalid field, so nothing fails out of sight on a phone. It reads the form as shown
// (controls with aria-invalid="true", their label and error text), so client checks and server errors
// (problem `errors`) are summarised alike.

export interface SummaryItem {
  readonly id: string;
  readonly label: string;
  readonly message: string;
}

const labelOf = (form: HTMLElement, control: HTMLElement): string => {
  // A radio or checkbox in a group is named by the group's legend ("평점"), not by its own option.
  const legend = control.matches('[type="radio"], [type="checkbox"]') ? control.closest('fieldset')?.querySelector('legend') : null;
  if (legend?.textContent) return legend.textContent.trim();
  const label = control.id ? form.querySelector(`label[for="${CSS.escape(control.id)}"]`) : null;
  const text = label?.textContent ?? control.getAttribute('aria-label') ?? control.getAttribute('name') ?? '';
  return text.replace(/\s*\*\s*$/, '').trim();
};

const errorOf = (control: HTMLElement): string => {
  const ids = (control.getAttribute('aria-describedby') ?? '').split(/\s+/).filter((id) => id.endsWith('-error'));
  return ids.map((id) => control.ownerDocument.getElementById(id)?.textContent ?? '').join(' ').trim();
};

/** The invalid controls of `form`, in document order. */
export function invalidFields(form: HTMLElement): SummaryItem[] {
  return [...form.querySelectorAll<HTMLElement>('[aria-invalid="true"]')].filter((el) => el.id).map((el) => ({ id: el.id, label: labelOf(form, el), message: errorOf(el) }));
}

export function ErrorSummary({ items, children }: { items: readonly SummaryItem[]; children?: ReactNode }) {
  const v = useMessages(validationMessages);
  if (items.length === 0) return null;
  return (
    <div className="notice notice-error error-summary" role="alert" aria-labelledby="error-summary-title">
      <h2 id="error-summary-title" className="error-summary-title">
        {v.summaryTitle}
      </h2>
      <p>{v.summaryHint(items.length)}</p>
      <ul>
        {items.map((item) => (
          <li key={item.id}>
            <a
              href={`#${item.id}`}
              onClick={(event) => {
                event.preventDefault();
                document.getElementById(item.id)?.focus();
              }}
            >
              {item.message ? `${item.label}: ${item.message}` : item.label}
            </a>
          </li>
        ))}
      </ul>
      {children}
    </div>
  );
}

/**
 * `show()` after a failed submit (client checks) and automatically when `problem` names fields: after the
 * next render, lists the invalid fields and focuses the first. `clear()` hides the summary.
 */
export function useErrorSummary<T extends HTMLElement = HTMLFormElement>(problem?: Problem): {
  ref: RefObject<T | null>;
  show(): void;
  clear(): void;
  summary: ReactNode;
} {
  const ref = useRef<T>(null);
  const [request, setRequest] = useState(0);
  const [items, setItems] = useState<SummaryItem[]>([]);
  const show = useCallback(() => setRequest((n) => n + 1), []);
  const clear = useCallback(() => setItems([]), []);
  useEffect(() => {
    if (problem?.errors?.length) show();
  }, [problem, show]);
  useEffect(() => {
    const form = ref.current;
    if (request === 0 || !form) return;
    const found = invalidFields(form);
    setItems(found);
    const first = found[0];
    if (first) document.getElementById(first.id)?.focus();
  }, [request]);
  return { ref, show, clear, summary: <ErrorSummary items={items} /> };
}
