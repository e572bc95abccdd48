import { ApiProperty } from '@nestjs/swagger';

/** What a write did, row by row: the answer to every successful push. */
export interface WriteSummary {
  created: number;
  updated: number;
  unchanged: number;
  removed: number;
}

export function emptySummary(): WriteSummary {
  return { created: 0, updated: 0, unchanged: 0, removed: 0 };
}

export function addSummaries(...summaries: WriteSummary[]): WriteSummary {
  const total = emptySummary();
  for (const s of summaries) {
    total.created += s.created;
    total.updated += s.updated;
    total.unchanged += s.unchanged;
    total.removed += s.removed;
  }
  return total;
}

/** OpenAPI shape of WriteSummary. */
export class WriteSummaryDto implements WriteSummary {
  @ApiProperty({ description: 'rows that did not exist before', example: 3 })
  created: number;

  @ApiProperty({ description: 'rows that existed and changed', example: 1 })
  updated: number;

  @ApiProperty({ description: 'rows sent again exactly as stored (nothing written)', example: 8 })
  unchanged: number;

  @ApiProperty({ description: 'rows removed (PUT of a whole list: stored rows absent from it; DELETE)', example: 0 })
  removed: number;
}
