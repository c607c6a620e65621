import { useEffect, useRef } from 'react';

// Live updates of the admin tables: a `reservation.updated` / `payment.updated` frame carries only an id
// and the new status. Rows already on screen change in place; a frame for a row that is not shown means
// there is something new (or on a later page) and the table offers a refresh instead of jumping.

export interface StatusUpdate {
  readonly id: string;
  readonly status: string;
}

export type FrameOutcome = 'changed' | 'unchanged' | 'missing';

/** The rows after `update`, and what it did: changed a row's status, matched it already, or found no row. */
export function applyStatusUpdate<T extends { readonly id: string; readonly status: string }>(
  rows: readonly T[],
  update: StatusUpdate,
): { rows: readonly T[]; outcome: FrameOutcome } {
  const index = rows.findIndex((row) => row.id === update.id);
  if (index < 0) return { rows, outcome: 'missing' };
  const row = rows[index] as T;
  if (row.status === update.status) return { rows, outcome: 'unchanged' };
  const next = [...rows];
  next[index] = { ...row, status: update.status };
  return { rows: next, outcome: 'changed' };
}

/** A function that runs `action` once, `delayMs` after the last of a burst of calls. */
export function useDebounced(action: () => void, delayMs: number): () => void {
  const latest = useRef(action);
  latest.current = action;
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  useEffect(() => () => clearTimeout(timer.current), []);
  const trigger = useRef(() => {
    clearTimeout(timer.current);
    timer.current = setTimeout(() => latest.current(), delayMs);
  });
  return trigger.current;
}
