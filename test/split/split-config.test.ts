import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/platform/config.ts';
import { ConfigError } from '../../src/platform/settings.ts';
import { requestedModules, splitProblems } from '../../src/split-serve.ts';

// `serve --modules`: how the module list is read and what split mode refuses to start without.

const SPLIT_ENV = {
  DATABASE_URL: 'postgres://u@db/carenest',
  REDIS_URL: 'redis://cache:6379',
  KAFKA_BROKERS: 'kafka:9092',
  INTERNAL_SECRET: 'x'.repeat(32),
  MODULE_URLS: 'identity=http://identity:3000/',
};

describe('serve --modules', () => {
  it('reads the list from --modules a,b, --modules=a,b or MODULES, and none means the one-process monolith', () => {
    expect(requestedModules(['serve', '--modules', 'identity, caregivers'], {})).toEqual(['identity', 'caregivers']);
    expect(requestedModules(['serve', '--modules=reservations,payments,payments'], {})).toEqual(['reservations', 'payments']);
    expect(requestedModules(['serve'], { MODULES: 'chat' })).toEqual(['chat']);
    expect(requestedModules(['serve', '--modules=ai'], { MODULES: 'chat' })).toEqual(['ai']);
    expect(requestedModules(['serve'], {})).toBeUndefined();
    expect(requestedModules(['serve', '--modules'], {})).toEqual([]);
  });

  it('starts with PostgreSQL, Redis, Kafka, INTERNAL_SECRET and identity reachable', () => {
    const config = loadConfig(SPLIT_ENV);
    expect(config.moduleUrls).toEqual({ identity: 'http://identity:3000' });
    expect(config.contractCallTimeoutMs).toBe(2000);
    expect(splitProblems(config, ['caregivers'])).toEqual([]);
    expect(splitProblems(loadConfig({ ...SPLIT_ENV, MODULE_URLS: '' }), ['identity'])).toEqual([]);
  });

  it('names every missing piece and every unknown module, with the valid names', () => {
    const problems = splitProblems(loadConfig({ MODULE_URLS: 'billing=http://b:1' }), ['caregivers', 'nope']);
    expect(problems).toEqual([
      expect.stringMatching(/^unknown module "nope": the modules are identity, caregivers, reservations, payments, .*chat$/),
      expect.stringContaining('DATABASE_URL'),
      expect.stringContaining('KAFKA_BROKERS'),
      expect.stringContaining('REDIS_URL'),
      expect.stringContaining('INTERNAL_SECRET'),
      expect.stringContaining('identity=http://host:port'),
      expect.stringContaining('MODULE_URLS names an unknown module "billing"'),
    ]);
    expect(splitProblems(loadConfig(SPLIT_ENV), [])).toEqual([expect.stringContaining('at least one module')]);
  });

  it('refuses a short INTERNAL_SECRET and a malformed MODULE_URLS', () => {
    const problems = (env: Record<string, string>): readonly string[] => {
      try {
        loadConfig(env);
        return [];
      } catch (error) {
        return (error as ConfigError).problems;
      }
    };
    expect(problems({ INTERNAL_SECRET: 'short' })).toEqual(['INTERNAL_SECRET must be at least 32 characters']);
    expect(problems({ MODULE_URLS: 'identity:http://a' })[0]).toMatch(/^MODULE_URLS must be module=url pairs/);
    expect(problems({ MODULE_URLS: 'identity=http://a,identity=http://b' })).toHaveLength(1);
    expect(problems({ CONTRACT_CALL_TIMEOUT: 'soon' })[0]).toMatch(/^CONTRACT_CALL_TIMEOUT must be a duration/);
  });
});
