import type { DisconnectTarget, RealtimePublisher, ServerFrame } from './realtime.ts';

// In-process fan-out: frames go to listeners registered in this process (the WebSocket connections it
// holds). With several replicas a cross-replica transport (Redis pub/sub) feeds each replica's instance.

export type FrameListener = (frame: ServerFrame) => void;

/** How the hub closes a connection it was asked to (disconnectUsers): its session and the closer. */
export interface ConnectionControl {
  readonly sessionId?: string | undefined;
  disconnect(reason: string): void;
}

export interface LocalRealtime extends RealtimePublisher {
  /** Registers a connection of `userId` (admins also receive `toAdmins` frames); returns the unsubscribe. */
  subscribe(userId: string, isAdmin: boolean, listener: FrameListener, control?: ConnectionControl): () => void;
  /** Delivers to this process's listeners only (what a cross-replica transport calls on receipt). */
  deliverLocally(target: { userIds: readonly string[] } | { admins: true }, frame: ServerFrame): void;
  /** Closes this process's matching connections only (what a cross-replica transport calls on receipt). */
  disconnectLocally(target: DisconnectTarget, reason: string): void;
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
  const controls = new Map<FrameListener, ConnectionControl>();
  const disconnectLocally: LocalRealtime['disconnectLocally'] = (target, reason) => {
    const listeners = target.userIds.flatMap((id) => [...(byUser.get(id) ?? [])]);
    for (const listener of listeners) {
      const control = controls.get(listener);
      if (!control || (target.sessionId !== undefined && control.sessionId !== target.sessionId)) continue;
      try {
        control.disconnect(reason);
      } catch {
        // One broken connection must not keep the others open.
      }
    }
  };
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
    subscribe(userId, isAdmin, listener, control) {
      const set = byUser.get(userId) ?? new Set();
      set.add(listener);
      if (control) controls.set(listener, control);
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
        controls.delete(listener);
        if (set.size === 0 && byUser.get(userId) === set) {
          byUser.delete(userId);
          announce(userId, false);
        }
        admins.delete(listener);
      };
    },
    deliverLocally,
    disconnectLocally,
    async disconnectUsers(userIds, reason, options) {
      disconnectLocally({ userIds, ...(options?.sessionId !== undefined ? { sessionId: options.sessionId } : {}) }, reason);
    },
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
