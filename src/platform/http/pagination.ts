import Type, { type TSchema } from 'typebox';
import { invalid } from '../errors.ts';
import { isUuid } from '../uuid.ts';

// Cursor pagination: the cursor is the sort key of the last item, opaque to clients (base64url JSON).

export const LimitParam = Type.Integer({ minimum: 1, maximum: 100, default: 20, description: 'page size (1-100)' });
export const CursorParam = Type.String({ minLength: 1, maxLength: 512, description: 'nextCursor of the previous page' });

// Items are readonly to match Page<T>; Immutable changes only the static type, not the JSON schema.
export const pageOf = <T extends TSchema>(item: T) =>
  Type.Object({ items: Type.Immutable(Type.Array(item)), nextCursor: Type.Union([Type.String(), Type.Null()]) });

export interface Page<T> {
  readonly items: readonly T[];
  readonly nextCursor: string | null;
}

export function encodeCursor(values: readonly unknown[]): string {
  return Buffer.from(JSON.stringify(values)).toString('base64url');
}

/** Decodes a cursor made by encodeCursor; anything else is a 400 on the `cursor` field. */
export function decodeCursor(cursor: string, expectedLength: number): unknown[] {
  try {
    const values: unknown = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (Array.isArray(values) && values.length === expectedLength) return values;
  } catch {
    // reported below
  }
  throw invalid('The cursor is not valid', [{ field: 'cursor', message: 'is not a cursor from this list' }]);
}

/** Given limit+1 fetched rows, the page and the cursor of its last item. */
export function toPage<R, T>(rows: readonly R[], limit: number, map: (row: R) => T, key: (row: R) => unknown[]): Page<T> {
  const hasMore = rows.length > limit;
  const pageRows = hasMore ? rows.slice(0, limit) : rows;
  const last = pageRows[pageRows.length - 1];
  return { items: pageRows.map(map), nextCursor: hasMore && last !== undefined ? encodeCursor(key(last)) : null };
}

/** The (createdAt, id) position of a newest-first list's cursor; anything else is a 400 on `cursor`. */
export function createdAtCursor(cursor: string | undefined): { createdAt: Date; id: string } | undefined {
  if (cursor === undefined) return undefined;
  const [createdAt, id] = decodeCursor(cursor, 2);
  const at = typeof createdAt === 'string' ? new Date(createdAt) : new Date(Number.NaN);
  if (Number.isNaN(at.getTime()) || typeof id !== 'string' || !isUuid(id)) {
    throw invalid('The cursor is not valid', [{ field: 'cursor', message: 'is not a cursor from this list' }]);
  }
  return { createdAt: at, id };
}

/** A `from`/`to` query pair as instants, `to` after `from` when both are given (else 400 on the field). */
export function instantRange(from: string | undefined, to: string | undefined): { from?: Date; to?: Date } {
  const instant = (value: string | undefined, field: string): Date | undefined => {
    if (value === undefined) return undefined;
    const at = new Date(value);
    if (Number.isNaN(at.getTime())) throw invalid(`${field} is not a date-time`, [{ field, message: 'must be ISO 8601 with an offset' }]);
    return at;
  };
  const range = { from: instant(from, 'from'), to: instant(to, 'to') };
  if (range.from && range.to && range.from >= range.to) throw invalid('`to` must be after `from`', [{ field: 'to', message: 'must be after from' }]);
  return { ...(range.from ? { from: range.from } : {}), ...(range.to ? { to: range.to } : {}) };
}
