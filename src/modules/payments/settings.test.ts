import { describe, expect, it } from 'vitest';
import { ConfigError, defaultSettings, loadSettings } from '../../platform/settings.ts';
import { paymentsSettings } from './settings.ts';

const DATABASE_URL = 'postgres://postgres@127.0.0.1:5432/postgres';

describe('payments settings', () => {
  it('default to the sandbox in embedded mode (no DATABASE_URL)', () => {
    expect(defaultSettings(paymentsSettings).provider).toBe('sandbox');
  });

  it('require PAYMENT_PROVIDER with DATABASE_URL, naming the variable', () => {
    let error: unknown;
    try {
      loadSettings({ DATABASE_URL }, paymentsSettings);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ConfigError);
    expect((error as ConfigError).problems).toEqual([expect.stringMatching(/^PAYMENT_PROVIDER is required with DATABASE_URL/)]);
    expect(() => loadSettings({ DATABASE_URL, PAYMENT_PROVIDER: '  ' }, paymentsSettings)).toThrow(ConfigError);
  });

  it('take an explicit provider with DATABASE_URL', () => {
    expect(loadSettings({ DATABASE_URL, PAYMENT_PROVIDER: 'sandbox' }, paymentsSettings).provider).toBe('sandbox');
    const toss = loadSettings({ DATABASE_URL, PAYMENT_PROVIDER: 'toss', TOSS_SECRET_KEY: 'test_sk_x', TOSS_CLIENT_KEY: 'test_ck_x' }, paymentsSettings);
    expect(toss.provider).toBe('toss');
    expect(() => loadSettings({ DATABASE_URL, PAYMENT_PROVIDER: 'toss' }, paymentsSettings)).toThrow(/needs TOSS_SECRET_KEY/);
  });
});
