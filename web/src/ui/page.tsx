import { useEffect, useRef, type ReactNode } from 'react';
import { common } from '../i18n/common.ts';
import { useMessages } from '../i18n/i18n.tsx';

/**
 * A screen: sets the document title and moves focus to its heading when it opens, so keyboard and
 * screen-reader users land at the start of the new page after a client-side navigation.
 */
export function Page({ title, actions, children, wide }: { title: string; actions?: ReactNode; children: ReactNode; wide?: boolean }) {
  const m = useMessages(common);
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    document.title = `${title} · ${m.appName}`;
  }, [title, m.appName]);
  useEffect(() => {
    heading.current?.focus({ preventScroll: true });
  }, []);
  return (
    <section className={wide ? 'page page-wide' : 'page'} aria-labelledby="page-title">
      <header className="page-header">
        <h1 id="page-title" ref={heading} tabIndex={-1}>
          {title}
        </h1>
        {actions && <div className="page-actions">{actions}</div>}
      </header>
      {children}
    </section>
  );
}

export function Badge({ tone = 'neutral', children }: { tone?: 'neutral' | 'good' | 'warn' | 'bad' | 'info'; children: ReactNode }) {
  return <span className={`badge badge-${tone}`}>{children}</span>;
}

/** Tone of a reservation status badge. */
export function reservationTone(status: string): 'neutral' | 'good' | 'warn' | 'bad' | 'info' {
  switch (status) {
    case 'REQUESTED':
    case 'ACCEPTED':
      return 'warn';
    case 'CONFIRMED':
    case 'IN_PROGRESS':
      return 'info';
    case 'COMPLETED':
      return 'good';
    case 'REJECTED':
    case 'CANCELLED':
    case 'EXPIRED':
      return 'bad';
    default:
      return 'neutral';
  }
}
