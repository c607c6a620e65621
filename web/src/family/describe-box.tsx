import { useState, type FormEvent } from 'react';
import { api, call } from '../api/client.ts';
import type { Json } from '../api/types.ts';
import { useMessages } from '../i18n/i18n.tsx';
import { ErrorNotice } from '../ui/feedback.tsx';
import { TextField } from '../ui/form.tsx';
import { useAction } from '../ui/use-async.ts';
import { familyMessages } from './messages.ts';
import { emptyFilters, SERVICE_TYPES, type SearchFilters } from './search-query.ts';

// "Describe who you need" on the family home: POST /ai/caregiver-search reads the sentence into the
// filters of GET /caregivers (same names), which the page then puts in its URL like any search, so the
// results, paging and editing are the normal search's. Only this small form is in the first load; the
// chips that show what was understood load when there is something to show.

type AiSearch = Json<'/api/v1/ai/caregiver-search', 'post'>;

export interface Interpretation {
  readonly query: string;
  readonly explanation: string;
  readonly interpretedBy: string;
}

const text = (value: number | undefined) => (value === undefined ? '' : String(value));

/** The interpreted filters as the search form's filters (everything else empty, default sort). */
export function filtersFromAi(filters: AiSearch['filters']): SearchFilters {
  return {
    ...emptyFilters,
    sido: filters.sido ?? '',
    sigungu: filters.sido ? (filters.sigungu ?? '') : '',
    serviceTypes: SERVICE_TYPES.filter((s) => filters.serviceType?.includes(s)),
    gender: filters.gender ?? '',
    language: filters.language ?? '',
    minCareerYears: text(filters.minCareerYears),
    minRating: text(filters.minRating),
    maxHourlyRate: text(filters.maxHourlyRate),
    maxDailyRate: text(filters.maxDailyRate),
  };
}

export function DescribeBox({ onInterpreted }: { onInterpreted(interpretation: Interpretation, filters: SearchFilters): void }) {
  const m = useMessages(familyMessages).describe;
  const [query, setQuery] = useState('');
  const search = useAction(async (sentence: string) => {
    const answer = await call(api.POST('/api/v1/ai/caregiver-search', { body: { query: sentence } }));
    onInterpreted({ query: sentence, explanation: answer.explanation, interpretedBy: answer.interpretedBy }, filtersFromAi(answer.filters));
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (query.trim()) void search.run(query.trim());
  };
  return (
    <form className="card form family-describe" role="search" aria-label={m.title} onSubmit={submit}>
      <h2 className="family-describe-title">{m.title}</h2>
      <TextField label={m.label} hint={m.hint} name="query" value={query} maxLength={500} onChange={(e) => setQuery(e.target.value)} autoComplete="off" enterKeyHint="search" />
      <ErrorNotice problem={search.problem} />
      <button type="submit" className="btn btn-primary" disabled={search.pending} aria-busy={search.pending || undefined}>
        {search.pending ? m.searching : m.submit}
      </button>
    </form>
  );
}
