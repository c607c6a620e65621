// Where uploaded files (caregiver documents, photos) live: a local directory for one instance,
// S3 (or an S3-compatible server) when several instances must see the same files.

export interface StoredFile {
  readonly body: Buffer;
  readonly contentType: string;
  readonly size: number;
}

export interface FileStorage {
  readonly kind: 'local' | 's3';
  put(key: string, body: Buffer, contentType: string): Promise<void>;
  get(key: string): Promise<StoredFile | undefined>;
  delete(key: string): Promise<void>;
  ping(): Promise<void>;
}

const KEY_SEGMENT = /^[A-Za-z0-9_.-]+$/;
const MAX_KEY_LENGTH = 1024; // S3's limit, in bytes; keys are ASCII here so characters = bytes
/** Local storage keeps `<file>.meta.json` beside each file, so no key may name one. */
const RESERVED_SUFFIX = '.meta.json';

/**
 * Keys look like `caregivers/<id>/documents/<id>`. Anything that could walk out of the storage root
 * or mean different things to a file system and to S3 is refused: `..`, a leading `/`, backslashes,
 * empty or `.` segments, characters outside `[A-Za-z0-9/_.-]`. Throws, since a bad key is a bug or an attack.
 */
export function assertValidKey(key: string): void {
  const problem = keyProblem(key);
  if (problem !== undefined) throw new TypeError(`storage key ${JSON.stringify(String(key).slice(0, 100))} ${problem}`);
}

function keyProblem(key: string): string | undefined {
  if (typeof key !== 'string' || key.length === 0) return 'is empty';
  if (key.length > MAX_KEY_LENGTH) return `is longer than ${MAX_KEY_LENGTH} characters`;
  if (key.includes('..')) return 'contains ".."';
  for (const segment of key.split('/')) {
    // An empty segment also catches a leading or trailing "/" and "//".
    if (!KEY_SEGMENT.test(segment)) return 'must be "/"-separated non-empty segments of [A-Za-z0-9_.-]';
    if (segment === '.') return 'has a "." segment';
    if (segment.endsWith(RESERVED_SUFFIX)) return `has a segment ending in ${RESERVED_SUFFIX}, which is reserved`;
  }
  return undefined;
}

/**
 * A MIME type with optional parameters, in printable ASCII only: nothing that could break out of an
 * HTTP header when the file is served or sent to S3 (quoted values: any printable but `"` and `\`).
 */
const CONTENT_TYPE = /^[A-Za-z0-9!#$&^_.+-]+\/[A-Za-z0-9!#$&^_.+-]+(?:[ \t]*;[ \t]*[A-Za-z0-9!#$&^_.+-]+=(?:[A-Za-z0-9!#$&^_.+-]+|"[ !#-[\]-~]*"))*$/;

export function assertValidContentType(contentType: string): void {
  if (typeof contentType !== 'string' || contentType.length > 255 || !CONTENT_TYPE.test(contentType)) {
    throw new TypeError(`content type ${JSON.stringify(String(contentType).slice(0, 100))} is not a valid MIME type`);
  }
}

export const DEFAULT_CONTENT_TYPE = 'application/octet-stream';
