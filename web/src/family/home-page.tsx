import { lazy, Suspense, useEffect, useState } from 'react';
import { api, call } from '../api/client.ts';
import { problemOf, type Problem } from '../api/problem.ts';
import type { CaregiverCard as Card, Query } from '../api/types.ts';
import { common } from '../i18n/common.ts';
import { useMessages } from '../i18n/i18n.tsx';
import { Link, navigate, useLocation } from '../router.tsx';
import { ErrorNotice, Loading } from '../ui/feedback.tsx';
import { SelectField } from '../ui/form.tsx';
import { Page } from '../ui/page.tsx';
import { useAsync } from '../ui/use-async.ts';
import { CaregiverCard, CaregiverPhoto, RatingText } from './caregiver-card.tsx';
import './family.css';
import { familyMessages } from './messages.ts';
import { DescribeBox, type Interpretation } from './describe-box.tsx';
import { SearchPanel, useResultsAnnouncer } from './search-panel.tsx';
import { RequestCallout } from './request-callout.tsx';
import { apiQuery, filtersFromUrl, filtersToUrl, hasFilters, SORTS, type SearchFilters, type Sort } from './search-query.ts';

// The family home: caregiver search. The filters live in the URL query; results page with keyset cursors.

const PAGE_SIZE = 12;

// What the "describe who you need" box understood: loaded only once there is something to show.
const InterpretedFilters = lazy(() => import('./interpreted-filters.tsx').then((m) => ({ default: m.InterpretedFilters })));

function searchPage(filters: SearchFilters, cursor?: string) {
  const query = { ...apiQuery(filters, cursor), limit: PAGE_SIZE } as Query<'/api/v1/caregivers'>;
  return call(api.GET('/api/v1/caregivers', { params: { query } }));
}

function PopularStrip() {
  const m = useMessages(familyMessages).search;
  const top = useAsync(() => call(api.GET('/api/v1/caregivers/top', { params: { query: { limit: 6 } } })), []);
  if (!top.data?.items.length) return null;
  return (
    <section className="family-top" aria-labelledby="family-top-title">
      <h2 id="family-top-title">{m.top}</h2>
      <ul className="family-top-list">
        {top.data.items.map((caregiver) => (
          <li key={caregiver.id} className="card family-top-item">
            <CaregiverPhoto caregiver={caregiver} size={48} />
            <div>
              <Link to={`/caregivers/${encodeURIComponent(caregiver.id)}`}>{caregiver.displayName}</Link>
              <br />
              <RatingText average={caregiver.ratingAverage} count={caregiver.reviewCount} />
            </div>
          </li>
        ))}
      </ul>
    </section>
  );
}

function Results({ filters, onLoaded }: { filters: SearchFilters; onLoaded?(count: number, more: boolean): void }) {
  const m = useMessages(familyMessages).search;
  const c = useMessages(common);
  const first = useAsync(() => searchPage(filters), [filtersToUrl(filters)]);
  const page = first.data;
  useEffect(() => {
    if (page) onLoaded?.(page.items.length, Boolean(page.nextCursor));
  }, [page, onLoaded]);
  const [more, setMore] = useState<{ items: Card[]; cursor: string | null }>();
  const [loadingMore, setLoadingMore] = useState(false);
  const [moreProblem, setMoreProblem] = useState<Problem>();
  const items = [...(first.data?.items ?? []), ...(more?.items ?? [])];
  const cursor = more ? more.cursor : first.data?.nextCursor;
  const loadMore = async () => {
    if (!cursor) return;
    setLoadingMore(true);
    setMoreProblem(undefined);
    try {
      const page = await searchPage(filters, cursor);
      setMore((previous) => ({ items: [...(previous?.items ?? []), ...page.items], cursor: page.nextCursor }));
    } catch (error) {
      setMoreProblem(problemOf(error));
    } finally {
      setLoadingMore(false);
    }
  };
  if (first.status === 'error') return <ErrorNotice problem={first.problem} onRetry={first.reload} />;
  if (first.status === 'loading') return <Loading />;
  if (items.length === 0) {
    return (
      <div className="empty" role="status">
        <p>
          <strong>{m.empty}</strong>
        </p>
        <p className="muted">{m.emptyHint}</p>
      </div>
    );
  }
  return (
    <>
      <ul className="grid family-results">
        {items.map((caregiver) => (
          <CaregiverCard key={caregiver.id} caregiver={caregiver} />
        ))}
      </ul>
      <ErrorNotice problem={moreProblem} />
      {cursor && (
        <button type="button" className="btn btn-secondary family-more" onClick={() => void loadMore()} disabled={loadingMore} aria-busy={loadingMore || undefined}>
          {loadingMore ? c.states.loading : c.actions.more}
        </button>
      )}
    </>
  );
}

export function FamilyHomePage() {
  const m = useMessages(familyMessages).search;
  const { query } = useLocation();
  const queryString = query.toString();
  const filters = filtersFromUrl(query);
  // The page stays mounted while its query changes, so what the box understood survives the searches it starts.
  const [interpretation, setInterpretation] = useState<Interpretation>();
  const results = useResultsAnnouncer(filters);
  const go = (next: SearchFilters, jumpToResults = false) => {
    const search = filtersToUrl(next);
    if (jumpToResults) results.requestJump(search === queryString);
    navigate(search ? `/?${search}` : '/');
  };
  return (
    <Page title={m.title} wide>
      <div className="stack">
      {!hasFilters(filters) && <RequestCallout />}
      <DescribeBox
        onInterpreted={(understood, next) => {
          setInterpretation(understood);
          go(next);
        }}
      />
      {interpretation && (
        <Suspense fallback={null}>
          <InterpretedFilters interpretation={interpretation} filters={filters} onChange={go} onClose={() => setInterpretation(undefined)} />
        </Suspense>
      )}
      <SearchPanel formKey={queryString} filters={filters} onSearch={(next) => go(next, true)} />
      {!hasFilters(filters) && !interpretation && <PopularStrip />}
      <section className="stack" aria-labelledby="family-results-title">
        <div className="row family-results-head">
          <h2 id="family-results-title" ref={results.headingRef} tabIndex={-1}>
            {m.results}
          </h2>
          <SelectField
            label={m.sort}
            name="sort"
            value={filters.sort}
            onChange={(e) => go({ ...filters, sort: e.target.value as Sort })}
            options={SORTS.map((s) => ({ value: s, label: m.sorts[s] }))}
          />
        </div>
        {results.status}
        <Results key={queryString} filters={filters} onLoaded={results.loaded} />
      </section>
      </div>
    </Page>
  );
}
