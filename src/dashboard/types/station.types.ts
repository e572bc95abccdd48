import { Field, Int, ObjectType } from '@nestjs/graphql';
import { GqlDuty, GqlRoom } from '../enums.js';
import { Connection } from './common.types.js';
import { ScoreSnapshot } from './score.types.js';

@ObjectType()
export class Premises {
  @Field({ description: 'Independent or relatively independent premises (39①).' })
  independent: boolean;

  @Field(() => [GqlRoom])
  rooms: string[];

  @Field()
  internet: boolean;

  @Field({ description: 'Business private network or e-government extranet.' })
  privateNetwork: boolean;
}

@ObjectType({ description: 'A market supervision station (市场监督管理所).' })
export class Station {
  @Field()
  code: string;

  @Field()
  name: string;

  @Field()
  countyCode: string;

  @Field()
  cityCode: string;

  @Field()
  provinceCode: string;

  @Field()
  countyName: string;

  @Field()
  cityName: string;

  @Field()
  provinceName: string;

  @Field(() => Int, { description: '编制数' })
  approvedHeadcount: number;

  @Field(() => [GqlDuty])
  duties: string[];

  @Field(() => Premises)
  premises: Premises;

  @Field({ description: "When the county last changed the station's profile." })
  updatedAt: Date;

  @Field(() => ScoreSnapshot, { nullable: true, description: 'The current score; null until the station is first scored.' })
  score: ScoreSnapshot | null;
}

@ObjectType()
export class StationConnection extends Connection(Station, 'Station') {}

@ObjectType({ description: 'A place in a ranking: eligible stations by total, then code.' })
export class RankedStation {
  @Field(() => Int, { description: 'Competition rank by total (equal totals share a rank).' })
  rank: number;

  @Field(() => Station)
  station: Station;
}
