import Type, { type TSchema } from 'typebox';
import { invalid } from '../errors.ts';

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
