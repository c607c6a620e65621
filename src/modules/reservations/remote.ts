import { defineRemoteContract } from '../../platform/remote/contract.ts';
import type { ReservationsApi } from './contract.ts';

// ReservationsApi over HTTP (split mode): all reads.
export const reservationsRemote = defineRemoteContract<ReservationsApi>({
  module: 'reservations',
  methods: {
    findPayable: 'read',
    participants: 'read',
    hasUnfinishedReservations: 'read',
    countByStatus: 'read',
    statsSeries: 'read',
    activeCaregiverCount: 'read',
    listForUser: 'read',
  },
  local: () => ({}),
});
