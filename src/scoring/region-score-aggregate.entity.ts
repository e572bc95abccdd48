import { Column, Entity, PrimaryColumn } from 'typeorm';

/**
 * Sums of the current scores of a region's stations (county, city or province), per rubric
 * version of the stations' contributions, so that a region summary reads a row per region
 * instead of every station's score. Kept by delta, in the transaction of every change to
 * station_score (and of a station moving county), by the triggers of migration
 * RegionScoreAggregates; never written by the application. Counts are numeric so that one
 * element-wise sum serves every array.
 */
@Entity('region_score_aggregate')
export class RegionScoreAggregateRecord {
  @PrimaryColumn({ type: 'char', length: 6 })
  regionCode: string;

  /** '' for stations whose contributions were not written yet (their headline counts still do). */
  @PrimaryColumn({ type: 'varchar', length: 32 })
  rubricVersion: string;

  @Column({ type: 'integer', default: 0 })
  scored: number;

  @Column({ type: 'integer', default: 0 })
  ineligible: number;

  @Column({ type: 'integer', default: 0 })
  withPending: number;

  @Column({ type: 'numeric', default: 0 })
  totalSum: string;

  /** Stations with 0…5 stars. */
  @Column({ type: 'numeric', array: true, default: () => `'{}'` })
  stars: string[];

  /** Stations per total bucket: [0, 10), [10, 20) … [90, 100), ≥ 100. */
  @Column({ type: 'numeric', array: true, default: () => `'{}'` })
  buckets: string[];

  /** Σ points per first- and third-level indicator (station_score.indicator_points order). */
  @Column({ type: 'numeric', array: true, default: () => `'{}'` })
  indicatorPoints: string[];

  @Column({ type: 'numeric', array: true, default: () => `'{}'` })
  indicatorApplicable: string[];

  /** Stations having each indicator. */
  @Column({ type: 'numeric', array: true, default: () => `'{}'` })
  indicatorStations: string[];

  @Column({ type: 'integer', default: 0 })
  criteriaToAssess: number;

  @Column({ type: 'integer', default: 0 })
  criteriaAssessed: number;

  @Column({ type: 'integer', default: 0 })
  criteriaPending: number;

  @Column({ type: 'integer', default: 0 })
  criteriaOverrides: number;
}
