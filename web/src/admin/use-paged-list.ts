import { useCallback, useEffect, useRef, useState } from 'react';
import { problemOf, type Problem } from '../api/problem.ts';
import { applyStatusUpdate, type FrameOutcome, type StatusUpdate } from './live-rows.ts';

interface PageOf<T> {
  readonly items: readonly T[];
  readonly nextCursor: string | null;
}

export interface PagedList<T> {
  readonly items: readonly T[] | undefined;
  readonly nextCursor: string | null;
  readonly loading: boolean;
  readonly problem: Problem | undefined;
  reload(): void;
  loadMore(): void;
  /** Applies a live status update to the rows shown; answers what it did. */
  applyUpdate(update: StatusUpdate): FrameOutcome;
  remove(id: string): void;
}

/**
 * A cursor-paginated admin list: the first page loads whenever `key` (the filters) changes, "더 보기" appends
 * the next page, and answers that arrive after a newer request are dropped.
 */
export function usePagedList<T extends { readonly id: string; readonly status: string }>(
  load: (cursor: string | undefined) => Promise<PageOf<T>>,
  key: string,
): PagedList<T> {
  const [items, setItems] = useState<readonly T[] | undefined>();
  const [nextCursor, setNextCursor] = useState<string | null>(null);
  const [loading, setLoading] = useState(true);
  const [problem, setProblem] = useState<Problem | undefined>();
  const [generation, setGeneration] = useState(0);
  const request = useRef(0);
  const latestLoad = useRef(load);
  latestLoad.current = load;
  const itemsRef = useRef(items);
  itemsRef.current = items;

  const fetchPage = useCallback((cursor: string | undefined) => {
    const ticket = ++request.current;
    setLoading(true);
    setProblem(undefined);
    latestLoad.current(cursor).then(
      (page) => {
        if (ticket !== request.current) return;
        setItems((previous) => (cursor && previous ? [...previous, ...page.items] : page.items));
        setNextCursor(page.nextCursor);
        setLoading(false);
      },
      (error: unknown) => {
        if (ticket !== request.current) return;
        setProblem(problemOf(error));
        setLoading(false);
      },
    );
  }, []);

  useEffect(() => {
    setItems(undefined);
    fetchPage(undefined);
  }, [key, generation, fetchPage]);

  const reload = useCallback(() => setGeneration((g) => g + 1), []);
  const loadMore = useCallback(() => {
    if (nextCursor) fetchPage(nextCursor);
  }, [nextCursor, fetchPage]);
  const applyUpdate = useCallback((update: StatusUpdate): FrameOutcome => {
    const current = itemsRef.current;
    if (!current) return 'missing';
    const result = applyStatusUpdate(current, update);
    if (result.outcome === 'changed') {
      itemsRef.current = result.rows;
      setItems(result.rows);
    }
    return result.outcome;
  }, []);
  const remove = useCallback((id: string) => setItems((previous) => previous?.filter((item) => item.id !== id)), []);

  return { items, nextCursor, loading, problem, reload, loadMore, applyUpdate, remove };
}
