import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { createFieldCipher, parseEncryptionKey } from './crypto.ts';

describe('field cipher', () => {
  const cipher = createFieldCipher(randomBytes(32));

  it('round-trips text, with a fresh IV each time', () => {
    const a = cipher.encrypt('당뇨, 고혈압; 낙상 위험', 'r1');
    const b = cipher.encrypt('당뇨, 고혈압; 낙상 위험', 'r1');
    expect(a).not.toBe(b);
    expect(a).not.toContain('당뇨');
    expect(cipher.decrypt(a, 'r1')).toBe('당뇨, 고혈압; 낙상 위험');
  });

  it('refuses a value moved to another row, tampered with, or read with another key', () => {
    const stored = cipher.encrypt('secret', 'r1');
    expect(() => cipher.decrypt(stored, 'r2')).toThrow();
    const parts = stored.split('.');
    const flipped = Buffer.from(parts[3]!, 'base64url');
    flipped[0]! ^= 1;
    expect(() => cipher.decrypt([parts[0], parts[1], parts[2], flipped.toString('base64url')].join('.'), 'r1')).toThrow();
    expect(() => createFieldCipher(randomBytes(32)).decrypt(stored, 'r1')).toThrow();
    expect(() => cipher.decrypt('plain text', 'r1')).toThrow('not an encrypted value');
  });

  it('takes 32-byte keys in base64 or base64url only', () => {
    expect(parseEncryptionKey(randomBytes(32).toString('base64'))).toHaveLength(32);
    expect(parseEncryptionKey(randomBytes(32).toString('base64url'))).toHaveLength(32);
    expect(parseEncryptionKey(randomBytes(16).toString('base64'))).toBeUndefined();
    expect(() => createFieldCipher(randomBytes(16))).toThrow();
  });
});
