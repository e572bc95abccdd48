// Which fields of a person are personal data (domain guide: names, birth months and
// certificate numbers), and the person as a key without the right to them reads it.
import type { Person, SpecialEquipmentCert } from '../domain/station-data.js';

/** The personal fields of a Person, as paths. */
export const PERSONAL_PERSON_FIELDS = ['name', 'birthMonth', 'enforcementCertNo', 'specialEquipmentCert.number'] as const;

/** A person without the personal fields: they are left out, not null (null means "not recorded"). */
export type PersonWithoutPersonalData = Omit<Person, 'name' | 'birthMonth' | 'enforcementCertNo' | 'specialEquipmentCert'> & {
  specialEquipmentCert: Omit<SpecialEquipmentCert, 'number'> | null;
};

export function withoutPersonalData(person: Person): PersonWithoutPersonalData {
  const { name: _name, birthMonth: _birthMonth, enforcementCertNo: _certNo, specialEquipmentCert, ...rest } = person;
  return { ...rest, specialEquipmentCert: specialEquipmentCert ? { class: specialEquipmentCert.class, expiresOn: specialEquipmentCert.expiresOn } : null };
}
