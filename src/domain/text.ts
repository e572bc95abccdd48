// Text rules shared by both APIs: the REST DTO decorators (src/ingestion/validation/) and the
// GraphQL argument check (src/dashboard/limits/) refuse the same characters with the same
// reasons, and the OpenAPI patterns are built from the same character classes.

// Control characters (C0, DEL, C1) never belong in a value.
// eslint-disable-next-line no-control-regex
export const CONTROL = /[\u0000-\u001f\u007f-\u009f]/;
// Free text may hold line breaks and tabs, nothing else below U+0020.
// eslint-disable-next-line no-control-regex
export const TEXT_CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f]/;
// Invisible formatting characters make two names or keys look alike, or reorder what is
// displayed: soft hyphen, bidi marks, embeddings, overrides and isolates, zero-width
// characters, word joiners, the byte-order mark and the line and paragraph separators.
// Refused in keys and single-line texts; free multi-line texts may hold them (emoji
// sequences need U+200D).
export const INVISIBLE = /[\u00ad\u061c\u200b-\u200f\u2028-\u202e\u2060-\u2064\u2066-\u2069\ufeff]/;
// A UTF-16 surrogate without its pair (u flag: a valid pair is one code point, not matched).
export const LONE_SURROGATE = /[\ud800-\udfff]/u;

export const CONTROL_CHARACTERS_REASON = 'must not contain control characters';
export const INVISIBLE_REASON = 'must not contain invisible formatting characters (bidi controls, zero-width characters, U+00AD, U+2028, U+2029, U+FEFF)';
export const LONE_SURROGATE_REASON = 'must not contain a lone UTF-16 surrogate';

/** Length in characters as PostgreSQL counts them (code points, not UTF-16 units). */
export function charLength(value: string): number {
  let n = 0;
  for (const _ of value) n++;
  return n;
}

/** True when the text holds a control character; `multiline` text may hold tabs and line breaks. */
export function hasControlCharacters(value: string, multiline = false): boolean {
  return (multiline ? TEXT_CONTROL : CONTROL).test(value);
}

/**
 * Why a text may not be stored, or null: a control character, an invisible formatting
 * character (except in `multiline` free text) or a lone surrogate.
 */
export function textCharacterProblem(value: string, multiline = false): string | null {
  if (hasControlCharacters(value, multiline)) return CONTROL_CHARACTERS_REASON;
  if (!multiline && INVISIBLE.test(value)) return INVISIBLE_REASON;
  if (LONE_SURROGATE.test(value)) return LONE_SURROGATE_REASON;
  return null;
}
