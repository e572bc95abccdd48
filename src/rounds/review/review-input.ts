// Argument rules of the reviewers' mutations: every problem is collected with its argument
// path, then one BAD_USER_INPUT lists them all (nothing is written before the checks pass).
import { DomainError, type FieldProblem } from '../../common/errors/domain-error.js';
import { isIsoDate } from '../../domain/dates.js';
import type { IsoDate } from '../../domain/station-data.js';
import { charLength, textCharacterProblem } from '../../domain/text.js';
import { findCriterion, type Rubric, type RubricCriterion } from '../../rubric/index.js';

export class Problems {
  readonly list: FieldProblem[] = [];

  add(path: string, reason: string): void {
    this.list.push({ path, reason });
  }

  /** BAD_USER_INPUT listing every problem, when there is one. */
  throwIfAny(what: string): void {
    if (this.list.length > 0) throw DomainError.badInput(`${what} is not valid`, this.list);
  }

  /** Trimmed non-blank text of at most `max` characters without control or invisible characters; null when wrong. */
  text(value: unknown, path: string, max: number, options: { multiline?: boolean; blankAllowed?: boolean } = {}): string | null {
    if (typeof value !== 'string') {
      this.add(path, 'must be a string');
      return null;
    }
    const problem = textCharacterProblem(value, options.multiline ?? false);
    if (problem !== null) {
      this.add(path, problem);
      return null;
    }
    const text = value.trim();
    if (text.length === 0 && !options.blankAllowed) {
      this.add(path, 'must not be blank');
      return null;
    }
    if (charLength(text) > max) {
      this.add(path, `at most ${max} characters`);
      return null;
    }
    return text;
  }

  /** A YYYY-MM-DD date, not after `latest` when given. */
  date(value: unknown, path: string, latest?: IsoDate): IsoDate | null {
    if (!isIsoDate(value)) {
      this.add(path, 'a date YYYY-MM-DD');
      return null;
    }
    if (latest !== undefined && value > latest) {
      this.add(path, `must not be after ${latest}`);
      return null;
    }
    return value;
  }

  /** A criterion by id or code. */
  criterion(rubric: Rubric, value: unknown, path: string): RubricCriterion | null {
    const found = typeof value === 'string' ? findCriterion(rubric, value.trim()) : undefined;
    if (found === undefined) {
      this.add(path, 'an unknown criterion: give its id ("1.1.1.1") or code ("1①")');
      return null;
    }
    return found;
  }

  /** 0..max of the criterion in steps of 0.5. */
  points(criterion: RubricCriterion | null, value: unknown, path: string): number | null {
    if (typeof value !== 'number' || !Number.isFinite(value) || value < 0 || value * 2 !== Math.trunc(value * 2) || (criterion !== null && value > criterion.points)) {
      this.add(path, `points from 0 to ${criterion === null ? 'the criterion\'s maximum' : criterion.points} in steps of 0.5`);
      return null;
    }
    return value;
  }
}

/** Criterion ids whose declared source needs a note when a reviewer overrides it. */
export function needsNote(criterion: RubricCriterion): boolean {
  return criterion.source === 'DATA' || criterion.source === 'ATTESTED';
}

export const NOTE_MAX = 2000;
export const REASON_MAX = 2000;

