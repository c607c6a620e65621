import { describe, expect, it } from 'vitest';
import { particle, withParticle } from './korean.ts';

describe('Korean particles', () => {
  it.each([
    ['김영희', '을/를', '를'],
    ['장미숙', '을/를', '을'],
    ['간병인', '이/가', '이'],
    ['보호자', '이/가', '가'],
    ['강남구', '은/는', '는'],
    ['병원', '은/는', '은'],
    ['가족', '과/와', '과'],
    ['보호자', '과/와', '와'],
    ['서울', '으로/로', '로'],
    ['병원', '으로/로', '으로'],
    ['집', '으로/로', '으로'],
    ['자택', '이에요/예요', '이에요'],
    ['Gemini', '이/가', '가'],
    ['3', '을/를', '을'],
    ['2', '을/를', '를'],
    ['장미숙 ', '을/를', '을'],
  ] as const)('%s + %s -> %s', (word, which, expected) => {
    expect(particle(word, which)).toBe(expected);
  });
  it('joins the word and its particle', () => {
    expect(withParticle('방문 간병', '을/를')).toBe('방문 간병을');
    expect(withParticle('', '을/를')).toBe('를');
  });
});
