import { createCipheriv, createDecipheriv, createSecretKey } from 'node:crypto';
import { pooledRandomBytes } from './random.ts';

// Field-level encryption for sensitive data at rest (patient health details, PIPA): AES-256-GCM with a
// random 96-bit IV per value. Stored as `v1.<iv>.<tag>.<ciphertext>` (base64url), so a later key or
// algorithm change can be told apart. `context` (e.g. the row id) is bound as additional data: a value
// copied onto another row does not decrypt. The key is imported once as a KeyObject (a Buffer key is
// imported again by every createCipheriv) and IVs come from a pooled CSPRNG buffer (random.ts, decision 0034).

export interface FieldCipher {
  encrypt(plaintext: string, context: string): string;
  decrypt(stored: string, context: string): string;
}

export function parseEncryptionKey(text: string): Buffer | undefined {
  const key = Buffer.from(text, /^[A-Za-z0-9_-]+$/.test(text) ? 'base64url' : 'base64');
  return key.length === 32 ? key : undefined;
}

export function createFieldCipher(key: Buffer): FieldCipher {
  if (key.length !== 32) throw new Error('the data encryption key must be 32 bytes');
  const secret = createSecretKey(key);
  return {
    encrypt(plaintext, context) {
      const iv = pooledRandomBytes(12);
      const cipher = createCipheriv('aes-256-gcm', secret, iv);
      cipher.setAAD(Buffer.from(context));
      const body = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]);
      return ['v1', iv.toString('base64url'), cipher.getAuthTag().toString('base64url'), body.toString('base64url')].join('.');
    },
    decrypt(stored, context) {
      const [version, iv, tag, body] = stored.split('.');
      if (version !== 'v1' || !iv || !tag || body === undefined) throw new Error('not an encrypted value');
      const decipher = createDecipheriv('aes-256-gcm', secret, Buffer.from(iv, 'base64url'));
      decipher.setAAD(Buffer.from(context));
      decipher.setAuthTag(Buffer.from(tag, 'base64url'));
      return Buffer.concat([decipher.update(Buffer.from(body, 'base64url')), decipher.final()]).toString('utf8');
    },
  };
}
