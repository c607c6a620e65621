import { describe, expect, it } from 'vitest';
import { ageBand } from './age-band.ts';

describe('ageBand', () => {
  const now = new Date('2026-12-31T16:00:00Z'); // already 2027-01-01 in Seoul
  it('gives the decade of the age this year in Seoul', () => {
    expect(ageBand(1971, new Date('2026-06-01T00:00:00Z'))).toBe(50);
    expect(ageBand(1977, now)).toBe(50);
    expect(ageBand(1978, now)).toBe(40);
    expect(ageBand(2005, now)).toBe(20);
  });
  it('ignores nonsense', () => {
    expect(ageBand(2025, now)).toBeUndefined();
    expect(ageBand(1800, now)).toBeUndefined();
  });
});
