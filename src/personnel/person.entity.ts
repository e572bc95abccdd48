import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, Unique, type Relation } from 'typeorm';
import { NamedCheck, inList } from '../database/columns.js';
import {
  EDUCATIONS,
  MAJOR_CATEGORIES,
  POSITIONS,
  SPECIAL_EQUIPMENT_CERT_CLASSES,
  STAFFING_TYPES,
  type Education,
  type MajorCategory,
  type Position,
  type SpecialEquipmentCertClass,
  type StaffingType,
} from '../domain/vocabulary.js';
import { StationRecord } from '../stations/station.entity.js';

/** One person on a station's roster (附件2 市场监管所人员一览表). */
@Entity('person')
@Unique('uq_person_station_external', ['stationCode', 'externalId'])
@NamedCheck('ck_person_position', inList('position', POSITIONS))
@NamedCheck('ck_person_education', inList('education', EDUCATIONS))
@NamedCheck('ck_person_major_category', inList('major_category', MAJOR_CATEGORIES))
@NamedCheck('ck_person_staffing_type', inList('staffing_type', STAFFING_TYPES))
@NamedCheck('ck_person_birth_month', `"birth_month" IS NULL OR "birth_month" ~ '^[0-9]{4}-(0[1-9]|1[0-2])$'`)
@NamedCheck('ck_person_seconded_months', `"seconded_months" >= 0 AND "seconded_months" <= 24`)
@NamedCheck(
  'ck_person_se_cert',
  `("se_cert_number" IS NULL AND "se_cert_class" IS NULL AND "se_cert_expires_on" IS NULL)
   OR ("se_cert_number" IS NOT NULL AND "se_cert_class" IN (${SPECIAL_EQUIPMENT_CERT_CLASSES.map((c) => `'${c}'`).join(', ')}) AND "se_cert_expires_on" IS NOT NULL)`,
)
export class PersonRecord {
  @PrimaryGeneratedColumn('identity', { type: 'bigint', generatedIdentity: 'ALWAYS' })
  id: string;

  @Column({ type: 'varchar', length: 32 })
  stationCode: string;

  @ManyToOne(() => StationRecord, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'station_code', foreignKeyConstraintName: 'fk_person_station' })
  station?: Relation<StationRecord>;

  @Column({ type: 'varchar', length: 64 })
  externalId: string;

  @Column({ type: 'varchar', length: 100 })
  name: string;

  @Column({ type: 'varchar', length: 16 })
  position: Position;

  @Column({ type: 'char', length: 7, nullable: true })
  birthMonth: string | null;

  @Column({ type: 'varchar', length: 24 })
  education: Education;

  @Column({ type: 'varchar', length: 100, nullable: true })
  major: string | null;

  @Column({ type: 'varchar', length: 24 })
  majorCategory: MajorCategory;

  @Column({ type: 'varchar', length: 24 })
  staffingType: StaffingType;

  @Column({ type: 'varchar', length: 64, nullable: true })
  enforcementCertNo: string | null;

  @Column({ type: 'varchar', length: 64, nullable: true })
  seCertNumber: string | null;

  @Column({ type: 'char', length: 1, nullable: true })
  seCertClass: SpecialEquipmentCertClass | null;

  @Column({ type: 'date', nullable: true })
  seCertExpiresOn: string | null;

  @Column({ type: 'date', nullable: true })
  hiredOn: string | null;

  @Column({ type: 'smallint', default: 0 })
  secondedMonths: number;

  @Column({ type: 'date', nullable: true })
  lastHealthCheckOn: string | null;

  @Column({ type: 'boolean', default: false })
  informationAdministrator: boolean;

  /** The day the person left (a roster PUT sets it); null while on the roster. */
  @Column({ type: 'date', nullable: true })
  leftOn: string | null;

  @Column({ type: 'varchar', length: 64 })
  rowDigest: string;
}

/** One calendar year of a person's training (脱产培训 days or hours, 线上培训 hours). */
@Entity('person_training')
@NamedCheck('ck_person_training_year', `"year" BETWEEN 1990 AND 2100`)
@NamedCheck(
  'ck_person_training_amounts',
  `"offline_days" >= 0 AND "offline_days" <= 366 AND "offline_hours" >= 0 AND "online_hours" >= 0 AND "provincial_trainings" >= 0`,
)
export class PersonTrainingRecord {
  @Column({ type: 'bigint', primary: true })
  personId: string;

  @ManyToOne(() => PersonRecord, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'person_id', foreignKeyConstraintName: 'fk_person_training_person' })
  person?: Relation<PersonRecord>;

  @Column({ type: 'smallint', primary: true })
  year: number;

  @Column({ type: 'numeric', precision: 5, scale: 1, default: 0 })
  offlineDays: string;

  @Column({ type: 'numeric', precision: 6, scale: 1, default: 0 })
  offlineHours: string;

  @Column({ type: 'numeric', precision: 6, scale: 1, default: 0 })
  onlineHours: string;

  @Column({ type: 'smallint', default: 0 })
  provincialTrainings: number;
}

/** A disciplinary record (处分) of a person; 18② looks for any in the last 2 years. */
@Entity('person_disciplinary_record')
@Index('ix_disciplinary_person', ['personId'])
export class PersonDisciplinaryRecord {
  @PrimaryGeneratedColumn('identity', { type: 'bigint', generatedIdentity: 'ALWAYS' })
  id: string;

  @Column({ type: 'bigint' })
  personId: string;

  @ManyToOne(() => PersonRecord, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'person_id', foreignKeyConstraintName: 'fk_disciplinary_person' })
  person?: Relation<PersonRecord>;

  @Column({ type: 'date' })
  date: string;

  @Column({ type: 'varchar', length: 64 })
  kind: string;

  @Column({ type: 'varchar', length: 1000, default: '' })
  description: string;
}
