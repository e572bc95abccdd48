import { createReadStream } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Readable } from 'node:stream';
import {
  CreateBucketCommand,
  DeleteObjectCommand,
  GetObjectCommand,
  HeadBucketCommand,
  HeadObjectCommand,
  PutObjectCommand,
  S3Client,
  S3ServiceException,
} from '@aws-sdk/client-s3';
import type { FilesStorageConfig } from '../config/app-config.js';
import { BlobMissingError, checkedSha256, type BlobSource, type BlobStore } from './blob-store.js';

export type S3StorageConfig = Extract<FilesStorageConfig, { driver: 's3' }>;

/**
 * Blobs in an S3-compatible bucket (MinIO, Ceph RGW, cloud object stores), the object key
 * being the sha256. The bucket is created at start when it does not exist.
 */
export class S3BlobStore implements BlobStore {
  readonly kind = 's3';
  readonly incomingDir = path.join(tmpdir(), 'station-scorecard-uploads');
  private readonly client: S3Client;
  private readonly bucket: string;

  constructor(private readonly config: S3StorageConfig) {
    this.bucket = config.bucket;
    this.client = new S3Client({
      endpoint: config.endpoint ?? undefined,
      region: config.region,
      forcePathStyle: config.forcePathStyle,
      credentials: config.accessKeyId !== null && config.secretAccessKey !== null ? { accessKeyId: config.accessKeyId, secretAccessKey: config.secretAccessKey } : undefined,
      // Checksums only where an operation requires them: the SDK's default (a CRC32 trailer
      // in aws-chunked bodies) is not understood by every S3-compatible server.
      requestChecksumCalculation: 'WHEN_REQUIRED',
      responseChecksumValidation: 'WHEN_REQUIRED',
      maxAttempts: 3,
    });
  }

  async init(): Promise<void> {
    const where = `bucket ${this.bucket}${this.config.endpoint ? ` at ${this.config.endpoint}` : ''}`;
    try {
      await this.client.send(new HeadBucketCommand({ Bucket: this.bucket }));
      return;
    } catch (error) {
      if (statusOf(error) !== 404) throw new Error(`FILES_S3_*: cannot reach the evidence file ${where}: ${describe(error)}`, { cause: error });
    }
    try {
      await this.client.send(new CreateBucketCommand({ Bucket: this.bucket }));
    } catch (error) {
      const code = (error as { name?: string }).name;
      if (code !== 'BucketAlreadyOwnedByYou' && code !== 'BucketAlreadyExists') throw new Error(`FILES_S3_*: the evidence file ${where} does not exist and could not be created: ${describe(error)}`, { cause: error });
    }
  }

  async put(sha256: string, source: BlobSource, size: number): Promise<boolean> {
    if (await this.has(sha256)) return false;
    await this.client.send(
      new PutObjectCommand({
        Bucket: this.bucket,
        Key: checkedSha256(sha256),
        Body: typeof source === 'string' ? createReadStream(source) : source,
        ContentLength: size,
        ContentType: 'application/octet-stream',
      }),
    );
    return true;
  }

  async get(sha256: string): Promise<Readable> {
    try {
      const answer = await this.client.send(new GetObjectCommand({ Bucket: this.bucket, Key: checkedSha256(sha256) }));
      if (!(answer.Body instanceof Readable)) throw new Error(`the S3 answer for ${sha256} has no readable body`);
      return answer.Body;
    } catch (error) {
      if (statusOf(error) === 404) throw new BlobMissingError(sha256);
      throw error;
    }
  }

  async has(sha256: string): Promise<boolean> {
    try {
      await this.client.send(new HeadObjectCommand({ Bucket: this.bucket, Key: checkedSha256(sha256) }));
      return true;
    } catch (error) {
      if (statusOf(error) === 404) return false;
      throw error;
    }
  }

  async delete(sha256: string): Promise<void> {
    await this.client.send(new DeleteObjectCommand({ Bucket: this.bucket, Key: checkedSha256(sha256) }));
  }

  close(): void {
    this.client.destroy();
  }
}

function statusOf(error: unknown): number | undefined {
  return error instanceof S3ServiceException ? error.$metadata.httpStatusCode : undefined;
}

function describe(error: unknown): string {
  if (error instanceof S3ServiceException) return `${error.name} (HTTP ${error.$metadata.httpStatusCode ?? '?'})${error.message && error.message !== 'UnknownError' ? `: ${error.message}` : ''}`;
  return error instanceof Error ? error.message : String(error);
}
