// A generated StationBundle as the engine's StationFacts: vetoes get a stable id and are
// active (not lifted), the province's national mediation averages are attached, and every
// ASSESSED criterion gets a reviewer assessment at its maximum, so a run goes through the
// whole scoring path (assessments, pending lists, star levels), not a mostly-pending one.
import type { MediationAverage, StationBundle } from '../../src/domain/station-data.js';
import { rowDigest } from '../../src/ingestion/row-digest.js';
import { getRubricIndex, type Rubric } from '../../src/rubric/index.js';
import { collectionDigest, type Assessment, type StationFacts } from '../../src/scoring/engine/index.js';

export function maxAssessments(rubric: Rubric): readonly Assessment[] {
  return Object.freeze(
    getRubricIndex(rubric)
      .criteria.filter((c) => c.source === 'ASSESSED')
      .map((c) => Object.freeze({ criterionId: c.id, points: c.points, note: '现场核查符合要求' })),
  );
}

export function factsFromBundle(bundle: StationBundle, mediationAverages: readonly MediationAverage[], assessments: readonly Assessment[]): StationFacts {
  return {
    code: bundle.code,
    profile: bundle.profile,
    personnel: bundle.personnel,
    equipment: bundle.equipment,
    cases: bundle.cases,
    complaintFigures: bundle.complaintFigures,
    mediationAverages,
    certifications: bundle.certifications,
    bonusEvents: bundle.bonusEvents,
    vetoEvents: bundle.vetoEvents.map((v, i) => ({ ...v, id: `${bundle.code}-V${String(i + 1).padStart(3, '0')}`, lifted: false })),
    annualReviews: bundle.annualReviews,
    assessments,
    missingItemMarks: [],
  };
}

const CERT_ITEMS = ['1', '2', '3', '4', '5', '6', '7', '8', '9', '10', '11', '12'] as const;

/**
 * The facts with the digests the facts loader supplies for them: one collection digest per
 * collection (collectionDigest over the rows' stored digests, which the loader computes in
 * SQL), the stored row digest being sha256 of each row's canonical JSON (a person's with
 * their trainings and disciplinary records, a certification's items as 12 booleans), and a
 * veto's `${id}:${contentDigest}:${lifted}`. Annual reviews have no stored digest.
 */
export function withStoredDigests(facts: StationFacts): StationFacts {
  return {
    ...facts,
    digests: {
      profile: rowDigest(facts.profile),
      personnel: collectionDigest(facts.personnel.map(rowDigest)),
      equipment: collectionDigest(facts.equipment.map(rowDigest)),
      cases: collectionDigest(facts.cases.map(rowDigest)),
      complaintFigures: collectionDigest(facts.complaintFigures.map(rowDigest)),
      certifications: collectionDigest(facts.certifications.map((c) => rowDigest({ ...c, items: CERT_ITEMS.map((k) => c.items[k] === true) }))),
      bonusEvents: collectionDigest(facts.bonusEvents.map(rowDigest)),
      vetoEvents: collectionDigest(
        facts.vetoEvents.map((v) => `${v.id}:${rowDigest({ kind: v.kind, date: v.date, description: v.description, personExternalId: v.personExternalId })}:${v.lifted}`),
      ),
    },
  };
}
