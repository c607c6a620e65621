// Pure (domain code may use it): ids are UUIDs in every module's tables.

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Whether `value` has the shape of an id. Ids are opaque to clients: a malformed one names no row (404, never a SQL error). */
export function isUuid(value: string): boolean {
  return UUID.test(value);
}
