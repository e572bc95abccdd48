import { DomainError } from '../../common/errors/domain-error.js';
import {
  APPLICATION_STATUSES,
  APPLICATION_TRANSITIONS,
  allowedFrom,
  assertTransition,
  levelStars,
  nextStatus,
  ROUND_STATUSES,
  ROUND_TRANSITIONS,
  type ApplicationAction,
  type ApplicationStatus,
  type RoundAction,
  type RoundStatus,
} from '../round-status.js';

// The contract (docs/rounds-api.md): OPEN → REVIEW → PUBLICIZING → CONFIRMED, and
// DRAFT → SUBMITTED → (RETURNED → SUBMITTED) → IN_REVIEW → REVIEWED → AWARDED | NOT_AWARDED (REVOKED after an award).
const ROUND_EXPECTED: Record<RoundAction, Partial<Record<RoundStatus, RoundStatus>>> = {
  closeApplications: { OPEN: 'REVIEW' },
  publish: { REVIEW: 'PUBLICIZING' },
  reopenReview: { PUBLICIZING: 'REVIEW' },
  confirm: { PUBLICIZING: 'CONFIRMED' },
};

const APPLICATION_EXPECTED: Record<ApplicationAction, Partial<Record<ApplicationStatus, ApplicationStatus>>> = {
  editDraft: { DRAFT: 'DRAFT', RETURNED: 'RETURNED' },
  submit: { DRAFT: 'SUBMITTED', RETURNED: 'SUBMITTED' },
  withdraw: { SUBMITTED: 'DRAFT' },
  return: { SUBMITTED: 'RETURNED', IN_REVIEW: 'RETURNED', REVIEWED: 'RETURNED' },
  startReview: { SUBMITTED: 'IN_REVIEW' },
  finishReview: { IN_REVIEW: 'REVIEWED' },
  reopenReview: { REVIEWED: 'IN_REVIEW' },
  award: { REVIEWED: 'AWARDED' },
  notAward: { REVIEWED: 'NOT_AWARDED' },
  revoke: { AWARDED: 'REVOKED' },
};

function conflictOf(run: () => unknown): DomainError {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(DomainError);
    return error as DomainError;
  }
  throw new Error('expected a CONFLICT');
}

describe('round status rules', () => {
  it('has exactly the actions of the expected table', () => {
    expect(Object.keys(ROUND_TRANSITIONS).sort()).toEqual(Object.keys(ROUND_EXPECTED).sort());
  });

  for (const action of Object.keys(ROUND_EXPECTED) as RoundAction[]) {
    for (const from of ROUND_STATUSES) {
      const expected = ROUND_EXPECTED[action][from];
      it(`${action} from ${from} → ${expected ?? 'CONFLICT'}`, () => {
        expect(nextStatus('round', from, action)).toBe(expected ?? null);
        if (expected !== undefined) {
          expect(assertTransition('round', from, action)).toBe(expected);
        } else {
          const error = conflictOf(() => assertTransition('round', from, action));
          expect(error.code).toBe('CONFLICT');
          expect(error.message).toBe(`the round is ${from}; ${action} needs ${allowedFrom('round', action).join(' or ')}`);
        }
      });
    }
  }

  it('CONFIRMED is final', () => {
    for (const action of Object.keys(ROUND_TRANSITIONS) as RoundAction[]) expect(nextStatus('round', 'CONFIRMED', action)).toBeNull();
  });
});

describe('application status rules', () => {
  it('has exactly the actions of the expected table', () => {
    expect(Object.keys(APPLICATION_TRANSITIONS).sort()).toEqual(Object.keys(APPLICATION_EXPECTED).sort());
  });

  for (const action of Object.keys(APPLICATION_EXPECTED) as ApplicationAction[]) {
    for (const from of APPLICATION_STATUSES) {
      const expected = APPLICATION_EXPECTED[action][from];
      it(`${action} from ${from} → ${expected ?? 'CONFLICT'}`, () => {
        expect(nextStatus('application', from, action)).toBe(expected ?? null);
        if (expected !== undefined) {
          expect(assertTransition('application', from, action)).toBe(expected);
        } else {
          const error = conflictOf(() => assertTransition('application', from, action));
          expect(error.code).toBe('CONFLICT');
          expect(error.message).toContain(`the application is ${from}`);
        }
      });
    }
  }

  it('names the current status and what the action needs', () => {
    expect(conflictOf(() => assertTransition('application', 'IN_REVIEW', 'withdraw')).message).toBe('the application is IN_REVIEW; withdraw needs SUBMITTED');
    expect(conflictOf(() => assertTransition('application', 'SUBMITTED', 'submit')).message).toBe('the application is SUBMITTED; submit needs DRAFT or RETURNED');
  });

  it('REVOKED and NOT_AWARDED are final', () => {
    for (const action of Object.keys(APPLICATION_TRANSITIONS) as ApplicationAction[]) {
      expect(nextStatus('application', 'REVOKED', action)).toBeNull();
      expect(nextStatus('application', 'NOT_AWARDED', action)).toBeNull();
    }
  });

  it('refuses an unknown action as a programming error, not a CONFLICT', () => {
    expect(() => assertTransition('application', 'DRAFT', 'publish' as ApplicationAction)).toThrow('unknown application action "publish"');
    expect(() => nextStatus('round', 'OPEN', 'toString' as RoundAction)).toThrow('unknown round action "toString"');
  });
});

describe('levelStars', () => {
  it('maps each level to the stars it needs', () => {
    expect([levelStars('FIVE_STAR'), levelStars('FOUR_STAR'), levelStars('THREE_STAR')]).toEqual([5, 4, 3]);
  });
});
