// The wire format of contract calls between split services (docs/decisions/0027-split-mode.md): JSON that
// keeps what JSON alone loses. A Date travels as `{ "$date": iso }`, undefined (in an array, or as an object
// field that is present) as `{ "$undefined": true }`, and an object of our own whose keys start with `$` is
// wrapped in `{ "$object": ... }` so it is never mistaken for a tag.

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

const TAGS = new Set(['$date', '$undefined', '$object']);

export function encodeWire(value: unknown): Json {
  if (value === undefined) return { $undefined: true };
  if (value === null || typeof value === 'boolean' || typeof value === 'string') return value;
  if (typeof value === 'number') return Number.isFinite(value) ? value : null;
  if (value instanceof Date) return { $date: Number.isNaN(value.getTime()) ? null : value.toISOString() };
  if (Array.isArray(value)) return value.map(encodeWire);
  if (typeof value === 'object') {
    const entries: Record<string, Json> = {};
    for (const [key, field] of Object.entries(value)) entries[key] = encodeWire(field);
    return Object.keys(entries).some((key) => TAGS.has(key)) ? { $object: entries } : entries;
  }
  throw new TypeError(`a contract call cannot carry a ${typeof value}`);
}

export function decodeWire(value: unknown): unknown {
  if (value === null || typeof value !== 'object') return value;
  if (Array.isArray(value)) return value.map(decodeWire);
  const object = value as Record<string, unknown>;
  const keys = Object.keys(object);
  if (keys.length === 1) {
    if (keys[0] === '$undefined') return undefined;
    if (keys[0] === '$date') return object.$date === null ? new Date(Number.NaN) : new Date(String(object.$date));
    if (keys[0] === '$object') return decodeFields(object.$object as Record<string, unknown>);
  }
  return decodeFields(object);
}

function decodeFields(object: Record<string, unknown>): Record<string, unknown> {
  const decoded: Record<string, unknown> = {};
  for (const [key, field] of Object.entries(object)) decoded[key] = decodeWire(field);
  return decoded;
}
