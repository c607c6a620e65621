import { describe, expect, it } from 'vitest';
import { bornIn, particle, withParticle } from './korean.ts';

describe('Korean particles (web)', () => {
  it.each([
    ['김영희', '을/를', '를'],
    ['장미숙', '을/를', '을'],
    ['Gemini', '이/가', '가'],
    ['서울', '으로/로', '로'],
    ['병원', '으로/로', '으로'],
    ['보호자', '과/와', '와'],
    ['강남구', '은/는', '는'],
  ] as const)('%s + %s -> %s', (word, which, expected) => {
    expect(particle(word, which)).toBe(expected);
  });
  it('joins and writes birth years', () => {
    expect(withParticle('Google Gemini', '이/가')).toBe('Google Gemini가');
    expect(bornIn(1968, 'ko')).toBe('1968년생');
    expect(bornIn(1968, 'en')).toBe('born 1968');
  });
});
