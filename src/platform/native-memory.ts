// Preloaded by `npm start` (`node --import ./src/platform/native-memory.ts src/main.ts`), before the server's
// modules load. glibc's malloc raises its mmap threshold each time a large block is freed: after the first logins
// (argon2id takes 19 MB per hash, on up to four libuv threads at once) those blocks come from malloc arenas
// that keep them resident, +60-140 MB that never goes back (decision 0031). A fixed threshold keeps large blocks
// mmapped, returned on free. glibc reads it from the environment only when the process starts, so this
// replaces the process once (process.execve, same pid) with the variable set; ~50 ms. Elsewhere (macOS, musl,
// Windows) nothing happens. An explicit MALLOC_MMAP_THRESHOLD_ in the environment is left as it is.

/* eslint-disable no-restricted-properties -- the process's own environment, before any configuration is read */
const MMAP_THRESHOLD = String(128 * 1024); // glibc's initial default, no longer raised

const execve = (process as { execve?: (file: string, args: string[], env: NodeJS.ProcessEnv) => never }).execve;
if (process.platform === 'linux' && process.env.MALLOC_MMAP_THRESHOLD_ === undefined && typeof execve === 'function') {
  execve(process.execPath, [process.execPath, ...process.execArgv, ...process.argv.slice(1)], { ...process.env, MALLOC_MMAP_THRESHOLD_: MMAP_THRESHOLD });
}

export {};
