import { Column, CreateDateColumn, Entity, JoinColumn, ManyToOne, PrimaryGeneratedColumn, Unique, type Relation } from 'typeorm';
import { NamedCheck, inList } from '../database/columns.js';
import { Region } from '../regions/region.entity.js';

export const RATING_ROUND_STATUSES = ['OPEN', 'CLOSED'] as const;
export type RatingRoundStatus = (typeof RATING_ROUND_STATUSES)[number];

/** A province's rating round (评定批次) with its fixed cut-off date; windows are measured from it. */
@Entity('rating_round')
@Unique('uq_rating_round_province_name', ['provinceCode', 'name'])
@NamedCheck('ck_rating_round_status', inList('status', RATING_ROUND_STATUSES))
@NamedCheck('ck_rating_round_closed', `("status" = 'CLOSED') = ("closed_at" IS NOT NULL)`)
export class RatingRoundRecord {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'char', length: 6 })
  provinceCode: string;

  @ManyToOne(() => Region, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'province_code', foreignKeyConstraintName: 'fk_rating_round_province' })
  province?: Relation<Region>;

  @Column({ type: 'varchar', length: 100 })
  name: string;

  @Column({ type: 'date' })
  cutOff: string;

  @Column({ type: 'varchar', length: 32 })
  rubricVersion: string;

  /** Star policy id used for the round ('national-default' or a star_policy id). */
  @Column({ type: 'varchar', length: 64 })
  starPolicyId: string;

  @Column({ type: 'varchar', length: 8, default: 'OPEN' })
  status: RatingRoundStatus;

  @Column({ type: 'uuid', nullable: true })
  openedBy: string | null;

  @CreateDateColumn({ type: 'timestamptz' })
  openedAt: Date;

  @Column({ type: 'timestamptz', nullable: true })
  closedAt: Date | null;
}
