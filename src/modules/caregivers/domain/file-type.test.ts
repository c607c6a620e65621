import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { detectContentType, uploadProblem } from './file-type.ts';

const bytes = (...parts: (string | number[])[]) =>
  Buffer.concat(parts.map((p) => (typeof p === 'string' ? Buffer.from(p, 'latin1') : Buffer.from(p))));

describe('detectContentType', () => {
  it.each([
    ['PDF', bytes('%PDF-1.7\n%\xe2\xe3'), 'application/pdf'],
    ['JPEG (JFIF)', bytes([0xff, 0xd8, 0xff, 0xe0, 0, 0x10]), 'image/jpeg'],
    ['JPEG (Exif)', bytes([0xff, 0xd8, 0xff, 0xe1]), 'image/jpeg'],
    ['PNG', bytes([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]), 'image/png'],
    ['WebP', bytes('RIFF', [0x24, 0, 0, 0], 'WEBPVP8 '), 'image/webp'],
  ])('recognises %s', (_name, content, expected) => {
    expect(detectContentType(content)).toBe(expected);
  });

  it.each([
    ['empty', bytes()],
    ['text', bytes('hello, this is not a pdf')],
    ['PDF without the dash', bytes('%PDF')],
    ['truncated JPEG', bytes([0xff, 0xd8])],
    ['PNG with a broken signature', bytes([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0b])],
    ['RIFF that is a WAV', bytes('RIFF', [0x24, 0, 0, 0], 'WAVEfmt ')],
    ['RIFF too short', bytes('RIFF', [0, 0, 0, 0], 'WEB')],
    ['GIF', bytes('GIF89a')],
    ['ZIP', bytes('PK', [3, 4])],
    ['HTML', bytes('<html><script>')],
    ['a PDF signature not at the start', bytes(' %PDF-1.4')],
  ])('refuses %s', (_name, content) => {
    expect(detectContentType(content)).toBeUndefined();
  });

  it('never throws and only answers one of the four types', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 32 }), (content) => {
        expect([undefined, 'application/pdf', 'image/jpeg', 'image/png', 'image/webp']).toContain(detectContentType(content));
      }),
    );
  });
});

describe('uploadProblem', () => {
  it('accepts the four types for documents and only images as a photo', () => {
    for (const kind of ['CERTIFICATE', 'ID_CARD', 'OTHER'] as const) {
      for (const type of ['application/pdf', 'image/jpeg', 'image/png', 'image/webp'] as const) {
        expect(uploadProblem(kind, type)).toBeUndefined();
      }
    }
    expect(uploadProblem('PHOTO', 'image/png')).toBeUndefined();
    expect(uploadProblem('PHOTO', 'application/pdf')).toMatch(/PHOTO must be/);
    expect(uploadProblem('CERTIFICATE', undefined)).toMatch(/Only PDF, JPEG, PNG and WebP/);
  });
});
