import type { ReactNode } from 'react';
import { useLiveFrames, type LiveFrame } from '../api/live.ts';
import { useLocation } from '../router.tsx';
import { Page } from '../ui/page.tsx';
import { filtersFromQuery, filtersToApi, filtersToSearch, ListFilters, type ApiFilters } from './list-filters.tsx';
import type { StatusUpdate } from './live-rows.ts';
import { LiveTable, useLiveHighlights } from './live-table.tsx';
import { shortId } from './format.ts';
import { usePagedList } from './use-paged-list.ts';
import './admin.css';

// An admin list page (reservations, payments): filters kept in the address, a cursor-paged table, and
// live frames that change rows in place. The pages say only what differs: which list, which frame, and
// the table's columns.

interface Row {
  readonly id: string;
  readonly status: string;
}

export interface LiveListPageProps<T extends Row, S extends string> {
  /** The page's address; the filters live in its query. */
  readonly path: string;
  readonly title: string;
  /** One page of the list for the filters, after `cursor` when given. */
  readonly load: (query: ApiFilters<S> & { cursor?: string }) => Promise<{ readonly items: readonly T[]; readonly nextCursor: string | null }>;
  /** The row update a live frame carries, when the frame is about this list. */
  readonly updateOf: (frame: LiveFrame) => StatusUpdate | undefined;
  readonly statuses: readonly S[];
  readonly statusLabel: (status: string) => string;
  /** The polite announcement of a row's new status (short id, status label). */
  readonly announce: (id: string, status: string) => string;
  readonly rangeHint: string;
  readonly caption: string;
  readonly empty: string;
  /** The button that appears when a frame is about a row not shown. */
  readonly newLabel: string;
  readonly head: ReactNode;
  readonly row: (item: T, highlighted: boolean) => ReactNode;
}

export function LiveListPage<T extends Row, S extends string>(props: LiveListPageProps<T, S>) {
  const { path, load, updateOf, statusLabel, announce } = props;
  const { query } = useLocation();
  const filters = filtersFromQuery(query);
  const key = filtersToSearch(filters);
  const list = usePagedList<T>((cursor) => load({ ...filtersToApi<S>(filters), ...(cursor ? { cursor } : {}) }), key);
  const live = useLiveHighlights(list, (id, status) => announce(shortId(id), statusLabel(status)));
  useLiveFrames((frame) => {
    const update = updateOf(frame);
    if (update) live.onUpdate(update);
  });
  return (
    <Page title={props.title} wide>
      <ListFilters
        key={key}
        path={path}
        values={filters}
        rangeHint={props.rangeHint}
        statuses={props.statuses.map((s) => ({ value: s, label: statusLabel(s) }))}
      />
      <LiveTable<T> list={list} caption={props.caption} empty={props.empty} newLabel={props.newLabel} live={live} head={props.head} row={props.row} />
    </Page>
  );
}
