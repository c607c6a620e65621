import { defineSettings, type SettingsOf } from '../../platform/settings.ts';

// The settlements module's settings, declared before the module itself is written (caregiver payouts,
// issue 5). Read and checked at start already; the module will take them through its factory.
export const settlementsSettings = defineSettings((read) => ({
  /** The platform's share of a settled reservation: 0.10 = 10 %. */
  commissionRate: read.rate('PLATFORM_COMMISSION_RATE', 0.1),
}));

export type SettlementsSettings = SettingsOf<typeof settlementsSettings>;
