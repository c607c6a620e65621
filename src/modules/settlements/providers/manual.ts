import type { PayoutProvider } from './payout-provider.ts';

/** The admin transferred the money by hand; paying records the reference they give (or none). */
export const manualPayoutProvider: PayoutProvider = {
  name: 'manual',
  payout: async (request) => ({ transferReference: request.transferReference }),
};
