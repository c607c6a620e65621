import { join } from 'node:path';
import type { Config } from '../config.ts';
import { createLocalStorage } from './local-storage.ts';
import type { FileStorage } from './storage.ts';

export type { FileStorage, StoredFile } from './storage.ts';

/**
 * STORAGE=s3 uses the configured bucket; the default keeps files under `<DATA_DIR>/files`. The AWS SDK is
 * imported only for S3 (decision 0031: the embedded process does not carry it).
 */
export async function createFileStorage(config: Config): Promise<FileStorage> {
  const { storage } = config;
  if (storage.kind === 'local') return createLocalStorage(join(config.dataDir, 'files'));
  // loadConfig already demands S3_BUCKET for STORAGE=s3; this guards configs built by hand.
  if (!storage.s3Bucket) throw new TypeError('STORAGE=s3 needs S3_BUCKET');
  const { createS3Storage } = await import('./s3-storage.ts');
  return createS3Storage({
    bucket: storage.s3Bucket,
    endpoint: storage.s3Endpoint,
    region: storage.s3Region,
    accessKeyId: storage.s3AccessKeyId,
    secretAccessKey: storage.s3SecretAccessKey,
    forcePathStyle: storage.s3ForcePathStyle,
  });
}
