import { describe, expect, it } from 'vitest';
import { adminListRequest, encodeCursor, pageRequest, toCreatedAtPage } from './paging.ts';

const id = '0190a6f2-1c2b-7d3e-8f40-123456789abc';
const row = (n: number) => ({ id, created_at: new Date(Date.UTC(2026, 0, n)), n });

describe('paging', () => {
  it('asks for 20 items from the start unless told otherwise', () => {
    expect(pageRequest({})).toEqual({ limit: 20, after: undefined });
    expect(pageRequest({ limit: 5, cursor: encodeCursor(['2026-01-02T00:00:00.000Z', id]) })).toEqual({
      limit: 5,
      after: { createdAt: new Date('2026-01-02T00:00:00Z'), id },
    });
  });

  it('refuses a cursor that is not a (createdAt, id) position, on the cursor field', () => {
    for (const cursor of ['nope', encodeCursor(['x', id]), encodeCursor(['2026-01-02T00:00:00Z', 'not-a-uuid']), encodeCursor([1])]) {
      expect(() => pageRequest({ cursor })).toThrow(expect.objectContaining({ code: 'VALIDATION_FAILED' }));
    }
  });

  it('pages limit + 1 rows: the extra row only says more follow, the cursor is the last item shown', () => {
    const page = toCreatedAtPage([row(3), row(2), row(1)], 2, (r) => r.n);
    expect(page).toEqual({ items: [3, 2], nextCursor: encodeCursor(['2026-01-02T00:00:00.000Z', id]) });
    expect(toCreatedAtPage([row(3), row(2)], 2, (r) => r.n)).toEqual({ items: [3, 2], nextCursor: null });
  });

  it('reads an admin list query into its filter and its page', () => {
    const { filter, page } = adminListRequest({
      status: ['DONE'],
      from: '2026-01-01T09:00:00+09:00',
      to: '2026-01-02T00:00:00Z',
      caregiverId: 'c',
      guardianId: 'g',
      limit: 3,
    });
    expect(filter).toEqual({ statuses: ['DONE'], from: new Date('2026-01-01T00:00:00Z'), to: new Date('2026-01-02T00:00:00Z'), caregiverId: 'c', guardianId: 'g' });
    expect(page).toEqual({ limit: 3, after: undefined });
    expect(() => adminListRequest({ from: '2026-01-02T00:00:00Z', to: '2026-01-01T00:00:00Z' })).toThrow(expect.objectContaining({ code: 'VALIDATION_FAILED' }));
  });
});
