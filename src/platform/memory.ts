import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';

// Embedded start-up leaves large dead buffers behind: PGlite's initdb run (its own WebAssembly heap), the
// unpacked file-system bundle, compile buffers (~350 MB measured right after the database opened, decision
// 0031). They are outside V8's heap, which stays small, so no collection comes for a long while and the
// resident size stays high. One full collection at the end of start-up hands them back to the OS.

let collect: (() => void) | undefined;

/** Runs a full garbage collection now (a few tens of ms); for the end of start-up, not for request paths. */
export function collectGarbage(): void {
  if (!collect) {
    const exposed = (globalThis as { gc?: () => void }).gc;
    if (exposed) collect = exposed;
    else {
      // The documented way to reach V8's gc() without starting node with --expose-gc.
      setFlagsFromString('--expose-gc');
      collect = runInNewContext('gc') as () => void;
      setFlagsFromString('--no-expose-gc');
    }
  }
  collect();
}
