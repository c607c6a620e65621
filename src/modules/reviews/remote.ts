import { defineRemoteContract } from '../../platform/remote/contract.ts';
import type { ReviewsApi } from './contract.ts';

// ReviewsApi over HTTP (split mode): a read.
export const reviewsRemote = defineRemoteContract<ReviewsApi>({
  module: 'reviews',
  methods: { listForUser: 'read' },
  local: () => ({}),
});
