import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { bayesianRating, RANKING, recommendedScore } from './ranking.ts';

const rating = fc.integer({ min: 100, max: 500 }).map((n) => n / 100);
const count = fc.integer({ min: 0, max: 10_000 });
const career = fc.integer({ min: 0, max: 67 });

describe('recommended score', () => {
  it('puts a newcomer at the prior, with a token career bonus that only orders newcomers', () => {
    expect(recommendedScore({ ratingAverage: 0, reviewCount: 0, careerYears: 0 })).toBe(3.5);
    expect(recommendedScore({ ratingAverage: 0, reviewCount: 0, careerYears: 5 })).toBe(3.5005);
    expect(recommendedScore({ ratingAverage: 0, reviewCount: 0, careerYears: 40 })).toBe(3.501);
  });

  it('never ranks a caregiver without reviews above one whose reviews average above the prior', () => {
    // Ratings are whole stars: n reviews summing to more than 3.5 n, whatever the careers.
    const reviewed = fc.integer({ min: 1, max: 300 }).chain((n) => fc.tuple(fc.constant(n), fc.integer({ min: Math.floor(3.5 * n) + 1, max: 5 * n })));
    fc.assert(
      fc.property(reviewed, career, career, ([n, sum], reviewedCareer, newcomerCareer) => {
        const newcomer = recommendedScore({ ratingAverage: 0, reviewCount: 0, careerYears: newcomerCareer });
        expect(recommendedScore({ ratingAverage: sum / n, reviewCount: n, careerYears: reviewedCareer })).toBeGreaterThan(newcomer);
      }),
    );
    // The case of the issue: 2 reviews of 4 stars and no career against 10 years of career and no reviews.
    expect(recommendedScore({ ratingAverage: 4, reviewCount: 2, careerYears: 0 })).toBeGreaterThan(recommendedScore({ ratingAverage: 0, reviewCount: 0, careerYears: 10 }));
  });

  it('computes the documented formula', () => {
    // (5 * 3.5 + 4.8 * 20) / 25 + 0.02 * 7 = 4.54 + 0.14
    expect(recommendedScore({ ratingAverage: 4.8, reviewCount: 20, careerYears: 7 })).toBe(4.68);
    expect(bayesianRating(5, 5)).toBe(4.25);
  });

  it('does not let a few perfect reviews beat many excellent ones', () => {
    const few = recommendedScore({ ratingAverage: 5, reviewCount: 2, careerYears: 3 });
    const many = recommendedScore({ ratingAverage: 4.8, reviewCount: 200, careerYears: 3 });
    expect(many).toBeGreaterThan(few);
  });

  it('keeps one review of 5.0 below two hundred reviews of 4.9 (the prior at work)', () => {
    // (5 * 3.5 + 5.0 * 1) / 6 = 3.75 against (5 * 3.5 + 4.9 * 200) / 205 = 4.8659
    expect(bayesianRating(5, 1)).toBeCloseTo(3.75, 10);
    expect(bayesianRating(4.9, 200)).toBeCloseTo(4.8659, 4);
    expect(bayesianRating(4.9, 200)).toBeGreaterThan(bayesianRating(5, 1));
    // and with equal careers the recommended order agrees
    expect(recommendedScore({ ratingAverage: 4.9, reviewCount: 200, careerYears: 0 })).toBeGreaterThan(
      recommendedScore({ ratingAverage: 5, reviewCount: 1, careerYears: 10 }),
    );
  });

  it('stays between the worst and best possible values, with 4 decimals', () => {
    fc.assert(
      fc.property(rating, count, career, (ratingAverage, reviewCount, careerYears) => {
        const score = recommendedScore({ ratingAverage, reviewCount, careerYears });
        expect(score).toBeGreaterThanOrEqual(1);
        expect(score).toBeLessThanOrEqual(5 + RANKING.careerBonusPerYear * RANKING.careerBonusCapYears);
        expect(Math.round(score * 10_000) / 10_000).toBe(score);
      }),
    );
  });

  it('never falls when the rating, or the career, grows', () => {
    fc.assert(
      fc.property(rating, rating, fc.integer({ min: 1, max: 10_000 }), career, (a, b, reviewCount, careerYears) => {
        const [low, high] = a <= b ? [a, b] : [b, a];
        expect(recommendedScore({ ratingAverage: high, reviewCount, careerYears })).toBeGreaterThanOrEqual(
          recommendedScore({ ratingAverage: low, reviewCount, careerYears }),
        );
      }),
    );
    fc.assert(
      fc.property(rating, count, career, career, (ratingAverage, reviewCount, a, b) => {
        const [low, high] = a <= b ? [a, b] : [b, a];
        expect(recommendedScore({ ratingAverage, reviewCount, careerYears: high })).toBeGreaterThanOrEqual(
          recommendedScore({ ratingAverage, reviewCount, careerYears: low }),
        );
      }),
    );
  });

  it('moves from the prior toward the real rating as reviews accumulate', () => {
    fc.assert(
      fc.property(rating, fc.integer({ min: 0, max: 5_000 }), (ratingAverage, n) => {
        const fewer = bayesianRating(ratingAverage, n);
        const more = bayesianRating(ratingAverage, n + 1);
        expect(Math.abs(more - ratingAverage)).toBeLessThanOrEqual(Math.abs(fewer - ratingAverage) + 1e-12);
      }),
    );
    expect(bayesianRating(4.9, 100_000)).toBeCloseTo(4.9, 3);
  });

  it('lets the career bonus order equal ratings but never outweigh a real rating gap of 0.25 at 20+ reviews', () => {
    fc.assert(
      fc.property(fc.integer({ min: 100, max: 475 }), fc.integer({ min: 20, max: 1000 }), career, career, (r, n, c1, c2) => {
        const lower = recommendedScore({ ratingAverage: r / 100, reviewCount: n, careerYears: c1 });
        const higher = recommendedScore({ ratingAverage: r / 100 + 0.25, reviewCount: n, careerYears: c2 });
        expect(higher).toBeGreaterThanOrEqual(lower);
      }),
    );
  });
});
