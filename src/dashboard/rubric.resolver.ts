import { UseGuards } from '@nestjs/common';
import { Args, Query, Resolver } from '@nestjs/graphql';
import { DomainError } from '../common/errors/domain-error.js';
import { isRubricVersion, NATIONAL_2023_VERSION, RUBRIC_VERSIONS } from '../rubric/index.js';
import { GqlAuthGuard } from './graphql-auth.js';
import { rubricMeta } from './loaders/rubric-meta.js';
import { Rubric } from './types/rubric.types.js';

@Resolver(() => Rubric)
@UseGuards(GqlAuthGuard)
export class RubricResolver {
  @Query(() => Rubric, { description: 'A rubric version: the whole indicator tree with points, ※ and sources, the bonus table, veto kinds and notes.' })
  rubric(@Args('version', { defaultValue: NATIONAL_2023_VERSION }) version: string): Rubric {
    if (!isRubricVersion(version)) throw DomainError.notFound(`rubric "${version}" (known: ${RUBRIC_VERSIONS.join(', ')})`);
    return rubricMeta(version).view;
  }
}
