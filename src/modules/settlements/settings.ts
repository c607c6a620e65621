import { defineSettings, type SettingsOf } from '../../platform/settings.ts';
import { SCHEDULES } from './domain/period.ts';

// The settlements module's settings (caregiver payouts, issue 11), read with every other module's at start.
export const settlementsSettings = defineSettings((read) => ({
  /** The platform's share of a settled reservation: 0.10 = 10 % (held in basis points: 4 decimals at most count). */
  commissionRate: read.rate('PLATFORM_COMMISSION_RATE', 0.1),
  /** `off` (no scheduled run), `weekly` (Monday 03:00 KST, the week before) or `monthly` (1st 03:00 KST, the month before). */
  schedule: read.oneOf('SETTLEMENT_SCHEDULE', SCHEDULES, 'off'),
}));

export type SettlementsSettings = SettingsOf<typeof settlementsSettings>;
