import { parseEncryptionKey } from './crypto.ts';

// The one place that reads the environment. Every variable is parsed and checked once at start;
// each bad value gives one clear line, then the process exits (see main.ts).

export type PaymentProviderName = 'sandbox' | 'toss';
export type StorageKind = 'local' | 's3';
export type AiProviderName = 'rules' | 'gemini' | 'openai';

export interface Config {
  readonly port: number;
  readonly host: string;
  readonly dataDir: string;
  readonly demoData: boolean;
  /** Serve the web app (web/dist, built on first start when missing) at `/`. */
  readonly serveWeb: boolean;
  readonly logLevel: 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace' | 'silent';
  readonly databaseUrl: string | undefined;
  readonly redisUrl: string | undefined;
  readonly kafkaBrokers: readonly string[];
  /** Put before every Kafka topic and consumer group name (several deployments on one cluster). */
  readonly kafkaTopicPrefix: string;
  readonly adminSignupSecret: string | undefined;
  readonly jwtSecret: string | undefined;
  /** 32 bytes, base64: encrypts patient health details at rest. */
  readonly dataEncryptionKey: string | undefined;
  readonly accessTokenTtlMs: number;
  readonly refreshTokenTtlMs: number;
  readonly loginMaxFailures: number;
  readonly loginFailureWindowMs: number;
  /** How long GET /caregivers/top stays cached per limit; 0 = not cached (TOP_CACHE_TTL=0s). */
  readonly topCacheTtlMs: number;
  readonly payment: {
    readonly provider: PaymentProviderName;
    readonly tossSecretKey: string | undefined;
    readonly tossClientKey: string | undefined;
    readonly tossApiUrl: string;
  };
  readonly storage: {
    readonly kind: StorageKind;
    readonly s3Bucket: string | undefined;
    readonly s3Endpoint: string | undefined;
    readonly s3Region: string;
    readonly s3AccessKeyId: string | undefined;
    readonly s3SecretAccessKey: string | undefined;
    readonly s3ForcePathStyle: boolean;
  };
  readonly slack: { readonly botToken: string | undefined; readonly apiUrl: string | undefined };
  readonly ai: {
    readonly provider: AiProviderName;
    readonly geminiApiKey: string | undefined;
    readonly geminiModel: string;
    readonly geminiApiUrl: string | undefined;
    readonly openaiBaseUrl: string | undefined;
    readonly openaiApiKey: string | undefined;
    readonly openaiModel: string | undefined;
  };
  readonly reservations: {
    readonly requestTtlMs: number;
    readonly paymentTtlMs: number;
    readonly minLeadMs: number;
    readonly checkinOpensBeforeMs: number;
    readonly autoCompleteAfterMs: number;
    /** Fractions: 0.2 = +20 %. */
    readonly nightSurchargeRate: number;
    readonly holidaySurchargeRate: number;
    /** Guardian cancellation after payment: highest `minHoursBefore` first, the last one at 0 h. */
    readonly refundTiers: readonly { readonly minHoursBefore: number; readonly refundPercent: number }[];
  };
  readonly platformCommissionRate: number;
}

export class ConfigError extends Error {
  readonly problems: readonly string[];
  constructor(problems: readonly string[]) {
    super(`Invalid configuration:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'ConfigError';
    this.problems = problems;
  }
}

const DURATION_UNITS: Record<string, number> = { ms: 1, s: 1000, m: 60_000, h: 3_600_000, d: 86_400_000 };

/** Parses `90s`, `15m`, `24h`, `14d` (and `500ms`) into milliseconds; undefined when malformed. */
export function parseDuration(text: string): number | undefined {
  const match = /^(\d+)(ms|s|m|h|d)$/.exec(text.trim());
  if (!match) return undefined;
  const value = Number(match[1]) * DURATION_UNITS[match[2]!]!;
  return Number.isSafeInteger(value) && value > 0 ? value : undefined;
}

type Env = Readonly<Record<string, string | undefined>>;

/** Reads every setting from `env`; throws one ConfigError listing every bad variable. */
export function loadConfig(env: Env): Config {
  const problems: string[] = [];
  const read = (name: string): string | undefined => {
    const value = env[name]?.trim();
    return value === undefined || value === '' ? undefined : value;
  };
  const oneOf = <T extends string>(name: string, allowed: readonly T[], fallback: T): T => {
    const value = read(name) ?? fallback;
    if ((allowed as readonly string[]).includes(value)) return value as T;
    problems.push(`${name} must be one of ${allowed.join(', ')} (got "${value}")`);
    return fallback;
  };
  const integer = (name: string, fallback: number, min: number, max: number): number => {
    const raw = read(name);
    if (raw === undefined) return fallback;
    const value = Number(raw);
    if (Number.isInteger(value) && value >= min && value <= max) return value;
    problems.push(`${name} must be an integer between ${min} and ${max} (got "${raw}")`);
    return fallback;
  };
  const bool = (name: string, fallback: boolean): boolean => {
    const raw = read(name)?.toLowerCase();
    if (raw === undefined) return fallback;
    if (['true', '1', 'yes', 'on'].includes(raw)) return true;
    if (['false', '0', 'no', 'off'].includes(raw)) return false;
    problems.push(`${name} must be true or false (got "${raw}")`);
    return fallback;
  };
  const duration = (name: string, fallback: string): number => {
    const raw = read(name) ?? fallback;
    const value = parseDuration(raw);
    if (value !== undefined) return value;
    problems.push(`${name} must be a duration like 90s, 15m, 24h or 14d (got "${raw}")`);
    return parseDuration(fallback)!;
  };
  const url = (name: string, protocols: readonly string[]): string | undefined => {
    const raw = read(name);
    if (raw === undefined) return undefined;
    try {
      const parsed = new URL(raw);
      if (protocols.includes(parsed.protocol)) return raw;
    } catch {
      // reported below
    }
    problems.push(`${name} must be a ${protocols.join(' or ')} URL (got "${redact(raw)}")`);
    return undefined;
  };
  const refundTiers = (name: string, fallback: string) => {
    const raw = read(name) ?? fallback;
    const parsed = parseRefundTiers(raw);
    if (parsed) return parsed;
    problems.push(`${name} must list hours:percent from the longest notice down to 0h, like 72h:100,24h:50,0h:0 (got "${raw}")`);
    return parseRefundTiers(fallback)!;
  };
  const rate = (name: string, fallback: number): number => {
    const raw = read(name);
    if (raw === undefined) return fallback;
    const value = Number(raw);
    if (Number.isFinite(value) && value >= 0 && value < 1) return value;
    problems.push(`${name} must be a fraction between 0 and 1, like 0.10 (got "${raw}")`);
    return fallback;
  };

  const databaseUrl = url('DATABASE_URL', ['postgres:', 'postgresql:']);
  const kafkaBrokers = (read('KAFKA_BROKERS') ?? '').split(',').map((b) => b.trim()).filter(Boolean);
  for (const broker of kafkaBrokers) {
    if (!/^[\w.-]+:\d{1,5}$/.test(broker)) problems.push(`KAFKA_BROKERS entries must be host:port (got "${broker}")`);
  }
  const kafkaTopicPrefix = read('KAFKA_TOPIC_PREFIX') ?? '';
  if (!/^[A-Za-z0-9._-]{0,100}$/.test(kafkaTopicPrefix)) problems.push(`KAFKA_TOPIC_PREFIX may hold only letters, digits, '.', '_' and '-' (got "${kafkaTopicPrefix}")`);
  const jwtSecret = read('JWT_SECRET');
  if (jwtSecret !== undefined && jwtSecret.length < 32) problems.push('JWT_SECRET must be at least 32 characters');
  const dataEncryptionKey = read('DATA_ENCRYPTION_KEY');
  if (dataEncryptionKey !== undefined && parseEncryptionKey(dataEncryptionKey) === undefined) {
    problems.push('DATA_ENCRYPTION_KEY must be 32 bytes in base64 (e.g. openssl rand -base64 32)');
  }
  const adminSignupSecret = read('ADMIN_SIGNUP_SECRET');
  if (adminSignupSecret !== undefined && adminSignupSecret.length < 12) {
    problems.push('ADMIN_SIGNUP_SECRET must be at least 12 characters');
  }

  const payment = {
    provider: oneOf<PaymentProviderName>('PAYMENT_PROVIDER', ['sandbox', 'toss'], 'sandbox'),
    tossSecretKey: read('TOSS_SECRET_KEY'),
    tossClientKey: read('TOSS_CLIENT_KEY'),
    tossApiUrl: url('TOSS_API_URL', ['http:', 'https:']) ?? 'https://api.tosspayments.com',
  };
  if (payment.provider === 'toss' && (!payment.tossSecretKey || !payment.tossClientKey)) {
    problems.push('PAYMENT_PROVIDER=toss needs TOSS_SECRET_KEY and TOSS_CLIENT_KEY');
  }
  const storage = {
    kind: oneOf<StorageKind>('STORAGE', ['local', 's3'], 'local'),
    s3Bucket: read('S3_BUCKET'),
    s3Endpoint: url('S3_ENDPOINT', ['http:', 'https:']),
    s3Region: read('S3_REGION') ?? 'ap-northeast-2',
    s3AccessKeyId: read('S3_ACCESS_KEY_ID'),
    s3SecretAccessKey: read('S3_SECRET_ACCESS_KEY'),
    s3ForcePathStyle: bool('S3_FORCE_PATH_STYLE', read('S3_ENDPOINT') !== undefined),
  };
  if (storage.kind === 's3' && !storage.s3Bucket) problems.push('STORAGE=s3 needs S3_BUCKET');
  const ai = {
    provider: oneOf<AiProviderName>('AI_PROVIDER', ['rules', 'gemini', 'openai'], 'rules'),
    geminiApiKey: read('GEMINI_API_KEY'),
    geminiModel: read('GEMINI_MODEL') ?? 'gemini-flash-latest',
    geminiApiUrl: url('GEMINI_API_URL', ['http:', 'https:']),
    openaiBaseUrl: url('OPENAI_BASE_URL', ['http:', 'https:']),
    openaiApiKey: read('OPENAI_API_KEY'),
    openaiModel: read('OPENAI_MODEL'),
  };
  if (ai.provider === 'gemini' && !ai.geminiApiKey) problems.push('AI_PROVIDER=gemini needs GEMINI_API_KEY');
  if (ai.provider === 'openai' && (!ai.openaiBaseUrl || !ai.openaiModel)) {
    problems.push('AI_PROVIDER=openai needs OPENAI_BASE_URL and OPENAI_MODEL');
  }

  const config: Config = {
    port: integer('PORT', 3000, 0, 65535),
    host: read('HOST') ?? '0.0.0.0',
    dataDir: read('DATA_DIR') ?? './data',
    demoData: bool('DEMO_DATA', databaseUrl === undefined),
    serveWeb: bool('SERVE_WEB', true),
    logLevel: oneOf('LOG_LEVEL', ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'], 'info'),
    databaseUrl,
    redisUrl: url('REDIS_URL', ['redis:', 'rediss:']),
    kafkaBrokers,
    kafkaTopicPrefix,
    adminSignupSecret,
    jwtSecret,
    dataEncryptionKey,
    accessTokenTtlMs: duration('ACCESS_TOKEN_TTL', '15m'),
    refreshTokenTtlMs: duration('REFRESH_TOKEN_TTL', '14d'),
    loginMaxFailures: integer('LOGIN_MAX_FAILURES', 5, 1, 1000),
    loginFailureWindowMs: duration('LOGIN_FAILURE_WINDOW', '15m'),
    topCacheTtlMs: /^0+(ms|s|m|h|d)$/.test(read('TOP_CACHE_TTL') ?? '') ? 0 : duration('TOP_CACHE_TTL', '60s'),
    payment,
    storage,
    slack: { botToken: read('SLACK_BOT_TOKEN'), apiUrl: url('SLACK_API_URL', ['http:', 'https:']) },
    ai,
    reservations: {
      requestTtlMs: duration('RESERVATION_REQUEST_TTL', '24h'),
      paymentTtlMs: duration('RESERVATION_PAYMENT_TTL', '24h'),
      minLeadMs: duration('RESERVATION_MIN_LEAD', '1h'),
      checkinOpensBeforeMs: duration('CHECKIN_OPENS_BEFORE', '1h'),
      autoCompleteAfterMs: duration('RESERVATION_AUTO_COMPLETE_AFTER', '6h'),
      nightSurchargeRate: rate('NIGHT_SURCHARGE_RATE', 0.2),
      holidaySurchargeRate: rate('HOLIDAY_SURCHARGE_RATE', 0.3),
      refundTiers: refundTiers('CANCELLATION_REFUND_TIERS', '72h:100,24h:50,0h:0'),
    },
    platformCommissionRate: rate('PLATFORM_COMMISSION_RATE', 0.1),
  };
  if (problems.length > 0) throw new ConfigError(problems);
  return config;
}

/** `72h:100,24h:50,0h:0` -> tiers, longest notice first, ending at 0 h; undefined when malformed. */
export function parseRefundTiers(text: string): { minHoursBefore: number; refundPercent: number }[] | undefined {
  const tiers: { minHoursBefore: number; refundPercent: number }[] = [];
  for (const part of text.split(',')) {
    const match = /^\s*(\d+)h:(\d{1,3})\s*$/.exec(part);
    if (!match) return undefined;
    const tier = { minHoursBefore: Number(match[1]), refundPercent: Number(match[2]) };
    const previous = tiers[tiers.length - 1];
    if (tier.refundPercent > 100 || (previous && tier.minHoursBefore >= previous.minHoursBefore)) return undefined;
    tiers.push(tier);
  }
  return tiers[tiers.length - 1]?.minHoursBefore === 0 ? tiers : undefined;
}

function redact(value: string): string {
  return value.replace(/\/\/([^:@/]+):([^@/]+)@/, '//$1:***@');
}
