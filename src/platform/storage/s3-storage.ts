import { Readable, Transform } from 'node:stream';
import { DeleteObjectCommand, GetObjectCommand, HeadObjectCommand, PutObjectCommand, S3Client, type S3ClientConfig } from '@aws-sdk/client-s3';
import { Upload } from '@aws-sdk/lib-storage';
import { getSignedUrl } from '@aws-sdk/s3-request-presigner';
import { notFound } from '../errors.js';
import { attachmentDisposition, storageKey, type FileStorage } from './storage.js';
import { RangeNotSatisfiable, rangeHeader, resolveRange, type ByteRange } from './byte-range.js';

export interface S3StorageConfig {
  bucket: string;
  region: string;
  /** An S3-compatible endpoint (MinIO, R2, a test fake); AWS itself when absent. */
  endpoint?: string;
  accessKeyId?: string;
  secretAccessKey?: string;
}

export function s3ClientConfig(config: S3StorageConfig): S3ClientConfig {
  return {
    region: config.region,
    // Without explicit keys the SDK's default chain applies (environment, instance role...).
    ...(config.accessKeyId && config.secretAccessKey
      ? { credentials: { accessKeyId: config.accessKeyId, secretAccessKey: config.secretAccessKey } }
      : {}),
    ...(config.endpoint
      ? {
          endpoint: config.endpoint,
          // MinIO-style servers serve buckets as paths, not as sub-domains.
          forcePathStyle: true,
          // The SDK's default CRC checksums (and aws-chunked uploads) are not understood by every
          // S3-compatible server; send them only where the operation requires one.
          requestChecksumCalculation: 'WHEN_REQUIRED',
          responseChecksumValidation: 'WHEN_REQUIRED',
        }
      : {}),
  };
}

function isMissing(error: unknown): boolean {
  const e = error as { name?: string; $metadata?: { httpStatusCode?: number } };
  return e.name === 'NoSuchKey' || e.name === 'NotFound' || e.$metadata?.httpStatusCode === 404;
}

/** Objects in one bucket. Buffers go up in one PutObject; streams through the SDK's multipart Upload. */
export function s3Storage(config: S3StorageConfig): FileStorage {
  const client = new S3Client(s3ClientConfig(config));
  const Bucket = config.bucket;

  /** A suffix range as first and last byte: not every S3-compatible server takes `bytes=-n`. */
  async function explicitRange(Key: string, range: ByteRange): Promise<ByteRange> {
    const head = await client.send(new HeadObjectCommand({ Bucket, Key }));
    const size = head.ContentLength ?? 0;
    const resolved = resolveRange(range, size);
    if (!resolved) throw new RangeNotSatisfiable(size);
    return resolved;
  }

  return {
    driver: 's3',

    async put(key, body, { contentType }) {
      const Key = storageKey(key);
      if (!(body instanceof Readable)) {
        await client.send(new PutObjectCommand({ Bucket, Key, Body: body, ContentType: contentType, ContentLength: body.byteLength }));
        return { key, size: body.byteLength, contentType };
      }
      let size = 0;
      const counted = body.pipe(
        new Transform({
          transform(chunk: Buffer, _encoding, callback) {
            size += chunk.length;
            callback(null, chunk);
          },
        }),
      );
      // pipe() does not forward errors: a failing source (e.g. an oversized upload) must fail the put.
      body.once('error', (error) => counted.destroy(error));
      await new Upload({ client, params: { Bucket, Key, Body: counted, ContentType: contentType } }).done();
      return { key, size, contentType };
    },

    async get(key, options = {}) {
      const Key = storageKey(key);
      try {
        const range = options.range && 'suffix' in options.range ? await explicitRange(Key, options.range) : options.range;
        const object = await client.send(new GetObjectCommand({ Bucket, Key, ...(range ? { Range: rangeHeader(range) } : {}) }));
        const served = /^bytes (\d+)-(\d+)\/(\d+)$/.exec(object.ContentRange ?? '');
        return {
          key,
          size: served ? Number(served[3]) : (object.ContentLength ?? 0),
          contentType: object.ContentType ?? 'application/octet-stream',
          body: object.Body as Readable,
          ...(served ? { range: { start: Number(served[1]), end: Number(served[2]) } } : {}),
        };
      } catch (error) {
        if (isMissing(error)) throw notFound('File');
        if ((error as { $metadata?: { httpStatusCode?: number } }).$metadata?.httpStatusCode === 416) {
          const head = await client.send(new HeadObjectCommand({ Bucket, Key }));
          throw new RangeNotSatisfiable(head.ContentLength ?? 0);
        }
        throw error;
      }
    },

    async exists(key) {
      try {
        await client.send(new HeadObjectCommand({ Bucket, Key: storageKey(key) }));
        return true;
      } catch (error) {
        if (isMissing(error)) return false;
        throw error;
      }
    },

    async delete(key) {
      await client.send(new DeleteObjectCommand({ Bucket, Key: storageKey(key) }));
    },

    async downloadUrl(key, options = {}) {
      const command = new GetObjectCommand({
        Bucket,
        Key: storageKey(key),
        ...(options.fileName ? { ResponseContentDisposition: attachmentDisposition(options.fileName) } : {}),
      });
      return getSignedUrl(client, command, { expiresIn: options.expiresInSeconds ?? 300 });
    },

    async close() {
      client.destroy();
    },
  };
}
