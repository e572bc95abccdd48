import { Field, ObjectType, Parent, ResolveField, Resolver } from '@nestjs/graphql';
import { Region } from '../dashboard/types/region.types.js';
import { Station } from '../dashboard/types/station.types.js';
import { RatingRound, RoundApplication } from '../rounds/graphql/round.types.js';
import { rankingPath, roundFormPaths, roundListPaths, stationFormPath } from './download.js';

@ObjectType({ description: "Download paths of a station's official forms (GET with the same API key; scoped like the data they show)." })
export class StationForms {
  @Field({ description: '附件1 评分表 (.xlsx), live.' })
  scoringSheetXlsx: string;

  @Field({ description: '附件1 评分表 (PDF), live.' })
  scoringSheetPdf: string;

  @Field({ description: '附件2 人员一览表 (.xlsx); personal data only for keys that may read it.' })
  staffListXlsx: string;

  @Field({ description: '附件3 证明材料 (.xlsx).' })
  certificationXlsx: string;

  @Field({ description: '附件3 证明材料 (PDF).' })
  certificationPdf: string;
}

@ObjectType({ description: "Download paths of an application's forms in its round (the frozen facts with the round's review, or the confirmed result)." })
export class RoundApplicationForms {
  @Field({ description: '附件1 评分表 (.xlsx) in the round (DRAFT: 409).' })
  scoringSheetXlsx: string;

  @Field({ description: '附件1 评分表 (PDF) in the round.' })
  scoringSheetPdf: string;

  @Field({ description: '附件2 人员一览表 (.xlsx) as submitted; personal data only for keys that may read it.' })
  staffListXlsx: string;

  @Field({ description: "附件3 证明材料 (.xlsx): the application's certification." })
  certificationXlsx: string;

  @Field({ description: '附件3 证明材料 (PDF), to print and seal.' })
  certificationPdf: string;
}

@ObjectType({ description: "Download paths of a round's lists." })
export class RoundLists {
  @Field({ description: '公示名单 (.xlsx), once PUBLICIZING or CONFIRMED.' })
  publicationListXlsx: string;

  @Field({ description: '公示名单 (PDF), once PUBLICIZING or CONFIRMED.' })
  publicationListPdf: string;

  @Field({ description: 'The full result table (.xlsx, streamed); PROVINCE and ADMIN keys.' })
  resultsXlsx: string;
}

/** The forms' download paths on Station, Region, RatingRound and RoundApplication. */
@Resolver(() => Station)
export class StationFormsResolver {
  @ResolveField(() => StationForms, { description: 'Download paths of the official forms (附件1, 附件2, 附件3).' })
  forms(@Parent() station: Station): StationForms {
    return {
      scoringSheetXlsx: stationFormPath(station.code, 1, 'xlsx'),
      scoringSheetPdf: stationFormPath(station.code, 1, 'pdf'),
      staffListXlsx: stationFormPath(station.code, 2, 'xlsx'),
      certificationXlsx: stationFormPath(station.code, 3, 'xlsx'),
      certificationPdf: stationFormPath(station.code, 3, 'pdf'),
    };
  }
}

@Resolver(() => Region)
export class RegionFormsResolver {
  @ResolveField(() => String, { description: "Download path of the region's live ranking (.xlsx)." })
  rankingXlsx(@Parent() region: Region): string {
    return rankingPath(region.code);
  }
}

@Resolver(() => RatingRound)
export class RoundListsResolver {
  @ResolveField(() => RoundLists, { description: "Download paths of the round's 公示名单 and result table." })
  lists(@Parent() round: RatingRound): RoundLists {
    return roundListPaths(round.id);
  }
}

@Resolver(() => RoundApplication)
export class RoundApplicationFormsResolver {
  @ResolveField(() => RoundApplicationForms, { description: 'Download paths of the forms of this application in its round (附件1, 附件2, 附件3).' })
  forms(@Parent() application: RoundApplication): RoundApplicationForms {
    return roundFormPaths(application.roundId, application.stationCode);
  }
}

export const FORMS_RESOLVERS = [StationFormsResolver, RegionFormsResolver, RoundListsResolver, RoundApplicationFormsResolver];
