import { randomBytes, randomUUID } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import type { FileStorage } from './storage.ts';

// The behaviour every FileStorage must show, so code tested against local files holds on S3.

/** Defines the contract suite; `create` runs once, and every test writes under keys of its own. */
export function describeStorageContract(name: string, create: () => FileStorage | Promise<FileStorage>): void {
  describe(`FileStorage contract: ${name}`, () => {
    let storage: FileStorage;
    beforeAll(async () => {
      storage = await create();
    });
    const key = (leaf = 'file'): string => `caregivers/${randomUUID()}/documents/${leaf}`;

    it('round-trips binary data with its content type and size', async () => {
      const body = Buffer.from(Array.from({ length: 512 }, (_, i) => i % 256));
      const k = key();
      await storage.put(k, body, 'application/pdf');
      const file = await storage.get(k);
      expect(file?.body.equals(body)).toBe(true);
      expect(file?.contentType).toBe('application/pdf');
      expect(file?.size).toBe(512);
      expect(Buffer.isBuffer(file?.body)).toBe(true);
    });

    it('round-trips a 10 MB file', async () => {
      const body = randomBytes(10 * 1024 * 1024);
      const k = key('scan.jpg');
      await storage.put(k, body, 'image/jpeg');
      const file = await storage.get(k);
      expect(file?.size).toBe(body.length);
      expect(file?.body.equals(body)).toBe(true);
      expect(file?.contentType).toBe('image/jpeg');
    });

    it('stores an empty file and content types with parameters', async () => {
      const k = key('note.txt');
      await storage.put(k, Buffer.alloc(0), 'text/plain; charset=utf-8');
      const file = await storage.get(k);
      expect(file?.size).toBe(0);
      expect(file?.body.length).toBe(0);
      expect(file?.contentType).toBe('text/plain; charset=utf-8');
    });

    it('gives undefined for a missing key, and for a prefix of other keys', async () => {
      expect(await storage.get(key())).toBeUndefined();
      const folder = `caregivers/${randomUUID()}`;
      await storage.put(`${folder}/documents/a`, Buffer.from('a'), 'text/plain');
      expect(await storage.get(folder)).toBeUndefined();
      expect(await storage.get(`${folder}/documents`)).toBeUndefined();
    });

    it('overwrites the body and the content type', async () => {
      const k = key();
      await storage.put(k, Buffer.from('first version, longer than the second'), 'text/plain');
      await storage.put(k, Buffer.from('second'), 'application/json');
      const file = await storage.get(k);
      expect(file?.body.toString()).toBe('second');
      expect(file?.contentType).toBe('application/json');
      expect(file?.size).toBe(6);
    });

    it('deletes, and deleting a missing key or a prefix of other keys is fine', async () => {
      const k = key();
      await storage.put(k, Buffer.from('x'), 'text/plain');
      await storage.delete(k);
      expect(await storage.get(k)).toBeUndefined();
      await storage.delete(k);
      const folder = `caregivers/${randomUUID()}`;
      await storage.put(`${folder}/documents/a`, Buffer.from('a'), 'text/plain');
      await storage.delete(`${folder}/documents`);
      expect((await storage.get(`${folder}/documents/a`))?.body.toString()).toBe('a');
      await storage.put(k, Buffer.from('back'), 'text/plain');
      expect((await storage.get(k))?.body.toString()).toBe('back');
    });

    it('keeps keys that differ only in case or punctuation apart', async () => {
      const base = `caregivers/${randomUUID()}/documents`;
      const keys = [`${base}/Doc`, `${base}/doc`, `${base}/doc.pdf`, `${base}/doc-pdf`, `${base}/doc_pdf`];
      await Promise.all(keys.map((k) => storage.put(k, Buffer.from(k), 'text/plain')));
      for (const k of keys) expect((await storage.get(k))?.body.toString()).toBe(k);
    });

    const badKeys = [
      '',
      '/caregivers/1/documents/2',
      'caregivers/../secrets',
      '..',
      'caregivers/1/..',
      'caregivers/1/documents/..hidden',
      'caregivers\\1\\documents\\2',
      'caregivers/1/documents/',
      'caregivers//documents/2',
      'caregivers/./documents/2',
      '.',
      'caregivers/1/documents/a b',
      'caregivers/1/documents/é',
      'caregivers/1/documents/a?b',
      'caregivers/1/documents/a%2e%2e',
      'caregivers/1/documents/a\0b',
      'caregivers/1/documents/a\nb',
      'caregivers/1/documents/2.meta.json',
      'a'.repeat(1025),
    ];

    it('rejects bad keys on every operation', async () => {
      for (const bad of badKeys) {
        await expect(storage.put(bad, Buffer.from('x'), 'text/plain'), JSON.stringify(bad)).rejects.toThrow(TypeError);
        await expect(storage.get(bad), JSON.stringify(bad)).rejects.toThrow(TypeError);
        await expect(storage.delete(bad), JSON.stringify(bad)).rejects.toThrow(TypeError);
      }
    });

    it('rejects content types that are not MIME types', async () => {
      const badTypes = [
        '',
        'pdf',
        'text/plain\r\nX-Injected: 1',
        'text/plain\nx',
        'text/plain\r\n; a=b',
        'text/plain; a="\r\n"',
        'a/b; c',
        'x'.repeat(300) + '/y',
      ];
      for (const bad of badTypes) {
        await expect(storage.put(key(), Buffer.from('x'), bad), JSON.stringify(bad)).rejects.toThrow(TypeError);
      }
    });

    it('answers ping', async () => {
      await storage.ping();
    });
  });
}
