import { describe, expect, it } from 'vitest';
import { ConfigError, defaultSettings, loadSettings } from '../../platform/settings.ts';
import { DEFAULT_REFUND_POLICY } from './domain/refund-policy.ts';
import { parseRefundTiers, reservationSettings } from './settings.ts';

describe('reservation settings', () => {
  it('default to what API.md says', () => {
    const settings = defaultSettings(reservationSettings);
    expect(settings.refundPolicy).toEqual(DEFAULT_REFUND_POLICY);
    expect(settings).toMatchObject({ requestTtlMs: 86_400_000, paymentTtlMs: 86_400_000, bookingWindow: { minLeadMs: 3_600_000, maxAheadDays: 90 } });
  });

  it('read surcharges and refund tiers, naming the tiers by their notice', () => {
    const settings = loadSettings({ NIGHT_SURCHARGE_RATE: '0.25', CANCELLATION_REFUND_TIERS: '48h:100,12h:30,0h:0' }, reservationSettings);
    expect(settings.pricing.nightSurchargeRate).toBe(0.25);
    expect(settings.refundPolicy.guardianTiers).toEqual([
      { name: 'GUARDIAN_48H_OR_MORE', minHoursBefore: 48, refundPercent: 100 },
      { name: 'GUARDIAN_12H_OR_MORE', minHoursBefore: 12, refundPercent: 30 },
      { name: 'GUARDIAN_UNDER_12H', minHoursBefore: 0, refundPercent: 0 },
    ]);
  });

  it('refuse malformed refund tiers', () => {
    for (const bad of ['24h:50,72h:100,0h:0', '72h:100,24h:50', '72h:150,0h:0', 'soon']) {
      expect(parseRefundTiers(bad), bad).toBeUndefined();
      expect(() => loadSettings({ CANCELLATION_REFUND_TIERS: bad }, reservationSettings), bad).toThrow(/CANCELLATION_REFUND_TIERS must list hours:percent/);
    }
  });

  it('report what the pricing rules refuse as a configuration problem, not at the first quote', () => {
    expect(() => loadSettings({ NIGHT_SURCHARGE_RATE: '0.12345' }, reservationSettings)).toThrow(ConfigError);
    expect(() => loadSettings({ NIGHT_SURCHARGE_RATE: '0.12345' }, reservationSettings)).toThrow(/booking settings: nightSurchargeRate must be a fraction/);
  });
});
