// Builders of the form views from what the live adapters read. Pure: the same functions
// serve the tests and the samples.
import type { Certification, IsoDate } from '../../domain/station-data.js';
import type { Education, Position, StaffingType } from '../../domain/vocabulary.js';
import type { CertificationItemNo, Rubric } from '../../rubric/model/rubric.js';
import type { CertificationView } from '../views/certification.view.js';
import type { FormStation } from '../views/common.js';
import type { StaffListView, StaffMember, StaffPersonalData } from '../views/staff-list.view.js';

/** A person as the roster holds them (the GraphQL roster rows fit). */
export interface RosterPerson {
  externalId: string;
  position: Position;
  education: Education;
  major: string | null;
  staffingType: StaffingType;
  secondedMonths: number;
  trainings: readonly { year: number; offlineDays: number; offlineHours: number; onlineHours: number }[];
  personal: StaffPersonalData;
}

/** The training year a form for `date` reports: the complete calendar year before it (附件2 of the 2023 document prints 2022). */
export function trainingYearFor(date: IsoDate): number {
  return Number(date.slice(0, 4)) - 1;
}

/**
 * 附件2 for a reader who may (or may not) see personal data. A round passes its own
 * training year (the year before its cut-off), whatever day the form is filled.
 */
export function staffListView(station: FormStation, people: readonly RosterPerson[], filledOn: IsoDate, personalVisible: boolean, trainingYear = trainingYearFor(filledOn)): StaffListView {
  return {
    station,
    filledOn,
    trainingYear,
    people: people.map((p): StaffMember => {
      const training = p.trainings.find((t) => t.year === trainingYear);
      return {
        externalId: p.externalId,
        personal: personalVisible ? p.personal : null,
        position: p.position,
        education: p.education,
        major: p.major,
        staffingType: p.staffingType,
        secondedMonths: p.secondedMonths,
        training: training === undefined ? null : { offlineDays: training.offlineDays, offlineHours: training.offlineHours, onlineHours: training.onlineHours },
      };
    }),
  };
}

/**
 * 附件3 of a stored certification. Item 1 names the year before the rating year
 * ("2022年度" in the document's 2023 template), so its year follows the certification's.
 */
export function certificationView(station: FormStation, certification: Certification, rubric: Rubric, remarks: string | null = null): CertificationView {
  return {
    station,
    year: certification.year,
    items: rubric.certificationItems.map((line) => ({
      item: line.item,
      text: line.text.replace(/\d{4}年度/, `${certification.year - 1}年度`),
      answer: certification.items[String(line.item) as `${CertificationItemNo}`] ?? null,
    })),
    remarks,
    certifiedBy: certification.certifiedBy,
    certifiedOn: certification.certifiedOn,
  };
}
