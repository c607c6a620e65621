// The "recommended" order of the search. Pure, so it can be stored with the profile and recomputed
// whenever its inputs change (profile edits now, review events later).
//
//   score = (m * C + r * n) / (m + n)  +  b * min(careerYears, K)
//
// The first term is a Bayesian average: the caregiver's average rating r over n reviews, pulled toward
// a prior C as if m extra reviews of C had been given, so two 5-star reviews do not beat two hundred
// 4.8-star ones, and a newcomer starts at C rather than 0. With C = 3.5 and m = 5, one review of 5.0
// scores (17.5 + 5) / 6 = 3.75 and two hundred of 4.9 score (17.5 + 980) / 205 = 4.87 (GET /caregivers/top
// orders by this first term alone, stored as profiles.rating_score). The second term is a small career bonus,
// capped so experience orders equally rated caregivers but never outweighs a real rating gap. A caregiver
// without reviews gets only a token of it (b0 per year, at most 0.001): enough to order newcomers among
// themselves, never enough to lift one over a caregiver whose reviews average above C (issue 13 item 15: a
// profile approved a minute ago ranked above well-reviewed ones on its career bonus alone).
// Rounded to 4 decimals so the value stored in numeric(7,4) and the one in a page cursor are identical.

export const RANKING = {
  /** C: where a caregiver without reviews stands (on the 1-5 scale). */
  priorMean: 3.5,
  /** m: how many reviews the prior is worth. */
  priorWeight: 5,
  /** b: bonus per career year. */
  careerBonusPerYear: 0.02,
  /** b0: bonus per career year of a caregiver without reviews (a tie-break among newcomers only). */
  newcomerCareerBonusPerYear: 0.0001,
  /** K: years counted for the bonus (so the bonus is at most 0.2). */
  careerBonusCapYears: 10,
} as const;

export interface RankingInput {
  /** 0 when there are no reviews; otherwise 1 to 5. */
  readonly ratingAverage: number;
  readonly reviewCount: number;
  readonly careerYears: number;
}

export function bayesianRating(ratingAverage: number, reviewCount: number): number {
  const { priorMean, priorWeight } = RANKING;
  const n = Math.max(0, reviewCount);
  return (priorWeight * priorMean + ratingAverage * n) / (priorWeight + n);
}

export function recommendedScore(input: RankingInput): number {
  const { careerBonusPerYear, newcomerCareerBonusPerYear, careerBonusCapYears } = RANKING;
  const years = Math.min(Math.max(0, input.careerYears), careerBonusCapYears);
  const perYear = input.reviewCount > 0 ? careerBonusPerYear : newcomerCareerBonusPerYear;
  const score = bayesianRating(input.ratingAverage, input.reviewCount) + perYear * years;
  return Math.round(score * 10_000) / 10_000;
}
