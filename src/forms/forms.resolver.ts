import { Field, ObjectType, Parent, ResolveField, Resolver } from '@nestjs/graphql';
import { Region } from '../dashboard/types/region.types.js';
import { Station } from '../dashboard/types/station.types.js';
import { rankingPath, stationFormPath } from './download.js';

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

/** The forms' download paths on Station and Region. */
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

export const FORMS_RESOLVERS = [StationFormsResolver, RegionFormsResolver];
