import { defineConsumer, type EventConsumer } from '../../../platform/events/event.ts';
import { IDENTITY_EVENTS } from '../../identity/contract.ts';
import { setAccountSuspended } from '../db/caregivers.repo.ts';
import type { CaregiversDeps } from './deps.ts';
import { invalidateTop } from './top-cache.ts';

export const ACCOUNT_SUSPENSION_CONSUMER = 'caregivers.account-suspension';

/**
 * A caregiver's account suspended by an admin: the profile's account_suspended flag hides it from search,
 * top lists, profile, photo and busy-time reads and makes it SUSPENDED to other modules (no quote, no
 * booking); lifting the suspension clears the flag and the profile reappears with its review status
 * untouched. Idempotent (setting a flag); per-user events keep their order. Cached top lists are dropped.
 */
export function makeAccountSuspensionConsumer({ platform }: CaregiversDeps): EventConsumer {
  return defineConsumer({
    name: ACCOUNT_SUSPENSION_CONSUMER,
    events: [IDENTITY_EVENTS.userSuspended, IDENTITY_EVENTS.userUnsuspended],
    async handle(event, tx) {
      if (event.payload.role !== 'CAREGIVER') return;
      const suspended = event.type === IDENTITY_EVENTS.userSuspended.type;
      if (await setAccountSuspended(tx, event.payload.userId, suspended, platform.clock.now())) await invalidateTop(platform.cache);
    },
  });
}
