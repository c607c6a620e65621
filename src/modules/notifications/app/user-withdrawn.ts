import type { EventConsumer } from '../../../platform/events/event.ts';
import { IDENTITY_EVENTS, type UserWithdrawnV1 } from '../../identity/contract.ts';
import { deleteForUser } from '../db/notifications.repo.ts';

// A withdrawn account keeps no notifications and gets no pending Slack DMs.
export function makeUserWithdrawnConsumer(): EventConsumer {
  return {
    name: 'notifications.user-withdrawn',
    types: [IDENTITY_EVENTS.userWithdrawn],
    async handle(event, tx) {
      await deleteForUser(tx, (event.payload as UserWithdrawnV1).userId);
    },
  };
}
