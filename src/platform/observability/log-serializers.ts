// How an error appears in a log line. pino's standard serializer copies every enumerable field, and database
// errors (pg, PGlite) carry the failed statement's `query`, its bound `params`, `detail` ("Key (email)=(...)"),
// `where`, `internalQuery`...: a failed INSERT would print a patient's name and address. Only the fields below
// are kept: enough to tell what failed and where. The stack stays at every level (file and line numbers, no data):
// a 500 is investigated from the log alone.

const KEPT_FIELDS = [
  'code',
  'statusCode',
  'kind',
  'severity',
  'schema',
  'table',
  'column',
  'dataType',
  'constraint',
  'routine',
  'errno',
  'syscall',
] as const;

const MAX_DEPTH = 3;
const MAX_AGGREGATED = 5;
const SQLSTATE = /^[0-9A-Z]{5}$/;
const REDACTED = '[redacted]';

/** A database error's message may quote the offending value (`invalid input syntax for type uuid: "..."`). */
function isDatabaseError(error: Record<string, unknown>): boolean {
  return typeof error.severity === 'string' || (typeof error.code === 'string' && SQLSTATE.test(error.code) && 'routine' in error);
}

/** Removes quoted values from a database message; identifiers in quotes (constraint "x") stay. */
export function scrubDatabaseMessage(message: string): string {
  return message
    .replace(/(\b(?:value|literal|input)\s+)"(?:[^"]|"")*"/gi, `$1"${REDACTED}"`)
    .replace(/:\s*"(?:[^"]|"")*"\s*$/s, `: "${REDACTED}"`)
    .replace(/:\s*0x[0-9a-f]{2}(?:\s+0x[0-9a-f]{2})*\s*$/i, `: ${REDACTED}`);
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null;
}

function serialize(error: unknown, depth: number): unknown {
  if (!isObject(error)) return typeof error === 'string' ? { message: error } : error;
  const out: Record<string, unknown> = {};
  out.type = error.constructor?.name ?? 'Object';
  const message = typeof error.message === 'string' ? error.message : undefined;
  const database = isDatabaseError(error);
  const safeMessage = message !== undefined && database ? scrubDatabaseMessage(message) : message;
  if (safeMessage !== undefined) out.message = safeMessage;
  if (typeof error.stack === 'string') {
    out.stack = message !== undefined && safeMessage !== message ? error.stack.replace(message, safeMessage ?? '') : error.stack;
  }
  for (const field of KEPT_FIELDS) {
    const value = error[field];
    if (typeof value === 'string' || typeof value === 'number') out[field] = value;
  }
  if (depth < MAX_DEPTH) {
    if (error.cause !== undefined) out.cause = serialize(error.cause, depth + 1);
    if (Array.isArray(error.errors) && error instanceof AggregateError) {
      out.errors = error.errors.slice(0, MAX_AGGREGATED).map((inner) => serialize(inner, depth + 1));
    }
  }
  return out;
}

/** pino's `err` serializer: type, message, stack and the identifying fields above; never data. */
export function serializeError(error: unknown): unknown {
  return serialize(error, 0);
}
