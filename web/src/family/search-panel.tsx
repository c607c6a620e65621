import { useCallback, useRef, useState, type ReactNode, type RefObject } from 'react';
import { common } from '../i18n/common.ts';
import { seoulInputToIso } from '../i18n/seoul-time.ts';
import { useFormat, useMessages, type Formatters } from '../i18n/i18n.tsx';
import { familyMessages } from './messages.ts';
import { SearchForm } from './search-form.tsx';
import { searchMessages } from './search-messages.ts';
import { hasFilters, type SearchFilters } from './search-query.ts';

// On a phone the filter form folds into a drawer under one bar that says which filters apply; on wider screens
// the form is always shown (styles in family.css). After a search the drawer closes so the results are in view.

type Texts = {
  readonly s: typeof searchMessages.ko;
  readonly c: typeof common.ko;
  readonly f: Formatters;
};

/** Where and what: "강남구 병원 간병" (the results announcement names it). */
export function searchScope(filters: SearchFilters, { s, c }: Omit<Texts, 'f'>): string {
  const region = filters.sigungu || filters.sido;
  const parts = [region, ...filters.serviceTypes.map((t) => c.serviceType[t])].filter(Boolean);
  return parts.length > 0 ? parts.join(' ') : s.all;
}

/** Every filter that applies, as short labels for the summary bar. */
export function appliedFilters(filters: SearchFilters, { s, c, f }: Texts, anyRating: (n: number) => string): string[] {
  const labels: string[] = [];
  if (filters.sido) labels.push([filters.sido, filters.sigungu].filter(Boolean).join(' '));
  labels.push(...filters.serviceTypes.map((t) => c.serviceType[t]));
  if (filters.availableFrom && filters.availableTo) labels.push(s.dates(f.dateTime(seoulInputToIso(filters.availableFrom)), f.dateTime(seoulInputToIso(filters.availableTo))));
  if (filters.gender === 'FEMALE' || filters.gender === 'MALE') labels.push(c.gender[filters.gender]);
  if (filters.language) labels.push((c.language as Record<string, string>)[filters.language] ?? filters.language);
  if (filters.maxHourlyRate && Number.isFinite(Number(filters.maxHourlyRate))) labels.push(s.maxHourly(f.krw(Number(filters.maxHourlyRate))));
  if (filters.minRating) labels.push(anyRating(Number(filters.minRating)));
  return labels;
}

export function SearchPanel({ filters, formKey, onSearch }: { filters: SearchFilters; formKey: string; onSearch(filters: SearchFilters): void }) {
  const s = useMessages(searchMessages);
  const c = useMessages(common);
  const m = useMessages(familyMessages).search;
  const f = useFormat();
  const [open, setOpen] = useState(false);
  const applied = appliedFilters(filters, { s, c, f }, m.minRatingOption);
  return (
    <div className="family-search-panel">
      <div className="family-filter-bar card">
        <p className="family-filter-summary">{hasFilters(filters) && applied.length > 0 ? s.applied(applied.join(', ')) : s.noneApplied}</p>
        <button type="button" className="btn btn-secondary" aria-expanded={open} aria-controls="family-search-drawer" onClick={() => setOpen((o) => !o)}>
          {open ? s.closeFilters : s.openFilters}
        </button>
      </div>
      <div id="family-search-drawer" className={open ? 'family-search-drawer is-open' : 'family-search-drawer'}>
        <SearchForm
          key={formKey}
          initial={filters}
          onSearch={(next) => {
            setOpen(false);
            onSearch(next);
          }}
        />
      </div>
    </div>
  );
}

/**
 * The results' live announcement ("강남구 병원 간병 3명", visible too) and, after a search from the form, a
 * scroll to the results with focus on their heading, so a phone does not stay on the filters.
 */
export function useResultsAnnouncer(filters: SearchFilters): {
  headingRef: RefObject<HTMLHeadingElement | null>;
  requestJump(sameQuery: boolean): void;
  loaded(count: number, more: boolean): void;
  status: ReactNode;
} {
  const s = useMessages(searchMessages);
  const c = useMessages(common);
  const [text, setText] = useState('');
  const jump = useRef(false);
  const headingRef = useRef<HTMLHeadingElement>(null);
  const scope = searchScope(filters, { s, c });
  const scroll = useCallback(() => {
    const heading = headingRef.current;
    if (!heading) return;
    heading.scrollIntoView({ block: 'start' });
    heading.focus({ preventScroll: true });
  }, []);
  const loaded = useCallback(
    (count: number, more: boolean) => {
      setText(count > 0 ? s.count(scope, count, more) : s.none(scope));
      if (jump.current) {
        jump.current = false;
        requestAnimationFrame(scroll);
      }
    },
    [s, scope, scroll],
  );
  const requestJump = useCallback(
    (sameQuery: boolean) => {
      if (sameQuery) scroll();
      else jump.current = true;
    },
    [scroll],
  );
  const status = (
    <p className="family-results-count" role="status" aria-live="polite">
      {text}
    </p>
  );
  return { headingRef, requestJump, loaded, status };
}
