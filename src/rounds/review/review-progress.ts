// When is an application reviewed? Every assessed criterion (rubric source ASSESSED) that no
// accepted missing item covers has a material review or an inspection adjustment, and every
// declared missing item is decided. Pure: the services recompute it after each action.
import { getRubric, getRubricIndex } from '../../rubric/index.js';
import type { DeclaredMissingItem } from '../round-application.entity.js';
import type { RoundOverlay } from '../round-scoring.js';

export interface ReviewProgress {
  /** Codes of assessed criteria still waiting for a review ("1①"), rubric order. */
  pendingCriteria: string[];
  /** Declared missing items (ids) without a decision. */
  undecidedItems: string[];
}

export function reviewProgress(rubricVersion: string, declared: readonly DeclaredMissingItem[], overlay: Pick<RoundOverlay, 'reviews' | 'inspections' | 'missingItemDecisions'>): ReviewProgress {
  const index = getRubricIndex(getRubric(rubricVersion));
  const accepted = new Set(overlay.missingItemDecisions.filter((d) => d.accepted).map((d) => d.itemId));
  const decided = new Set(overlay.missingItemDecisions.map((d) => d.itemId));
  const reviewed = new Set(overlay.reviews.map((r) => r.criterionId));
  for (const inspection of overlay.inspections) for (const a of inspection.adjustments) reviewed.add(a.criterionId);
  const pendingCriteria = index.criteria
    .filter((c) => c.source === 'ASSESSED' && !reviewed.has(c.id) && !accepted.has(c.id) && !accepted.has(c.indicatorId))
    .map((c) => c.code);
  const undecidedItems = declared.filter((item) => !decided.has(item.itemId)).map((item) => item.itemId);
  return { pendingCriteria, undecidedItems };
}

export function isComplete(progress: ReviewProgress): boolean {
  return progress.pendingCriteria.length === 0 && progress.undecidedItems.length === 0;
}

/** "3①, 5② and 2 more; missing item 4.15.32 undecided" for CONFLICT messages. */
export function describeProgress(progress: ReviewProgress, limit = 12): string {
  const parts: string[] = [];
  if (progress.pendingCriteria.length > 0) {
    const shown = progress.pendingCriteria.slice(0, limit).join(', ');
    const more = progress.pendingCriteria.length - limit;
    parts.push(`pending criteria ${shown}${more > 0 ? ` and ${more} more` : ''}`);
  }
  if (progress.undecidedItems.length > 0) parts.push(`undecided missing items ${progress.undecidedItems.join(', ')}`);
  return parts.join('; ');
}
