import { Field, ID, ObjectType } from '@nestjs/graphql';
import { GqlVetoKind, GqlVetoOrigin } from '../enums.js';
import { KeyIdField } from '../key-ids.js';

@ObjectType({ description: 'A veto event (否定项目) as pushed or raised by an annual review, with its lifting.' })
export class Veto {
  @Field(() => ID)
  id: string;

  @Field()
  stationCode: string;

  @Field(() => GqlVetoKind)
  kind: string;

  @Field({ description: 'YYYY-MM-DD' })
  date: string;

  @Field()
  description: string;

  @Field(() => String, { nullable: true })
  personExternalId: string | null;

  @Field(() => GqlVetoOrigin)
  origin: string;

  @Field()
  createdAt: Date;

  @Field()
  lifted: boolean;

  @Field(() => Date, { nullable: true })
  liftedAt: Date | null;

  @KeyIdField('API key id that lifted it')
  liftedBy: string | null;

  @Field(() => String, { nullable: true })
  liftReason: string | null;
}
