import { defineSettings, type SettingsOf } from '../../platform/settings.ts';

// The caregivers module's settings (README, Configuration).
export const caregiversSettings = defineSettings((read) => ({
  /** How long GET /caregivers/top stays cached per limit; 0 = not cached (TOP_CACHE_TTL=0s). */
  topCacheTtlMs: read.duration('TOP_CACHE_TTL', '60s', { allowZero: true }),
}));

export type CaregiversSettings = SettingsOf<typeof caregiversSettings>;
