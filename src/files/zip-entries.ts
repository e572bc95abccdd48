import type { FileHandle } from 'node:fs/promises';

const END_OF_CENTRAL_DIRECTORY = 0x06054b50;
const CENTRAL_DIRECTORY_ENTRY = 0x02014b50;
// The end record is 22 bytes followed by a comment of up to 65,535 bytes.
const END_SEARCH_BYTES = 22 + 0xffff;
// More entry names than any OFD, DOCX or XLSX needs to be recognised; the rest is not read.
const MAX_ENTRIES = 10_000;

/**
 * The entry names of a ZIP archive, read from its central directory (the end of the file),
 * without inflating anything; null when the archive is damaged or uses ZIP64 (over 4 GiB,
 * far beyond any accepted upload).
 */
export async function zipEntryNames(file: FileHandle, size: number): Promise<string[] | null> {
  const tailLength = Math.min(size, END_SEARCH_BYTES);
  const tail = await readAt(file, size - tailLength, tailLength);
  let end = -1;
  for (let i = tail.length - 22; i >= 0; i--) {
    if (tail.readUInt32LE(i) === END_OF_CENTRAL_DIRECTORY) {
      end = i;
      break;
    }
  }
  if (end < 0) return null;
  const entries = tail.readUInt16LE(end + 10);
  const directorySize = tail.readUInt32LE(end + 12);
  const directoryOffset = tail.readUInt32LE(end + 16);
  if (directoryOffset + directorySize > size - tailLength + end) return null;
  const directory = await readAt(file, directoryOffset, directorySize);
  const names: string[] = [];
  for (let at = 0, n = 0; n < Math.min(entries, MAX_ENTRIES); n++) {
    if (at + 46 > directory.length || directory.readUInt32LE(at) !== CENTRAL_DIRECTORY_ENTRY) return null;
    const nameLength = directory.readUInt16LE(at + 28);
    const next = at + 46 + nameLength + directory.readUInt16LE(at + 30) + directory.readUInt16LE(at + 32);
    if (next > directory.length) return null;
    names.push(directory.toString('utf8', at + 46, at + 46 + nameLength));
    at = next;
  }
  return names;
}

async function readAt(file: FileHandle, position: number, length: number): Promise<Buffer> {
  const buffer = Buffer.alloc(length);
  const { bytesRead } = await file.read(buffer, 0, length, position);
  return buffer.subarray(0, bytesRead);
}
