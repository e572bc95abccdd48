// The digest of a collection of rows from its rows' stored digests (StationFactDigests):
// sha256 over the row digests in code-unit order, joined by '\n', as lowercase hex. The
// facts loader computes the same value in SQL (string_agg … ORDER BY … COLLATE "C", then
// sha256); a test holds the two equal.
import { createHash } from 'node:crypto';
import type { CollectionDigest } from './facts.js';

/** Code-unit order, as Array.prototype.sort without a comparator (ASCII: byte order). */
function sortedCopy(rowDigests: readonly string[]): string[] {
  return rowDigests.slice().sort();
}

/** The collection digest of rows with these stored digests (any order; duplicates count). */
export function collectionDigest(rowDigests: readonly string[]): CollectionDigest {
  const digest = createHash('sha256').update(sortedCopy(rowDigests).join('\n'), 'utf8').digest('hex');
  return { rows: rowDigests.length, digest };
}
