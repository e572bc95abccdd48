// Annual review results (年度考核) as the scoring facts read them: one row per station, year
// and subject, written by AnnualReviewsRepository. No digest column: the facts loader
// serialises these few rows.
import type { RecordRead } from '../database/record-kind.js';
import type { AnnualReview } from '../domain/station-data.js';

interface AnnualReviewRow {
  year: number;
  subject: string;
  result: AnnualReview['result'];
}

export const ANNUAL_REVIEW_RECORD: RecordRead<AnnualReview, AnnualReviewRow> = {
  table: 'annual_review',
  select: 'year, subject, result',
  order: 'year, subject',
  fromRow: (r) => ({ year: r.year, subject: r.subject, result: r.result }),
};
