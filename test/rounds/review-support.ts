/* eslint-disable @typescript-eslint/no-explicit-any -- GraphQL answers are untyped JSON here */
// Shared by the review tests: SUBMITTED applications written through the model (the county
// REST submit comes with the county helper's branch), the reviewers' GraphQL documents, and
// reviewing every pending criterion of an application through the service.
import type { Principal } from '../../src/auth/principal.js';
import { getRubric, getRubricIndex } from '../../src/rubric/index.js';
import type { DeclaredMissingItem, RoundCertification } from '../../src/rounds/round-application.entity.js';
import { frozenFactsHash, freezeFacts } from '../../src/rounds/round-facts.js';
import { RoundReviewService } from '../../src/rounds/review/round-review.service.js';
import type { TestApp } from '../support/test-app.js';
import { as } from './rounds-support.js';

export const CERTIFICATION: RoundCertification = {
  items: Object.fromEntries(Array.from({ length: 12 }, (_, i) => [String(i + 1), true])),
  remarks: '有关情况说明',
  certifiedBy: '某县市场监督管理局',
  certifiedOn: '2026-05-20',
  sealedScanFileId: '00000000-0000-4000-8000-000000000001',
};

/** A SUBMITTED application with materials, declared missing items and a certification, its facts frozen now. */
export async function submitApplication(t: TestApp, round: { id: string; rubricVersion: string }, stationCode: string, missingItems: DeclaredMissingItem[] = []): Promise<string> {
  const frozen = await freezeFacts(t.dataSource.manager, stationCode, round.rubricVersion);
  const materials = [{ criterionId: '1.1.1.1', items: [{ title: '市场准入业务指导记录（2025年）', fileIds: [] }] }];
  const [row] = await t.dataSource.query(
    `INSERT INTO round_application (round_id, station_code, status, submitted_at, frozen_facts, frozen_input_hash, materials, missing_items, certification, version)
     VALUES ($1, $2, 'SUBMITTED', now(), $3::jsonb, $4, $5::jsonb, $6::jsonb, $7::jsonb, 1) RETURNING id`,
    [round.id, stationCode, JSON.stringify(frozen), frozenFactsHash(frozen), JSON.stringify(materials), JSON.stringify(missingItems), JSON.stringify(CERTIFICATION)],
  );
  await t.dataSource.query(`INSERT INTO round_application_transition (application_id, from_status, to_status, actor_role) VALUES ($1, NULL, 'DRAFT', 'SYSTEM'), ($1, 'DRAFT', 'SUBMITTED', 'SYSTEM')`, [row.id]);
  return row.id;
}

/** Assessed criteria of the rubric (source ASSESSED), rubric order. */
export function assessedCriteria(rubricVersion: string) {
  return getRubricIndex(getRubric(rubricVersion)).criteria.filter((c) => c.source === 'ASSESSED');
}

/** Reviews every assessed criterion (full points) except those given, through the service. */
export async function reviewAll(t: TestApp, reviewer: Principal, round: { id: string; rubricVersion: string }, stationCode: string, except: string[] = []): Promise<void> {
  const service = t.app.get(RoundReviewService);
  for (const c of assessedCriteria(round.rubricVersion)) {
    if (except.includes(c.id) || except.includes(c.code)) continue;
    await service.reviewCriterion(as(reviewer), { roundId: round.id, stationCode, criterionId: c.id, points: c.points, note: '材料齐全', fileIds: [] });
  }
}

export const ROUND_FIELDS = `id status publicationFrom publicationTo chainHead confirmedAt earlyConfirmReason counts { status count }`;

export const APPLICATION_FIELDS = `id stationCode status history { fromStatus toStatus actorRole reason }
  missingItems { itemId duty decision { accepted reason } } reviews { criterionId points note } inspections { date adjustments { criterionId points reason } }
  objections { id status } certification { certifiedBy items { item value } } materials { criterionId items { title } }
  result { total stars eligible applicable missingItems { criterionId code } criteria(source: ASSESSED) { id code points reason } pendingCriteria { code } }
  liveVetoWarning { vetoId kind reason } revocationReason station { code }`;

export const Q = {
  round: `query($id: ID!) { round(id: $id) { ${ROUND_FIELDS} warnings { stationCode vetoId reason } } }`,
  applications: `query($id: ID!, $f: RoundApplicationFilter, $first: Int, $after: String) { round(id: $id) { applications(filter: $f, first: $first, after: $after) { totalCount pageInfo { hasNextPage endCursor } edges { node { ${APPLICATION_FIELDS} } } } } }`,
  open: `mutation($i: OpenRoundInput!) { openRound(input: $i) { ${ROUND_FIELDS} } }`,
  close: `mutation($r: ID!) { closeApplications(roundId: $r) { ${ROUND_FIELDS} } }`,
  return: `mutation($r: ID!, $s: String!, $reason: String!) { returnApplication(roundId: $r, stationCode: $s, reason: $reason) { id status } }`,
  review: `mutation($r: ID!, $s: String!, $c: String!, $p: Float!, $n: String, $f: [String!]) { reviewCriterion(roundId: $r, stationCode: $s, criterionId: $c, points: $p, note: $n, fileIds: $f) { id status } }`,
  inspect: `mutation($r: ID!, $s: String!, $i: InspectionInput!) { recordInspection(roundId: $r, stationCode: $s, input: $i) { id status } }`,
  decide: `mutation($r: ID!, $s: String!, $item: String!, $a: Boolean!, $reason: String!) { decideMissingItem(roundId: $r, stationCode: $s, itemId: $item, accepted: $a, reason: $reason) { id status } }`,
  publish: `mutation($r: ID!, $from: String!) { publishRound(roundId: $r, from: $from) { ${ROUND_FIELDS} } }`,
  object: `mutation($r: ID!, $s: String!, $i: ObjectionInput!) { recordObjection(roundId: $r, stationCode: $s, input: $i) { id status stationCode } }`,
  resolve: `mutation($o: ID!, $u: Boolean!, $reason: String!) { resolveObjection(objectionId: $o, upheld: $u, reason: $reason) { id status resolutionReason } }`,
  confirm: `mutation($r: ID!, $e: String) { confirmRound(roundId: $r, earlyReason: $e) { ${ROUND_FIELDS} } }`,
  revoke: `mutation($r: ID!, $s: String!, $reason: String!) { revokeAward(roundId: $r, stationCode: $s, reason: $reason) { id status } }`,
  verify: `query($id: ID!) { verifyRound(id: $id) { ok checked mismatches { stationCode reason } chainHead } }`,
};

export function nodes(data: any): any[] {
  return data.round.applications.edges.map((e: any) => e.node);
}
