import { contentDisposition } from '../forms/download.js';
import type { FileDescriptor } from './file-attachments.js';

/**
 * `Content-Disposition: attachment` with the original name (UTF-8, RFC 6266/8187) and an
 * ASCII fallback for old clients: the name's ASCII characters, or `file-<id>` with the
 * original extension when hardly any are left (a Chinese name).
 */
export function fileContentDisposition(file: Pick<FileDescriptor, 'id' | 'name'>): string {
  return contentDisposition({ fileName: file.name, asciiName: asciiFallback(file) });
}

function asciiFallback(file: Pick<FileDescriptor, 'id' | 'name'>): string {
  const dot = file.name.lastIndexOf('.');
  const extension = dot > 0 && /^\.[A-Za-z0-9]{1,8}$/.test(file.name.slice(dot)) ? file.name.slice(dot) : '';
  const stem = extension ? file.name.slice(0, dot) : file.name;
  const asciiStem = stem.replace(/[^\x20-\x7e]+/g, '_').replace(/["\\]/g, '_');
  const meaningful = asciiStem.replace(/[^A-Za-z0-9]/g, '').length;
  return meaningful >= Math.max(1, Math.ceil(stem.length / 2)) ? `${asciiStem}${extension}` : `file-${file.id.slice(0, 8)}${extension}`;
}
