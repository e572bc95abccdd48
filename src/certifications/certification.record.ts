// The county certifications (附件3): one per station and rating year, its 12 items stored
// as one boolean array in item order.
import type { RecordKind } from '../database/record-kind.js';
import type { Certification, CertificationItems } from '../domain/station-data.js';
import { CERTIFICATION_ITEM_KEYS } from './certification.dto.js';

interface CertificationRow {
  year: number;
  items: boolean[];
  certified_by: string | null;
  certified_on: string | null;
}

/** The 12 items in item order, an absent one as false. */
export const itemArray = (c: Certification): boolean[] => CERTIFICATION_ITEM_KEYS.map((k) => c.items[k] === true);

export const CERTIFICATION_RECORD: RecordKind<Certification, CertificationRow> = {
  table: 'certification',
  entity: 'certification',
  keyColumn: 'year',
  keyType: 'smallint',
  keyOf: (c) => String(c.year),
  keyValue: (c) => c.year,
  returnsId: false,
  columns: [
    // Each row's 12 items travel as one array literal: unnest() would flatten a 2-D array.
    { name: 'items', type: 'text', cast: 'boolean[]', value: (c) => `{${itemArray(c).join(',')}}` },
    { name: 'certified_by', type: 'varchar', value: (c) => c.certifiedBy },
    { name: 'certified_on', type: 'date', value: (c) => c.certifiedOn },
  ],
  select: 'year, items, certified_by, certified_on',
  order: 'year',
  fromRow: (r) => ({ year: r.year, items: certifiedItems(r.items), certifiedBy: r.certified_by, certifiedOn: r.certified_on }),
};

/** The items certified (true); the others are absent, which counts as not certified. */
function certifiedItems(stored: readonly boolean[]): CertificationItems {
  const items: CertificationItems = {};
  stored.forEach((value, i) => {
    if (value) items[String(i + 1) as keyof CertificationItems] = true;
  });
  return items;
}
