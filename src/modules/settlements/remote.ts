import { defineRemoteContract } from '../../platform/remote/contract.ts';
import type { SettlementsApi } from './contract.ts';

// SettlementsApi over HTTP (split mode): all reads (expected earnings use the settlements service's commission rate).
export const settlementsRemote = defineRemoteContract<SettlementsApi>({
  module: 'settlements',
  methods: { expectedEarnings: 'read', listForCaregiverUser: 'read', commissionSeries: 'read' },
  local: () => ({}),
});
