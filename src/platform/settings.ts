// Settings read from the environment. The platform declares its own (config.ts), each module declares its
// own next to it (`src/modules/<m>/settings.ts`), and start-up reads them all in one pass: every bad
// variable gives one line, and the process exits once with all of them (main.ts, status 78).

export type Env = Readonly<Record<string, string | undefined>>;

export class ConfigError extends Error {
  readonly problems: readonly string[];
  constructor(problems: readonly string[]) {
    super(`Invalid configuration:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'ConfigError';
    this.problems = problems;
  }
}

/** Reads one variable each; a bad value is noted (the fallback is answered meanwhile) and reported at the end. */
export interface EnvReader {
  /** The trimmed value; undefined when unset or blank. */
  string(name: string): string | undefined;
  oneOf<T extends string>(name: string, allowed: readonly T[], fallback: T): T;
  integer(name: string, fallback: number, min: number, max: number): number;
  bool(name: string, fallback: boolean): boolean;
  /** `90s`, `15m`, `24h`, `14d`, `5y` (365 days), `500ms` in milliseconds; `allowZero`: `0s` means 0 (off). */
  duration(name: string, fallback: string, options?: { allowZero?: boolean }): number;
  url(name: string, protocols: readonly string[]): string | undefined;
  /** A fraction from 0 (inclusive) to 1 (exclusive), like 0.10. */
  rate(name: string, fallback: number): number;
  /** A format of the caller's own: `parse` answers undefined when malformed; `expected` completes "NAME must ...". */
  parsed<T>(name: string, fallback: string, parse: (text: string) => T | undefined, expected: string): T;
  /** A problem no single reader sees (e.g. PAYMENT_PROVIDER=toss without its keys). */
  problem(message: string): void;
}

/** A group of settings: how to read them. Declared once, read at start by `loadSettings`. */
export interface Settings<T> {
  readonly read: (env: EnvReader) => T;
}

export type SettingsOf<S> = S extends Settings<infer T> ? T : never;

export function defineSettings<T>(read: (env: EnvReader) => T): Settings<T> {
  return { read };
}

/** Several groups read as one, each under its key (`{ config: platformSettings, modules: ... }`). */
export function composeSettings<R extends Record<string, Settings<unknown>>>(groups: R): Settings<{ [K in keyof R]: SettingsOf<R[K]> }> {
  return defineSettings((env) => {
    const values: Record<string, unknown> = {};
    for (const [key, group] of Object.entries(groups)) values[key] = group.read(env);
    return values as { [K in keyof R]: SettingsOf<R[K]> };
  });
}

/** Reads `settings` from `env`; throws one ConfigError listing every bad variable. */
export function loadSettings<T>(env: Env, settings: Settings<T>): T {
  const problems: string[] = [];
  const value = settings.read(envReader(env, problems));
  if (problems.length > 0) throw new ConfigError(problems);
  return value;
}

/** What `settings` are with no variable set (tests, and modules built without the start-up settings). */
export function defaultSettings<T>(settings: Settings<T>): T {
  return loadSettings({}, settings);
}

const DURATION_UNITS: Record<string, number> = { ms: 1, s: 1000, m: 60_000, h: 3_600_000, d: 86_400_000, y: 365 * 86_400_000 };

/** Parses `90s`, `15m`, `24h`, `14d`, `5y` (a year is 365 days) and `500ms` into milliseconds; undefined when malformed. */
export function parseDuration(text: string): number | undefined {
  const match = /^(\d+)(ms|s|m|h|d|y)$/.exec(text.trim());
  if (!match) return undefined;
  const value = Number(match[1]) * DURATION_UNITS[match[2]!]!;
  return Number.isSafeInteger(value) && value > 0 ? value : undefined;
}

function envReader(env: Env, problems: string[]): EnvReader {
  const string = (name: string): string | undefined => {
    const value = env[name]?.trim();
    return value === undefined || value === '' ? undefined : value;
  };
  const parsed = <T>(name: string, fallback: string, parse: (text: string) => T | undefined, expected: string): T => {
    const raw = string(name) ?? fallback;
    const value = parse(raw);
    if (value !== undefined) return value;
    problems.push(`${name} must ${expected} (got "${raw}")`);
    return parse(fallback)!;
  };
  return {
    string,
    parsed,
    oneOf(name, allowed, fallback) {
      const value = string(name) ?? fallback;
      if ((allowed as readonly string[]).includes(value)) return value as typeof fallback;
      problems.push(`${name} must be one of ${allowed.join(', ')} (got "${value}")`);
      return fallback;
    },
    integer(name, fallback, min, max) {
      const raw = string(name);
      if (raw === undefined) return fallback;
      const value = Number(raw);
      if (Number.isInteger(value) && value >= min && value <= max) return value;
      problems.push(`${name} must be an integer between ${min} and ${max} (got "${raw}")`);
      return fallback;
    },
    bool(name, fallback) {
      const raw = string(name)?.toLowerCase();
      if (raw === undefined) return fallback;
      if (['true', '1', 'yes', 'on'].includes(raw)) return true;
      if (['false', '0', 'no', 'off'].includes(raw)) return false;
      problems.push(`${name} must be true or false (got "${raw}")`);
      return fallback;
    },
    duration(name, fallback, options = {}) {
      if (options.allowZero && /^0+(ms|s|m|h|d|y)$/.test(string(name) ?? '')) return 0;
      return parsed(name, fallback, parseDuration, 'be a duration like 90s, 15m, 24h or 14d');
    },
    url(name, protocols) {
      const raw = string(name);
      if (raw === undefined) return undefined;
      try {
        if (protocols.includes(new URL(raw).protocol)) return raw;
      } catch {
        // reported below
      }
      problems.push(`${name} must be a ${protocols.join(' or ')} URL (got "${redact(raw)}")`);
      return undefined;
    },
    rate(name, fallback) {
      const raw = string(name);
      if (raw === undefined) return fallback;
      const value = Number(raw);
      if (Number.isFinite(value) && value >= 0 && value < 1) return value;
      problems.push(`${name} must be a fraction between 0 and 1, like 0.10 (got "${raw}")`);
      return fallback;
    },
    problem(message) {
      problems.push(message);
    },
  };
}

/** Hides the password of `scheme://user:password@host` in messages. */
function redact(value: string): string {
  return value.replace(/\/\/([^:@/]+):([^@/]+)@/, '//$1:***@');
}
