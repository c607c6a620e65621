import type { DocumentKind } from '../contract.ts';

// What an upload really is, from its first bytes; the file name and the declared type are not trusted.

export type DocumentContentType = 'application/pdf' | 'image/jpeg' | 'image/png' | 'image/webp';

const PNG = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
const ascii = (text: string): number[] => [...text].map((c) => c.charCodeAt(0));

function startsWith(bytes: Uint8Array, signature: readonly number[], offset = 0): boolean {
  if (bytes.length < offset + signature.length) return false;
  return signature.every((byte, i) => bytes[offset + i] === byte);
}

export function detectContentType(bytes: Uint8Array): DocumentContentType | undefined {
  if (startsWith(bytes, ascii('%PDF-'))) return 'application/pdf';
  if (startsWith(bytes, [0xff, 0xd8, 0xff])) return 'image/jpeg';
  if (startsWith(bytes, PNG)) return 'image/png';
  if (startsWith(bytes, ascii('RIFF')) && startsWith(bytes, ascii('WEBP'), 8)) return 'image/webp';
  return undefined;
}

const IMAGES: readonly DocumentContentType[] = ['image/jpeg', 'image/png', 'image/webp'];

/** Why a file of this content may not be stored as this kind of document; undefined when it may. */
export function uploadProblem(kind: DocumentKind, contentType: DocumentContentType | undefined): string | undefined {
  if (contentType === undefined) return 'Only PDF, JPEG, PNG and WebP files are accepted (checked by content, not name)';
  if (kind === 'PHOTO' && !IMAGES.includes(contentType)) return 'A PHOTO must be a JPEG, PNG or WebP image';
  return undefined;
}

export const EXTENSIONS: Readonly<Record<DocumentContentType, string>> = {
  'application/pdf': '.pdf',
  'image/jpeg': '.jpg',
  'image/png': '.png',
  'image/webp': '.webp',
};
