import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { checkWindow, overlaps, parseInstant } from './availability.ts';

const rule = { fromField: 'from', toField: 'to', maxDays: 31 };

describe('parseInstant', () => {
  it.each([
    ['2026-12-01T09:00:00+09:00', '2026-12-01T00:00:00.000Z'],
    ['2026-12-01T00:00:00Z', '2026-12-01T00:00:00.000Z'],
    ['2026-12-01t00:00:00z', '2026-12-01T00:00:00.000Z'],
    ['2026-12-01T00:00:00.5-03:30', '2026-12-01T03:30:00.500Z'],
    ['2026-12-01T00:00:00.123456789+00:00', '2026-12-01T00:00:00.123Z'],
    ['2028-02-29T23:59:59+09:00', '2028-02-29T14:59:59.000Z'],
  ])('reads %s as %s', (text, iso) => {
    expect(parseInstant(text)?.toISOString()).toBe(iso);
  });

  it.each([
    '2026-12-01T09:00:00', // no offset: which 09:00?
    '2026-12-01', '2026-12-01T09:00+09:00', '2026-12-01 09:00:00+09:00', '2026-12-01T09:00:00+0900',
    '2026-02-29T00:00:00Z', '2026-02-30T00:00:00Z', '2026-04-31T00:00:00Z', '2026-13-01T00:00:00Z', '2026-00-10T00:00:00Z',
    '2026-12-01T24:00:00Z', '2026-12-01T23:60:00Z', '2026-12-01T23:59:60Z', '2026-12-01T09:00:00+24:00',
    'tomorrow', '', ' 2026-12-01T09:00:00Z',
  ])('refuses %j', (text) => {
    expect(parseInstant(text)).toBeUndefined();
  });
});

describe('checkWindow', () => {
  it('answers both ends as instants', () => {
    expect(checkWindow('2026-12-01T09:00:00+09:00', '2026-12-01T18:00:00+09:00', rule)).toEqual({
      ok: true,
      value: { from: new Date('2026-12-01T00:00:00Z'), to: new Date('2026-12-01T09:00:00Z') },
    });
  });

  it('wants both ends, naming the missing one', () => {
    expect(checkWindow('2026-12-01T09:00:00+09:00', undefined, rule)).toEqual({ ok: false, errors: [{ field: 'to', message: 'is required with from' }] });
    expect(checkWindow(undefined, '2026-12-01T09:00:00+09:00', rule)).toEqual({ ok: false, errors: [{ field: 'from', message: 'is required with to' }] });
    expect(checkWindow(undefined, undefined, rule)).toMatchObject({ ok: false, errors: [{ field: 'from' }, { field: 'to' }] });
  });

  it('reports every malformed end', () => {
    expect(checkWindow('2026-12-01T09:00:00', 'soon', rule)).toMatchObject({ ok: false, errors: [{ field: 'from' }, { field: 'to' }] });
  });

  it('wants from before to, at most maxDays apart', () => {
    expect(checkWindow('2026-12-01T09:00:00+09:00', '2026-12-01T00:00:00Z', rule)).toEqual({
      ok: false,
      errors: [{ field: 'to', message: 'must be after from' }],
    });
    expect(checkWindow('2026-12-01T00:00:00Z', '2027-01-01T00:00:00Z', rule).ok).toBe(true);
    expect(checkWindow('2026-12-01T00:00:00Z', '2027-01-01T00:00:00.001Z', rule)).toEqual({
      ok: false,
      errors: [{ field: 'to', message: 'must be at most 31 days after from' }],
    });
  });
});

describe('overlaps', () => {
  const window = (from: number, to: number) => ({ from: new Date(from), to: new Date(to) });
  const interval = fc.tuple(fc.integer({ min: 0, max: 1000 }), fc.integer({ min: 1, max: 100 })).map(([start, length]) => window(start, start + length));

  it('is symmetric, and true exactly when some instant lies in both', () => {
    fc.assert(
      fc.property(interval, interval, (a, b) => {
        expect(overlaps(a, b)).toBe(overlaps(b, a));
        let shared = false;
        for (let t = a.from.getTime(); t < a.to.getTime(); t++) if (t >= b.from.getTime() && t < b.to.getTime()) shared = true;
        expect(overlaps(a, b)).toBe(shared);
      }),
    );
  });

  it('does not count back to back', () => {
    expect(overlaps(window(0, 10), window(10, 20))).toBe(false);
    expect(overlaps(window(0, 11), window(10, 20))).toBe(true);
  });
});
