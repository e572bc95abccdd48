import { getRubric, getRubricIndex } from '../../rubric/index.js';
import { validateAssessmentPoints } from '../../scoring/engine/index.js';
import { generateProvince } from '../index.js';
import { generateReviewerAssessments } from '../reviewer-assessments.js';

const rubric = getRubric('national-2023');
const province = generateProvince({ stations: 40, seed: 'assess', asOf: '2026-06-30' });
const assessed = getRubricIndex(rubric).criteria.filter((c) => c.source === 'ASSESSED');

test('one valid assessment with a note per ASSESSED criterion', () => {
  for (const bundle of province.stations()) {
    const assessments = generateReviewerAssessments(bundle, rubric, 'assess');
    expect(assessments.map((a) => a.criterionId)).toEqual(assessed.map((c) => c.id));
    for (const a of assessments) {
      expect(validateAssessmentPoints(rubric, a.criterionId, a.points)).toBeNull();
      expect(a.note.length).toBeGreaterThan(0);
    }
  }
});

test('deterministic for (seed, station), different across stations and seeds', () => {
  const bundle = province.station(3);
  expect(generateReviewerAssessments(bundle, rubric, 'assess')).toEqual(generateReviewerAssessments(bundle, rubric, 'assess'));
  expect(generateReviewerAssessments(bundle, rubric, 'assess')).not.toEqual(generateReviewerAssessments(bundle, rubric, 'other'));
  expect(generateReviewerAssessments(bundle, rubric, 'assess')).not.toEqual(generateReviewerAssessments(province.station(4), rubric, 'assess'));
});

test('stations differ in diligence: the assessed share of points spreads out', () => {
  const max = assessed.reduce((sum, c) => sum + c.points, 0);
  const shares = [...province.stations()].map((b) => generateReviewerAssessments(b, rubric, 'assess').reduce((sum, a) => sum + a.points, 0) / max);
  expect(Math.min(...shares)).toBeLessThan(0.8);
  expect(Math.max(...shares)).toBeGreaterThan(0.9);
  expect(Math.max(...shares)).toBeLessThanOrEqual(1);
});
