import { invalid } from './errors.ts';
import { isUuid } from './uuid.ts';

// Cursor paging for lists: the cursor is the sort key of the last item, opaque to clients (base64url JSON).
// Not HTTP: use cases page with these; the query parameters and page schema are in http/pagination.ts.

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

/** A position in a newest-first list: the (created_at, id) of the last item seen. */
export interface CreatedAtPosition {
  readonly createdAt: Date;
  readonly id: string;
}

/** The (createdAt, id) position of a newest-first list's cursor; anything else is a 400 on `cursor`. */
export function createdAtCursor(cursor: string | undefined): CreatedAtPosition | undefined {
  if (cursor === undefined) return undefined;
  const [createdAt, id] = decodeCursor(cursor, 2);
  const at = typeof createdAt === 'string' ? new Date(createdAt) : new Date(Number.NaN);
  if (Number.isNaN(at.getTime()) || typeof id !== 'string' || !isUuid(id)) {
    throw invalid('The cursor is not valid', [{ field: 'cursor', message: 'is not a cursor from this list' }]);
  }
  return { createdAt: at, id };
}

/** Which page of a list a client asks for: `limit` items (default 20) after `cursor`. */
export interface PageQuery {
  readonly limit?: number | undefined;
  readonly cursor?: string | undefined;
}

/** A page of a newest-first list as repositories take it (db/repository.ts: newestFirst). */
export interface PageRequest {
  readonly limit: number;
  readonly after?: CreatedAtPosition | undefined;
}

/** The page asked for, its cursor read as a (createdAt, id) position; a foreign cursor is a 400. */
export function pageRequest(query: PageQuery): PageRequest {
  return { limit: query.limit ?? 20, after: createdAtCursor(query.cursor) };
}

/** Pages rows of a newest-first (created_at, id) list fetched with newestFirst (`limit` + 1 rows). */
export function toCreatedAtPage<R extends { created_at: Date; id: string }, T>(rows: readonly R[], limit: number, map: (row: R) => T): Page<T> {
  return toPage(rows, limit, map, (row) => [row.created_at.toISOString(), row.id]);
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

/**
 * The admin lists' query (reservations, payments): statuses, an instant range [from, to) on the list's own
 * time column (ISO 8601 with an offset), the caregiver (profile id), the guardian, and the page.
 */
export interface AdminListQuery<Status extends string> extends PageQuery {
  readonly status?: readonly Status[] | undefined;
  readonly from?: string | undefined;
  readonly to?: string | undefined;
  readonly caregiverId?: string | undefined;
  readonly guardianId?: string | undefined;
  /** A name, email or phone of the guardian or the caregiver (resolved to user ids by the list's use case). */
  readonly q?: string | undefined;
}

/** An admin list's filter as repositories take it: the range as instants, `to` after `from`. */
export interface AdminListFilter<Status extends string> {
  readonly statuses?: readonly Status[] | undefined;
  readonly from?: Date | undefined;
  readonly to?: Date | undefined;
  readonly caregiverId?: string | undefined;
  readonly guardianId?: string | undefined;
  /** Rows whose guardian or caregiver is one of these users (the users `q` matched; empty matches nothing). */
  readonly userIds?: readonly string[] | undefined;
}

/** Checks an admin list's query: a bad range or cursor is a 400 on its field. */
export function adminListRequest<Status extends string>(query: AdminListQuery<Status>): { filter: AdminListFilter<Status>; page: PageRequest } {
  const { from, to } = instantRange(query.from, query.to);
  return { filter: { statuses: query.status, from, to, caregiverId: query.caregiverId, guardianId: query.guardianId }, page: pageRequest(query) };
}
