import { Field, Float, ID, Int, ObjectType } from '@nestjs/graphql';
import { GqlRegionLevel } from '../enums.js';

@ObjectType({ description: 'An administrative division (GB/T 2260): province 130000 > city 130100 > county 130102.' })
export class Region {
  @Field(() => ID)
  code: string;

  @Field()
  name: string;

  @Field(() => GqlRegionLevel)
  level: string;

  @Field(() => String, { nullable: true })
  parentCode: string | null;
}

@ObjectType()
export class StarCount {
  @Field(() => Int, { description: '0 = no star (including ineligible stations).' })
  stars: number;

  @Field(() => Int)
  count: number;
}

@ObjectType({ description: 'Stations whose total lies in [from, to); the last bucket is [100, 110].' })
export class TotalBucket {
  @Field(() => Float)
  from: number;

  @Field(() => Float)
  to: number;

  @Field(() => Int)
  count: number;
}

@ObjectType({ description: 'Average points of one indicator over the scored stations of a region.' })
export class IndicatorAverage {
  @Field(() => ID)
  indicatorId: string;

  @Field()
  code: string;

  @Field()
  name: string;

  @Field(() => Int)
  level: number;

  @Field(() => Float)
  max: number;

  @Field(() => Float)
  averagePoints: number;

  @Field(() => Float, { description: 'Average of max minus missing items.' })
  averageApplicableMax: number;

  @Field(() => Float, { nullable: true, description: 'Σ points / Σ applicable max (null when it never applied): 1 = full marks everywhere.' })
  ratio: number | null;

  @Field(() => Int, { description: 'Scored stations counted.' })
  stations: number;
}

@ObjectType({ description: 'How far reviewers have got: criteria that need a reviewer, over the current scores of all stations.' })
export class AssessmentCompleteness {
  @Field(() => Int, { description: 'ASSESSED criteria that apply (not missing items), summed over scored stations.' })
  criteriaToAssess: number;

  @Field(() => Int, { description: 'Of those, scored by a reviewer.' })
  assessed: number;

  @Field(() => Int, { description: 'Of those, still pending.' })
  pending: number;

  @Field(() => Float, { nullable: true, description: 'assessed / criteriaToAssess.' })
  ratio: number | null;

  @Field(() => Int, { description: 'DATA or ATTESTED criteria a reviewer overrode.' })
  overrides: number;

  @Field(() => Int, { description: 'Scored stations with at least one pending criterion.' })
  stationsWithPending: number;
}

@ObjectType({ description: "A rating scope's figures over its stations' current scores." })
export class RegionSummary {
  @Field()
  regionCode: string;

  @Field(() => Int)
  stationCount: number;

  @Field(() => Int, { description: 'Stations with a current score (the rest are not scored yet).' })
  scoredCount: number;

  @Field(() => [StarCount], { description: 'Scored stations per star level 0..5.' })
  starCounts: StarCount[];

  @Field(() => Int, { description: 'Scored stations made ineligible by a veto.' })
  ineligibleCount: number;

  @Field(() => Float, { nullable: true })
  averageTotal: number | null;

  @Field(() => [TotalBucket], { description: '10-point buckets of totals.' })
  totalDistribution: TotalBucket[];

  @Field(() => [IndicatorAverage], { description: 'The five first-level indicators.' })
  firstLevelAverages: IndicatorAverage[];

  @Field(() => AssessmentCompleteness)
  completeness: AssessmentCompleteness;

  /** Every third-level indicator, weakest first (weakestIndicators slices it). */
  thirdLevelAverages: IndicatorAverage[];
}
