import { useState } from 'react';
import { problemOf, type Problem } from '../api/problem.ts';
import { useAsync } from '../ui/use-async.ts';

interface Page<T> {
  readonly items: readonly T[];
  readonly nextCursor: string | null;
}

/** A cursor-paginated list: the first page through useAsync, then "more" pages appended. */
export function usePages<T>(load: (cursor?: string) => Promise<Page<T>>, deps: readonly unknown[]) {
  const [extra, setExtra] = useState<{ key: string; items: T[]; cursor: string | null }>();
  const [loadingMore, setLoadingMore] = useState(false);
  const [moreProblem, setMoreProblem] = useState<Problem>();
  const key = JSON.stringify(deps);
  const first = useAsync(() => load(), deps);
  const current = extra?.key === key ? extra : undefined;
  const items: T[] = [...(first.data?.items ?? []), ...(current?.items ?? [])];
  const cursor = current ? current.cursor : (first.data?.nextCursor ?? null);
  const loadMore = async () => {
    if (!cursor) return;
    setLoadingMore(true);
    setMoreProblem(undefined);
    try {
      const page = await load(cursor);
      setExtra({ key, items: [...(current?.items ?? []), ...page.items], cursor: page.nextCursor });
    } catch (error) {
      setMoreProblem(problemOf(error));
    } finally {
      setLoadingMore(false);
    }
  };
  return { first, items, cursor, loadMore, loadingMore, moreProblem, setItems: setExtra };
}
