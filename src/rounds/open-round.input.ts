// Checking openRound's input: every problem at once, each with its path (input.<field>).
// What needs the database (the province, the star policy) is checked by RoundsService.
import type { FieldProblem } from '../common/errors/domain-error.js';
import { charLength, textCharacterProblem } from '../domain/text.js';
import { isIsoDate } from '../domain/dates.js';
import type { IsoDate } from '../domain/station-data.js';
import { caseSampleFrom } from '../scoring/engine/windows.js';
import { ROUND_LEVELS, type RoundLevel } from './round-status.js';

export const PUBLICATION_DAYS = { min: 1, max: 60 } as const;
export const ROUND_NAME_MAX = 100;

/** openRound's input as the API layers pass it (GraphQL gives the deadline as a Date). */
export interface OpenRoundInput {
  provinceCode: string;
  name: string;
  level: string;
  cutOff: string;
  caseSampleFrom?: string | null;
  caseSampleTo?: string | null;
  applicationDeadline: Date | string;
  publicationDays: number;
}

/** The checked input, with the case sample filled in. */
export interface OpenRoundTerms {
  provinceCode: string;
  name: string;
  level: RoundLevel;
  cutOff: IsoDate;
  caseSampleFrom: IsoDate;
  caseSampleTo: IsoDate;
  applicationDeadline: Date;
  publicationDays: number;
}

export interface OpenRoundClock {
  /** Today in the service's time zone: the cut-off may not be after it. */
  today: IsoDate;
  /** The deadline must be after it. */
  now: Date;
  /** The rubric's case sample length (caseSampleMonths), for the default window. */
  caseSampleMonths: number;
}

/** The checked terms, or the list of problems (never both). */
export function checkOpenRound(input: OpenRoundInput, clock: OpenRoundClock): { terms: OpenRoundTerms; problems: [] } | { terms: null; problems: FieldProblem[] } {
  const problems: FieldProblem[] = [];
  const problem = (field: string, reason: string) => problems.push({ path: `input.${field}`, reason });

  const name = typeof input.name === 'string' ? input.name.trim() : '';
  const nameCharacters = typeof input.name === 'string' ? textCharacterProblem(input.name) : null;
  if (nameCharacters !== null) problem('name', nameCharacters);
  else if (name.length === 0) problem('name', 'must not be blank');
  else if (charLength(name) > ROUND_NAME_MAX) problem('name', `at most ${ROUND_NAME_MAX} characters`);

  if (!(ROUND_LEVELS as readonly string[]).includes(input.level)) problem('level', `one of ${ROUND_LEVELS.join(', ')}`);

  const cutOff = isIsoDate(input.cutOff) ? input.cutOff : null;
  if (cutOff === null) problem('cutOff', 'a calendar date YYYY-MM-DD');
  else if (cutOff > clock.today) problem('cutOff', `must not be after today (${clock.today})`);

  const sampleFrom = optionalDate(input.caseSampleFrom, 'caseSampleFrom', problem);
  const sampleTo = optionalDate(input.caseSampleTo, 'caseSampleTo', problem);
  let from: IsoDate | null = null;
  let to: IsoDate | null = null;
  if (cutOff !== null && sampleFrom !== undefined && sampleTo !== undefined) {
    from = sampleFrom ?? caseSampleFrom(cutOff, clock.caseSampleMonths);
    to = sampleTo ?? cutOff;
    if (to > cutOff) problem('caseSampleTo', `must not be after the cut-off (${cutOff})`);
    else if (from > to) problem('caseSampleFrom', `must not be after the end of the case sample (${to})`);
  }

  const deadline = input.applicationDeadline instanceof Date ? input.applicationDeadline : typeof input.applicationDeadline === 'string' ? new Date(input.applicationDeadline) : null;
  if (deadline === null || Number.isNaN(deadline.getTime())) problem('applicationDeadline', 'an ISO 8601 date-time, e.g. 2026-07-31T17:00:00+08:00');
  else if (deadline.getTime() <= clock.now.getTime()) problem('applicationDeadline', 'must be in the future');

  if (!Number.isInteger(input.publicationDays) || input.publicationDays < PUBLICATION_DAYS.min || input.publicationDays > PUBLICATION_DAYS.max) {
    problem('publicationDays', `a whole number of days from ${PUBLICATION_DAYS.min} to ${PUBLICATION_DAYS.max}`);
  }

  if (problems.length > 0 || cutOff === null || from === null || to === null || deadline === null) return { terms: null, problems };
  return {
    terms: { provinceCode: input.provinceCode, name, level: input.level as RoundLevel, cutOff, caseSampleFrom: from, caseSampleTo: to, applicationDeadline: deadline, publicationDays: input.publicationDays },
    problems: [],
  };
}

/** null when absent (the default applies), undefined when malformed (a problem is recorded). */
function optionalDate(value: string | null | undefined, field: string, problem: (field: string, reason: string) => void): IsoDate | null | undefined {
  if (value === null || value === undefined) return null;
  if (isIsoDate(value)) return value;
  problem(field, 'a calendar date YYYY-MM-DD');
  return undefined;
}
