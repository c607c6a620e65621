import { common } from '../i18n/common.ts';
import { useFormat, useMessages } from '../i18n/i18n.tsx';
import type { Interpretation } from './describe-box.tsx';
import { familyMessages } from './messages.ts';
import { type SearchFilters } from './search-query.ts';

// What the "describe who you need" box understood: the explanation and the search's current filters as
// chips; removing one searches again (the page puts the smaller filters in its URL).

interface Chip {
  readonly key: string;
  readonly label: string;
  readonly without: SearchFilters;
}

function useChips(filters: SearchFilters): Chip[] {
  const m = useMessages(familyMessages).describe;
  const c = useMessages(common);
  const f = useFormat();
  const chips: Chip[] = [];
  const add = (key: string, label: string, without: Partial<SearchFilters>) => chips.push({ key, label, without: { ...filters, ...without } });
  if (filters.sido) add('sido', filters.sido, { sido: '', sigungu: '' });
  if (filters.sido && filters.sigungu) add('sigungu', filters.sigungu, { sigungu: '' });
  for (const type of filters.serviceTypes) add(`serviceType-${type}`, c.serviceType[type], { serviceTypes: filters.serviceTypes.filter((t) => t !== type) });
  if (filters.gender === 'MALE' || filters.gender === 'FEMALE') add('gender', c.gender[filters.gender], { gender: '' });
  if (filters.language) add('language', m.language((c.language as Record<string, string>)[filters.language] ?? filters.language), { language: '' });
  if (filters.minCareerYears) add('minCareerYears', m.career(filters.minCareerYears), { minCareerYears: '' });
  if (filters.minRating) add('minRating', m.rating(filters.minRating), { minRating: '' });
  if (filters.maxHourlyRate) add('maxHourlyRate', m.hourly(f.krw(Number(filters.maxHourlyRate))), { maxHourlyRate: '' });
  if (filters.maxDailyRate) add('maxDailyRate', m.daily(f.krw(Number(filters.maxDailyRate))), { maxDailyRate: '' });
  return chips;
}

export function InterpretedFilters({
  interpretation,
  filters,
  onChange,
  onClose,
}: {
  interpretation: Interpretation;
  filters: SearchFilters;
  onChange(filters: SearchFilters): void;
  onClose(): void;
}) {
  const m = useMessages(familyMessages).describe;
  const chips = useChips(filters);
  return (
    <section className="card family-interpreted" aria-labelledby="family-interpreted-title">
      <div className="row family-interpreted-head">
        <h2 id="family-interpreted-title">{m.understood}</h2>
        <button type="button" className="btn btn-link btn-small" onClick={onClose}>
          {m.close}
        </button>
      </div>
      <p role="status">
        “{interpretation.query}” — {interpretation.explanation}
      </p>
      <p className="muted">{m.interpretedBy(interpretation.interpretedBy)}</p>
      {chips.length === 0 ? (
        <p>{m.noFilters}</p>
      ) : (
        <ul className="family-chips" aria-label={m.chipsLabel}>
          {chips.map((chip) => (
            <li key={chip.key}>
              <button type="button" className="chip" aria-label={m.remove(chip.label)} onClick={() => onChange(chip.without)}>
                {chip.label} <span aria-hidden="true">✕</span>
              </button>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
