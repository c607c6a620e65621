import { lru } from './lru.ts';

// A bounded memo of values derived from database rows, keyed by the row's id and its version. Pure.
//
// The search keeps the public view of each profile it has shown (app/search-profiles.ts), keyed by the
// row's `xmin`: PostgreSQL gives every new version of a row (every UPDATE) a new xmin, so a view is only
// reused for exactly the row version it was made from and a changed profile can never be served stale.
// Nothing has to invalidate it; an entry for an old version is simply never asked for again and ages out.

export interface VersionMemo<V> {
  /** The value made from this id at this version, if remembered (and marks it recently used). */
  get(id: string, version: string): V | undefined;
  /** Remembers `value` for this id at this version (replacing any other version of the id). */
  set(id: string, version: string, value: V): void;
  readonly size: number;
}

/** At most `capacity` ids; past it the least recently used goes first. */
export function versionMemo<V>(capacity: number): VersionMemo<V> {
  const entries = lru<string, { version: string; value: V }>(capacity);
  return {
    get(id, version) {
      const entry = entries.get(id);
      return entry?.version === version ? entry.value : undefined;
    },
    set(id, version, value) {
      entries.set(id, { version, value });
    },
    get size() {
      return entries.size;
    },
  };
}
