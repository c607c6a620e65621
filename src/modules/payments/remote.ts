import { defineRemoteContract } from '../../platform/remote/contract.ts';
import type { PaymentsApi } from './contract.ts';

// PaymentsApi over HTTP (split mode): all reads.
export const paymentsRemote = defineRemoteContract<PaymentsApi>({
  module: 'payments',
  methods: { settledAmounts: 'read', paymentTotals: 'read', moneySeries: 'read', listForUser: 'read' },
  local: () => ({}),
});
