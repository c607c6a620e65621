import type { ReactNode } from 'react';
import type { Problem } from '../api/problem.ts';
import { common, problemMessage } from '../i18n/common.ts';
import { useMessages } from '../i18n/i18n.tsx';
import type { AsyncState } from './use-async.ts';

export function Loading({ label }: { label?: string }) {
  const m = useMessages(common);
  return (
    <p className="loading" role="status" aria-live="polite">
      <span className="spinner" aria-hidden="true" /> {label ?? m.states.loading}
    </p>
  );
}

export function EmptyState({ children }: { children?: ReactNode }) {
  const m = useMessages(common);
  return <p className="empty">{children ?? m.states.empty}</p>;
}

/** A problem as a readable alert, with a retry button when the caller can retry. */
export function ErrorNotice({ problem, onRetry }: { problem: Problem | undefined; onRetry?: () => void }) {
  const m = useMessages(common);
  if (!problem) return null;
  return (
    <div className="notice notice-error" role="alert">
      <p>{problemMessage(m, problem)}</p>
      {onRetry && (
        <button type="button" className="btn btn-secondary" onClick={onRetry}>
          {m.actions.retry}
        </button>
      )}
    </div>
  );
}

export function SuccessNotice({ children }: { children: ReactNode }) {
  return (
    <div className="notice notice-success" role="status">
      {children}
    </div>
  );
}

/** Loading, error (with retry) and empty states around the data of `useAsync`. */
export function AsyncView<T>({
  state,
  isEmpty,
  empty,
  children,
}: {
  state: AsyncState<T> & { reload(): void };
  isEmpty?: (data: T) => boolean;
  empty?: ReactNode;
  children: (data: T) => ReactNode;
}) {
  if (state.status === 'error' && state.data === undefined) return <ErrorNotice problem={state.problem} onRetry={state.reload} />;
  if (state.data === undefined) return <Loading />;
  return (
    <>
      {state.status === 'error' && <ErrorNotice problem={state.problem} onRetry={state.reload} />}
      {isEmpty?.(state.data) ? <EmptyState>{empty}</EmptyState> : children(state.data)}
    </>
  );
}
