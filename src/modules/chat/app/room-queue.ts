// Runs one room's sends one after the other in this process, so their frames leave in the order their
// transactions committed (the room row lock already orders the commits). Across replicas, clients order
// by `seq`. Entries are dropped when their room goes idle.

export function makeRoomQueue() {
  const tails = new Map<string, Promise<unknown>>();
  return function inRoomOrder<T>(roomId: string, work: () => Promise<T>): Promise<T> {
    const previous = tails.get(roomId) ?? Promise.resolve();
    const run = previous.then(work, work);
    const tail = run.then(
      () => undefined,
      () => undefined,
    );
    tails.set(roomId, tail);
    void tail.then(() => {
      if (tails.get(roomId) === tail) tails.delete(roomId);
    });
    return run;
  };
}
