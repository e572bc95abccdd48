import type { Readable } from 'node:stream';

/** Where the bytes of an upload come from: a finished temporary file (path) or a stream. */
export type BlobSource = string | Readable;

/**
 * Content-addressed storage of evidence files: one blob per sha256, whatever the number of
 * uploads of the same bytes. The database (file_object) says which blobs are in use.
 */
export interface BlobStore {
  /** 'local' or 's3', for logs and the health of the configuration. */
  readonly kind: string;
  /** Where uploads are received before put (local: beside the blobs, so that put is a rename). */
  readonly incomingDir: string;
  /** Prepares the store (directories, bucket); fails with a clear message when it cannot. */
  init(): Promise<void>;
  /**
   * Stores the bytes under their sha256 unless a blob is already there; answers whether it
   * wrote one. A path source may be moved into place (the caller removes it with force).
   */
  put(sha256: string, source: BlobSource, size: number): Promise<boolean>;
  /** The bytes; rejects with BlobMissingError when there is no such blob. */
  get(sha256: string): Promise<Readable>;
  has(sha256: string): Promise<boolean>;
  /** Removes the blob; a missing blob is not an error. */
  delete(sha256: string): Promise<void>;
}

export const BLOB_STORE = Symbol('BLOB_STORE');

export class BlobMissingError extends Error {
  constructor(readonly sha256: string) {
    super(`blob ${sha256} is missing from the file store`);
    this.name = 'BlobMissingError';
  }
}

export const SHA256_PATTERN = /^[0-9a-f]{64}$/;

/** Guards every store entry point: a key is always a lower-case sha256 (never a path). */
export function checkedSha256(sha256: string): string {
  if (!SHA256_PATTERN.test(sha256)) throw new Error(`not a sha256: ${JSON.stringify(sha256)}`);
  return sha256;
}
