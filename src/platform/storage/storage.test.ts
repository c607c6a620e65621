import { mkdtemp, readdir, rm, stat, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Config } from '../config.ts';
import { createFileStorage } from './index.ts';
import { createLocalStorage } from './local-storage.ts';
import { createS3Storage } from './s3-storage.ts';
import { describeStorageContract } from './storage.suite.ts';

// s3rver, a real S3-compatible server in-process, ships no types: only what the tests use is typed here.
interface S3rverServer {
  run(): Promise<AddressInfo>;
  close(): Promise<void>;
}
type S3rverConstructor = new (options: {
  port: number;
  address: string;
  silent: boolean;
  directory: string;
  configureBuckets: { name: string }[];
}) => S3rverServer;
const S3rver = createRequire(import.meta.url)('s3rver') as S3rverConstructor;

const BUCKET = 'carenest-test';
// s3rver's fixed credentials; it checks request signatures against them.
const S3RVER_CREDENTIALS = { accessKeyId: 'S3RVER', secretAccessKey: 'S3RVER' };

const temps: string[] = [];
const tempDir = async (label: string): Promise<string> => {
  const dir = await mkdtemp(join(tmpdir(), `carenest-${label}-`));
  temps.push(dir);
  return dir;
};
afterAll(async () => {
  await Promise.all(temps.map((dir) => rm(dir, { recursive: true, force: true })));
});

let s3Endpoint: string;
let s3rver: S3rverServer | undefined;
beforeAll(async () => {
  s3rver = new S3rver({
    port: 0,
    address: '127.0.0.1',
    silent: true,
    directory: await tempDir('s3rver'),
    configureBuckets: [{ name: BUCKET }],
  });
  const { address, port } = await s3rver.run();
  s3Endpoint = `http://${address}:${port}`;
});
afterAll(async () => {
  await s3rver?.close();
});

const s3Options = (bucket = BUCKET) => ({
  bucket,
  endpoint: s3Endpoint,
  region: 'ap-northeast-2',
  forcePathStyle: true,
  ...S3RVER_CREDENTIALS,
});

describeStorageContract('local', async () => createLocalStorage(await tempDir('files')));
describeStorageContract('s3 (s3rver)', () => createS3Storage(s3Options()));

describe('local storage', () => {
  it('keeps files private to the service user and leaves no temp files', async () => {
    const root = join(await tempDir('files'), 'nested-root');
    const storage = createLocalStorage(root);
    await storage.put('caregivers/c1/documents/d1', Buffer.from('secret'), 'application/pdf');
    await storage.put('caregivers/c1/documents/d1', Buffer.from('secret v2'), 'application/pdf');
    const mode = async (path: string) => (await stat(path)).mode & 0o777;
    for (const dir of [root, join(root, 'caregivers'), join(root, 'caregivers/c1/documents')]) {
      expect(await mode(dir)).toBe(0o700);
    }
    expect(await mode(join(root, 'caregivers/c1/documents/d1'))).toBe(0o600);
    expect(await mode(join(root, 'caregivers/c1/documents/d1.meta.json'))).toBe(0o600);
    expect((await readdir(join(root, 'caregivers/c1/documents'))).sort()).toEqual(['d1', 'd1.meta.json']);
  });

  it('falls back to application/octet-stream when the sidecar is missing or broken', async () => {
    const root = await tempDir('files');
    const storage = createLocalStorage(root);
    await storage.put('a/b', Buffer.from('x'), 'image/png');
    await writeFile(join(root, 'a/b.meta.json'), '{not json');
    expect((await storage.get('a/b'))?.contentType).toBe('application/octet-stream');
    await rm(join(root, 'a/b.meta.json'));
    expect((await storage.get('a/b'))?.contentType).toBe('application/octet-stream');
  });

  it('creates its root on ping', async () => {
    const root = join(await tempDir('files'), 'not-yet');
    await createLocalStorage(root).ping();
    expect((await stat(root)).isDirectory()).toBe(true);
  });
});

describe('s3 storage', () => {
  it('fails ping for a bucket that does not exist', async () => {
    await expect(createS3Storage(s3Options('no-such-bucket')).ping()).rejects.toThrow();
  });

  // s3rver does not verify SigV4 signatures, so only an unknown key id can be shown to fail here.
  it('fails ping with an unknown access key id', async () => {
    const storage = createS3Storage({ ...s3Options(), accessKeyId: 'NOT-A-KEY', secretAccessKey: 'wrong' });
    await expect(storage.ping()).rejects.toThrow();
  });

  it('refuses half a set of credentials', () => {
    expect(() => createS3Storage({ ...s3Options(), secretAccessKey: undefined })).toThrow(TypeError);
  });
});

describe('createFileStorage', () => {
  it('keeps local files under <dataDir>/files', async () => {
    const dataDir = await tempDir('data');
    const storage = await createFileStorage({ dataDir, storage: { kind: 'local' } } as Config);
    expect(storage.kind).toBe('local');
    await storage.put('x/y', Buffer.from('z'), 'text/plain');
    expect((await stat(join(dataDir, 'files/x/y'))).isFile()).toBe(true);
  });

  it('uses the configured S3 bucket', async () => {
    const storage = await createFileStorage({
      dataDir: '/nonexistent',
      storage: {
        kind: 's3',
        s3Bucket: BUCKET,
        s3Endpoint,
        s3Region: 'ap-northeast-2',
        s3AccessKeyId: S3RVER_CREDENTIALS.accessKeyId,
        s3SecretAccessKey: S3RVER_CREDENTIALS.secretAccessKey,
        s3ForcePathStyle: true,
      },
    } as Config);
    expect(storage.kind).toBe('s3');
    await storage.ping();
  });
});
