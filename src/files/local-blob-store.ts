import { randomBytes } from 'node:crypto';
import { createReadStream, createWriteStream } from 'node:fs';
import { access, copyFile, mkdir, rename, rm } from 'node:fs/promises';
import path from 'node:path';
import type { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { BlobMissingError, checkedSha256, type BlobSource, type BlobStore } from './blob-store.js';

/**
 * Blobs in a directory: `<root>/ab/cd/<sha256>`. A blob appears by an atomic rename from
 * `<root>/.incoming`, so a reader never sees half a file and a crash leaves only a
 * temporary file behind.
 */
export class LocalBlobStore implements BlobStore {
  readonly kind = 'local';
  readonly root: string;

  constructor(root: string) {
    this.root = path.resolve(root);
  }

  /** Where uploads are received: on the same file system as the blobs, so that put is a rename. */
  get incomingDir(): string {
    return path.join(this.root, '.incoming');
  }

  async init(): Promise<void> {
    try {
      await mkdir(this.incomingDir, { recursive: true });
    } catch (error) {
      throw new Error(`FILES_DIR: cannot create the evidence file directory ${this.root}: ${(error as Error).message}`, { cause: error });
    }
  }

  pathOf(sha256: string): string {
    checkedSha256(sha256);
    return path.join(this.root, sha256.slice(0, 2), sha256.slice(2, 4), sha256);
  }

  async put(sha256: string, source: BlobSource, _size: number): Promise<boolean> {
    const target = this.pathOf(sha256);
    if (await this.has(sha256)) return false;
    await mkdir(path.dirname(target), { recursive: true });
    if (typeof source === 'string') {
      try {
        await rename(source, target);
        return true;
      } catch (error) {
        // Another file system (EXDEV): copy next to the target first, then rename.
        if ((error as NodeJS.ErrnoException).code !== 'EXDEV') throw error;
      }
    }
    const temp = path.join(this.incomingDir, `${sha256}.${randomBytes(6).toString('hex')}.part`);
    try {
      if (typeof source === 'string') await copyFile(source, temp);
      else await pipeline(source, createWriteStream(temp, { flags: 'wx' }));
      await rename(temp, target);
    } finally {
      await rm(temp, { force: true });
    }
    return true;
  }

  async get(sha256: string): Promise<Readable> {
    const file = this.pathOf(sha256);
    if (!(await this.has(sha256))) throw new BlobMissingError(sha256);
    return createReadStream(file);
  }

  async has(sha256: string): Promise<boolean> {
    const file = this.pathOf(sha256);
    try {
      await access(file);
      return true;
    } catch {
      return false;
    }
  }

  async delete(sha256: string): Promise<void> {
    await rm(this.pathOf(sha256), { force: true });
  }
}
