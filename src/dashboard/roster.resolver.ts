import { Parent, ResolveField, Resolver } from '@nestjs/graphql';
import { DomainError } from '../common/errors/domain-error.js';
import { GqlContext } from './graphql-auth.js';
import type { DashboardContext } from './graphql-context.js';
import { canReadPersonalData } from '../auth/personal-data.js';
import { PERMISSIONS } from './permissions.js';
import type { PersonView } from '../personnel/roster.js';
import { RosterEntry } from './types/roster.types.js';

/** The personal fields of a roster entry, released per permissions.ts (readPersonalData). */
@Resolver(() => RosterEntry)
export class RosterEntryResolver {
  @ResolveField(() => String, { nullable: true, description: 'Personal data.' })
  name(@Parent() person: PersonView, @GqlContext() ctx: DashboardContext): string {
    return personal(ctx, person).name;
  }

  @ResolveField(() => String, { nullable: true, description: 'Personal data (YYYY-MM).' })
  birthMonth(@Parent() person: PersonView, @GqlContext() ctx: DashboardContext): string | null {
    return personal(ctx, person).birthMonth;
  }

  @ResolveField(() => String, { nullable: true, description: 'Personal data.' })
  enforcementCertNo(@Parent() person: PersonView, @GqlContext() ctx: DashboardContext): string | null {
    return personal(ctx, person).enforcementCertNo;
  }

  @ResolveField(() => String, { nullable: true, description: 'Personal data.' })
  specialEquipmentCertNo(@Parent() person: PersonView, @GqlContext() ctx: DashboardContext): string | null {
    return personal(ctx, person).specialEquipmentCertNo;
  }
}

function personal(ctx: DashboardContext, person: PersonView): PersonView['personal'] {
  if (!canReadPersonalData(ctx.principal, person.countyCode)) {
    throw DomainError.forbidden(`personal data of people needs a ${PERMISSIONS.readPersonalData.join(' or ')} key covering the station; the key has ${ctx.principal.role}`);
  }
  return person.personal;
}
