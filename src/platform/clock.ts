// Time comes from a clock passed in, so rules that depend on it can be tested at any instant.
export interface Clock {
  now(): Date;
}

export const systemClock: Clock = { now: () => new Date() };

/** A clock for tests: starts at `start` and moves only when told. */
export function fixedClock(start: Date | string): Clock & { advance(ms: number): void; set(at: Date | string): void } {
  let current = new Date(start).getTime();
  return {
    now: () => new Date(current),
    advance: (ms) => {
      current += ms;
    },
    set: (at) => {
      current = new Date(at).getTime();
    },
  };
}

/**
 * The system clock, shifted by an offset that can be changed: the demo seeder (src/demo/demo-history.ts)
 * books, completes and reviews past weeks of care through the real use cases, then comes back to now.
 */
export function travellingClock(base: Clock = systemClock): Clock & { travelTo(at: Date): void; backToNow(): void } {
  let offsetMs = 0;
  return {
    now: () => new Date(base.now().getTime() + offsetMs),
    travelTo(at) {
      offsetMs = at.getTime() - base.now().getTime();
    },
    backToNow() {
      offsetMs = 0;
    },
  };
}
