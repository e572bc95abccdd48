import { createHash, randomBytes } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { mkdir, rm } from 'node:fs/promises';
import path from 'node:path';
import { Transform, type Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { MultipartFile, MultipartValue } from '@fastify/multipart';
import type { FastifyRequest } from 'fastify';
import { DomainError, type FieldProblem } from '../common/errors/domain-error.js';
import { charLength, textCharacterProblem } from '../domain/text.js';

/** An upload received into a temporary file, hashed and measured on the way. */
export interface ReceivedUpload {
  tempPath: string;
  sha256: string;
  size: number;
  name: string;
  /** Removes the temporary file (when the store did not move it). */
  discard(): Promise<void>;
}

export const FILE_PART = 'file';
const MAX_NAME_CHARACTERS = 255;

/** More parts than this is not an upload of one file; the request is refused without reading on. */
const PART_LIMITS = { parts: 8, files: 4, fields: 4, fieldSize: 4096, headerPairs: 32 };

export function payloadTooLarge(maxBytes: number): DomainError {
  return new DomainError('PAYLOAD_TOO_LARGE', `the file is larger than ${maxBytes} bytes (${formatMiB(maxBytes)}); nothing was stored`);
}

function formatMiB(bytes: number): string {
  return `${Math.round((bytes / 1024 / 1024) * 100) / 100} MiB`;
}

/**
 * Reads a multipart/form-data request that must hold exactly one file part named `file`:
 * streams it to a temporary file in `dir` while computing its sha256 and size, stopping at
 * `maxBytes` (413, nothing kept). Every other problem is a 400 naming the part.
 */
export async function receiveUpload(request: FastifyRequest, dir: string, maxBytes: number): Promise<ReceivedUpload> {
  await mkdir(dir, { recursive: true });
  const problems: FieldProblem[] = [];
  let upload: ReceivedUpload | null = null;
  try {
    for await (const part of request.parts({ limits: { ...PART_LIMITS, fileSize: maxBytes + 1 } })) {
      if (part.type === 'file' && part.fieldname === FILE_PART && upload === null) {
        upload = await receiveFile(part, dir, maxBytes);
        continue;
      }
      problems.push(extraPartProblem(part, upload !== null));
      if (part.type === 'file') await drain(part.file);
    }
  } catch (error) {
    await upload?.discard();
    throw multipartError(error, maxBytes);
  }
  if (upload === null) problems.push({ path: FILE_PART, reason: 'a part named "file" holding the file (with a filename) is required' });
  if (upload !== null) problems.push(...uploadProblems(upload));
  if (problems.length > 0) {
    await upload?.discard();
    throw DomainError.badInput('the upload must be exactly one part named "file" holding a non-empty file with a readable name; nothing was stored', problems);
  }
  return upload as ReceivedUpload;
}

function extraPartProblem(part: MultipartFile | MultipartValue, fileSeen: boolean): FieldProblem {
  if (part.fieldname === FILE_PART && part.type === 'file' && fileSeen) return { path: FILE_PART, reason: 'only one file per upload: send one request per file' };
  if (part.fieldname === FILE_PART) return { path: FILE_PART, reason: 'the part "file" must be a file part (Content-Disposition with a filename)' };
  return { path: safePath(part.fieldname), reason: 'unexpected part: the upload has exactly one part, named "file"' };
}

function safePath(name: string): string {
  return name.length > 64 || textCharacterProblem(name) !== null ? '(unnamed part)' : name;
}

function uploadProblems(upload: ReceivedUpload): FieldProblem[] {
  const problems: FieldProblem[] = [];
  if (upload.size === 0) problems.push({ path: FILE_PART, reason: 'the file is empty' });
  const nameProblem = fileNameProblem(upload.name);
  if (nameProblem !== null) problems.push({ path: `${FILE_PART}.filename`, reason: nameProblem });
  return problems;
}

/** The rules of a stored file name: the text rules of the API, trimmed, at most 255 characters. */
export function fileNameProblem(name: string): string | null {
  if (name.trim() === '') return 'the file name must not be blank';
  if (name !== name.trim()) return 'the file name must not start or end with spaces';
  if (charLength(name) > MAX_NAME_CHARACTERS) return `the file name must be at most ${MAX_NAME_CHARACTERS} characters`;
  if (name === '.' || name === '..') return 'the file name must name a file';
  return textCharacterProblem(name);
}

async function receiveFile(part: MultipartFile, dir: string, maxBytes: number): Promise<ReceivedUpload> {
  const tempPath = path.join(dir, `upload-${randomBytes(12).toString('hex')}.part`);
  const discard = () => rm(tempPath, { force: true });
  const hash = createHash('sha256');
  let size = 0;
  const measure = new Transform({
    transform(chunk: Buffer, _encoding, done) {
      size += chunk.length;
      if (size > maxBytes) return done(payloadTooLarge(maxBytes));
      hash.update(chunk);
      done(null, chunk);
    },
  });
  try {
    await pipeline(part.file, measure, createWriteStream(tempPath, { flags: 'wx' }));
    // Busboy stops at the plugin's limit and marks the stream truncated instead of failing it.
    if (part.file.truncated) throw payloadTooLarge(maxBytes);
  } catch (error) {
    await discard();
    throw error;
  }
  return { tempPath, sha256: hash.digest('hex'), size, name: partFileName(part.filename), discard };
}

/**
 * Browsers (WHATWG multipart/form-data encoding) and form-data libraries send a `"` in a
 * file name as %22, which busboy leaves as it is; the name the user chose had a quote.
 */
function partFileName(filename: string): string {
  return filename.replace(/%22/g, '"');
}

async function drain(stream: Readable): Promise<void> {
  stream.resume();
  await new Promise<void>((resolve) => {
    stream.once('end', resolve);
    stream.once('close', resolve);
    stream.once('error', () => resolve());
  });
}

interface PluginError {
  code?: string;
  statusCode?: number;
  message?: string;
}

/** The multipart plugin's and busboy's errors as the API's own. */
function multipartError(error: unknown, maxBytes: number): unknown {
  if (error instanceof DomainError) return error;
  const e = error as PluginError;
  switch (e?.code) {
    case 'FST_REQ_FILE_TOO_LARGE':
      return payloadTooLarge(maxBytes);
    case 'FST_PARTS_LIMIT':
    case 'FST_FILES_LIMIT':
    case 'FST_FIELDS_LIMIT':
      return DomainError.badInput('too many parts: the upload has exactly one part, named "file"', [{ path: FILE_PART, reason: 'send one part named "file" and nothing else' }]);
    case 'FST_INVALID_MULTIPART_CONTENT_TYPE':
      return new DomainError('UNSUPPORTED_MEDIA_TYPE', 'Content-Type must be multipart/form-data');
  }
  if (e?.code?.startsWith('FST_') || /multipart|boundary|terminated early|Unexpected end of form/i.test(e?.message ?? '')) {
    return DomainError.badInput(`malformed multipart/form-data body: ${e?.message ?? 'unreadable'}`, [{ path: FILE_PART, reason: 'the multipart body could not be read' }]);
  }
  return error;
}
