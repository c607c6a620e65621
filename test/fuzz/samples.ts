// Values for the route fuzz test, generated from the OpenAPI (JSON Schema 2020-12) document: valid samples from a
// schema, and hostile values that a careless or malicious client sends. Deterministic: every choice comes from a
// seeded generator.

export type JsonSchema = Record<string, unknown>;

/** mulberry32: a small seeded generator, enough to make the runs repeatable. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export class Sampler {
  private readonly random: () => number;
  private readonly components: Record<string, JsonSchema>;
  private counter = 0;

  constructor(seed: number, components: Record<string, JsonSchema>) {
    this.random = seededRandom(seed);
    this.components = components;
  }

  int(min: number, max: number): number {
    return Math.floor(min + this.random() * (max - min + 1));
  }

  pick<T>(items: readonly T[]): T {
    return items[this.int(0, items.length - 1)]!;
  }

  uuid(): string {
    const hex = () => this.int(0, 0xffff).toString(16).padStart(4, '0');
    return `${hex()}${hex()}-${hex()}-7${hex().slice(1)}-8${hex().slice(1)}-${hex()}${hex()}${hex()}`;
  }

  resolve(schema: JsonSchema): JsonSchema {
    const ref = schema.$ref;
    if (typeof ref !== 'string') return schema;
    const name = ref.replace(/^#\/components\/schemas\//, '').replace(/#$/, '');
    return this.resolve(this.components[name] ?? {});
  }

  /** A value the schema accepts (best effort: patterns and cross-field rules are not modelled). */
  valid(raw: JsonSchema, depth = 0): unknown {
    const schema = this.resolve(raw);
    if ('const' in schema) return schema.const;
    if (Array.isArray(schema.enum)) return this.pick(schema.enum);
    if (schema.default !== undefined && this.random() < 0.3) return schema.default;
    if (Array.isArray(schema.examples) && schema.examples.length > 0 && this.random() < 0.5) return this.pick(schema.examples);
    const variants = (schema.anyOf ?? schema.oneOf) as JsonSchema[] | undefined;
    if (variants) {
      const present = variants.filter((v) => this.resolve(v).type !== 'null');
      return this.valid(this.pick(present.length > 0 ? present : variants), depth);
    }
    if (Array.isArray(schema.allOf)) return Object.assign({}, ...schema.allOf.map((s) => this.valid(s as JsonSchema, depth)));
    const type = Array.isArray(schema.type) ? this.pick(schema.type.filter((t) => t !== 'null')) : schema.type;
    switch (type) {
      case 'object':
        return this.object(schema, depth);
      case 'array': {
        const min = Number(schema.minItems ?? 0);
        const max = Math.min(Number(schema.maxItems ?? min + 2), min + 2);
        const items = (schema.items ?? {}) as JsonSchema;
        const out = Array.from({ length: this.int(min, max) }, () => this.valid(items, depth + 1));
        return schema.uniqueItems ? [...new Map(out.map((v) => [JSON.stringify(v), v])).values()] : out;
      }
      case 'integer':
      case 'number': {
        const min = Number(schema.minimum ?? (schema.exclusiveMinimum !== undefined ? Number(schema.exclusiveMinimum) + 1 : 0));
        const max = Number(schema.maximum ?? (schema.exclusiveMaximum !== undefined ? Number(schema.exclusiveMaximum) - 1 : min + 100));
        const value = this.int(Math.ceil(min), Math.floor(Math.min(max, min + 1_000_000)));
        const step = Number(schema.multipleOf ?? 1);
        return Math.max(min, Math.floor(value / step) * step);
      }
      case 'boolean':
        return this.random() < 0.5;
      case 'null':
        return null;
      case 'string':
        return this.string(schema);
      default:
        return schema.properties ? this.object(schema, depth) : 'x';
    }
  }

  /** Values that exist in the app (ids of fixtures), used for fields of that name most of the time. */
  readonly known = new Map<string, unknown>();

  private object(schema: JsonSchema, depth: number): Record<string, unknown> {
    const properties = (schema.properties ?? {}) as Record<string, JsonSchema>;
    const required = new Set((schema.required ?? []) as string[]);
    const out: Record<string, unknown> = {};
    for (const [name, property] of Object.entries(properties)) {
      if (!required.has(name) && (depth >= 3 || this.random() >= 0.6)) continue;
      out[name] = this.known.has(name) && this.random() < 0.8 ? this.known.get(name) : this.valid(property, depth + 1);
    }
    return out;
  }

  private string(schema: JsonSchema): string {
    const min = Number(schema.minLength ?? 1);
    const max = Math.max(min, Math.min(Number(schema.maxLength ?? 12), 40));
    this.counter += 1;
    // Whole hours from two months back to two months ahead: past for periods and filters, future for bookings.
    const hour = 3_600_000;
    const inDays = (days: number) => new Date(Math.floor(Date.now() / hour) * hour + days * 86_400_000).toISOString();
    switch (schema.format) {
      case 'date-time':
        return inDays(this.int(-60, 60));
      case 'date':
        return inDays(this.int(0, 60)).slice(0, 10);
      case 'email':
        return `fuzz-${this.counter}-${this.int(0, 1e6)}@example.com`;
      case 'uuid':
        return this.uuid();
      case 'uri':
        return 'https://example.com/x';
    }
    const pattern = typeof schema.pattern === 'string' ? PATTERNS[schema.pattern] : undefined;
    if (pattern) return this.pick(pattern);
    const alphabet = 'abc가나다xyz 0123';
    const length = this.int(min, max);
    let text = Array.from({ length }, () => this.pick([...alphabet])).join('');
    if (text.trim().length < text.length) text = text.replaceAll(' ', 'k');
    return text;
  }
}

/** Values for the patterns the API uses (a pattern not listed gets ordinary text). */
const PATTERNS: Record<string, readonly string[]> = {
  '^[a-z]{2}$': ['ko', 'en', 'zh', 'vi'],
  '^\\+?[0-9][0-9 -]{6,18}[0-9]$': ['010-1234-5678', '+82 10 1234 5678'],
  '^[A-Za-z0-9_-]{6,64}$': ['fuzz_message_01', 'abcdef'],
  '^[UW][A-Z0-9]{2,20}$': ['U0123ABC'],
};

/** Strings nobody should be able to store: NUL, C0 controls, overlong text, odd Unicode. */
export const HOSTILE_STRINGS: readonly string[] = [
  'a\u0000b',
  '\u0000',
  'line\u0001\u0002\u001b[31m',
  'tab\tand\r\nnewline',
  '\u007f\u0085',
  '',
  ' ',
  'x'.repeat(10_000),
  '\ud800',
  '🙂'.repeat(50),
  "' OR 1=1 --",
  '%00',
  '../../etc/passwd',
];

/** Numbers at and past every edge. */
export const HOSTILE_NUMBERS: readonly unknown[] = [-1, 0, 1e308, -1e308, 2 ** 53 + 1, 1.5, 99_999_999_999, -2_147_483_649];

/** Dates PostgreSQL or JavaScript cannot hold, or barely. */
export const HOSTILE_DATES: readonly string[] = [
  '0000-01-01T00:00:00Z',
  '99999-01-01T00:00:00Z',
  '+099999-01-01T00:00:00Z',
  '-000001-01-01T00:00:00Z',
  '9999-12-31T23:59:59Z',
  '1900-01-01T00:00:00+14:00',
  '2030-02-30T00:00:00Z',
  '2030-01-01T24:00:00Z',
  '2030-01-01',
  'not a date',
];

/** Values of the wrong type for any field. */
export const WRONG_TYPES: readonly unknown[] = [null, true, [], {}, ['a\u0000'], { $gt: '' }, 'string', 12];

export const LONG_IDS: readonly string[] = ['a'.repeat(101), '0'.repeat(500), `${'00000000-0000-7000-8000-000000000000'.repeat(4)}`];
