import { randomBytes, randomUUID } from 'node:crypto';
import { pooledRandomBytes } from './random.ts';

// Ids are opaque strings. UUID v7 sorts by creation time, which keeps B-tree inserts local and
// makes ids usable as a stable tiebreaker in cursors. The random bytes come from a pooled CSPRNG buffer
// (random.ts): one id is made per write, and a randomBytes call each was a visible share of a booking's CPU.
export function newId(): string {
  const bytes = pooledRandomBytes(16);
  let ms = Date.now();
  for (let i = 5; i >= 0; i--) {
    bytes[i] = ms % 256;
    ms = Math.floor(ms / 256);
  }
  bytes[6] = (bytes[6]! & 0x0f) | 0x70;
  bytes[8] = (bytes[8]! & 0x3f) | 0x80;
  const hex = bytes.toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/** A random, URL-safe secret token (refresh tokens, generated secrets). */
export function newSecret(bytes = 32): string {
  return randomBytes(bytes).toString('base64url');
}

export { randomUUID };
