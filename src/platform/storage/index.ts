import { join } from 'node:path';
import type { Config } from '../config.ts';
import { createLocalStorage } from './local-storage.ts';
import { createS3Storage } from './s3-storage.ts';
import type { FileStorage } from './storage.ts';

export type { FileStorage, StoredFile } from './storage.ts';

/** STORAGE=s3 uses the configured bucket; the default keeps files under `<DATA_DIR>/files`. */
export function createFileStorage(config: Config): FileStorage {
  const { storage } = config;
  if (storage.kind === 'local') return createLocalStorage(join(config.dataDir, 'files'));
  // loadConfig already demands S3_BUCKET for STORAGE=s3; this guards configs built by hand.
  if (!storage.s3Bucket) throw new TypeError('STORAGE=s3 needs S3_BUCKET');
  return createS3Storage({
    bucket: storage.s3Bucket,
    endpoint: storage.s3Endpoint,
    region: storage.s3Region,
    accessKeyId: storage.s3AccessKeyId,
    secretAccessKey: storage.s3SecretAccessKey,
    forcePathStyle: storage.s3ForcePathStyle,
  });
}
