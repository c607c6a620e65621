import { defineSettings, type SettingsOf } from '../../platform/settings.ts';

// The payments module's settings: which provider takes the money, and its keys (README, Configuration).

export type PaymentProviderName = 'sandbox' | 'toss';

export const paymentsSettings = defineSettings((read) => {
  // Sandbox payments are the default only in embedded mode: with a real database (DATABASE_URL), money
  // could silently go nowhere, so the provider must be named (API.md: "required with DATABASE_URL").
  if (read.string('PAYMENT_PROVIDER') === undefined && read.string('DATABASE_URL') !== undefined) {
    read.problem('PAYMENT_PROVIDER is required with DATABASE_URL: set it to toss (real payments) or sandbox (test payments, no money moves)');
  }
  const settings = {
    provider: read.oneOf<PaymentProviderName>('PAYMENT_PROVIDER', ['sandbox', 'toss'], 'sandbox'),
    tossSecretKey: read.string('TOSS_SECRET_KEY'),
    tossClientKey: read.string('TOSS_CLIENT_KEY'),
    tossApiUrl: read.url('TOSS_API_URL', ['http:', 'https:']) ?? 'https://api.tosspayments.com',
  };
  if (settings.provider === 'toss' && (!settings.tossSecretKey || !settings.tossClientKey)) {
    read.problem('PAYMENT_PROVIDER=toss needs TOSS_SECRET_KEY and TOSS_CLIENT_KEY');
  }
  return settings;
});

export type PaymentsSettings = SettingsOf<typeof paymentsSettings>;
