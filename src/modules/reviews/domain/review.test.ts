import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { checkReview, maskName, nextStats } from './review.ts';

describe('review rules', () => {
  it('accepts ratings 1 to 5 and content of 10 to 1000 characters, trimmed', () => {
    expect(checkReview({ rating: 1, content: '  정말 친절하셨어요 감사합니다  ' })).toEqual({ ok: true, value: { rating: 1, content: '정말 친절하셨어요 감사합니다' } });
    expect(checkReview({ rating: 5, content: 'x'.repeat(1000) }).ok).toBe(true);
  });

  it('refuses out-of-range or fractional ratings and short, blank or long content', () => {
    for (const rating of [0, 6, -1, 4.5, Number.NaN]) {
      expect(checkReview({ rating })).toMatchObject({ ok: false, errors: [{ field: 'rating' }] });
    }
    for (const content of ['짧아요', ' '.repeat(20), 'x'.repeat(1001), '   123456789   ']) {
      expect(checkReview({ content })).toMatchObject({ ok: false, errors: [{ field: 'content' }] });
    }
  });

  it('masks the author name to its first character', () => {
    expect(maskName('김철수')).toBe('김**');
    expect(maskName('이영')).toBe('이*');
    expect(maskName('Alice Kim')).toBe('A*******');
    expect(maskName('박')).toBe('박*');
    expect(maskName('')).toBe('***');
  });

  it('keeps count and sum equal to the live reviews, the version growing by one per change', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 1, max: 5 }), { maxLength: 30 }), (ratings) => {
        let stats = { reviewCount: 0, ratingSum: 0, version: 0 };
        for (const r of ratings) stats = nextStats(stats, { added: r });
        const edited = ratings.length > 0 ? nextStats(stats, { removed: ratings[0]!, added: 3 }) : stats;
        const sum = ratings.reduce((a, b) => a + b, 0);
        expect(stats).toEqual({ reviewCount: ratings.length, ratingSum: sum, version: ratings.length });
        if (ratings.length > 0) expect(edited).toEqual({ reviewCount: ratings.length, ratingSum: sum - ratings[0]! + 3, version: ratings.length + 1 });
      }),
    );
    expect(() => nextStats({ reviewCount: 0, ratingSum: 0, version: 3 }, { removed: 4 })).toThrow();
  });
});
