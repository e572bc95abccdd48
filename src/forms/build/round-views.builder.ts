// Builders of a rating round's form views from its application, pure: 提供材料目录 from the
// application's materials (titles, with the uploaded files' names), its declared 合理缺项
// with the reviewer's decisions, 附件2's people from the frozen personnel, 附件3 from the
// certification submitted with the application.
import type { Certification, CertificationItems, IsoDate, Person } from '../../domain/station-data.js';
import { getRubricIndex } from '../../rubric/index.js';
import type { Rubric } from '../../rubric/model/rubric.js';
import type { CriterionMaterials, DeclaredMissingItem, RoundCertification } from '../../rounds/round-application.entity.js';
import type { StationFactsJson } from '../../rounds/round-facts.js';
import { onRoster } from '../../personnel/roster.js';
import type { MissingItemDecision } from '../sources/round-sources.js';
import type { DeclaredMissingItemLine } from '../views/scoring-sheet.view.js';
import type { RosterPerson } from './views.builder.js';

/** 提供材料目录 by criterion id: each item's title, followed by its files' names ("市场准入业务指导记录（指导记录.pdf、照片.jpg）"). */
export function materialTitles(materials: readonly CriterionMaterials[], fileNames: ReadonlyMap<string, string>): Map<string, string[]> {
  const out = new Map<string, string[]>();
  for (const { criterionId, items } of materials) {
    const titles = items.map((item) => {
      const names = item.fileIds.map((id) => fileNames.get(id.toLowerCase())).filter((n): n is string => n !== undefined);
      return names.length === 0 ? item.title : `${item.title}（${names.join('、')}）`;
    });
    out.set(criterionId, [...(out.get(criterionId) ?? []), ...titles]);
  }
  return out;
}

/** Declared missing items by criterion id: one on a third-level indicator stands under each of its criteria. */
export function declaredMissingItems(rubric: Rubric, declared: readonly DeclaredMissingItem[], decisions: readonly MissingItemDecision[]): Map<string, DeclaredMissingItemLine> {
  const index = getRubricIndex(rubric);
  const decisionOf = new Map(decisions.map((d) => [d.itemId, d]));
  const out = new Map<string, DeclaredMissingItemLine>();
  for (const item of declared) {
    const decision = decisionOf.get(item.itemId);
    const line: DeclaredMissingItemLine = { duty: item.duty, reason: item.reason, decision: decision === undefined ? null : { accepted: decision.accepted, reason: decision.reason } };
    const criteria = index.criterionById.has(item.itemId) ? [item.itemId] : (index.thirdLevel.find((t) => t.id === item.itemId)?.criteria.map((c) => c.id) ?? []);
    for (const id of criteria) out.set(id, line);
  }
  return out;
}

/** 附件2's people of a round: the frozen personnel still on the roster at the cut-off (people who had left by then are not). */
export function frozenRoster(frozen: StationFactsJson, cutOff: IsoDate): RosterPerson[] {
  return frozen.facts.personnel.filter((p) => onRoster({ leftOn: p.leftOn ?? null }, cutOff)).map(rosterPerson);
}

function rosterPerson(p: Person): RosterPerson {
  return {
    externalId: p.externalId,
    position: p.position,
    education: p.education,
    major: p.major,
    staffingType: p.staffingType,
    secondedMonths: p.secondedMonths,
    trainings: p.trainings,
    personal: { name: p.name, birthMonth: p.birthMonth, enforcementCertNo: p.enforcementCertNo, specialEquipmentCertNo: p.specialEquipmentCert?.number ?? null },
  };
}

/** 附件3 of a round: the application's certification, every item as certified (是 or 否), for the cut-off's year. */
export function roundCertificationForm(certification: RoundCertification, cutOff: IsoDate): Certification {
  const items: CertificationItems = {};
  for (const [no, value] of Object.entries(certification.items)) {
    if (/^(?:[1-9]|1[0-2])$/.test(no) && typeof value === 'boolean') items[no as keyof CertificationItems] = value;
  }
  return { year: Number(cutOff.slice(0, 4)), items, certifiedBy: certification.certifiedBy, certifiedOn: certification.certifiedOn };
}
