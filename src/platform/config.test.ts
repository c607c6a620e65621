import { describe, expect, it } from 'vitest';
import { loadConfig, platformSettings } from './config.ts';
import { ConfigError, composeSettings, defaultSettings, defineSettings, loadSettings, parseDuration } from './settings.ts';

function problemsOf(load: () => unknown): readonly string[] {
  try {
    load();
  } catch (error) {
    if (error instanceof ConfigError) return error.problems;
    throw error;
  }
  return [];
}

describe('platform configuration', () => {
  it('has a working default for every setting in embedded mode', () => {
    const config = loadConfig({});
    expect(config).toEqual({
      port: 3000,
      host: '0.0.0.0',
      dataDir: './data',
      demoData: true,
      serveWeb: true,
      logLevel: 'info',
      trustProxy: { kind: 'none' },
      metricsPort: undefined,
      metricsToken: undefined,
      databaseUrl: undefined,
      redisUrl: undefined,
      cache: 'auto',
      kafkaBrokers: [],
      kafkaTopicPrefix: '',
      adminSignupSecret: undefined,
      jwtSecret: undefined,
      dataEncryptionKey: undefined,
      internalSecret: undefined,
      moduleUrls: {},
      contractCallTimeoutMs: 2000,
      storage: expect.objectContaining({ kind: 'local', s3Region: 'ap-northeast-2', s3ForcePathStyle: false }),
    });
  });

  it('turns the cache off only when asked, and refuses other values', () => {
    expect(loadConfig({ CACHE: 'off' }).cache).toBe('off');
    expect(() => loadConfig({ CACHE: 'none' })).toThrow(/CACHE/);
  });

  it('turns demo data off by default with PostgreSQL', () => {
    expect(loadConfig({ DATABASE_URL: 'postgres://u@h/db' }).demoData).toBe(false);
    expect(loadConfig({ DATABASE_URL: 'postgres://u@h/db', DEMO_DATA: 'true' }).demoData).toBe(true);
  });

  it('parses durations', () => {
    expect(parseDuration('90s')).toBe(90_000);
    expect(parseDuration('15m')).toBe(900_000);
    expect(parseDuration('24h')).toBe(86_400_000);
    expect(parseDuration('14d')).toBe(1_209_600_000);
    expect(parseDuration('500ms')).toBe(500);
    expect(parseDuration('5y')).toBe(5 * 365 * 86_400_000);
    for (const bad of ['', '15', 'm', '1.5h', '-1h', '0s', '2w']) expect(parseDuration(bad)).toBeUndefined();
  });

  it('reports every bad variable at once, one line each, without leaking passwords', () => {
    const problems = problemsOf(() =>
      loadConfig({
        PORT: 'eighty',
        LOG_LEVEL: 'loud',
        DATABASE_URL: 'mysql://root:hunter2@db/x',
        STORAGE: 's3',
        KAFKA_BROKERS: 'localhost:9092,nope',
        JWT_SECRET: 'short',
        DEMO_DATA: 'maybe',
      }),
    );
    expect(problems).toHaveLength(7);
    expect(problems.join('\n')).not.toContain('hunter2');
    expect(problems.some((p) => p.startsWith('PORT must be an integer'))).toBe(true);
    expect(problems.some((p) => p.includes('STORAGE=s3 needs S3_BUCKET'))).toBe(true);
  });

  it('reads TRUST_PROXY as no proxy, a hop count or a list of addresses and CIDRs', () => {
    expect(loadConfig({ TRUST_PROXY: ' ' }).trustProxy).toEqual({ kind: 'none' });
    expect(loadConfig({ TRUST_PROXY: '2' }).trustProxy).toEqual({ kind: 'hops', hops: 2 });
    expect(loadConfig({ TRUST_PROXY: '10.0.0.0/8, 127.0.0.1,::1,fd00::/8,loopback' }).trustProxy).toEqual({
      kind: 'addresses',
      addresses: ['10.0.0.0/8', '127.0.0.1', '::1', 'fd00::/8', 'loopback'],
    });
    for (const bad of ['true', '0', '33', '10.0.0.0/33', '10.0.0/8', 'proxy.local', '127.0.0.1,', '::1/129', '1.2.3.4/8/1']) {
      const problems = problemsOf(() => loadConfig({ TRUST_PROXY: bad }));
      expect(problems, bad).toHaveLength(1);
      expect(problems[0]).toMatch(/^TRUST_PROXY must be empty, a hop count/);
    }
  });

  it('reads METRICS_PORT and METRICS_TOKEN, refusing a shared port or a short token', () => {
    const config = loadConfig({ METRICS_PORT: '9464', METRICS_TOKEN: 'scrape-token-0123456789' });
    expect(config).toMatchObject({ metricsPort: 9464, metricsToken: 'scrape-token-0123456789' });
    const problems = problemsOf(() => loadConfig({ PORT: '8080', METRICS_PORT: '8080', METRICS_TOKEN: 'short' }));
    expect(problems).toEqual([
      'METRICS_PORT must differ from PORT (both 8080)',
      'METRICS_TOKEN must be at least 16 characters without spaces',
    ]);
    expect(problemsOf(() => loadConfig({ METRICS_PORT: 'x' }))[0]).toMatch(/^METRICS_PORT must be an integer/);
  });

  it('reads service settings', () => {
    const config = loadConfig({
      REDIS_URL: 'redis://127.0.0.1:6379',
      KAFKA_BROKERS: 'a:9092, b:9093',
      STORAGE: 's3',
      S3_BUCKET: 'docs',
      S3_ENDPOINT: 'http://127.0.0.1:4569',
    });
    expect(config.kafkaBrokers).toEqual(['a:9092', 'b:9093']);
    expect(config.storage).toMatchObject({ kind: 's3', s3Bucket: 'docs', s3ForcePathStyle: true });
  });
});

describe('settings declared by a module', () => {
  // A module of this test's own: what src/modules/<m>/settings.ts declares.
  const shopSettings = defineSettings((read) => ({
    openFor: read.duration('SHOP_OPEN_FOR', '8h'),
    cacheFor: read.duration('SHOP_CACHE_FOR', '30s', { allowZero: true }),
    discount: read.rate('SHOP_DISCOUNT', 0.05),
    size: read.oneOf('SHOP_SIZE', ['small', 'large'], 'small'),
    shelves: read.parsed('SHOP_SHELVES', '1-3', (text) => (/^\d+-\d+$/.test(text) ? text.split('-').map(Number) : undefined), 'be a range like 1-3'),
    webhook: read.url('SHOP_WEBHOOK', ['https:']),
  }));
  const startup = composeSettings({ config: platformSettings, shop: shopSettings });

  it('reads its variables with the platform readers, defaults when unset', () => {
    expect(defaultSettings(shopSettings)).toEqual({ openFor: 8 * 3_600_000, cacheFor: 30_000, discount: 0.05, size: 'small', shelves: [1, 3], webhook: undefined });
    const { config, shop } = loadSettings({ PORT: '8080', SHOP_OPEN_FOR: '90m', SHOP_CACHE_FOR: '0s', SHOP_SHELVES: '2-9' }, startup);
    expect(config.port).toBe(8080);
    expect(shop).toMatchObject({ openFor: 90 * 60_000, cacheFor: 0, shelves: [2, 9] });
  });

  it('is checked in the same pass as the platform: one ConfigError lists every bad variable of both', () => {
    const problems = problemsOf(() =>
      loadSettings({ PORT: 'x', SHOP_OPEN_FOR: '0s', SHOP_DISCOUNT: '5%', SHOP_SHELVES: 'a lot', SHOP_WEBHOOK: 'http://u:secret@h/' }, startup),
    );
    expect(problems).toEqual([
      'PORT must be an integer between 0 and 65535 (got "x")',
      'SHOP_OPEN_FOR must be a duration like 90s, 15m, 24h or 14d (got "0s")',
      'SHOP_DISCOUNT must be a fraction between 0 and 1, like 0.10 (got "5%")',
      'SHOP_SHELVES must be a range like 1-3 (got "a lot")',
      'SHOP_WEBHOOK must be a https: URL (got "http://u:***@h/")',
    ]);
  });
});
