import formatsModule from 'ajv-formats/dist/formats.js';

// Input rules every route gets without asking, applied by the validator (validation.ts) before the route's schema:
// - Text is well-formed Unicode (no lone surrogates) without control characters. PostgreSQL text cannot hold
//   U+0000, its jsonb refuses lone surrogates, and no field of ours means a C0 control.
//   Query strings, path parameters and single-line body fields refuse every C0 control and DEL; long body texts
//   (a schema allowing more than SINGLE_LINE_MAX characters: reasons, messages, introductions) accept TAB, LF, CR.
//   A string with `format` (email, uuid, date-time...) is single-line.
// - Dates the database and JavaScript both hold, with room to spare: years YEAR_MIN..YEAR_MAX in `date` and
//   `date-time`, and a date-time JavaScript can read (no leap second 23:59:60, which PostgreSQL would accept).

export const SINGLE_LINE_MAX = 200;
export const YEAR_MIN = 1900;
export const YEAR_MAX = 9999;

// Matching control characters is the point here.
// eslint-disable-next-line no-control-regex
const ANY_CONTROL = /[\u0000-\u001f\u007f]/;
// eslint-disable-next-line no-control-regex
const CONTROL_BUT_LINES = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/;

type Schema = Record<string, unknown> | undefined;

export interface TextProblem {
  readonly instancePath: string;
  readonly message: string;
}

const pointer = (path: string, key: string | number) => `${path}/${String(key).replaceAll('~', '~0').replaceAll('/', '~1')}`;

/** The member of a union that describes this value's type (best effort), or the schema itself. */
function memberFor(schema: Schema, value: unknown): Schema {
  if (!schema) return undefined;
  const members = (schema.anyOf ?? schema.oneOf) as Schema[] | undefined;
  if (!Array.isArray(members)) return schema;
  const kind = Array.isArray(value) ? 'array' : value === null ? 'null' : typeof value === 'object' ? 'object' : typeof value;
  return members.find((m) => m?.type === kind || (kind === 'number' && m?.type === 'integer')) ?? members.find((m) => m?.const === value);
}

function singleLine(schema: Schema): boolean {
  if (!schema) return false;
  if (typeof schema.format === 'string') return true;
  return typeof schema.maxLength === 'number' && schema.maxLength <= SINGLE_LINE_MAX;
}

/**
 * The first string (or object key) in `value` holding a control character it may not hold, or undefined.
 * `everywhere`: every string is single-line (query strings, path parameters).
 */
export function findControlCharacter(value: unknown, schema: Schema, everywhere: boolean, path = ''): TextProblem | undefined {
  const own = memberFor(schema, value);
  if (typeof value === 'string') {
    // A lone surrogate (JSON "\ud800") is no text at all; PostgreSQL's jsonb refuses it.
    if (!value.isWellFormed()) return { instancePath: path, message: 'must be valid Unicode text' };
    const single = everywhere || singleLine(own);
    if ((single ? ANY_CONTROL : CONTROL_BUT_LINES).test(value)) {
      return { instancePath: path, message: single ? 'must not contain control characters or line breaks' : 'must not contain control characters' };
    }
    return undefined;
  }
  if (Array.isArray(value)) {
    const items = (own?.items ?? undefined) as Schema;
    for (let i = 0; i < value.length; i++) {
      const found = findControlCharacter(value[i], items, everywhere, pointer(path, i));
      if (found) return found;
    }
    return undefined;
  }
  if (value !== null && typeof value === 'object') {
    const properties = (own?.properties ?? {}) as Record<string, Schema>;
    const rest = typeof own?.additionalProperties === 'object' ? (own.additionalProperties as Schema) : undefined;
    for (const [key, item] of Object.entries(value)) {
      if (ANY_CONTROL.test(key) || !key.isWellFormed()) return { instancePath: pointer(path, key), message: 'must not contain control characters' };
      const found = findControlCharacter(item, Object.hasOwn(properties, key) ? properties[key] : rest, everywhere, pointer(path, key));
      if (found) return found;
    }
  }
  return undefined;
}

function yearInRange(text: string): boolean {
  const year = Number(text.slice(0, 4));
  return /^\d{4}-/.test(text) && year >= YEAR_MIN && year <= YEAR_MAX;
}

type FormatCheck = { validate: (text: string) => boolean };
const { fullFormats } = formatsModule as unknown as { fullFormats: Record<'date' | 'date-time', FormatCheck> };
const baseDate = fullFormats.date.validate;
const baseDateTime = fullFormats['date-time'].validate;

/** `date`: RFC 3339 full-date with a year in range. */
export const dateFormat = { type: 'string' as const, validate: (text: string) => baseDate(text) && yearInRange(text) };

/** `date-time`: RFC 3339 with an offset, a year in range, and a value JavaScript's Date can read. */
export const dateTimeFormat = {
  type: 'string' as const,
  validate: (text: string) => baseDateTime(text) && yearInRange(text) && !Number.isNaN(Date.parse(text)),
};
