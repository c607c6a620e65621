import {
  DeleteObjectCommand,
  GetObjectCommand,
  HeadBucketCommand,
  PutObjectCommand,
  S3Client,
  S3ServiceException,
} from '@aws-sdk/client-s3';
import { assertValidContentType, assertValidKey, DEFAULT_CONTENT_TYPE, type FileStorage } from './storage.ts';

// Files in an S3 bucket, or on an S3-compatible server when `endpoint` is set.
//
// No ServerSideEncryption header is sent: AWS encrypts every new object with the bucket's default
// (SSE-S3 at least, or the KMS key the bucket is set to, which an explicit AES256 would override),
// and some S3-compatible servers reject the header.

export interface S3StorageOptions {
  readonly bucket: string;
  /** An S3-compatible server (MinIO, s3rver, ...); unset means AWS. */
  readonly endpoint?: string | undefined;
  readonly region: string;
  /** Both or neither; neither means the SDK's default chain (environment, instance role, ...). */
  readonly accessKeyId?: string | undefined;
  readonly secretAccessKey?: string | undefined;
  readonly forcePathStyle: boolean;
}

export function createS3Storage(options: S3StorageOptions): FileStorage {
  const { bucket, endpoint, accessKeyId, secretAccessKey } = options;
  if (!bucket) throw new TypeError('S3 storage needs a bucket');
  if ((accessKeyId === undefined) !== (secretAccessKey === undefined)) {
    throw new TypeError('S3 storage needs both an access key id and a secret access key, or neither');
  }
  const client = new S3Client({
    region: options.region,
    endpoint,
    forcePathStyle: options.forcePathStyle,
    credentials: accessKeyId && secretAccessKey ? { accessKeyId, secretAccessKey } : undefined,
    // S3-compatible servers often do not know the SDK's newer default checksums; AWS itself still
    // gets them, and checks each upload's Content-MD5/checksum when an operation requires one.
    ...(endpoint ? { requestChecksumCalculation: 'WHEN_REQUIRED', responseChecksumValidation: 'WHEN_REQUIRED' } : {}),
    // A storage outage should fail a request in seconds, not hang it (10 MB uploads still fit).
    requestHandler: { connectionTimeout: 5_000, requestTimeout: 60_000 },
    maxAttempts: 3,
  });

  return {
    kind: 's3',
    async put(key, body, contentType) {
      assertValidKey(key);
      assertValidContentType(contentType);
      await client.send(
        new PutObjectCommand({ Bucket: bucket, Key: key, Body: body, ContentType: contentType, ContentLength: body.length }),
      );
    },
    async get(key) {
      assertValidKey(key);
      try {
        const response = await client.send(new GetObjectCommand({ Bucket: bucket, Key: key }));
        if (response.Body === undefined) return undefined;
        const bytes = await response.Body.transformToByteArray();
        const body = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
        return { body, contentType: response.ContentType ?? DEFAULT_CONTENT_TYPE, size: body.length };
      } catch (error) {
        if (isNotFound(error)) return undefined;
        throw error;
      }
    },
    async delete(key) {
      assertValidKey(key);
      // S3 answers 204 for a missing key too, so deleting twice is fine.
      await client.send(new DeleteObjectCommand({ Bucket: bucket, Key: key }));
    },
    async ping() {
      // Proves the endpoint answers, the credentials are good and the bucket exists, without reading data.
      await client.send(new HeadBucketCommand({ Bucket: bucket }));
    },
  };
}

function isNotFound(error: unknown): boolean {
  if (!(error instanceof S3ServiceException)) return false;
  return error.name === 'NoSuchKey' || error.$metadata.httpStatusCode === 404;
}
