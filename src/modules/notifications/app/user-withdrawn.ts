import { defineConsumer, type EventConsumer } from '../../../platform/events/event.ts';
import { IDENTITY_EVENTS } from '../../identity/contract.ts';
import { deleteForUser } from '../db/notifications.repo.ts';

// A withdrawn account keeps no notifications and gets no pending Slack DMs.
export function makeUserWithdrawnConsumer(): EventConsumer {
  return defineConsumer({
    name: 'notifications.user-withdrawn',
    events: [IDENTITY_EVENTS.userWithdrawn],
    handle: (event, tx) => deleteForUser(tx, event.payload.userId),
  });
}
