import { MissingItemMarkRecord } from './missing-item-mark.entity.js';
import { ReviewerAssessmentRecord } from './reviewer-assessment.entity.js';

export const AssessmentsEntities = [ReviewerAssessmentRecord, MissingItemMarkRecord];
