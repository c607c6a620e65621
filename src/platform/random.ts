import { randomFillSync } from 'node:crypto';

// Random bytes for hot paths (an IV per encrypted value, the random part of an id), drawn from the operating system's
// CSPRNG a few kilobytes at a time instead of one call per value: each call to randomBytes crosses into
// OpenSSL, which cost more than the AES-GCM encryption it fed (decision 0034). The same source, the same
// bytes; every region is handed out once and never reused.

const POOL_BYTES = 4096;
let pool = Buffer.alloc(0);
let offset = 0;

/** `size` (at most 4096) fresh random bytes; a view the caller owns (it may write into it). */
export function pooledRandomBytes(size: number): Buffer {
  if (size > POOL_BYTES) throw new Error(`at most ${POOL_BYTES} pooled random bytes at a time`);
  if (offset + size > pool.length) {
    pool = randomFillSync(Buffer.allocUnsafe(POOL_BYTES));
    offset = 0;
  }
  const bytes = pool.subarray(offset, offset + size);
  offset += size;
  return bytes;
}
