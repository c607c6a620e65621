import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig, parseDuration } from './config.ts';

describe('configuration', () => {
  it('has a working default for every setting in embedded mode', () => {
    const config = loadConfig({});
    expect(config).toMatchObject({
      port: 3000,
      host: '0.0.0.0',
      dataDir: './data',
      demoData: true,
      logLevel: 'info',
      databaseUrl: undefined,
      redisUrl: undefined,
      kafkaBrokers: [],
      accessTokenTtlMs: 15 * 60_000,
      refreshTokenTtlMs: 14 * 86_400_000,
      payment: { provider: 'sandbox' },
      storage: { kind: 'local' },
      ai: { provider: 'rules' },
      reservations: { requestTtlMs: 86_400_000, paymentTtlMs: 86_400_000, minLeadMs: 3_600_000, checkinOpensBeforeMs: 3_600_000 },
      platformCommissionRate: 0.1,
    });
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
    for (const bad of ['', '15', 'm', '1.5h', '-1h', '0s', '2w']) expect(parseDuration(bad)).toBeUndefined();
  });

  it('reports every bad variable at once, one line each, without leaking passwords', () => {
    let error: unknown;
    try {
      loadConfig({
        PORT: 'eighty',
        LOG_LEVEL: 'loud',
        DATABASE_URL: 'mysql://root:hunter2@db/x',
        RESERVATION_REQUEST_TTL: '1 day',
        PLATFORM_COMMISSION_RATE: '10%',
        PAYMENT_PROVIDER: 'toss',
        STORAGE: 's3',
        KAFKA_BROKERS: 'localhost:9092,nope',
        JWT_SECRET: 'short',
        DEMO_DATA: 'maybe',
      });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ConfigError);
    const problems = (error as ConfigError).problems;
    expect(problems).toHaveLength(10);
    expect(problems.join('\n')).not.toContain('hunter2');
    expect(problems.some((p) => p.startsWith('PORT must be an integer'))).toBe(true);
    expect(problems.some((p) => p.includes('PAYMENT_PROVIDER=toss needs TOSS_SECRET_KEY'))).toBe(true);
    expect(problems.some((p) => p.includes('STORAGE=s3 needs S3_BUCKET'))).toBe(true);
  });

  it('reads booking settings: surcharges and refund tiers', () => {
    const config = loadConfig({ NIGHT_SURCHARGE_RATE: '0.25', CANCELLATION_REFUND_TIERS: '48h:100,12h:30,0h:0' });
    expect(config.reservations.nightSurchargeRate).toBe(0.25);
    expect(config.reservations.refundTiers).toEqual([
      { minHoursBefore: 48, refundPercent: 100 },
      { minHoursBefore: 12, refundPercent: 30 },
      { minHoursBefore: 0, refundPercent: 0 },
    ]);
    for (const bad of ['24h:50,72h:100,0h:0', '72h:100,24h:50', '72h:150,0h:0', 'soon']) {
      expect(() => loadConfig({ CANCELLATION_REFUND_TIERS: bad }), bad).toThrow(/CANCELLATION_REFUND_TIERS/);
    }
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
