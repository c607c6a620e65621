// A bounded map that forgets the least recently used entry first: for the search's memos, whose entries are
// cheap to make again (public views by row version, statement texts by shape). Pure. A Map iterates in insertion
// order, so deleting and re-inserting an entry on use keeps the least recent first.

export interface Lru<K, V> {
  /** The value, if remembered (and marks it recently used). */
  get(key: K): V | undefined;
  /** Remembers `value` as the most recently used; past the capacity the least recently used goes. */
  set(key: K, value: V): void;
  readonly size: number;
}

export function lru<K, V>(capacity: number): Lru<K, V> {
  if (!Number.isInteger(capacity) || capacity < 1) throw new RangeError('capacity must be a positive integer');
  const entries = new Map<K, V>();
  return {
    get(key) {
      if (!entries.has(key)) return undefined;
      const value = entries.get(key)!;
      entries.delete(key);
      entries.set(key, value);
      return value;
    },
    set(key, value) {
      entries.delete(key);
      entries.set(key, value);
      if (entries.size > capacity) entries.delete(entries.keys().next().value!);
    },
    get size() {
      return entries.size;
    },
  };
}
