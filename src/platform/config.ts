import { parseEncryptionKey } from './crypto.ts';
import { defineSettings, loadSettings, type Env } from './settings.ts';
import { INTERNAL_SECRET_MIN_LENGTH } from './internal-auth.ts';
import { parseTrustProxy, TRUST_PROXY_EXPECTED, type TrustProxy } from './http/trust-proxy.ts';

// The platform's own settings: where it listens and keeps data, which infrastructure it uses, its secrets.
// Business settings (booking times, refund tiers, payment and Slack keys, ...) belong to the module that
// uses them (`src/modules/<m>/settings.ts`); start-up reads both in one pass (src/modules/index.ts).

export type StorageKind = 'local' | 's3';

export interface Config {
  readonly port: number;
  readonly host: string;
  readonly dataDir: string;
  readonly demoData: boolean;
  /** Serve the web app (web/dist, built on first start when missing) at `/`. */
  readonly serveWeb: boolean;
  readonly logLevel: 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace' | 'silent';
  /** Which peers' X-Forwarded-* headers are believed (TRUST_PROXY); none by default. */
  readonly trustProxy: TrustProxy;
  /** Serve /metrics on this port alone instead of the main one (METRICS_PORT). */
  readonly metricsPort: number | undefined;
  /** Require `Authorization: Bearer <token>` on /metrics (METRICS_TOKEN). */
  readonly metricsToken: string | undefined;
  readonly databaseUrl: string | undefined;
  readonly redisUrl: string | undefined;
  /** `off`: a cache that keeps nothing (CACHE=off), to measure the database alone; `auto`: Redis or memory. */
  readonly cache: 'auto' | 'off';
  readonly kafkaBrokers: readonly string[];
  /** Put before every Kafka topic and consumer group name (several deployments on one cluster). */
  readonly kafkaTopicPrefix: string;
  readonly adminSignupSecret: string | undefined;
  readonly jwtSecret: string | undefined;
  /** 32 bytes, base64: encrypts patient health details at rest. */
  readonly dataEncryptionKey: string | undefined;
  /** Split mode: signs the gateway's actor assertions and the contract calls between services (INTERNAL_SECRET). */
  readonly internalSecret: string | undefined;
  /** Split mode: where the modules this process does not run are served, by module name (MODULE_URLS). */
  readonly moduleUrls: Readonly<Record<string, string>>;
  /** Split mode: how long one attempt of a contract call to another service may take (CONTRACT_CALL_TIMEOUT). */
  readonly contractCallTimeoutMs: number;
  readonly storage: {
    readonly kind: StorageKind;
    readonly s3Bucket: string | undefined;
    readonly s3Endpoint: string | undefined;
    readonly s3Region: string;
    readonly s3AccessKeyId: string | undefined;
    readonly s3SecretAccessKey: string | undefined;
    readonly s3ForcePathStyle: boolean;
  };
}

export const platformSettings = defineSettings((read): Config => {
  const databaseUrl = read.url('DATABASE_URL', ['postgres:', 'postgresql:']);
  const kafkaBrokers = (read.string('KAFKA_BROKERS') ?? '').split(',').map((b) => b.trim()).filter(Boolean);
  for (const broker of kafkaBrokers) {
    if (!/^[\w.-]+:\d{1,5}$/.test(broker)) read.problem(`KAFKA_BROKERS entries must be host:port (got "${broker}")`);
  }
  const kafkaTopicPrefix = read.string('KAFKA_TOPIC_PREFIX') ?? '';
  if (!/^[A-Za-z0-9._-]{0,100}$/.test(kafkaTopicPrefix)) {
    read.problem(`KAFKA_TOPIC_PREFIX may hold only letters, digits, '.', '_' and '-' (got "${kafkaTopicPrefix}")`);
  }
  const jwtSecret = read.string('JWT_SECRET');
  if (jwtSecret !== undefined && jwtSecret.length < 32) read.problem('JWT_SECRET must be at least 32 characters');
  const dataEncryptionKey = read.string('DATA_ENCRYPTION_KEY');
  if (dataEncryptionKey !== undefined && parseEncryptionKey(dataEncryptionKey) === undefined) {
    read.problem('DATA_ENCRYPTION_KEY must be 32 bytes in base64 (e.g. openssl rand -base64 32)');
  }
  const adminSignupSecret = read.string('ADMIN_SIGNUP_SECRET');
  if (adminSignupSecret !== undefined && adminSignupSecret.length < 12) {
    read.problem('ADMIN_SIGNUP_SECRET must be at least 12 characters');
  }
  const storage = {
    kind: read.oneOf<StorageKind>('STORAGE', ['local', 's3'], 'local'),
    s3Bucket: read.string('S3_BUCKET'),
    s3Endpoint: read.url('S3_ENDPOINT', ['http:', 'https:']),
    s3Region: read.string('S3_REGION') ?? 'ap-northeast-2',
    s3AccessKeyId: read.string('S3_ACCESS_KEY_ID'),
    s3SecretAccessKey: read.string('S3_SECRET_ACCESS_KEY'),
    s3ForcePathStyle: read.bool('S3_FORCE_PATH_STYLE', read.string('S3_ENDPOINT') !== undefined),
  };
  if (storage.kind === 's3' && !storage.s3Bucket) read.problem('STORAGE=s3 needs S3_BUCKET');
  const port = read.integer('PORT', 3000, 0, 65535);
  const metricsPort = read.string('METRICS_PORT') === undefined ? undefined : read.integer('METRICS_PORT', 0, 1, 65535);
  if (metricsPort !== undefined && metricsPort === port) read.problem(`METRICS_PORT must differ from PORT (both ${port})`);
  const metricsToken = read.string('METRICS_TOKEN');
  if (metricsToken !== undefined && (metricsToken.length < 16 || /\s/.test(metricsToken))) {
    read.problem('METRICS_TOKEN must be at least 16 characters without spaces');
  }
  const internalSecret = read.string('INTERNAL_SECRET');
  if (internalSecret !== undefined && internalSecret.length < INTERNAL_SECRET_MIN_LENGTH) {
    read.problem(`INTERNAL_SECRET must be at least ${INTERNAL_SECRET_MIN_LENGTH} characters`);
  }
  return {
    port,
    host: read.string('HOST') ?? '0.0.0.0',
    dataDir: read.string('DATA_DIR') ?? './data',
    demoData: read.bool('DEMO_DATA', databaseUrl === undefined),
    serveWeb: read.bool('SERVE_WEB', true),
    logLevel: read.oneOf('LOG_LEVEL', ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'], 'info'),
    trustProxy: read.parsed('TRUST_PROXY', '', parseTrustProxy, TRUST_PROXY_EXPECTED),
    metricsPort,
    metricsToken,
    databaseUrl,
    redisUrl: read.url('REDIS_URL', ['redis:', 'rediss:']),
    cache: read.oneOf('CACHE', ['auto', 'off'], 'auto'),
    kafkaBrokers,
    kafkaTopicPrefix,
    adminSignupSecret,
    jwtSecret,
    dataEncryptionKey,
    internalSecret,
    moduleUrls: read.parsed('MODULE_URLS', '', parseModuleUrls, 'be module=url pairs separated by commas (e.g. identity=http://identity:3000,caregivers=http://caregivers:3000)'),
    contractCallTimeoutMs: read.duration('CONTRACT_CALL_TIMEOUT', '2s'),
    storage,
  };
});

/** `identity=http://a:3000,caregivers=https://b` as a map; undefined when malformed. */
function parseModuleUrls(text: string): Record<string, string> | undefined {
  const urls: Record<string, string> = {};
  for (const pair of text.split(',').map((p) => p.trim()).filter(Boolean)) {
    const match = /^([a-z]+)=(https?:\/\/\S+)$/.exec(pair);
    if (!match || match[1]! in urls || !URL.canParse(match[2]!)) return undefined;
    urls[match[1]!] = match[2]!.replace(/\/+$/, '');
  }
  return urls;
}

/** The platform's settings alone (tests of the platform; start-up reads modules' settings with them). */
export function loadConfig(env: Env): Config {
  return loadSettings(env, platformSettings);
}
