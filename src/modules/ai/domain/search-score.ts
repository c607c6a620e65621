import type { CaregiverSearchFilters } from '../../caregivers/contract.ts';

// Per-field F1 of interpreted filters against expected ones (issue 10: the search is scored per field).
// A filter is a set of (field, value) pairs, one per service type; precision and recall count pairs. Pure.

export const SCORED_FIELDS = [
  'sido', 'sigungu', 'serviceType', 'gender', 'minCareerYears', 'minRating', 'maxHourlyRate', 'maxDailyRate', 'language',
] as const;
export type ScoredField = (typeof SCORED_FIELDS)[number];

export interface FieldScore {
  readonly truePositives: number;
  readonly falsePositives: number;
  readonly falseNegatives: number;
  readonly precision: number;
  readonly recall: number;
  readonly f1: number;
}

function pairs(filters: CaregiverSearchFilters, field: ScoredField): string[] {
  const value = filters[field];
  if (value === undefined) return [];
  return Array.isArray(value) ? value.map(String) : [String(value)];
}

function score(tp: number, fp: number, fn: number): FieldScore {
  const precision = tp + fp === 0 ? 1 : tp / (tp + fp);
  const recall = tp + fn === 0 ? 1 : tp / (tp + fn);
  const f1 = precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
  return { truePositives: tp, falsePositives: fp, falseNegatives: fn, precision, recall, f1 };
}

export interface SearchScore {
  readonly fields: Readonly<Record<ScoredField, FieldScore>>;
  /** Micro-averaged over every (field, value) pair. */
  readonly overall: FieldScore;
  /** The cases with any difference, for reading. */
  readonly misses: readonly { readonly query: string; readonly expected: CaregiverSearchFilters; readonly actual: CaregiverSearchFilters }[];
}

export function scoreSearch(
  cases: readonly { readonly query: string; readonly expected: CaregiverSearchFilters }[],
  interpret: (query: string) => CaregiverSearchFilters,
): SearchScore {
  const counts = Object.fromEntries(SCORED_FIELDS.map((f) => [f, { tp: 0, fp: 0, fn: 0 }])) as Record<ScoredField, { tp: number; fp: number; fn: number }>;
  const misses: { query: string; expected: CaregiverSearchFilters; actual: CaregiverSearchFilters }[] = [];
  for (const { query, expected } of cases) {
    const actual = interpret(query);
    let missed = false;
    for (const field of SCORED_FIELDS) {
      const want = pairs(expected, field);
      const got = pairs(actual, field);
      const tp = got.filter((v) => want.includes(v)).length;
      counts[field].tp += tp;
      counts[field].fp += got.length - tp;
      counts[field].fn += want.length - tp;
      if (tp !== got.length || tp !== want.length) missed = true;
    }
    if (missed) misses.push({ query, expected, actual });
  }
  const fields = Object.fromEntries(SCORED_FIELDS.map((f) => [f, score(counts[f].tp, counts[f].fp, counts[f].fn)])) as Record<ScoredField, FieldScore>;
  const total = Object.values(counts).reduce((sum, c) => ({ tp: sum.tp + c.tp, fp: sum.fp + c.fp, fn: sum.fn + c.fn }), { tp: 0, fp: 0, fn: 0 });
  return { fields, overall: score(total.tp, total.fp, total.fn), misses };
}
