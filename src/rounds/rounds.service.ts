// Opening and reading rating rounds. Opening freezes the rubric version and the province's
// star policy in force; everything else a round goes through (applications, review,
// publication, confirmation) is written by the services built on this module.
import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import { AuditService } from '../audit/audit.service.js';
import type { Principal } from '../auth/principal.js';
import { DomainError } from '../common/errors/domain-error.js';
import { APP_CONFIG, type AppConfig } from '../config/app-config.js';
import { checkRegionCode, checkUuid } from '../dashboard/args.js';
import { assertCovers, assertPermitted } from '../dashboard/permissions.js';
import { digestOf, keyIdOf } from '../audit/audit-values.js';
import { todayIn } from '../domain/dates.js';
import type { WriteContext } from '../ingestion/write-context.js';
import { getRubric } from '../rubric/index.js';
import { StarPolicyStore } from '../rubric/star-policies.service.js';
import { checkOpenRound, type OpenRoundInput } from './open-round.input.js';
import type { RatingRoundRecord } from './rating-round.entity.js';
import { levelStars } from './round-status.js';
import { RegionsRepository } from '../regions/regions.repository.js';
import { RoundsRepository } from './rounds.repository.js';

/** True when the key may read the province's rounds: an admin, or any key inside the province. */
export function canReadProvince(principal: Principal, provinceCode: string): boolean {
  return principal.role === 'ADMIN' || principal.regionCode.slice(0, 2) === provinceCode.slice(0, 2);
}

@Injectable()
export class RoundsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly policies: StarPolicyStore,
    private readonly audit: AuditService,
  ) {}

  /** Opens a round (PROVINCE of that province, or ADMIN): validated, frozen, audited. */
  async open(ctx: WriteContext, input: OpenRoundInput): Promise<RatingRoundRecord> {
    const provinceCode = checkRegionCode(typeof input.provinceCode === 'string' ? input.provinceCode : '', 'input.provinceCode');
    if (!provinceCode.endsWith('0000')) throw DomainError.badInput(`${provinceCode} is not a province`, [{ path: 'input.provinceCode', reason: 'a province code ends in 0000' }]);
    assertPermitted(ctx.principal, 'manageRounds', provinceCode, `a rating round of ${provinceCode}`);
    return this.dataSource.transaction(async (manager) => {
      const rounds = new RoundsRepository(manager);
      if (!(await new RegionsRepository(manager).exists(provinceCode))) throw DomainError.notFound(`province ${provinceCode}`);
      const policy = (await this.policies.activeFor([provinceCode], manager)).get(provinceCode)!;
      const rubric = getRubric(policy.rubricVersion);
      const checked = checkOpenRound(input, { today: todayIn(this.config.timeZone), now: new Date(), caseSampleMonths: rubric.parameters.caseSampleMonths });
      if (checked.terms === null) throw DomainError.badInput('the round is not valid', checked.problems);
      const terms = checked.terms;
      const stars = levelStars(terms.level);
      if (!policy.levels.some((l) => l.stars === stars)) {
        throw DomainError.badInput(`the star policy of ${provinceCode} has no ${stars}★ level`, [{ path: 'input.level', reason: `the star policy "${policy.name}" defines ${policy.levels.map((l) => `${l.stars}★`).join(', ')}` }]);
      }
      // One name per province: serialise openings of one province, then look.
      await rounds.lockProvince(provinceCode);
      const same = await rounds.idByName(provinceCode, terms.name);
      if (same !== undefined) throw DomainError.conflict(`a round named "${terms.name}" already exists in ${provinceCode} (${same})`);
      const round = await rounds.insert({
        ...terms,
        provinceCode,
        rubricVersion: policy.rubricVersion,
        starPolicyId: policy.id,
        starPolicy: policy,
        status: 'OPEN',
        openedBy: keyIdOf(ctx),
        publicationFrom: null,
        publicationTo: null,
        applicationsClosedAt: null,
        publishedAt: null,
        confirmedAt: null,
        confirmedBy: null,
        earlyConfirmReason: null,
        chainHead: null,
      });
      const detail = { name: round.name, level: round.level, cutOff: round.cutOff, caseSampleFrom: round.caseSampleFrom, caseSampleTo: round.caseSampleTo, applicationDeadline: round.applicationDeadline.toISOString(), publicationDays: round.publicationDays, rubricVersion: round.rubricVersion, starPolicyId: round.starPolicyId };
      await this.audit.record(manager, ctx, 'round.open', [
        { stationCode: null, entity: 'rating_round', entityKey: round.id, beforeDigest: null, afterDigest: digestOf({ ...detail, starPolicy: policy }), detail },
      ]);
      return round;
    });
  }

  /** One round; NOT_FOUND when it does not exist or lies outside the key's province. */
  async get(principal: Principal, id: string, manager: EntityManager = this.dataSource.manager): Promise<RatingRoundRecord> {
    checkUuid(typeof id === 'string' ? id : '', 'roundId');
    const round = await new RoundsRepository(manager).findById(id);
    if (round === null || !canReadProvince(principal, round.provinceCode)) throw DomainError.notFound(`rating round ${id}`);
    return round;
  }

  /** Rounds of a province (default: the key's), newest first; FORBIDDEN for another province. */
  async list(principal: Principal, provinceCode?: string | null, manager: EntityManager = this.dataSource.manager): Promise<RatingRoundRecord[]> {
    const province = provinceCode ?? (principal.role === 'ADMIN' ? null : `${principal.regionCode.slice(0, 2)}0000`);
    if (province !== null) {
      checkRegionCode(province, 'provinceCode');
      if (!canReadProvince(principal, province)) assertCovers(principal, province, `the rounds of ${province}`);
    }
    return new RoundsRepository(manager).list(province);
  }
}
