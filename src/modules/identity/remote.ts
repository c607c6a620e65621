import { defineRemoteContract, remoteApi } from '../../platform/remote/contract.ts';
import { createContractClient, type ContractClient, type ContractClientOptions } from '../../platform/remote/contract-client.ts';
import type { IdentityApi } from './contract.ts';

// IdentityApi over HTTP (split mode, docs/decisions/0027-split-mode.md): every member is a read. The gateway
// and every service that does not run identity check users' access tokens through `verifyAccessToken` here.
export const identityRemote = defineRemoteContract<IdentityApi>({
  module: 'identity',
  methods: {
    verifyAccessToken: 'read',
    findUsers: 'read',
    findContact: 'read',
    searchUserIds: 'read',
    emailRegistered: 'read',
    userCount: 'read',
    activeUserCounts: 'read',
    findUserForAdmin: 'read',
    newUserSeries: 'read',
  },
  local: () => ({}),
});

/** Identity's api over HTTP at `options.url` (the gateway checks tokens with `api.verifyAccessToken`); close the client on shutdown. */
export function identityRemoteApi(options: Omit<ContractClientOptions, 'module'>): { readonly api: IdentityApi; readonly client: ContractClient } {
  const client = createContractClient({ ...options, module: identityRemote.module });
  return { api: remoteApi(identityRemote, client.call, undefined), client };
}
