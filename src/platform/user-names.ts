import { isUuid } from './uuid.ts';

// The admin lists (reservations, payments) show people by name and find them by name, email or phone. The
// accounts live in the identity module: its contract answers both questions, through this narrow port.

export interface UserDirectory {
  /** Names of the accounts among `ids` (unknown ids are absent). */
  findUsers(ids: readonly string[]): Promise<ReadonlyArray<{ readonly id: string; readonly name: string }>>;
  /** Ids of the accounts whose name, email or phone matches `q`, at most `limit`. */
  searchUserIds(q: string, limit: number): Promise<string[]>;
}

/** How many matching accounts a `q` filter looks at: enough for any name a person would type. */
export const USER_SEARCH_LIMIT = 500;

/** A directory that knows nobody: names are null and `q` matches nothing (modules built without identity). */
export const NO_USERS: UserDirectory = { findUsers: async () => [], searchUserIds: async () => [] };

/** The names of `ids` as a lookup (null for an id the directory does not know). */
export async function namesOf(directory: UserDirectory, ids: Iterable<string>): Promise<(id: string) => string | null> {
  const unique = [...new Set(ids)].filter(isUuid); // erased rows keep a marker, not an id
  const users = unique.length === 0 ? [] : await directory.findUsers(unique);
  const names = new Map(users.map((user) => [user.id, user.name]));
  return (id) => names.get(id) ?? null;
}

/** The user ids a `q` filter stands for; undefined when there is no `q` (no filter). */
export async function userIdsMatching(directory: UserDirectory, q: string | undefined): Promise<string[] | undefined> {
  if (q === undefined || q.trim() === '') return undefined;
  return directory.searchUserIds(q, USER_SEARCH_LIMIT);
}
