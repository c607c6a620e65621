// Real-time delivery to connected users (WebSocket). Modules publish frames addressed to users or to
// every connected admin; the hub delivers them to whichever replica holds the connection (Redis pub/sub
// when REDIS_URL is set, in process otherwise). Delivery is best effort: a user who is not connected
// misses the frame, so anything that must not be lost is also stored (notifications).

import type { ServerFrame } from './frames.ts';

// The frames themselves are TypeBox schemas in frames.ts, shared with the web app.
export type { ServerFrame };

export interface RealtimePublisher {
  /** Sends `frame` to every connection of each user in `userIds` (across replicas). */
  toUsers(userIds: readonly string[], frame: ServerFrame): Promise<void>;
  /** Sends `frame` to every connected ADMIN (the live feed). */
  toAdmins(frame: ServerFrame): Promise<void>;
  /**
   * Whether `userId` has an open connection on any replica (Redis presence keys when REDIS_URL is set,
   * this process otherwise). A moment stale at worst; false when it cannot be told (Redis down).
   */
  isOnline(userId: string): Promise<boolean>;
  /**
   * Closes the open WebSockets of each user in `userIds` on every replica (close code 4401 with `reason`):
   * all of them, or with `sessionId` only those authenticated with a token of that sign-in session.
   * Best effort like frames; the tokens themselves are refused by the verifier, so a socket missed here
   * cannot reconnect.
   */
  disconnectUsers(userIds: readonly string[], reason: string, options?: { readonly sessionId?: string }): Promise<void>;
}

/** Whom a disconnect addresses: users, optionally one sign-in session of theirs. */
export interface DisconnectTarget {
  readonly userIds: readonly string[];
  readonly sessionId?: string;
}
