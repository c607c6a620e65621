import { describe, expect, it } from 'vitest';
import { ConfigError, defaultSettings, loadSettings } from '../../platform/settings.ts';
import { settlementsSettings } from './settings.ts';

describe('settlements settings', () => {
  it('default to 10 % and no schedule', () => {
    expect(defaultSettings(settlementsSettings)).toEqual({ commissionRate: 0.1, schedule: 'off' });
  });

  it('read the rate and the schedule, and refuse anything else', () => {
    expect(loadSettings({ PLATFORM_COMMISSION_RATE: '0.12', SETTLEMENT_SCHEDULE: 'weekly' }, settlementsSettings)).toEqual({ commissionRate: 0.12, schedule: 'weekly' });
    expect(() => loadSettings({ SETTLEMENT_SCHEDULE: 'daily' }, settlementsSettings)).toThrow(ConfigError);
  });
});
