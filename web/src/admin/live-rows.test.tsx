import { describe, expect, it } from 'vitest';
import { filtersFromQuery, filtersToApi } from './list-filters.tsx';
import { applyStatusUpdate } from './live-rows.ts';

const rows = [
  { id: 'a', status: 'REQUESTED', total: 1 },
  { id: 'b', status: 'CONFIRMED', total: 2 },
] as const;

describe('applyStatusUpdate (live frames on admin tables)', () => {
  it("changes only the matching row's status, leaving the other rows and the input untouched", () => {
    const result = applyStatusUpdate(rows, { id: 'b', status: 'CANCELLED' });
    expect(result.outcome).toBe('changed');
    expect(result.rows).toEqual([rows[0], { id: 'b', status: 'CANCELLED', total: 2 }]);
    expect(result.rows[0]).toBe(rows[0]);
    expect(rows[1].status).toBe('CONFIRMED');
  });

  it('reports a frame that repeats the shown status as unchanged (same array)', () => {
    const result = applyStatusUpdate(rows, { id: 'a', status: 'REQUESTED' });
    expect(result).toEqual({ rows, outcome: 'unchanged' });
    expect(result.rows).toBe(rows);
  });

  it('reports a frame for a row that is not shown as missing', () => {
    expect(applyStatusUpdate(rows, { id: 'zzz', status: 'REQUESTED' }).outcome).toBe('missing');
    expect(applyStatusUpdate([], { id: 'a', status: 'REQUESTED' }).outcome).toBe('missing');
  });
});

describe('filtersToApi', () => {
  it('turns inclusive Seoul days into the half-open +09:00 range, across month and year ends', () => {
    const values = filtersFromQuery(new URLSearchParams('from=2026-02-28&to=2026-12-31&guardianId=%20g1%20'));
    expect(filtersToApi(values)).toEqual({ from: '2026-02-28T00:00:00+09:00', to: '2027-01-01T00:00:00+09:00', guardianId: 'g1' });
    expect(filtersToApi(filtersFromQuery(new URLSearchParams('to=2028-02-28'))).to).toBe('2028-02-29T00:00:00+09:00');
    expect(filtersToApi(filtersFromQuery(new URLSearchParams()))).toEqual({});
  });
});
