// The status rules of rating rounds (评定批次) and their applications, as data: which action
// moves which status where. Every service that changes a status asks assertTransition first,
// so a wrong-status request is always the same 409 naming the current status
// (docs/rounds-api.md: "the message names the status").
import { DomainError } from '../common/errors/domain-error.js';

export const ROUND_STATUSES = ['OPEN', 'REVIEW', 'PUBLICIZING', 'CONFIRMED'] as const;
export type RoundStatus = (typeof ROUND_STATUSES)[number];

export const APPLICATION_STATUSES = ['DRAFT', 'SUBMITTED', 'RETURNED', 'IN_REVIEW', 'REVIEWED', 'AWARDED', 'NOT_AWARDED', 'REVOKED'] as const;
export type ApplicationStatus = (typeof APPLICATION_STATUSES)[number];

export const ROUND_LEVELS = ['FIVE_STAR', 'FOUR_STAR', 'THREE_STAR'] as const;
export type RoundLevel = (typeof ROUND_LEVELS)[number];

interface Transition<S extends string> {
  from: readonly S[];
  to: S;
}

/** Round actions: closeApplications (or the deadline), publish (公示), confirm (认定). */
export const ROUND_TRANSITIONS = {
  closeApplications: { from: ['OPEN'], to: 'REVIEW' },
  publish: { from: ['REVIEW'], to: 'PUBLICIZING' },
  /** An upheld objection may take the round back to review before it is confirmed. */
  reopenReview: { from: ['PUBLICIZING'], to: 'REVIEW' },
  confirm: { from: ['PUBLICIZING'], to: 'CONFIRMED' },
} as const satisfies Record<string, Transition<RoundStatus>>;
export type RoundAction = keyof typeof ROUND_TRANSITIONS;

/** Application actions (a station's application in one round). */
export const APPLICATION_TRANSITIONS = {
  /** Replace the draft's materials, missing items or certification (PUT); the status stays. */
  editDraft: { from: ['DRAFT', 'RETURNED'], to: 'DRAFT' },
  submit: { from: ['DRAFT', 'RETURNED'], to: 'SUBMITTED' },
  withdraw: { from: ['SUBMITTED'], to: 'DRAFT' },
  /** 退回补正: back to the county for correction. */
  return: { from: ['SUBMITTED', 'IN_REVIEW', 'REVIEWED'], to: 'RETURNED' },
  startReview: { from: ['SUBMITTED'], to: 'IN_REVIEW' },
  finishReview: { from: ['IN_REVIEW'], to: 'REVIEWED' },
  /** A further review, or an upheld objection, before confirmation. */
  reopenReview: { from: ['REVIEWED'], to: 'IN_REVIEW' },
  award: { from: ['REVIEWED'], to: 'AWARDED' },
  notAward: { from: ['REVIEWED'], to: 'NOT_AWARDED' },
  /** 摘星 after confirmation. */
  revoke: { from: ['AWARDED'], to: 'REVOKED' },
} as const satisfies Record<string, Transition<ApplicationStatus>>;
export type ApplicationAction = keyof typeof APPLICATION_TRANSITIONS;

/**
 * editDraft keeps a RETURNED application RETURNED (the county corrects it, then submits):
 * the table's `to` is the status of a new draft; callers use nextStatus for the real one.
 */
const KEEPS_STATUS: ReadonlySet<ApplicationAction> = new Set(['editDraft']);

export type StatusKind = 'round' | 'application';

/** The status after `action`, or null when the action is not allowed from `from`. */
export function nextStatus(kind: 'round', from: RoundStatus, action: RoundAction): RoundStatus | null;
export function nextStatus(kind: 'application', from: ApplicationStatus, action: ApplicationAction): ApplicationStatus | null;
export function nextStatus(kind: StatusKind, from: string, action: string): string | null {
  const rule = transitionOf(kind, action);
  if (!(rule.from as readonly string[]).includes(from)) return null;
  return kind === 'application' && KEEPS_STATUS.has(action as ApplicationAction) ? from : rule.to;
}

/**
 * The status after `action`; CONFLICT naming the current status and the ones the action
 * needs when it is not allowed ("the application is SUBMITTED; submit needs DRAFT or RETURNED").
 */
export function assertTransition(kind: 'round', from: RoundStatus, action: RoundAction): RoundStatus;
export function assertTransition(kind: 'application', from: ApplicationStatus, action: ApplicationAction): ApplicationStatus;
export function assertTransition(kind: StatusKind, from: string, action: string): string {
  const to = kind === 'round' ? nextStatus('round', from as RoundStatus, action as RoundAction) : nextStatus('application', from as ApplicationStatus, action as ApplicationAction);
  if (to === null) {
    const needs = transitionOf(kind, action).from.join(' or ');
    throw DomainError.conflict(`the ${kind} is ${from}; ${action} needs ${needs}`);
  }
  return to;
}

/** Statuses an action may start from (for documentation and filters). */
export function allowedFrom(kind: 'round', action: RoundAction): readonly RoundStatus[];
export function allowedFrom(kind: 'application', action: ApplicationAction): readonly ApplicationStatus[];
export function allowedFrom(kind: StatusKind, action: string): readonly string[] {
  return transitionOf(kind, action).from;
}

function transitionOf(kind: StatusKind, action: string): Transition<string> {
  const table: Record<string, Transition<string>> = kind === 'round' ? ROUND_TRANSITIONS : APPLICATION_TRANSITIONS;
  const rule = Object.hasOwn(table, action) ? table[action] : undefined;
  if (rule === undefined) throw new Error(`unknown ${kind} action "${action}"`);
  return rule;
}

/** Stars a round's level needs under its frozen star policy (FIVE_STAR: 5★, …). */
export function levelStars(level: RoundLevel): 3 | 4 | 5 {
  switch (level) {
    case 'FIVE_STAR':
      return 5;
    case 'FOUR_STAR':
      return 4;
    case 'THREE_STAR':
      return 3;
  }
}
