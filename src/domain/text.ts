// Text rules shared by both APIs: the REST DTO decorators (src/ingestion/validation/) and the
// GraphQL argument check (src/dashboard/limits/) refuse the same characters with the same reason.

// Control characters (C0, DEL, C1) never belong in a value.
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u001f\u007f-\u009f]/;
// Free text may hold line breaks and tabs, nothing else below U+0020.
// eslint-disable-next-line no-control-regex
const TEXT_CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f]/;

export const CONTROL_CHARACTERS_REASON = 'must not contain control characters';

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
