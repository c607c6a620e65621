import { useCallback, useEffect, useRef, useState } from 'react';
import { problemOf, type Problem } from '../api/problem.ts';

export type AsyncState<T> =
  | { readonly status: 'loading'; readonly data?: T }
  | { readonly status: 'ready'; readonly data: T }
  | { readonly status: 'error'; readonly problem: Problem; readonly data?: T };

/**
 * Loads data for a screen: re-runs when `deps` change, ignores answers that arrive after a newer request,
 * and keeps the previous data while reloading (so lists do not flash empty on a live update).
 */
export function useAsync<T>(load: () => Promise<T>, deps: readonly unknown[]): AsyncState<T> & { reload(): void } {
  const [state, setState] = useState<AsyncState<T>>({ status: 'loading' });
  const [generation, setGeneration] = useState(0);
  const latest = useRef(load);
  latest.current = load;
  useEffect(() => {
    let current = true;
    setState((previous) => ({ status: 'loading', ...(previous.data !== undefined ? { data: previous.data } : {}) }));
    latest.current().then(
      (data) => current && setState({ status: 'ready', data }),
      (error: unknown) => current && setState((previous) => ({ status: 'error', problem: problemOf(error), ...(previous.data !== undefined ? { data: previous.data } : {}) })),
    );
    return () => {
      current = false;
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [...deps, generation]);
  const reload = useCallback(() => setGeneration((g) => g + 1), []);
  return { ...state, reload };
}

export interface Action<A extends unknown[], T> {
  run(...args: A): Promise<T | undefined>;
  readonly pending: boolean;
  readonly problem: Problem | undefined;
  reset(): void;
}

/** A button's or form's write: pending while it runs, the problem when it fails (never throws). */
export function useAction<A extends unknown[], T>(action: (...args: A) => Promise<T>): Action<A, T> {
  const [pending, setPending] = useState(false);
  const [problem, setProblem] = useState<Problem | undefined>();
  const latest = useRef(action);
  latest.current = action;
  const run = useCallback(async (...args: A) => {
    setPending(true);
    setProblem(undefined);
    try {
      return await latest.current(...args);
    } catch (error) {
      setProblem(problemOf(error));
      return undefined;
    } finally {
      setPending(false);
    }
  }, []);
  const reset = useCallback(() => setProblem(undefined), []);
  return { run, pending, problem, reset };
}
