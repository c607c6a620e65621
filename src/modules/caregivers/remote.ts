import { defineRemoteContract } from '../../platform/remote/contract.ts';
import type { CaregiversApi } from './contract.ts';
import { normaliseRegion } from './domain/regions.ts';
import { REGION_CATALOGUE } from './domain/regions.data.ts';

// CaregiversApi over HTTP (split mode): the booking's caregiver lookup and the search are reads; the region
// catalogue and its normalisation are pure data and rules, computed on the caller's side.
export const caregiversRemote = defineRemoteContract<CaregiversApi>({
  module: 'caregivers',
  methods: {
    getProfile: 'read',
    findProfileByUserId: 'read',
    findApprovedProfiles: 'read',
    countByStatus: 'read',
    search: 'read',
  },
  local: () => ({ normaliseRegion, regionCatalogue: () => REGION_CATALOGUE }),
});
