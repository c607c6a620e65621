import { addHours, isoToSeoulInput, seoulDay } from '../i18n/seoul-time.ts';
import { emptyFilters, filtersToUrl, type SearchFilters, type ServiceType } from './search-query.ts';

// The guided request (/request): condition -> place -> dates, then the search results with the filters applied.
// The answers and the step live in the URL query, so the browser's back button goes to the previous question.
// Pure: no React, unit tested.

export const CONDITIONS = ['daily', 'dementia', 'rehab', 'companion', 'night'] as const;
export type Condition = (typeof CONDITIONS)[number];
export const PLACES = ['HOSPITAL', 'HOME'] as const;
export type Place = (typeof PLACES)[number];
export const STEPS = 3;

/** The service type each condition asks for (daily care: any caregiver of the place). */
const CONDITION_TYPE: Record<Condition, ServiceType | undefined> = {
  daily: undefined,
  dementia: 'DEMENTIA',
  rehab: 'REHABILITATION',
  companion: 'COMPANION',
  night: 'NIGHT',
};

export interface RequestAnswers {
  readonly step: number;
  readonly condition: Condition | '';
  readonly place: Place | '';
  readonly sido: string;
  readonly sigungu: string;
  /** datetime-local values, Seoul time */
  readonly from: string;
  readonly to: string;
}

const isCondition = (v: string): v is Condition => (CONDITIONS as readonly string[]).includes(v);
const isPlace = (v: string): v is Place => (PLACES as readonly string[]).includes(v);

/** Tomorrow 09:00 to 18:00 Seoul time: a day of care, the most common request. */
export function defaultDates(now: Date): { from: string; to: string } {
  const tomorrow = seoulDay(addHours(now, 24));
  return { from: `${tomorrow}T09:00`, to: `${tomorrow}T18:00` };
}

export function answersFromUrl(query: URLSearchParams, now: Date): RequestAnswers {
  const step = Number(query.get('step') ?? '1');
  const condition = query.get('condition') ?? '';
  const place = query.get('place') ?? '';
  const dates = defaultDates(now);
  return {
    step: Number.isInteger(step) && step >= 1 && step <= STEPS ? step : 1,
    condition: isCondition(condition) ? condition : '',
    place: isPlace(place) ? place : '',
    sido: query.get('sido') ?? '',
    sigungu: query.get('sigungu') ?? '',
    from: query.get('from') ?? dates.from,
    to: query.get('to') ?? dates.to,
  };
}

export function answersToUrl(answers: RequestAnswers): string {
  const query = new URLSearchParams({ step: String(answers.step) });
  if (answers.condition) query.set('condition', answers.condition);
  if (answers.place) query.set('place', answers.place);
  if (answers.sido) query.set('sido', answers.sido);
  if (answers.sido && answers.sigungu) query.set('sigungu', answers.sigungu);
  query.set('from', answers.from);
  query.set('to', answers.to);
  return query.toString();
}

export type StepProblem = 'condition' | 'place' | 'sido' | 'from' | 'to' | 'fromPast';

/** What keeps the answers of a step from going on ([] when complete). */
export function stepProblems(answers: RequestAnswers, step: number, now: Date): StepProblem[] {
  if (step === 1) return answers.condition ? [] : ['condition'];
  if (step === 2) return [...(answers.place ? [] : (['place'] as const)), ...(answers.sido ? [] : (['sido'] as const))];
  const problems: StepProblem[] = [];
  if (!answers.from) problems.push('from');
  else if (answers.from < isoToSeoulInput(now)) problems.push('fromPast');
  if (!answers.to || (answers.from && answers.to <= answers.from)) problems.push('to');
  return problems;
}

/** The search the answers make: the place's and the condition's service types, the region and the dates. */
export function requestFilters(answers: RequestAnswers): SearchFilters {
  const types = [answers.place, answers.condition ? CONDITION_TYPE[answers.condition] : undefined].filter((t): t is ServiceType => Boolean(t));
  return { ...emptyFilters, sido: answers.sido, sigungu: answers.sigungu, serviceTypes: types, availableFrom: answers.from, availableTo: answers.to };
}

/** Where the last step leads: the family home's search results with the filters applied. */
export function resultsUrl(answers: RequestAnswers): string {
  return `/?${filtersToUrl(requestFilters(answers))}`;
}

/** The answers of the URL, completed with a draft's for the questions the URL does not carry (a step gone back to). */
export function withDraft(query: URLSearchParams, now: Date, draft: RequestAnswers | undefined): RequestAnswers {
  const answers = answersFromUrl(query, now);
  if (!draft) return answers;
  const keep = (key: string) => query.has(key);
  return {
    ...answers,
    condition: keep('condition') ? answers.condition : draft.condition,
    place: keep('place') ? answers.place : draft.place,
    sido: keep('sido') ? answers.sido : draft.sido,
    sigungu: keep('sido') ? answers.sigungu : draft.sigungu,
    from: keep('from') ? answers.from : draft.from,
    to: keep('to') ? answers.to : draft.to,
  };
}
