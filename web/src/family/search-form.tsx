import { useState, type FormEvent } from 'react';
import { common } from '../i18n/common.ts';
import { useMessages } from '../i18n/i18n.tsx';
import { CheckboxGroup, SelectField, TextField } from '../ui/form.tsx';
import { RegionPicker } from '../ui/regions.tsx';
import { familyMessages } from './messages.ts';
import { searchMessages } from './search-messages.ts';
import { datesIncomplete, emptyFilters, endBeforeStart, LANGUAGES, SERVICE_TYPES, type SearchFilters, type ServiceType } from './search-query.ts';

/** The filter form; `onSearch` gets the filters when submitted (the page puts them in the URL). */
export function SearchForm({ initial, onSearch }: { initial: SearchFilters; onSearch(filters: SearchFilters): void }) {
  const m = useMessages(familyMessages).search;
  const s = useMessages(searchMessages);
  const c = useMessages(common);
  const [draft, setDraft] = useState(initial);
  const [showDateError, setShowDateError] = useState(false);
  const set = (patch: Partial<SearchFilters>) => setDraft((d) => ({ ...d, ...patch }));
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (datesIncomplete(draft) || endBeforeStart(draft)) {
      setShowDateError(true);
      // The field that is wrong gets focus (its error is tied to it), not a failure in the results.
      const name = datesIncomplete(draft) ? (draft.availableFrom ? 'availableTo' : 'availableFrom') : 'availableTo';
      requestAnimationFrame(() => (event.target as HTMLFormElement).querySelector<HTMLElement>(`[name="${name}"]`)?.focus());
      return;
    }
    setShowDateError(false);
    onSearch(draft);
  };
  const dateError = showDateError && datesIncomplete(draft) ? m.datesIncomplete : undefined;
  const endError = showDateError && !datesIncomplete(draft) && endBeforeStart(draft) ? s.endBeforeStart : undefined;
  return (
    <form className="card form family-search" aria-label={m.formLabel} onSubmit={submit} noValidate>
      <RegionPicker value={{ sido: draft.sido, sigungu: draft.sigungu }} onChange={(r) => set(r)} />
      <CheckboxGroup
        legend={m.serviceTypes}
        name="serviceType"
        options={SERVICE_TYPES.map((s) => ({ value: s, label: c.serviceType[s] }))}
        values={draft.serviceTypes}
        onChange={(values) => set({ serviceTypes: values as ServiceType[] })}
      />
      <div className="row family-fields">
        <TextField label={m.availableFrom} name="availableFrom" type="datetime-local" value={draft.availableFrom} onChange={(e) => set({ availableFrom: e.target.value })} error={draft.availableFrom ? undefined : dateError} />
        <TextField label={m.availableTo} name="availableTo" type="datetime-local" value={draft.availableTo} min={draft.availableFrom || undefined} onChange={(e) => set({ availableTo: e.target.value })} hint={m.datesHint} error={endError ?? (draft.availableFrom ? dateError : undefined)} />
      </div>
      <div className="row family-fields">
        <SelectField
          label={m.gender}
          name="gender"
          value={draft.gender}
          onChange={(e) => set({ gender: e.target.value })}
          options={[{ value: '', label: m.any }, { value: 'FEMALE', label: c.gender.FEMALE }, { value: 'MALE', label: c.gender.MALE }]}
        />
        <SelectField
          label={m.language}
          name="language"
          value={draft.language}
          onChange={(e) => set({ language: e.target.value })}
          options={[{ value: '', label: m.any }, ...LANGUAGES.map((l) => ({ value: l, label: c.language[l] }))]}
        />
        <TextField label={m.maxHourlyRate} name="maxHourlyRate" type="number" inputMode="numeric" min={0} step={1000} value={draft.maxHourlyRate} onChange={(e) => set({ maxHourlyRate: e.target.value })} />
        <SelectField
          label={m.minRating}
          name="minRating"
          value={draft.minRating}
          onChange={(e) => set({ minRating: e.target.value })}
          options={[{ value: '', label: m.any }, ...[4.5, 4, 3].map((n) => ({ value: String(n), label: m.minRatingOption(n) }))]}
        />
      </div>
      <div className="row">
        <button type="submit" className="btn btn-primary">
          {m.submit}
        </button>
        <button
          type="button"
          className="btn btn-link"
          onClick={() => {
            setDraft(emptyFilters);
            setShowDateError(false);
            onSearch(emptyFilters);
          }}
        >
          {m.reset}
        </button>
      </div>
    </form>
  );
}
