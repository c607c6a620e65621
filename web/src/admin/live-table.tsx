import { useEffect, useRef, useState, type ReactNode } from 'react';
import { common } from '../i18n/common.ts';
import { useMessages } from '../i18n/i18n.tsx';
import { EmptyState, ErrorNotice, Loading } from '../ui/feedback.tsx';
import type { FrameOutcome, StatusUpdate } from './live-rows.ts';
import type { PagedList } from './use-paged-list.ts';

/** Rows changed by a live frame stay highlighted for a moment; the change is announced politely. */
export function useLiveHighlights<T extends { readonly id: string; readonly status: string }>(list: PagedList<T>, announce: (id: string, status: string) => string) {
  const [highlighted, setHighlighted] = useState<ReadonlySet<string>>(new Set());
  const [announcement, setAnnouncement] = useState('');
  const [hasNew, setHasNew] = useState(false);
  const timers = useRef(new Set<ReturnType<typeof setTimeout>>());
  useEffect(() => {
    const pending = timers.current;
    return () => pending.forEach(clearTimeout);
  }, []);
  const onUpdate = (update: StatusUpdate): FrameOutcome => {
    const outcome = list.applyUpdate(update);
    if (outcome === 'missing') setHasNew(true);
    if (outcome === 'changed') {
      setHighlighted((s) => new Set(s).add(update.id));
      setAnnouncement(announce(update.id, update.status));
      const timer = setTimeout(() => {
        timers.current.delete(timer);
        setHighlighted((s) => {
          const next = new Set(s);
          next.delete(update.id);
          return next;
        });
      }, 3000);
      timers.current.add(timer);
    }
    return outcome;
  };
  const refresh = () => {
    setHasNew(false);
    list.reload();
  };
  return { highlighted, announcement, hasNew, onUpdate, refresh };
}

/** The frame of an admin table: caption, live region, "new rows" button, states and "더 보기". */
export function LiveTable<T>({
  list,
  caption,
  empty,
  head,
  row,
  live,
  newLabel,
}: {
  list: PagedList<T & { readonly id: string; readonly status: string }>;
  caption: string;
  empty: string;
  head: ReactNode;
  row: (item: T, highlighted: boolean) => ReactNode;
  live: { highlighted: ReadonlySet<string>; announcement: string; hasNew: boolean; refresh(): void };
  newLabel: string;
}) {
  const c = useMessages(common);
  return (
    <div className="stack">
      <p className="sr-only" aria-live="polite">
        {live.announcement}
      </p>
      {live.hasNew && (
        <div className="notice notice-info">
          <button type="button" className="btn btn-secondary" onClick={live.refresh}>
            {newLabel}
          </button>
        </div>
      )}
      {list.items === undefined ? (
        list.problem ? (
          <ErrorNotice problem={list.problem} onRetry={list.reload} />
        ) : (
          <Loading />
        )
      ) : list.items.length === 0 ? (
        <EmptyState>{empty}</EmptyState>
      ) : (
        <>
          <div className="table-wrap" tabIndex={0} role="region" aria-label={caption}>
            <table>
              <caption className="sr-only">{caption}</caption>
              <thead>{head}</thead>
              <tbody>{list.items.map((item) => row(item, live.highlighted.has(item.id)))}</tbody>
            </table>
          </div>
          {list.problem && <ErrorNotice problem={list.problem} onRetry={list.loadMore} />}
          {list.loading && <Loading />}
          {list.nextCursor && !list.loading && (
            <button type="button" className="btn btn-secondary" onClick={list.loadMore}>
              {c.actions.more}
            </button>
          )}
        </>
      )}
    </div>
  );
}
