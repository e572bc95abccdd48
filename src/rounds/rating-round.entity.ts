import { Column, CreateDateColumn, Entity, JoinColumn, ManyToOne, PrimaryGeneratedColumn, Unique, VersionColumn, type Relation } from 'typeorm';
import { NamedCheck, inList } from '../database/columns.js';
import { RegionRecord } from '../regions/region.entity.js';
import type { StarPolicy } from '../rubric/model/star-policy.js';
import { ROUND_LEVELS, ROUND_STATUSES, type RoundLevel, type RoundStatus } from './round-status.js';

/**
 * A province's rating round (评定批次): its cut-off date (every 近N年 window ends on it), case
 * sample, deadline and publication period, with the rubric version and star policy frozen
 * at opening. `version` is optimistic: every status change bumps it.
 */
@Entity('rating_round')
@Unique('uq_rating_round_province_name', ['provinceCode', 'name'])
@NamedCheck('ck_rating_round_status', inList('status', ROUND_STATUSES))
@NamedCheck('ck_rating_round_level', inList('level', ROUND_LEVELS))
@NamedCheck('ck_rating_round_sample', `"case_sample_from" <= "case_sample_to" AND "case_sample_to" <= "cut_off"`)
@NamedCheck('ck_rating_round_publication_days', `"publication_days" BETWEEN 1 AND 60`)
@NamedCheck('ck_rating_round_publication', `("publication_from" IS NULL) = ("publication_to" IS NULL) AND ("publication_from" IS NULL OR "publication_from" <= "publication_to")`)
@NamedCheck('ck_rating_round_closed', `("status" = 'OPEN') = ("applications_closed_at" IS NULL)`)
@NamedCheck('ck_rating_round_published', `"status" NOT IN ('PUBLICIZING', 'CONFIRMED') OR ("published_at" IS NOT NULL AND "publication_from" IS NOT NULL)`)
@NamedCheck('ck_rating_round_confirmed', `("status" = 'CONFIRMED') = ("confirmed_at" IS NOT NULL)`)
export class RatingRoundRecord {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'char', length: 6 })
  provinceCode: string;

  @ManyToOne(() => RegionRecord, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'province_code', foreignKeyConstraintName: 'fk_rating_round_province' })
  province?: Relation<RegionRecord>;

  @Column({ type: 'varchar', length: 100 })
  name: string;

  @Column({ type: 'varchar', length: 10 })
  level: RoundLevel;

  @Column({ type: 'date' })
  cutOff: string;

  /** The case sample of 7④ and 8 (default: the 4 months ending with the cut-off's month). */
  @Column({ type: 'date' })
  caseSampleFrom: string;

  @Column({ type: 'date' })
  caseSampleTo: string;

  @Column({ type: 'timestamptz' })
  applicationDeadline: Date;

  /** 公示期 in days. */
  @Column({ type: 'smallint' })
  publicationDays: number;

  @Column({ type: 'date', nullable: true })
  publicationFrom: string | null;

  @Column({ type: 'date', nullable: true })
  publicationTo: string | null;

  @Column({ type: 'varchar', length: 32 })
  rubricVersion: string;

  /** Star policy id used for the round ('national-default' or a star_policy id). */
  @Column({ type: 'varchar', length: 64 })
  starPolicyId: string;

  /** The whole policy as it stood at opening: later policy changes do not touch the round. */
  @Column({ type: 'jsonb' })
  starPolicy: StarPolicy;

  @Column({ type: 'varchar', length: 12, default: 'OPEN' })
  status: RoundStatus;

  @Column({ type: 'uuid', nullable: true })
  openedBy: string | null;

  @CreateDateColumn({ type: 'timestamptz' })
  openedAt: Date;

  @Column({ type: 'timestamptz', nullable: true })
  applicationsClosedAt: Date | null;

  @Column({ type: 'timestamptz', nullable: true })
  publishedAt: Date | null;

  @Column({ type: 'timestamptz', nullable: true })
  confirmedAt: Date | null;

  @Column({ type: 'uuid', nullable: true })
  confirmedBy: string | null;

  /** An ADMIN's reason for confirming before the publication period ended. */
  @Column({ type: 'text', nullable: true })
  earlyConfirmReason: string | null;

  /** chain_hash of the round's last result (round_result.seq highest), set at confirmation. */
  @Column({ type: 'char', length: 64, nullable: true })
  chainHead: string | null;

  @VersionColumn({ type: 'int' })
  version: number;
}
