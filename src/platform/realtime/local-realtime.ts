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
}

export function createLocalRealtime(): LocalRealtime {
  const byUser = new Map<string, Set<FrameListener>>();
  const admins = new Set<FrameListener>();
  const deliverLocally: LocalRealtime['deliverLocally'] = (target, frame) => {
    const listeners = 'admins' in target ? [...admins] : target.userIds.flatMap((id) => [...(byUser.get(id) ?? [])]);
    for (const listener of listeners) listener(frame);
  };
  return {
    subscribe(userId, isAdmin, listener) {
      const set = byUser.get(userId) ?? new Set();
      set.add(listener);
      byUser.set(userId, set);
      if (isAdmin) admins.add(listener);
      return () => {
        set.delete(listener);
        if (set.size === 0) byUser.delete(userId);
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
    connectionCount: () => [...byUser.values()].reduce((n, set) => n + set.size, 0),
  };
}
