import type { RealtimePublisher, ServerFrame } from './realtime.ts';

// In-process fan-out: frames go to listeners registered in this process (the WebSocket connections it
// holds). With several replicas a cross-replica transport (Redis pub/sub) feeds each replica's instance.

export type FrameListener = (frame: ServerFrame) => void;

export interface LocalRealtime extends RealtimePublisher {
  /** Registers a connection of `userId` (admins also receive `toAdmins` frames); returns the unsubscribe. */
  subscribe(userId: string, isAdmin: boolean, listener: FrameListener): () => void;
  /** Delivers to this process's listeners only (what a cross-replica transport calls on receipt). */
  deliverLocally(target: { userIds: readonly string[] } | { admins: true }, frame: ServerFrame): void;
  connectionCount(): number;
  /** The users with at least one connection in this process. */
  onlineUsers(): readonly string[];
  /** Called when a user's first connection in this process opens (true) or their last one closes (false). */
  onPresence(listener: (userId: string, online: boolean) => void): void;
}

// Which in-process hub feeds a publisher: the WebSocket route registers connections there, whatever
// publisher (local or Redis) the platform hands to modules.
const hubs = new WeakMap<RealtimePublisher, LocalRealtime>();

/** Records that `publisher` delivers through `local` (cross-replica publishers call it). */
export function attachLocalRealtime(publisher: RealtimePublisher, local: LocalRealtime): void {
  hubs.set(publisher, local);
}

/** The in-process hub behind a publisher made by createLocalRealtime or a cross-replica transport. */
export function localRealtimeOf(publisher: RealtimePublisher): LocalRealtime | undefined {
  return hubs.get(publisher);
}

export function createLocalRealtime(): LocalRealtime {
  const byUser = new Map<string, Set<FrameListener>>();
  const admins = new Set<FrameListener>();
  const deliverLocally: LocalRealtime['deliverLocally'] = (target, frame) => {
    const listeners = 'admins' in target ? [...admins] : target.userIds.flatMap((id) => [...(byUser.get(id) ?? [])]);
    for (const listener of listeners) {
      try {
        listener(frame);
      } catch {
        // One broken connection must not keep the frame from the others.
      }
    }
  };
  let connections = 0;
  const presence: ((userId: string, online: boolean) => void)[] = [];
  const announce = (userId: string, online: boolean): void => {
    for (const listener of presence) listener(userId, online);
  };
  const hub: LocalRealtime = {
    subscribe(userId, isAdmin, listener) {
      const set = byUser.get(userId) ?? new Set();
      set.add(listener);
      byUser.set(userId, set);
      if (set.size === 1) announce(userId, true);
      if (isAdmin) admins.add(listener);
      connections += 1;
      let subscribed = true;
      return () => {
        if (!subscribed) return;
        subscribed = false;
        connections -= 1;
        set.delete(listener);
        if (set.size === 0 && byUser.get(userId) === set) {
          byUser.delete(userId);
          announce(userId, false);
        }
        admins.delete(listener);
      };
    },
    deliverLocally,
    async toUsers(userIds, frame) {
      deliverLocally({ userIds }, frame);
    },
    async toAdmins(frame) {
      deliverLocally({ admins: true }, frame);
    },
    async isOnline(userId) {
      return byUser.has(userId);
    },
    connectionCount: () => connections,
    onlineUsers: () => [...byUser.keys()],
    onPresence(listener) {
      presence.push(listener);
    },
  };
  attachLocalRealtime(hub, hub);
  return hub;
}
